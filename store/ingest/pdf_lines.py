"""The lines of a PDF page: pypdf's text with where each line sits and how large it is set.

Pieces drawn one after another on one baseline (table cells, words placed one
by one) become one line; lines that repeat at the top or bottom of most pages
(running headers and footers) and bare page numbers are dropped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pypdf is imported on first use (start-up time)
    from pypdf import PageObject

MARGIN = 0.12
"""The top and bottom share of a page where running headers and footers are looked for."""

LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
    }
)
"""Typographic ligatures as the letters they stand for."""
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|pg\.?|seite|стор\.?|страница|с\.)?\s*[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"\s*(?:(?:/|of|из|з|von)\s*\d{1,4})?\s*[-–—)\]]?$",
    re.I,
)
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class PdfLine:
    """One line of a page: its text, baseline height ``y``, type ``size``, left ``x``, and
    whether it is a table ``row`` (pieces set apart on one baseline)."""

    text: str
    y: float
    size: float
    x: float = 0.0
    row: bool = False


def page_lines(page: PageObject) -> list[PdfLine]:
    """The page's text lines in drawing order, each with its baseline height and type size."""
    lines: list[PdfLine] = []
    current: list[str] = []
    where: list[tuple[float, float]] = []  # (x, y) of the first visible piece of the line
    sizes: list[float] = []

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(current)).strip()
        if text:
            x, y = where[0] if where else (0.0, 0.0)
            lines.append(PdfLine(text, y, max(sizes, default=0.0), x))
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


def one_per_baseline(lines: list[PdfLine]) -> list[PdfLine]:
    """Pieces drawn one after another on the same baseline (the cells of a table row,
    words placed one by one) as one line."""
    out: list[PdfLine] = []
    previous: PdfLine | None = None  # the last piece, for where it ends
    for line in lines:
        last = out[-1] if out else None
        size = max(line.size, last.size if last else 0.0, 1.0)
        if last is not None and previous is not None and abs(last.y - line.y) < 0.2 * size:
            # a piece starting well after where the last one ends (at about half an em a
            # character) was set apart: a table cell
            ends = previous.x + 0.5 * previous.size * len(previous.text)
            row = last.row or line.x - ends > 1.5 * size
            out[-1] = PdfLine(f"{last.text} {line.text}", last.y, size, last.x, row)
        else:
            out.append(line)
        previous = line
    return out


def _key(text: str) -> str:
    """A line with its numbers blanked: "Page 3 of 9" and "Page 4 of 9" share a key."""
    return re.sub(r"\d+", "#", text.lower())


def drop_running_lines(pages: list[tuple[list[PdfLine], float, float]]) -> list[list[PdfLine]]:
    """Each page's lines without running headers, footers and page numbers."""

    def band(line: PdfLine, bottom: float, top: float) -> str:
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
    kept: list[list[PdfLine]] = []
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
