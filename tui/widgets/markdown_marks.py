r"""Markdown structure in a document's text, for the document pane to draw.

The text is never changed (claim offsets index into it): :func:`find_marks`
only says which ranges are headings, strong or emphasised, and which marker
characters (``#``, ``*``, ``_``) the pane leaves out when it draws a line.

    >>> text = "# Floods\n\nThe **army** said *40* died."
    >>> marks = find_marks(text)
    >>> [(text[s:e], kind) for s, e, kind in marks.styled]
    [('Floods', 'heading'), ('army', 'strong'), ('40', 'emphasis')]
    >>> "".join(text[s:e] for s, e in marks.hidden)
    '# ******'
    >>> find_marks("Plain text, 3 * 4 = 12.").styled
    ()
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6}[ \t]+)(\S[^\n]*?)([ \t]+#+)?[ \t]*$", re.MULTILINE)
_STRONG = re.compile(r"(?<![*_\w])(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1(?![*_\w])")
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])([^\n*_]+?)(?<=[^\s*_])\1(?![*_\w])")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")


@dataclass(frozen=True)
class Marks:
    """Styled ranges ``(start, end, kind)`` (kind: heading, strong, emphasis) and hidden
    marker ranges ``(start, end)``, both in text offsets and sorted."""

    styled: tuple[tuple[int, int, str], ...] = ()
    hidden: tuple[tuple[int, int], ...] = ()

    def hidden_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The hidden ranges that overlap ``start``..``end``, cut to it."""
        if not self.hidden:
            return []
        i = max(0, bisect_right(self.hidden, (start, start)) - 1)
        found = []
        while i < len(self.hidden) and self.hidden[i][0] < end:
            a, b = self.hidden[i]
            if b > start:
                found.append((max(a, start), min(b, end)))
            i += 1
        return found

    def styled_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The styled ranges that overlap ``start``..``end``."""
        return [m for m in self.styled if m[0] < end and m[1] > start]


def is_markdown(path: str, text: str) -> bool:
    """Whether a document reads as Markdown: a ``.md`` file, or a text with a ``#`` heading."""
    return path.lower().endswith(_MARKDOWN_SUFFIXES) or _HEADING.search(text) is not None


def find_marks(text: str) -> Marks:
    """Headings (``#`` lines), strong (``**x**``, ``__x__``) and emphasis (``*x*``, ``_x_``)."""
    styled: list[tuple[int, int, str]] = []
    hidden: list[tuple[int, int]] = []
    for m in _HEADING.finditer(text):
        hidden.append((m.start(1), m.end(1)))
        styled.append((m.start(2), m.end(2), "heading"))
        if m.group(3):
            hidden.append((m.start(3), m.end(3)))
    taken: list[tuple[int, int]] = []
    for pattern, kind in ((_STRONG, "strong"), (_EMPHASIS, "emphasis")):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            marker = len(m.group(1))
            hidden += [(m.start(), m.start() + marker), (m.end() - marker, m.end())]
            styled.append((m.start(2), m.end(2), kind))
            taken.append((m.start(), m.end()))
    return Marks(tuple(sorted(styled)), tuple(sorted(hidden)))
