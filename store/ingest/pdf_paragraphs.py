"""PDF lines put back into paragraphs, and paragraphs joined across page breaks.

A wider gap between lines, a change of type size, or a short line that ends a
sentence starts a new paragraph; a word hyphenated at a line end is joined
("evacu-" + "ated"); text left open at the foot of a page runs on at the top
of the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdesk.store.ingest.pdf_lines import PdfLine

_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Layout:
    """The document's usual line spacing and full line length, to tell paragraphs apart."""

    gap: float
    full: int


def layout_of(pages: list[list[PdfLine]]) -> Layout:
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
    return Layout(
        gap=gaps[len(gaps) // 4] if gaps else 0.0,
        full=widths[int(len(widths) * 0.8)] if widths else 0,
    )


def paragraphs_of(lines: list[PdfLine], layout: Layout) -> list[str]:
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


def runs_on(prev: str, nxt: str, full: int = 60) -> bool:
    """Whether text left at the foot of a page or column goes on at the top of the next:
    it stops mid-sentence (on a small word or a comma), and it is no heading (it is at
    least as long as a full line)."""
    if _continues(prev, nxt):
        return True
    return len(prev) >= full and (prev[-1:].islower() or prev[-1:] in ",;(-–—")


def _new_paragraph(prev: PdfLine, line: PdfLine, layout: Layout) -> bool:
    if _continues(prev.text, line.text):
        return False
    if prev.row or line.row:
        return True  # every table row a line of its own
    step = prev.y - line.y
    if layout.gap and (step > 1.45 * layout.gap or step < -0.5 * layout.gap):
        # a gap or a jump up (the next column) ends a paragraph, unless mid-sentence
        return not runs_on(prev.text, line.text, int(0.8 * layout.full))
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


def join_left(left: str, right: str) -> str:
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
    return join_left(left, right) + right
