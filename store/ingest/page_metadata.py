"""What a web page says about itself: title, author, publisher and date, from its metadata.

trafilatura reads JSON-LD, OpenGraph, Dublin Core and ``<meta>`` tags (and the
``<title>``/``<h1>`` after them); htmldate finds the publication date in the
same places and in ``<time>`` elements and the URL, but never guesses it from
dates mentioned in the article text.

    >>> page = '''<html><head><title>Floods | Northern Ledger</title>
    ... <script type="application/ld+json">{"@context": "https://schema.org",
    ... "@type": "NewsArticle", "headline": "River floods",
    ... "datePublished": "2024-12-19T08:00:00Z", "author": {"@type": "Person", "name": "Ana Petrova"},
    ... "publisher": {"@type": "Organization", "name": "Northern Ledger"}}</script>
    ... </head><body><p>Officials said 40 people died.</p></body></html>'''
    >>> meta = page_metadata(page)
    >>> meta.title, meta.author, meta.publisher, meta.published
    ('River floods', 'Ana Petrova', 'Northern Ledger', '2024-12-19')
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True)
class PageMetadata:
    """The metadata a page declares; empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""


def page_metadata(markup: str, url: str = "") -> PageMetadata:
    """The title, author, publisher (site name) and date ``markup`` declares.

    ``url`` is where the page came from: a date in it counts, and its host
    names the publisher when nothing else does.
    """
    try:
        from trafilatura.metadata import extract_metadata
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        return PageMetadata()
    date_config = {
        "original_date": True,
        "extensive_search": False,  # dates written in the text are not the page's date
        "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
    }
    try:
        found = extract_metadata(markup, default_url=url or None, date_config=date_config)
    except Exception:  # odd markup: no metadata rather than no document
        return PageMetadata()
    return PageMetadata(
        title=_one_line(found.title),
        author=_one_line(found.author),
        publisher=_one_line(found.sitename),
        published=_one_line(found.date),
        url=_one_line(found.url),
    )


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) if value else ""
