"""Building a document's text piece by piece while marking where pages or cues start.

Every piece is cleaned as it is added (mojibake repaired, NFC, newlines
normalised), so the offsets recorded are offsets into the text as stored: the
writer's own normalisation leaves it unchanged.

    >>> text = MarkedText()
    >>> text.mark(PAGE, "1"); text.add("Officials said 40 died.")
    >>> text.add("\\n\\n"); text.mark(PAGE, "2"); text.add("Cafe\\u0301 owners left.")
    >>> text.text, [(m.start, m.label) for m in text.marks]
    ('Officials said 40 died.\\n\\nCafé owners left.', [(0, '1'), (25, '2')])
"""

from __future__ import annotations

from claimdesk.store.database.documents import normalise_input_text
from claimdesk.store.ingest.text_repair import repair_mojibake
from claimdesk.store.models import CUE, PAGE, Mark

__all__ = ["CUE", "PAGE", "MarkedText", "clean_piece", "renormalise"]


def clean_piece(piece: str) -> str:
    """One piece of text as it will be stored: repaired, NFC, ``\\n`` newlines."""
    return normalise_input_text(repair_mojibake(piece))


class MarkedText:
    """Text assembled from cleaned pieces, with :class:`Mark` offsets into it."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.marks: list[Mark] = []

    def __len__(self) -> int:
        return self._length

    def add(self, piece: str) -> None:
        """Append ``piece`` (cleaned first)."""
        piece = clean_piece(piece)
        self._parts.append(piece)
        self._length += len(piece)

    def mark(self, kind: str, label: str) -> None:
        """Record that a ``kind`` (page, cue) labelled ``label`` starts here.

        A second mark of the same kind at the same offset replaces the first (an
        empty page, a cue with no text).
        """
        if self.marks and self.marks[-1].start == self._length and self.marks[-1].kind == kind:
            self.marks.pop()
        self.marks.append(Mark(self._length, kind, label))

    def ends_with(self, suffix: str) -> bool:
        """Whether the text so far ends with ``suffix``."""
        return "".join(self._parts[-3:]).endswith(suffix)

    def strip_end(self) -> None:
        """Drop trailing whitespace (marks past the new end move back to it)."""
        text = "".join(self._parts).rstrip()
        self._parts = [text]
        self._length = len(text)
        self.marks = [Mark(min(m.start, self._length), m.kind, m.label) for m in self.marks]

    @property
    def text(self) -> str:
        """Everything added so far."""
        return "".join(self._parts)


def renormalise(text: str, marks: tuple[Mark, ...]) -> tuple[str, tuple[Mark, ...]]:
    """``text`` normalised for storage with ``marks`` moved to match.

    Readers that build their text with :class:`MarkedText` are already normalised and
    come back unchanged; anything else is normalised piece by piece between marks.

    >>> renormalise("e\\u0301\\r\\nx", (Mark(0, PAGE, "1"), Mark(4, PAGE, "2")))
    ('é\\nx', (Mark(start=0, kind='page', label='1'), Mark(start=2, kind='page', label='2')))
    """
    stored = normalise_input_text(text)
    if stored == text or not marks:
        return stored, marks
    bounds = sorted({0, len(text), *(min(max(m.start, 0), len(text)) for m in marks)})
    moved: dict[int, int] = {}
    pieces: list[str] = []
    length = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        moved[start] = length
        piece = normalise_input_text(text[start:end])
        pieces.append(piece)
        length += len(piece)
    moved[len(text)] = length
    new_marks = tuple(Mark(moved[min(max(m.start, 0), len(text))], m.kind, m.label) for m in marks)
    return "".join(pieces), new_marks
