"""Typed messages that workers post back to the screen (workers never touch widgets).

Each message carries what the worker was asked for (a claim id, a query) so
that the screen can drop answers that arrive after the user has moved on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from claimdesk.store.models import Claim, Document, Event, RelatedClaim, SearchHit, StoreSummary


@dataclass
class DocumentsLoaded(Message):
    """The documents list and the store counts."""

    documents: list[Document]
    summary: StoreSummary


@dataclass
class SummaryLoaded(Message):
    """Fresh store counts for the status bar."""

    summary: StoreSummary


@dataclass
class DocumentLoaded(Message):
    """A document with every sentence, and the claim to select in it."""

    document: Document
    sentences: list[Claim]
    claim_id: int | None
    record_history: bool = True


@dataclass
class RelatedLoaded(Message):
    """Related claims for ``claim_id`` (``None`` with ``error`` when unavailable)."""

    claim_id: int
    related: list[RelatedClaim] | None
    error: str = ""
    requested_at: float = 0.0


@dataclass
class LinkMarked(Message):
    """The reader's verdict on the link ``claim_id`` - ``other_id`` was recorded."""

    claim_id: int
    other_id: int
    verdict: str


@dataclass
class ConflictsLoaded(Message):
    """Ids of the claims of ``doc_id`` that conflict with a claim elsewhere."""

    doc_id: int
    claim_ids: frozenset[int]


@dataclass
class ClaimChanged(Message):
    """A claim after a write (flag, note, promote, dismiss), with what was done."""

    claim: Claim
    action: str


@dataclass
class DocumentNoteChanged(Message):
    """A document after its note was saved."""

    document: Document


@dataclass
class UndoDone(Message):
    """The undo event, or ``None`` when there was nothing to undo."""

    event: Event | None


@dataclass
class SearchResults(Message):
    """Hits for ``query``, with when the keystroke that asked for them happened."""

    query: str
    hits: list[SearchHit]
    requested_at: float = 0.0


@dataclass
class HistoryLoaded(Message):
    """The change log of one claim."""

    claim_id: int
    events: list[Event]


@dataclass
class ExportWritten(Message):
    """An export (``kind``) was written to ``path``."""

    kind: str
    path: Path


@dataclass
class StoreFailed(Message):
    """A store call failed; ``action`` says what was being done."""

    action: str
    error: str
