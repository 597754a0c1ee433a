"""Back/forward history of where the reader has been, like a browser's.

>>> h = NavigationHistory()
>>> h.visit(Place(1, 10)); h.visit(Place(2, 20))
>>> h.back()
Place(doc_id=1, claim_id=10)
>>> h.forward()
Place(doc_id=2, claim_id=20)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A document and the claim selected in it."""

    doc_id: int
    claim_id: int | None = None


class NavigationHistory:
    """A list of places with a cursor; visiting a new place drops the forward part."""

    def __init__(self, limit: int = 500):
        self._places: list[Place] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Place | None:
        """The place the reader is at, if any."""
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        """Record a new place (ignored when it is the current one)."""
        if place == self.current:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def update_current(self, place: Place) -> None:
        """Replace the current place (the claim moved inside the same document)."""
        if self._index >= 0:
            self._places[self._index] = place
        else:
            self.visit(place)

    def back(self) -> Place | None:
        """Step back; ``None`` at the start."""
        if self._index <= 0:
            return None
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> Place | None:
        """Step forward; ``None`` at the end."""
        if self._index >= len(self._places) - 1:
            return None
        self._index += 1
        return self._places[self._index]
