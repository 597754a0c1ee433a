"""Which claims the claims pane shows: by status, with notes, minimum score, conflicts only.

Scores are check-worthiness on the 0-100 scale that every pane shows.

>>> f = ClaimFilter(min_score=50)
>>> f.describe()
'score ≥ 50'
>>> ClaimFilter().active
False
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from claimdesk.store.models import Claim

SCORE_STEPS: tuple[int, ...] = (0, 50, 70, 90)
"""The minimum scores (0-100) that the filter cycles through."""


def shown_score(claim: Claim) -> int:
    """A claim's check-worthiness as every pane shows it: 0-100."""
    return round(claim.score * 100)


@dataclass(frozen=True)
class ClaimFilter:
    """A filter over claims; the default lets every claim through."""

    status: str | None = None
    with_notes: bool = False
    min_score: int = 0
    conflicts_only: bool = False

    @property
    def active(self) -> bool:
        """Whether anything is filtered out."""
        return self != ClaimFilter()

    def accepts(self, claim: Claim, conflicting: frozenset[int] = frozenset()) -> bool:
        """Whether ``claim`` passes; ``conflicting`` holds the ids known to conflict."""
        if self.status is not None and claim.status != self.status:
            return False
        if self.with_notes and not claim.note.strip():
            return False
        if shown_score(claim) < self.min_score:
            return False
        return not (self.conflicts_only and claim.id not in conflicting)

    def with_status(self, status: str | None) -> ClaimFilter:
        """This filter showing only ``status`` (``None``: any; the same status again: any)."""
        return replace(self, status=None if status == self.status else status)

    def toggled_notes(self) -> ClaimFilter:
        """This filter with "with notes" switched."""
        return replace(self, with_notes=not self.with_notes)

    def toggled_conflicts(self) -> ClaimFilter:
        """This filter with "conflicts only" switched."""
        return replace(self, conflicts_only=not self.conflicts_only)

    def next_score(self) -> ClaimFilter:
        """This filter with the next minimum score of :data:`SCORE_STEPS`."""
        steps = list(SCORE_STEPS)
        index = steps.index(self.min_score) if self.min_score in steps else 0
        return replace(self, min_score=steps[(index + 1) % len(steps)])

    def describe(self) -> str:
        """A short description for the status bar (empty when nothing is filtered)."""
        parts = []
        if self.status:
            parts.append(self.status)
        if self.with_notes:
            parts.append("with notes")
        if self.min_score:
            parts.append(f"score ≥ {self.min_score}")
        if self.conflicts_only:
            parts.append("conflicts only")
        return ", ".join(parts)
