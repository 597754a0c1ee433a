"""The main text of an HTML page: the article, not menus, scripts or footers.

trafilatura finds the article body on real pages; for fragments it declines
(a lone ``<p>``) or when it is not installed, a small parser keeps every
visible block outside navigation, headers, footers, asides, scripts and styles.

    >>> page = "<nav>Home | World</nav><article><h1>Floods</h1><p>40 people died.</p></article>"
    >>> html_to_text(page).text
    'Floods\\n\\n40 people died.'
    >>> html_to_text("<title>A &amp; B</title><p>x</p>").title
    'A & B'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class HtmlText:
    """Extracted text plus what the page says about itself."""

    text: str
    title: str = ""
    published: str = ""
    url: str = ""


_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "head",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "figcaption",
    "dd",
    "dt",
    "hr",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "wbr"}


# Elements whose text is never shown, even on a page that is nothing but menus.
_NEVER_SHOWN = {"script", "style", "template", "noscript", "iframe", "head", "svg"}


class _VisibleText(HTMLParser):
    """Collects visible text by blocks, skipping ``skip`` elements (boilerplate)."""

    def __init__(self, skip: set[str] = _SKIP) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.open: list[str] = []  # the skipped elements we are inside

    @property
    def skip_depth(self) -> int:
        """How many skipped elements enclose the current text."""
        return len(self.open)

    def _flush(self) -> None:
        block = " ".join("".join(self.current).split())
        if block:
            self.blocks.append(block)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter a skipped element or start a new block."""
        if "head" in self.open and (tag == "body" or tag in _BLOCK):
            # Page content inside an unclosed <head>: the head ended, as in a browser.
            self.open = [t for t in self.open if t != "head"]
        if tag in self.skip and tag not in _VOID:
            self.open.append(tag)
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        """Leave a skipped element or end a block."""
        if tag in self.skip:
            if tag in self.open:
                del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        """Keep text outside skipped elements."""
        if not self.skip_depth:
            self.current.append(data)

    def text(self) -> str:
        """The collected blocks, blank-line separated."""
        self.close()
        self._flush()
        return "\n\n".join(self.blocks)


def visible_text(markup: str, *, boilerplate: bool = False) -> str:
    """Every visible block of ``markup`` outside boilerplate elements, blank-line separated.

    ``boilerplate=True`` keeps menus, headers and footers too (only scripts,
    styles, ``<noscript>``/``<iframe>`` fallbacks and the head are dropped): the
    last resort for a page that has no other text.
    """
    parser = _VisibleText(_NEVER_SHOWN if boilerplate else _SKIP)
    parser.feed(markup)
    return parser.text()


def without_fallbacks(markup: str) -> str:
    """``markup`` without ``<noscript>`` and ``<iframe>`` fallback content ("enable
    JavaScript", "your browser does not support frames"); the text after them stays.

    >>> without_fallbacks("<p>40 died.<noscript>Enable JavaScript.</noscript> 3 fled.</p>")
    '<html><body><p>40 died. 3 fled.</p></body></html>'
    """
    if "<noscript" not in markup.lower() and "<iframe" not in markup.lower():
        return markup
    try:
        from lxml import html as lxml_html

        tree = lxml_html.document_fromstring(markup)
        for element in list(tree.iter("noscript", "iframe")):
            element.drop_tree()
        cleaned: str = lxml_html.tostring(tree, encoding="unicode")
        return cleaned
    except Exception:  # unparseable markup: the plain parser skips both elements anyway
        return markup


def _trafilatura_text(markup: str) -> str:
    try:
        import trafilatura
    except ImportError:
        return ""
    try:
        found = trafilatura.extract(
            without_fallbacks(markup), include_comments=False, include_tables=True
        )
    except Exception:  # a parser failure on odd markup: fall back to the plain parser
        return ""
    if not found:
        return ""
    return "\n\n".join(line.strip() for line in found.splitlines() if line.strip())


_TAG = re.compile(r"<[^>]+>")


def _has_prose(text: str) -> bool:
    """Whether some block of ``text`` reads as prose: six words or more and a full stop."""
    return any(
        len(block.split()) >= 6 and any(stop in block for stop in ".!?")
        for block in text.split("\n\n")
    )


def _first(pattern: str, markup: str) -> str:
    match = re.search(pattern, markup, re.I | re.S)
    if not match:
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", match.group(1))).split())


def _meta(markup: str, *names: str) -> str:
    for name in names:
        value = _first(
            rf"<meta[^>]+(?:property|name|itemprop)=[\"']{re.escape(name)}[\"'][^>]*content=[\"']([^\"']*)",
            markup,
        ) or _first(
            rf"<meta[^>]+content=[\"']([^\"']*)[\"'][^>]*(?:property|name|itemprop)=[\"']{re.escape(name)}[\"']",
            markup,
        )
        if value:
            return value
    return ""


def html_to_text(markup: str) -> HtmlText:
    """The article text of ``markup`` with its title, publication date and canonical URL."""
    text = _trafilatura_text(markup)
    if len(text) < 500:
        # Short results need a second opinion: trafilatura falls back to menus
        # when a page has no article, and declines fragments altogether.
        visible = visible_text(markup)
        text = text if text and visible else visible
    if not text:
        # A malformed page (an unclosed element hiding the rest) still shows its prose;
        # a page of menus alone has no text to store.
        everything = visible_text(markup, boilerplate=True)
        text = everything if _has_prose(everything) else ""
    title = (
        _meta(markup, "og:title")
        or _first(r"<h1[^>]*>(.*?)</h1>", markup)
        or _first(r"<title[^>]*>(.*?)</title>", markup)
    )
    published = _meta(markup, "article:published_time", "datePublished", "date", "pubdate")
    url = _meta(markup, "og:url") or _first(
        r"<link[^>]+rel=[\"']canonical[\"'][^>]*href=[\"']([^\"']+)", markup
    )
    return HtmlText(text=text, title=title, published=published, url=url)


def looks_like_html(text: str) -> bool:
    """Whether text of unknown type is an HTML document (for stdin and odd file names)."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(html|body|article|p|div)[\s>]", text[:4096], re.I)
    )
