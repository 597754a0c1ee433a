"""Small frozen dataclasses that the store hands out (never raw rows).

>>> Figure(value=3000.0, text="more than 3,000", qualifier="more than", counts="soldiers").bound
'exact'
>>> figure_from_dict({"value": 3000.0, "text": "more than 3,000", "bound": "more_than",
...                   "outcome": ["death", "injury"]}).outcome
('death', 'injury')
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

STATUSES: tuple[str, ...] = (
    "unreviewed",
    "needs-check",
    "verified",
    "false",
    "misleading",
    "disputed",
    "unverifiable",
)
"""Every review status a claim can have; ``unreviewed`` is the default."""


class UnknownStatusError(ValueError):
    """Raised for a status that is not one of :data:`STATUSES`."""

    def __init__(self, status: str):
        super().__init__(f"unknown status {status!r}; choose one of: {', '.join(STATUSES)}")
        self.status = status


class NotFoundError(LookupError):
    """Raised when a document or claim id does not exist."""


class ChangedSinceError(RuntimeError):
    """Raised by :meth:`Store.undo` when someone else changed the same value after the
    change being undone: reverting it would throw their change away, so nothing is written.

    ``event`` is the change that was not undone; ``by`` who changed the value since.
    """

    def __init__(self, event: Event, by: str):
        what = {"status": "flag", "note": "note", "claim": "claim decision"}.get(event.kind)
        target = f"claim {event.claim_id}" if event.claim_id is not None else "the document"
        noun = what or "note"
        super().__init__(f"your {noun} on {target} was changed since by {by}: not undone")
        self.event = event
        self.by = by


@dataclass(frozen=True)
class Figure:
    """A number found in a sentence, typed (see :mod:`claimdesk.store.extract.figures`).

    ``start``/``end`` are offsets into the document text; ``text`` is the qualifier, number
    and scale as written. ``unit``: people, count, money, percent, measure, age (compared),
    duration, clock, year, identifier (never compared). ``bound``: exact, approx, nearly,
    at_least, more_than, at_most, fewer_than, range or vague, with the interval ``low``..``high``
    (``high`` ``None``: no upper bound). ``thing``, ``modifiers`` and ``outcome`` say what is
    counted ("soldier", ("north korean",), ("death", "injury")); ``of`` whose age it is;
    ``window`` the time it covers (``day:2024-12-14..2024-12-15``, ``total``, ``since:october``,
    ``span:those two days``; ``window_text`` as written) and ``place`` where.
    """

    value: float
    text: str
    qualifier: str = ""
    counts: str = ""
    start: int = 0
    end: int = 0
    unit: str = "count"
    bound: str = "exact"
    low: float | None = None
    high: float | None = None
    currency: str = ""
    scale: str = ""
    thing: str = ""
    modifiers: tuple[str, ...] = ()
    outcome: tuple[str, ...] = ()
    of: str = ""
    window: str = ""
    window_text: str = ""
    place: str = ""


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence: ``value`` is ISO (``2024-12-26``, ``--12-26`` without a year)
    or empty for relative dates; ``day``..``last`` the days it covers, resolved against the
    document's published date; ``event`` what happened then ("capture"), ``place`` where;
    ``reported`` when it only says when something was said."""

    text: str
    value: str = ""
    relative: bool = False
    start: int = 0
    end: int = 0
    day: str = ""
    last: str = ""
    event: str = ""
    place: str = ""
    reported: bool = False


_FIGURE_FIELDS = frozenset(f.name for f in fields(Figure))
_DATE_FIELDS = frozenset(f.name for f in fields(DateMention))


def figure_from_dict(item: dict[str, Any]) -> Figure:
    """A :class:`Figure` from its stored dict (fields a store of another version lacks keep
    their defaults; unknown ones are left out)."""
    values = {k: v for k, v in item.items() if k in _FIGURE_FIELDS}
    for name in ("modifiers", "outcome"):
        if name in values:
            values[name] = tuple(values[name] or ())
    return Figure(**values)


def date_from_dict(item: dict[str, Any]) -> DateMention:
    """A :class:`DateMention` from its stored dict (see :func:`figure_from_dict`)."""
    return DateMention(**{k: v for k, v in item.items() if k in _DATE_FIELDS})


