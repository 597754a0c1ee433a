"""Text PDFs: the text of every page in reading order, with where each page starts.

pypdf reads the text and where each line sits on the page. Lines are then put
back into paragraphs: a wider gap between lines, a change of type size, or a
short line that ends a sentence starts a new one; a word hyphenated at a line
end is joined ("evacu-" + "ated"). Lines that repeat at the top or bottom of
most pages (running headers and footers) and bare page numbers are dropped. A
sentence that runs on to the next page stays one sentence; the page where it
starts is the page it is on. Lines come in the order the PDF draws them, which
is reading order for what word processors and typesetters write.

Title, author and date come from the document's metadata; a junk title
("Microsoft Word - memo2.docx") gives way to the largest type on page one.
A PDF with no text layer (a scan) is refused with a line saying so.
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from claimdesk.store.ingest.marked_text import PAGE, MarkedText
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError, one_line

if TYPE_CHECKING:  # pypdf is imported on first use (start-up time)
    from pypdf import PageObject, PdfReader

_T = TypeVar("_T")

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are noise here

SCANNED = "a scanned PDF with no text layer: run OCR on it first (claimdesk reads text PDFs)"
"""The refusal for a PDF whose pages hold no text."""

MARGIN = 0.12
"""The top and bottom share of a page where running headers and footers are looked for."""

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
    }
)
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|pg\.?|seite|стор\.?|страница|с\.)?\s*[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"\s*(?:(?:/|of|из|з|von)\s*\d{1,4})?\s*[-–—)\]]?$",
    re.I,
)
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_SPACES = re.compile(r"[ \t\u00a0]+")
_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - .*|untitled.*|document\d*|.*\.(?:docx?|pdf|indd|qxd|rtf|odt|pages|tex|dvi))$",
    re.I,
)


@dataclass
class _Line:
    text: str
    y: float
    size: float
    x: float = 0.0
    row: bool = False  # pieces set apart on one baseline: a table row


def _page_lines(page: PageObject) -> list[_Line]:
    """The page's text lines in drawing order, each with its baseline height and type size."""
    lines: list[_Line] = []
    current: list[str] = []
    where: list[tuple[float, float]] = []  # (x, y) of the first visible piece of the line
    sizes: list[float] = []

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(current)).strip()
        if text:
            x, y = where[0] if where else (0.0, 0.0)
            lines.append(_Line(text, y, max(sizes, default=0.0), x))
        current.clear()
        where.clear()
        sizes.clear()

    def visit(text: str, cm: list[float], tm: list[float], font: object, font_size: float) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        size = float(font_size or 0) * (scale or 1.0)
        for i, part in enumerate(text.split("\n")):
            if i:
                flush()
            if part.strip():
                if not where:
                    where.append((x, y))
                sizes.append(size)
            current.append(part)

    page.extract_text(visitor_text=visit)
    flush()
    return lines


def _one_per_baseline(lines: list[_Line]) -> list[_Line]:
    """Pieces drawn one after another on the same baseline (the cells of a table row,
    words placed one by one) as one line."""
    out: list[_Line] = []
    previous: _Line | None = None  # the last piece, for where it ends
    for line in lines:
        last = out[-1] if out else None
        size = max(line.size, last.size if last else 0.0, 1.0)
        if last is not None and previous is not None and abs(last.y - line.y) < 0.2 * size:
            # a piece starting well after where the last one ends (at about half an em a
            # character) was set apart: a table cell
            ends = previous.x + 0.5 * previous.size * len(previous.text)
            row = last.row or line.x - ends > 1.5 * size
            out[-1] = _Line(f"{last.text} {line.text}", last.y, size, last.x, row)
        else:
            out.append(line)
        previous = line
    return out


def _key(text: str) -> str:
    """A line with its numbers blanked: "Page 3 of 9" and "Page 4 of 9" share a key."""
    return re.sub(r"\d+", "#", text.lower())


def _drop_running_lines(pages: list[tuple[list[_Line], float, float]]) -> list[list[_Line]]:
    """Each page's lines without running headers, footers and page numbers."""

    def band(line: _Line, bottom: float, top: float) -> str:
        height = max(top - bottom, 1.0)
        if line.y >= top - MARGIN * height:
            return "top"
        if line.y <= bottom + MARGIN * height:
            return "bottom"
        return ""

    counts: dict[tuple[str, str], int] = {}
    for lines, bottom, top in pages:
        seen = {(band(ln, bottom, top), _key(ln.text)) for ln in lines}
        for where, key in seen:
            if where:
                counts[(where, key)] = counts.get((where, key), 0) + 1
    repeated = max(2, math.ceil(0.4 * len(pages)))
    kept: list[list[_Line]] = []
    for lines, bottom, top in pages:
        out = []
        for ln in lines:
            where = band(ln, bottom, top)
            if where and (
                counts.get((where, _key(ln.text)), 0) >= repeated or _PAGE_NUMBER.match(ln.text)
            ):
                continue
            out.append(ln)
        kept.append(out)
    return kept


@dataclass(frozen=True)
class _Layout:
    """The document's usual line spacing and full line length, to tell paragraphs apart."""

    gap: float
    full: int


