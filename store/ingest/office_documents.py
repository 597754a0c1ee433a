"""Word (.docx) and OpenDocument (.odt) files: their text by paragraphs, headings kept.

A .docx goes through mammoth into HTML and then the HTML path's block reader,
so headings, paragraphs and list items each become a block of their own, and a
table row one line, its cells joined by " | ". An .odt is read from its
``content.xml`` directly (the same blocks). Title, author and date come from the
file's document properties; without a title there, the first heading is the title.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Any
from xml.etree import ElementTree

from claimdesk.store.ingest.html_text import visible_text
from claimdesk.store.ingest.marked_text import clean_piece
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError, one_line

MAX_EXPANSION = 200 * 1024 * 1024
"""A document whose parts unpack to more than this (200 MB) is refused (a zip bomb)."""

_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_ODF_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S | re.I)


def _archive(raw: bytes, what: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as exc:
        raise RefusedError(f"a damaged {what}: {one_line(exc)}") from exc
    if sum(info.file_size for info in archive.infolist()) > MAX_EXPANSION:
        raise RefusedError(f"a {what} that unpacks to more than 200 MB")
    return archive


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        return ElementTree.fromstring(archive.read(name))
    except (KeyError, ElementTree.ParseError):
        return None


def _field(root: ElementTree.Element | None, *tags: str) -> str:
    if root is None:
        return ""
    for tag in tags:
        found = root.find(f".//{tag}")
        if found is not None and found.text and found.text.strip():
            return " ".join(found.text.split())
    return ""


def _day(value: str) -> str:
    """``2024-12-19T09:30:00Z`` as ``2024-12-19``; other values as written."""
    return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else value


def _no_images(image: Any) -> dict[str, str]:
    """mammoth's image hook: keep the alt text, never read or inline the picture."""
    return {"alt": image.alt_text or ""}


_STYLE_USE = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle|numStyle)\s+w:val="([^"]+)"')
_STYLE = re.compile(rb'<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>.*?</w:style>', re.S)
_STYLE_LINK = re.compile(rb'<w:(?:basedOn|link|next)\s+w:val="([^"]+)"')
_LATENT = re.compile(rb"<w:latentStyles\b.*?</w:latentStyles>", re.S)
_DEFAULT = re.compile(rb'^<w:style\b[^>]*w:default="(?:1|true)"')
_STYLE_PARTS = (
    "word/document.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
    "word/numbering.xml",
)
_UNREAD_PARTS = re.compile(r"^(?:word/media/|word/stylesWithEffects\.xml$|docProps/thumbnail)")


def _slim_styles(styles: bytes, used: set[bytes]) -> bytes:
    """``styles.xml`` with only the ``used`` styles (and those they are based on or linked
    to, and the defaults), and no latent styles."""
    blocks = {m.group(1): m.group(0) for m in _STYLE.finditer(styles)}
    pending = [*used, *(i for i, block in blocks.items() if _DEFAULT.match(block))]
    keep: set[bytes] = set()
    while pending:
        style_id = pending.pop()
        if style_id in keep or style_id not in blocks:
            continue
        keep.add(style_id)
        pending.extend(_STYLE_LINK.findall(blocks[style_id]))
    styles = _LATENT.sub(b"", styles)
    return _STYLE.sub(lambda m: m.group(0) if m.group(1) in keep else b"", styles)


def _slim(archive: zipfile.ZipFile) -> bytes:
    """The Word file with only the styles its text uses, and without pictures.

    mammoth reads every style, latent ones included, through a slow DOM; a template
    can hold thousands (python-docx's holds 9,000 elements: half a second a file).
    Word writes its main namespace as ``w:``; a file that does not keeps every style.
    """
    used: set[bytes] = set()
    for part in _STYLE_PARTS:
        try:
            used.update(_STYLE_USE.findall(archive.read(part)))
        except KeyError:
            continue
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as slim:
        for info in archive.infolist():
            if _UNREAD_PARTS.match(info.filename):
                continue
            data = archive.read(info.filename)
            if info.filename == "word/styles.xml":
                data = _slim_styles(data, used)
            slim.writestr(info.filename, data)
    return out.getvalue()


