"""Word-wrapping a document into screen lines that remember their text offsets.

Each line is a ``(start, end)`` pair into the text, so claim offsets map
straight onto lines. Wide characters count as two cells; words longer than
the width are cut.

    >>> wrap_lines("one two three", 8)
    [(0, 8), (8, 13)]
    >>> wrap_lines("a\\n\\nb", 10)
    [(0, 1), (2, 2), (3, 4)]
    >>> line_of_offset([(0, 8), (8, 13)], 9)
    1
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from rich.cells import cell_len

_TOKEN = re.compile(r"\S+\s*|\s+")


@lru_cache(maxsize=4096)
def _width(token: str) -> int:
    return len(token) if token.isascii() else cell_len(token)


def _cut(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Hard-cut ``text[start:end]`` into pieces of at most ``width`` cells."""
    if text[start:end].isascii():
        return [(s, min(s + width, end)) for s in range(start, end, width)]
    pieces, piece_start, used = [], start, 0
    for i in range(start, end):
        w = cell_len(text[i])
        if used + w > width and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, used = i, 0
        used += w
    pieces.append((piece_start, end))
    return pieces


def _wrap_paragraph(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    if start == end:
        return [(start, start)]
    if end - start <= width and _width(text[start:end]) <= width:
        return [(start, end)]
    lines: list[tuple[int, int]] = []
    line_start, used = start, 0
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        word = token.rstrip()
        word_width = _width(word)
        if used and used + word_width > width:
            lines.append((line_start, match.start()))
            line_start, used = match.start(), 0
        if word_width > width:
            pieces = _cut(text, match.start(), match.start() + len(word), width)
            lines.extend(pieces[:-1])
            line_start = pieces[-1][0]
            used = _width(text[line_start : match.start() + len(word)])
            used += len(token) - len(word)
        else:
            used += _width(token)
    lines.append((line_start, end))
    return lines


def wrap_lines(text: str, width: int) -> list[tuple[int, int]]:
    """Screen lines of ``text`` at ``width`` cells: paragraphs split on newlines."""
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    pos = 0
    while True:
        newline = text.find("\n", pos)
        end = len(text) if newline < 0 else newline
        lines.extend(_wrap_paragraph(text, pos, end, width))
        if newline < 0:
            return lines
        pos = newline + 1


def line_of_offset(lines: list[tuple[int, int]], offset: int) -> int:
    """The index of the line holding text offset ``offset``."""
    starts = [start for start, _ in lines] if len(lines) < 64 else None
    if starts is not None:
        return max(0, bisect_right(starts, offset) - 1)
    lo, hi = 0, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if lines[mid][0] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(0, lo - 1)