@dataclass(frozen=True)
class Document:
    """A stored document. ``text`` is ``None`` in listings, the full text from ``Store.document``.

    ``claims``, ``flagged`` and ``noted`` count its claims, those flagged (any status
    but unreviewed) and its sentences with a note.
    """

    id: int
    title: str
    source: str
    url: str
    published: str
    path: str
    sha256: str
    added: str
    length: int
    claims: int = 0
    flagged: int = 0
    note: str = ""
    text: str | None = None
    noted: int = 0
    note_version: int = 0
    replaces: int | None = None
    replaced_by: int | None = None
    language: str = ""
    disclaimer: str = ""

    @property
    def claims_available(self) -> bool:
        """Whether claims were extracted from this document (its language is English)."""
        from claimdesk.store.extract.language import claims_available

        return claims_available(self.language)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``--json`` output."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "path": self.path,
            "claims": self.claims,
            "replaces": self.replaces,
            "replaced_by": self.replaced_by,
            "language": self.language,
            "disclaimer": self.disclaimer,
        }


@dataclass(frozen=True)
class Claim:
    """A sentence of a document; ``is_claim`` says whether it counts as a claim.

    ``text == document.text[start:end]`` always holds.
    """

    id: int
    doc_id: int
    ordinal: int
    start: int
    end: int
    text: str
    is_claim: bool
    extracted: bool
    score: float
    kind: str
    source: str
    cue: str
    hedge: str
    numbers: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[str, ...] = ()
    status: str = "unreviewed"
    note: str = ""
    norm: str = ""
    note_version: int = 0
    status_version: int = 0
    role: str = ""
    heading_level: int = 0
    boilerplate: str = ""

    @property
    def is_heading(self) -> bool:
        """Whether the sentence is a heading (``heading_level`` says which)."""
        return self.role == "heading"

    @property
    def is_boilerplate(self) -> bool:
        """Whether the sentence is page furniture (``boilerplate`` names its class)."""
        return self.role == "boilerplate"

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``--json`` output."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 4),
            "kind": self.kind,
            "source": self.source,
            "cue": self.cue,
            "hedge": self.hedge,
            "numbers": [f.__dict__ for f in self.numbers],
            "dates": [d.__dict__ for d in self.dates],
            "status": self.status,
            "note": self.note,
            "is_claim": self.is_claim,
            "status_version": self.status_version,
            "note_version": self.note_version,
            "role": self.role,
            "heading_level": self.heading_level,
            "boilerplate": self.boilerplate,
        }