_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.S)


def rows_as_lines(html_text: str) -> str:
    """Each table row of mammoth's HTML as one line, cells joined by " | ".

    >>> rows_as_lines("<table><tr><td><p>Region</p></td><td><p>Deaths</p></td></tr></table>")
    '<table><p>Region | Deaths</p></table>'
    """

    def row(match: re.Match[str]) -> str:
        cells = (" ".join(visible_text(c).split()) for c in _CELL.findall(match.group(1)))
        return "<p>" + html.escape(" | ".join(cells), quote=False) + "</p>"

    return _ROW.sub(row, html_text)


def read_docx(raw: bytes, name: str = "") -> ParsedDocument:
    """A Word document's text by blocks, through mammoth's HTML."""
    import mammoth

    archive = _archive(raw, "Word document")
    try:
        markup = mammoth.convert_to_html(
            io.BytesIO(_slim(archive)), convert_image=mammoth.images.img_element(_no_images)
        ).value
    except Exception as exc:  # mammoth raises many kinds for damaged parts
        raise RefusedError(f"a damaged Word document: {one_line(exc)}") from exc
    text = clean_piece(visible_text(rows_as_lines(markup)))
    if not text.strip():
        raise RefusedError("no text found")
    core = _xml(archive, "docProps/core.xml")
    heading = _HEADING.search(markup)
    title = _field(core, f"{_DC}title") or (visible_text(heading.group(1)) if heading else "")
    return ParsedDocument(
        text=text,
        title=title,
        author=_field(core, f"{_DC}creator"),
        published=_day(_field(core, f"{_DCTERMS}created", f"{_DCTERMS}modified")),
        path=name,
        kind="docx",
    )


def _inline(element: ElementTree.Element) -> str:
    """The running text of an ODF paragraph: spans, links, spaces and tabs; notes left out."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            parts.append(" ")
        elif tag not in (f"{_TEXT}note", f"{_OFFICE}annotation", f"{_TEXT}bookmark-ref"):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt_blocks(element: ElementTree.Element, out: list[tuple[str, bool]]) -> None:
    """Collect ``(text, is_heading)`` blocks in document order."""
    for child in element:
        tag = child.tag
        if tag in (f"{_TEXT}p", f"{_TEXT}h"):
            text = " ".join(_inline(child).split())
            if text:
                out.append((text, tag == f"{_TEXT}h"))
            for frame in child.iter(f"{_DRAW}text-box"):
                _odt_blocks(frame, out)
        elif tag in (f"{_TEXT}tracked-changes", f"{_OFFICE}annotation", f"{_TEXT}sequence-decls"):
            continue
        elif tag == f"{_TABLE}table-row":
            cells = []
            for cell in child.iter(f"{_TABLE}table-cell"):
                found: list[tuple[str, bool]] = []
                _odt_blocks(cell, found)
                cells.append(" ".join(text for text, _ in found))
            if any(cells):
                out.append((" | ".join(cells), False))
        else:  # lists, list items, sections, tables, rows, cells
            _odt_blocks(child, out)


def read_odt(raw: bytes, name: str = "") -> ParsedDocument:
    """An OpenDocument text's paragraphs and headings, from its ``content.xml``."""
    archive = _archive(raw, "OpenDocument text")
    content = _xml(archive, "content.xml")
    body = content.find(f"{_OFFICE}body/{_OFFICE}text") if content is not None else None
    if body is None:
        raise RefusedError("a damaged OpenDocument text: no content.xml")
    blocks: list[tuple[str, bool]] = []
    _odt_blocks(body, blocks)
    text = clean_piece("\n\n".join(text for text, _ in blocks))
    if not text.strip():
        raise RefusedError("no text found")
    meta = _xml(archive, "meta.xml")
    heading = next((text for text, is_heading in blocks if is_heading), "")
    return ParsedDocument(
        text=text,
        title=_field(meta, f"{_DC}title") or heading,
        author=_field(meta, f"{_DC}creator", f"{_ODF_META}initial-creator"),
        published=_day(_field(meta, f"{_ODF_META}creation-date", f"{_DC}date")),
        path=name,
        kind="odt",
    )
