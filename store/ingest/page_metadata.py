"""What a web page says about itself: title, author, publisher and date, from its metadata.

trafilatura reads OpenGraph, ``<meta>`` tags and JSON-LD for the title, author
and site name. The publication date comes from the same declarations (JSON-LD
``datePublished``, ``article:published_time`` and its kin, ``<time datetime>``)
or a date in the URL's path, never from dates mentioned in the text. Only what
the page declares counts: without it the HTML reader falls back to the
``<h1>``/``<title>``, and a fetched page to the site's host name.

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

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # the tree trafilatura parses
    from lxml.html import HtmlElement

logging.getLogger("trafilatura").setLevel(logging.ERROR)

DATE_NAMES = frozenset(
    (
        "article:published_time",
        "article:published",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publication_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
    )
)
"""``<meta>`` property, name or itemprop values that declare the publication date."""

_ISO_DAY = re.compile(r"^\s*(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T\s])")
_URL_DAY = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")
_WORDY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y")


@dataclass(frozen=True)
class PageMetadata:
    """The metadata a page declares; empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""


def day(value: str) -> str:
    """A declared date as ``YYYY-MM-DD``; ``""`` when it is none.

    >>> day("2024-12-19T08:00:00+02:00"), day("20241219"), day("December 19, 2024"), day("soon")
    ('2024-12-19', '2024-12-19', '2024-12-19', '')
    """
    value = " ".join(value.split())
    match = _ISO_DAY.match(value)
    if match:
        year, month, dom = (int(g) for g in match.groups())
        try:
            return datetime(year, month, dom).date().isoformat()
        except ValueError:
            return ""
    for pattern in _WORDY_FORMATS:
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return ""


def _json_ld_dates(tree: HtmlElement) -> list[str]:
    """``datePublished`` values in the page's JSON-LD, articles first."""
    found: list[tuple[int, str]] = []

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            value = node.get("datePublished") or node.get("dateCreated")
            if isinstance(value, str):
                kind = str(node.get("@type", ""))
                found.append((0 if "Article" in kind or "Posting" in kind else 1, value))
            for key in ("@graph", "mainEntity", "mainEntityOfPage"):
                walk(node.get(key))

    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            walk(json.loads(script.text or "", strict=False))
        except (ValueError, RecursionError):
            continue
    return [value for _, value in sorted(found, key=lambda item: item[0])]


def _declared_dates(tree: HtmlElement) -> list[str]:
    """Dates the page declares in ``<meta>`` tags and ``<time datetime>`` elements."""
    values: list[str] = []
    for meta in tree.iterfind(".//meta[@content]"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in DATE_NAMES:
            values.append(meta.get("content", ""))
    for element in tree.iterfind(".//*[@itemprop='datePublished']"):
        values.append(element.get("datetime") or element.get("content") or "")
    for element in tree.iterfind(".//time[@datetime]"):
        values.append(element.get("datetime", ""))
    return values


def _published(tree: HtmlElement, url: str) -> str:
    for value in [*_json_ld_dates(tree), *_declared_dates(tree)]:
        found = day(value)
        if found:
            return found
    match = _URL_DAY.search(urlsplit(url).path) if url else None
    if match:
        return day("-".join(f"{int(g):02}" for g in match.groups()))
    return ""


def page_metadata(markup: str, url: str = "") -> PageMetadata:
    """The title, author, publisher (site name) and date ``markup`` declares.

    ``url`` is where the page came from: a date in its path counts.
    """
    try:
        from trafilatura.metadata import examine_meta, extract_meta_json
        from trafilatura.utils import load_html
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        return PageMetadata()
    try:
        tree = load_html(markup)
        if tree is None:
            return PageMetadata()
        found = extract_meta_json(tree, examine_meta(tree))
        published = _published(tree, url)
    except Exception:  # odd markup: no metadata rather than no document
        return PageMetadata()
    return PageMetadata(
        title=_one_line(found.title),
        author=_one_line(found.author),
        publisher=_one_line(found.sitename),
        published=published,
        url=_one_line(found.url),
    )


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) if value else ""