@dataclass(frozen=True)
class Event:
    """One append-only history row: who changed what, when, from what to what.

    A verdict on a related link (``kind`` ``link``) names the other claim in ``other_id``.
    ``removed``: the claim or document it changed has been removed since (the
    event stays in the history, attached to nothing live, and undo skips it).
    """

    id: int
    at: str
    actor: str
    kind: str
    claim_id: int | None
    doc_id: int | None
    old: str
    new: str
    undo_of: int | None = None
    other_id: int | None = None
    removed: bool = False

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``--json`` output."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class SearchHit:
    """A claim found by :meth:`Store.search`, with its document title and matched terms.

    ``spans`` are ``(start, end)`` offsets into ``claim.text`` of the matched words (for
    highlighting); ``fuzzy`` is true when the claim was found through a respelled word.
    """

    claim: Claim
    doc_title: str
    terms: tuple[str, ...] = ()
    fuzzy: bool = False
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class VersionLink:
    """A document stored as a new version of ``replaces``, and where the old version's
    reviewed claims (notes, flags, promote/dismiss) went: to the same sentence at the
    same place (``exact``), elsewhere (``moved``), to a reworded sentence with the same
    figures (``fuzzy``), or nowhere (``orphaned``: they stay on the old version)."""

    replaces: int
    exact: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphaned: int = 0

    @property
    def carried(self) -> int:
        """How many reviewed claims found their sentence in the new version."""
        return self.exact + self.moved + self.fuzzy

    def to_json(self) -> dict[str, Any]:
        """The JSON shape inside ``claimdesk add --json``."""
        return {
            "replaces": self.replaces,
            "exact": self.exact,
            "moved": self.moved,
            "fuzzy": self.fuzzy,
            "orphaned": self.orphaned,
        }


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Store.add_file` / :meth:`Store.add_text` did with one input.

    ``warning`` says what was repaired on the way in (undecodable bytes);
    ``version`` is set when the input was stored as a new version of a document.
    ``language`` is the document's detected language (ISO 639-1); ``note`` says plainly
    when claims could not be extracted from it (a language other than English).
    """

    doc_id: int | None
    added: bool
    title: str = ""
    claims: int = 0
    sentences: int = 0
    reason: str = ""
    path: str = ""
    skipped: bool = False
    warning: str = ""
    version: VersionLink | None = None
    language: str = ""
    note: str = ""

    @property
    def refused(self) -> bool:
        """True when the input was not stored and is not already in the store (see ``reason``).

        A file a folder walk passed over (``skipped``: an image, a spreadsheet) is not
        refused: it was never asked for by name.
        """
        return self.doc_id is None and not self.skipped

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk add --json``."""
        return {
            "path": self.path,
            "doc_id": self.doc_id,
            "added": self.added,
            "refused": self.refused,
            "title": self.title,
            "claims": self.claims,
            "sentences": self.sentences,
            "reason": self.reason,
            "skipped": self.skipped,
            "warning": self.warning,
            "version": self.version.to_json() if self.version else None,
            "language": self.language,
            "note": self.note,
        }


PAGE = "page"
"""The :attr:`Mark.kind` of a page start (PDF)."""
CUE = "cue"
"""The :attr:`Mark.kind` of a subtitle or transcript cue start."""


@dataclass(frozen=True)
class Mark:
    """Where a page or a cue starts in a document's text: ``label`` is ``"4"`` or ``"00:03:12"``.

    ``start`` is an offset into the stored text, like a claim's.
    """

    start: int
    kind: str
    label: str


@dataclass(frozen=True)
class DocumentOrigin:
    """How a document came in: read as ``kind`` (pdf, docx, email, web page, feed entry, ...),
    its ``author``, when it was ``fetched`` (web pages and feeds), the e-mail it was
    attached to (``parent_id``), the attachments it brought (``attachment_ids``) and the
    followed feed it came from (``feed``)."""

    doc_id: int
    kind: str = ""
    author: str = ""
    fetched: str = ""
    parent_id: int | None = None
    attachment_ids: tuple[int, ...] = ()
    feed: str = ""


@dataclass(frozen=True)
class Feed:
    """A followed RSS or Atom feed; ``checked`` is when it was last fetched, ``status`` how that went."""

    id: int
    url: str
    title: str
    followed: str
    checked: str = ""
    status: str = ""
    entries: int = 0
    documents: int = 0

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk feeds --json``."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class FeedUpdate:
    """What one ``update`` did with one feed: new documents, entries already seen, failures."""

    feed: Feed
    added: int = 0
    present: int = 0
    seen: int = 0
    failed: int = 0
    problem: str = ""
    results: tuple[AddResult, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk update --json``."""
        return {
            "feed_id": self.feed.id,
            "url": self.feed.url,
            "title": self.feed.title,
            "added": self.added,
            "present": self.present,
            "seen": self.seen,
            "failed": self.failed,
            "problem": self.problem,
        }


@dataclass(frozen=True)
class StoreSummary:
    """Counts for a status bar or ``claimdesk`` without a terminal."""

    path: str
    documents: int
    sentences: int
    claims: int
    flagged: int
    notes: int
    by_status: dict[str, int] = field(default_factory=dict)
    document_notes: int = 0
    orphaned: int = 0


def figures_from_json(raw: str) -> tuple[Figure, ...]:
    """Decode the ``numbers`` column."""
    return tuple(figure_from_dict(item) for item in json_list(raw))


def dates_from_json(raw: str) -> tuple[DateMention, ...]:
    """Decode the ``dates`` column."""
    return tuple(date_from_dict(item) for item in json_list(raw))


def json_list(raw: str | None) -> list[Any]:
    """A JSON list column decoded; most are empty, and those skip the decoder (a search
    result page builds fifty claims on every keystroke)."""
    if not raw or raw == "[]":
        return []
    decoded: list[Any] = json.loads(raw)
    return decoded


RELATIONS: tuple[str, ...] = ("agrees", "differs", "contradicts", "related")
"""How a related claim stands to the claim it was found for: ``agrees`` (same thing, same
figure or statement), ``differs`` (same thing, different but compatible figures or
estimates), ``contradicts`` (same thing, same scope and window, cannot both be true),
``related`` (about the same event, nothing compared)."""

DISAGREEMENTS: tuple[str, ...] = ("contradicts", "differs")
"""The relations the conflicts report lists, in its order."""


def relation_name(relation: str) -> str:
    """A relation as this version names it: ``conflicts`` (older versions) is ``contradicts``.

    >>> relation_name("conflicts"), relation_name("differs")
    ('contradicts', 'differs')
    """
    return "contradicts" if relation == "conflicts" else relation


VERDICTS: tuple[str, ...] = ("wrong", "right", "contradicts")
"""What a reader can say about a related link: not related, rightly related, a confirmed contradiction."""


@dataclass(frozen=True)
class RelatedClaim:
    """A claim found by :meth:`Store.related`: score 0..100, relation and a readable reason.

    ``shown`` says whether the reader displays it by default: it is probably from another
    report of the same incident (``evidence``, 0..1, read in ``evidence_why``); the rest
    are weaker matches. ``copies`` are the ids of the same sentence in ``also_in`` more
    documents, collapsed into this one row; ``feedback`` is the reader's verdict on the
    link (one of :data:`VERDICTS`, or empty).
    """

    claim: Claim
    doc_title: str
    score: float
    relation: str
    why: str
    same_document: bool = False
    shown: bool = True
    evidence: float | None = None
    evidence_why: str = ""
    copies: tuple[int, ...] = ()
    also_in: int = 0
    feedback: str = ""

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk related --json``."""
        return {
            "id": self.claim.id,
            "doc_id": self.claim.doc_id,
            "score": round(self.score, 1),
            "relation": self.relation,
            "why": self.why,
            "text": self.claim.text,
            "same_document": self.same_document,
            "shown": self.shown,
            "evidence": None if self.evidence is None else round(self.evidence, 3),
            "evidence_why": self.evidence_why,
            "copies": list(self.copies),
            "also_in": self.also_in,
            "feedback": self.feedback,
        }


@dataclass(frozen=True)
class LinkFeedback:
    """A reader's verdict on a related link between two claims (see :data:`VERDICTS`).

    ``relation`` and ``score`` are what the matcher said when the verdict was given.
    """

    claim_id: int
    other_id: int
    verdict: str
    relation: str = ""
    score: float | None = None
    at: str = ""
    actor: str = ""


@dataclass(frozen=True)
class ConflictPair:
    """Two claims whose figures or dates contradict or differ (from :meth:`Store.conflicts`);
    ``other.relation`` says which.

    ``priority`` orders the morning report: how check-worthy the pair is.
    """

    claim: Claim
    doc_title: str
    other: RelatedClaim
    priority: float

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk conflicts --json``."""
        return {
            "id": self.claim.id,
            "doc_id": self.claim.doc_id,
            "text": self.claim.text,
            "other_id": self.other.claim.id,
            "other_doc_id": self.other.claim.doc_id,
            "other_text": self.other.claim.text,
            "score": round(self.other.score, 1),
            "priority": round(self.priority, 3),
            "relation": self.other.relation,
            "why": self.other.why,
        }


@dataclass(frozen=True, order=True)
class ChangePosition:
    """How far a reader has caught up with a store: the newest review event it has seen,
    the documents' generation (which moves when documents are added or removed) and the
    newest finished feed update (0: none), which decides what is new."""

    event_id: int
    generation: int
    update_run: int = 0


@dataclass(frozen=True)
class StoreChanges:
    """What changed since a :class:`ChangePosition` (from :meth:`Store.changes_since`).

    ``claims`` and ``documents`` are the current rows of what the new ``events`` touched
    (claims or documents removed since are left out; documents without text, with their
    counts); ``documents_changed`` says documents were added or removed;
    ``update_finished`` that a feed update finished (an update that added nothing still
    changes which documents are new since the last one).
    """

    position: ChangePosition
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    documents: tuple[Document, ...] = ()
    documents_changed: bool = False
    update_finished: bool = False

    @property
    def empty(self) -> bool:
        """Nothing changed."""
        return not self.events and not self.documents_changed and not self.update_finished


@dataclass(frozen=True)
class QueueItem:
    """A claim in the review queue, with what the queue shows of its document."""

    claim: Claim
    doc_title: str
    doc_source: str = ""
    doc_published: str = ""
    doc_added: str = ""
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk queue --json``."""
        return {
            **self.claim.to_json(),
            "doc_title": self.doc_title,
            "doc_source": self.doc_source,
            "doc_published": self.doc_published,
            "doc_added": self.doc_added,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class QueuePage:
    """One page of the review queue and how many claims the whole queue holds."""

    items: tuple[QueueItem, ...]
    total: int
    offset: int = 0