def _layout(pages: list[list[_Line]]) -> _Layout:
    """Line spacing is the common small step between consecutive lines (a quarter of the
    steps are smaller or equal); a full line is as long as four in five lines."""
    gaps: list[float] = []
    widths: list[int] = []
    for lines in pages:
        widths.extend(len(ln.text) for ln in lines)
        for a, b in zip(lines, lines[1:], strict=False):
            step = a.y - b.y
            if 0.5 * max(b.size, 1.0) < step < 3 * max(a.size, 1.0):
                gaps.append(step)
    gaps.sort()
    widths.sort()
    return _Layout(
        gap=gaps[len(gaps) // 4] if gaps else 0.0,
        full=widths[int(len(widths) * 0.8)] if widths else 0,
    )


def _paragraphs(lines: list[_Line], layout: _Layout) -> list[str]:
    """A page's lines joined into paragraphs."""
    if not lines:
        return []
    paragraphs: list[list[str]] = [[lines[0].text]]
    for prev, line in zip(lines, lines[1:], strict=False):
        if _new_paragraph(prev, line, layout):
            paragraphs.append([line.text])
        else:
            paragraphs[-1].append(line.text)
    return [_join_lines(p) for p in paragraphs]


def _continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the sentence ``prev`` left open (lower case after no stop)."""
    return not _TERMINAL.search(prev) and nxt[:1].islower()


def _runs_on(prev: str, nxt: str, full: int = 60) -> bool:
    """Whether text left at the foot of a page or column goes on at the top of the next:
    it stops mid-sentence (on a small word or a comma), and it is no heading (it is at
    least as long as a full line)."""
    if _continues(prev, nxt):
        return True
    return len(prev) >= full and (prev[-1:].islower() or prev[-1:] in ",;(-–—")


def _new_paragraph(prev: _Line, line: _Line, layout: _Layout) -> bool:
    if _continues(prev.text, line.text):
        return False
    if prev.row or line.row:
        return True  # every table row a line of its own
    step = prev.y - line.y
    if layout.gap and (step > 1.45 * layout.gap or step < -0.5 * layout.gap):
        # a gap or a jump up (the next column) ends a paragraph, unless mid-sentence
        return not _runs_on(prev.text, line.text, int(0.8 * layout.full))
    if prev.size and line.size and abs(prev.size - line.size) > 0.15 * max(prev.size, line.size):
        return True
    if re.search(r"[^\W\d_][-\u00ad]$|,$", prev.text):
        return False  # a word broken at the line end, or a list of things, goes on
    short = layout.full and len(prev.text) < 0.6 * layout.full
    return bool(short and (_TERMINAL.search(prev.text) or line.text[:1].isupper()))


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one line: hyphenation at line ends undone."""
    out = lines[0]
    for line in lines[1:]:
        out = join_wrapped(out, line)
    return out


def _join_left(left: str, right: str) -> str:
    """What ``left`` becomes when ``right`` follows it on the next line of the same paragraph."""
    if left.endswith("\u00ad"):
        return left[:-1]
    if left.endswith(("-", "\u2010")) and len(left) > 1 and left[-2].isalpha():
        return left[:-1] if right[:1].islower() else left
    return left + " "


def join_wrapped(left: str, right: str) -> str:
    """Two pieces of one paragraph that a line break separated.

    >>> join_wrapped("were evacu-", "ated on Tuesday"), join_wrapped("Franco-", "German talks")
    ('were evacuated on Tuesday', 'Franco-German talks')
    >>> join_wrapped("at least", "37 people")
    'at least 37 people'
    """
    return _join_left(left, right) + right


def _pdf_date(value: datetime | None) -> str:
    return value.date().isoformat() if value is not None else ""


def _title(metadata: Mapping[str, Any] | None, first_page: list[_Line]) -> str:
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


def _page_paragraphs(reader: PdfReader) -> tuple[list[list[str]], list[_Line]]:
    """Every page's paragraphs, running headers and footers gone, and the first page's lines."""
    pages: list[tuple[list[_Line], float, float]] = []
    for page in reader.pages:
        try:
            lines = _one_per_baseline(
                [
                    _Line(ln.text.translate(_LIGATURES), ln.y, ln.size, ln.x)
                    for ln in _page_lines(page)
                ]
            )
            box = page.cropbox
            pages.append((lines, float(box.bottom), float(box.top)))
        except Exception:  # one unreadable page does not lose the others
            pages.append(([], 0.0, 0.0))
    kept = _drop_running_lines(pages)
    layout = _layout(kept)
    return [_paragraphs(lines, layout) for lines in kept], next((ln for ln in kept if ln), [])


def read_pdf(raw: bytes, name: str = "") -> ParsedDocument:
    """The text of a PDF with a page mark where each page starts; :class:`RefusedError` if none."""
    reader = _open(raw)
    pages, first_lines = _page_paragraphs(reader)
    if not any(ch.isalpha() for paragraphs in pages for p in paragraphs for ch in p):
        raise RefusedError(SCANNED)
    # A paragraph left open at the foot of a page goes on at the top of the next.
    runs_on = [False] * len(pages)
    last = None  # the index of the last page with text
    for index, paragraphs in enumerate(pages):
        if not paragraphs:
            continue
        if last is not None and _runs_on(pages[last][-1], paragraphs[0]):
            pages[last][-1] = _join_left(pages[last][-1], paragraphs[0])
            runs_on[index] = True
        last = index
    text = MarkedText()
    for index, paragraphs in enumerate(pages):
        if not paragraphs:
            continue
        if len(text) and not runs_on[index]:
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
