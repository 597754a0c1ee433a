"""A claim with its citation, for the clipboard, and which document URLs may be opened.

>>> from claimdesk.store.models import Claim, Document
>>> doc = Document(1, "Border clash", "Wire", "https://example.org/a", "2024-12-27",
...                "", "", "", 0)
>>> claim = Claim(1, 1, 0, 0, 10, "Officials said 100 soldiers were killed.", True, True,
...               0.9, "", "", "", "")
>>> print(cite(claim, doc))
"Officials said 100 soldiers were killed." (Wire, "Border clash", 2024-12-27, https://example.org/a)
>>> print(cite(claim, doc, "p. 4"))
"Officials said 100 soldiers were killed." (Wire, "Border clash", 2024-12-27, p. 4, https://example.org/a)
>>> openable_url(" https://example.org/a "), openable_url("javascript:alert(1)")
('https://example.org/a', None)
"""

from __future__ import annotations

from urllib.parse import urlsplit

from claimdesk.store.models import Claim, Document
from claimdesk.store.safe_text import display_safe

OPENABLE_SCHEMES = ("http", "https")
"""Document URLs are data: only web addresses are handed to the browser."""


def _flat(text: str) -> str:
    return " ".join(display_safe(text, tab_size=1).split())


def cite(claim: Claim, document: Document, location: str = "") -> str:
    """The claim in quotes, then where it comes from: source, title, date, ``location`` (the
    page, "p. 4", or the time it was said, "at 00:03:12") and URL."""
    where = [_flat(document.source), f'"{_flat(document.title)}"' if document.title else ""]
    where += [_flat(document.published[:10]), _flat(location), _flat(document.url)]
    return f'"{_flat(claim.text)}" ({", ".join(p for p in where if p)})'


def openable_url(url: str) -> str | None:
    """``url`` if it is a web address with a host, else ``None``."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in OPENABLE_SCHEMES or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    return url
