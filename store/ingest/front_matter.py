"""Optional front matter: ``key: value`` lines between ``---`` fences at the top of a file.

Only ``title``, ``source``, ``url``, ``published`` (or ``date``) and ``disclaimer`` (or
``note``/``notice``: a note about the document, such as "Demo material: an invented
report") are used; the block itself is never part of the stored document text, so the
disclaimer is shown with the document and is never a claim.

    >>> meta, body = split_front_matter("---\\ntitle: Floods\\nsource: 'Daily'\\n---\\n\\nText.")
    >>> meta, body
    ({'title': 'Floods', 'source': 'Daily'}, 'Text.')
    >>> split_front_matter("No front matter.")
    ({}, 'No front matter.')
"""

from __future__ import annotations

import re

FIELDS = ("title", "source", "url", "published", "disclaimer")
"""Front-matter keys that become document metadata."""

ALIASES = {
    "date": "published",
    "link": "url",
    "outlet": "source",
    "publisher": "source",
    "note": "disclaimer",
    "notice": "disclaimer",
}
"""Other common spellings of the same keys."""

_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_LINE = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]?(.*)$")
MAX_BLOCK = 8192  # a "---" rule far down a file is not front matter


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return ``(metadata, body)``; ``body`` is ``text`` without the block and the blank lines after it.

    A block that does not look like ``key: value`` lines is not front matter
    (a Markdown horizontal rule stays text).
    """
    match = _BLOCK.match(text)
    if not match or match.end() > MAX_BLOCK:
        return {}, text
    meta: dict[str, str] = {}
    for line in (match.group(1) or "").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        found = _LINE.match(line)
        if not found:
            if line[:1].isspace():  # a continuation or nested YAML value: ignored
                continue
            return {}, text
        key = found.group(1).lower()
        key = ALIASES.get(key, key)
        if key in FIELDS and key not in meta:
            meta[key] = _unquote(found.group(2))
    return meta, text[match.end() :].lstrip("\n")
