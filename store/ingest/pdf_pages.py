"""Text PDFs: the text of every page in reading order, with where each page starts.

pypdf reads the text and where each line sits on the page
(:mod:`~claimdesk.store.ingest.pdf_lines`: running headers, footers and page
numbers dropped); lines are put back into paragraphs
(:mod:`~claimdesk.store.ingest.pdf_paragraphs`: hyphenation at line ends
joined). A sentence that runs on to the next page stays one sentence; the page
where it starts is the page it is on. Lines come in the order the PDF draws
them, which is reading order for what word processors and typesetters write.

Title, author and date come from the document's metadata; a junk title
("Microsoft Word - memo2.docx") gives way to the largest type on page one.
A PDF with no text layer (a scan) is refused with a line saying so.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from claimdesk.store.ingest.marked_text import PAGE, MarkedText
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError, one_line
from claimdesk.store.ingest.pdf_lines import (
    LIGATURES,
    PdfLine,
    drop_running_lines,
    one_per_baseline,
    page_lines,
)
from claimdesk.store.ingest.pdf_paragraphs import join_left, layout_of, paragraphs_of, runs_on

if TYPE_CHECKING:  # pypdf is imported on first use (start-up time)
    from pypdf import PdfReader

_T = TypeVar("_T")

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are noise here

SCANNED = "a scanned PDF with no text layer: run OCR on it first (claimdesk reads text PDFs)"
"""The refusal for a PDF whose pages hold no text."""


_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - .*|untitled.*|document\d*|.*\.(?:docx?|pdf|indd|qxd|rtf|odt|pages|tex|dvi))$",
    re.I,
)


def _pdf_date(value: datetime | None) -> str:
    return value.date().isoformat() if value is not None else ""


def _title(metadata: Mapping[str, Any] | None, first_page: list[PdfLine]) -> str:
    title = " ".join(str((metadata or {}).get("/Title") or "").split())
    if title and not _JUNK_TITLE.match(title):
        return title
    head = first_page[:12]
    if not head:
        return ""
    body = statistics.median(ln.size for ln in first_page)
    largest = max(ln.size for ln in head)
    if largest < 1.2 * body:
        return ""
    words: list[str] = []
    for ln in head:
        if ln.size >= largest * 0.95:
            words.extend(ln.text.split())
        elif words:
            break
    return " ".join(words) if 0 < len(words) <= 25 else ""


def _open(raw: bytes) -> PdfReader:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RefusedError("an encrypted PDF: it needs a password")
        reader.pages[0]  # noqa: B018 - a broken page tree fails here, not later
        return reader
    except RefusedError:
        raise
    except IndexError as exc:
        raise RefusedError("a PDF with no pages") from exc
    except Exception as exc:  # pypdf raises many kinds for damaged files
        if "cryptography" in str(exc) or "AES" in str(exc):
            raise RefusedError("an encrypted PDF: it needs a password") from exc
        raise RefusedError(f"a damaged PDF: {one_line(exc)}") from exc


def _label(reader: PdfReader, index: int) -> str:
    try:
        return str(reader.page_labels[index])
    except Exception:  # damaged /PageLabels: count from one
        return str(index + 1)


def _page_paragraphs(reader: PdfReader) -> tuple[list[list[str]], list[PdfLine]]:
    """Every page's paragraphs, running headers and footers gone, and the first page's lines."""
    pages: list[tuple[list[PdfLine], float, float]] = []
    for page in reader.pages:
        try:
            lines = one_per_baseline(
                [
                    PdfLine(ln.text.translate(LIGATURES), ln.y, ln.size, ln.x)
                    for ln in page_lines(page)
                ]
            )
            box = page.cropbox
            pages.append((lines, float(box.bottom), float(box.top)))
        except Exception:  # one unreadable page does not lose the others
            pages.append(([], 0.0, 0.0))
    kept = drop_running_lines(pages)
    layout = layout_of(kept)
    return [paragraphs_of(lines, layout) for lines in kept], next((ln for ln in kept if ln), [])


def read_pdf(raw: bytes, name: str = "") -> ParsedDocument:
    """The text of a PDF with a page mark where each page starts; :class:`RefusedError` if none."""
    reader = _open(raw)
    pages, first_lines = _page_paragraphs(reader)
    if not any(ch.isalpha() for paragraphs in pages for p in paragraphs for ch in p):
        raise RefusedError(SCANNED)
    # A paragraph left open at the foot of a page goes on at the top of the next.
    continued = [False] * len(pages)
    last = None  # the index of the last page with text
    for index, paragraphs in enumerate(pages):
        if not paragraphs:
            continue
        if last is not None and runs_on(pages[last][-1], paragraphs[0]):
            pages[last][-1] = join_left(pages[last][-1], paragraphs[0])
            continued[index] = True
        last = index
    text = MarkedText()
    for index, paragraphs in enumerate(pages):
        if not paragraphs:
            continue
        if len(text) and not continued[index]:
            text.add("\n\n")
        text.mark(PAGE, _label(reader, index))
        text.add("\n\n".join(paragraphs))
    metadata = reader.metadata
    return ParsedDocument(
        text=text.text,
        title=_title(metadata, first_lines),
        author=_author(metadata),
        published=_pdf_date(_safe(lambda: metadata.creation_date if metadata else None)),
        path=name,
        kind="pdf",
        marks=tuple(text.marks),
    )


_JUNK_AUTHOR = re.compile(r"^\(?(?:anonymous|unknown|user|admin|administrator|author)\)?$", re.I)


def _author(metadata: Mapping[str, Any] | None) -> str:
    author = " ".join(str((metadata or {}).get("/Author") or "").split())
    return "" if _JUNK_AUTHOR.match(author) else author


def _safe(get: Callable[[], _T]) -> _T | None:
    try:
        return get()
    except Exception:  # an unparseable date in the metadata is no date
        return None
