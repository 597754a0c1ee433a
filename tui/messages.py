"""Typed messages that workers post back to the screen (workers never touch widgets).

Each message carries what the worker was asked for (a claim id, a query) so
that the screen can drop answers that arrive after the user has moved on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from claimdesk.store import QueueQuery
from claimdesk.store.factchecks.records import KnownCheck
from claimdesk.store.models import (
    ChangePosition,
    Claim,
    Document,
    DocumentOrigin,
    Event,
    Mark,
    QueuePage,
    RelatedClaim,
    SearchHit,
    StoreChanges,
    StoreSummary,
)


@dataclass
class DocumentsLoaded(Message):
    """The documents list and the store counts, read after ``position``; ``new_ids`` are
    the documents new since the last feed update (none before any), which began at
    ``last_update``. A reload after another process's change says how many documents
    were ``added`` and ``removed`` since the reader's list (``added`` is ``None`` otherwise)."""

    documents: list[Document]
    summary: StoreSummary
    position: ChangePosition | None = None
    new_ids: frozenset[int] = frozenset()
    last_update: str | None = None
    added: int | None = None
    removed: int = 0


@dataclass
class DocumentLoaded(Message):
    """A document with every sentence, and the claim to select in it (read after ``position``),
    with its page or cue ``marks`` and how it came in (``origin``)."""

    document: Document
    sentences: list[Claim]
    claim_id: int | None
    record_history: bool = True
    position: ChangePosition | None = None
    marks: tuple[Mark, ...] = ()
    origin: DocumentOrigin | None = None


@dataclass
class RelatedLoaded(Message):
    """Related claims for ``claim_id`` (``None`` with ``error`` when unavailable), and the
    known fact-checks that confidently match it (``known``: shown first)."""

    claim_id: int
    related: list[RelatedClaim] | None
    error: str = ""
    requested_at: float = 0.0
    known: tuple[KnownCheck, ...] = ()


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
class WriteDone(Message):
    """A write was stored; ``action`` says what was done (the changes follow as
    :class:`StoreChanged`)."""

    action: str


@dataclass
class StoreChanged(Message):
    """What changed in the store since the reader last looked, with fresh counts.

    ``external``: noticed by watching the store (another reader, a script), not
    right after this reader's own write.
    """

    changes: StoreChanges
    summary: StoreSummary
    external: bool = False


@dataclass
class UndoDone(Message):
    """The undo event; ``None`` when there was nothing to undo, or (with ``refused``)
    when someone else changed the value since."""

    event: Event | None
    refused: str = ""


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
    """An export (``kind``) of ``scope`` (its ``claims``, ``size`` bytes) was written to ``path``."""

    kind: str
    path: Path
    scope: str = ""
    claims: int = 0
    size: int = 0


@dataclass
class StoreFailed(Message):
    """A store call failed; ``action`` says what was being done."""

    action: str
    error: str


@dataclass
class QueueLoaded(Message):
    """A page of the review queue for ``query``."""

    query: QueueQuery
    page: QueuePage
    requested_at: float = 0.0


@dataclass
class QueueProgress(Message):
    """How far a conflicts queue has looked: ``done`` of ``total`` claims."""

    query: QueueQuery
    done: int
    total: int


@dataclass
class MeaningProgress(Message):
    """The sentence model has read ``done`` of the ``total`` fact-checks it had to read;
    ``finished`` once it has read them all (matching by meaning is on from then)."""

    done: int
    total: int
    finished: bool = False
