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


def figure_from_dict(item: dict) -> Figure:
    """A :class:`Figure` from its stored dict (fields a store of another version lacks keep
    their defaults; unknown ones are left out)."""
    values = {k: v for k, v in item.items() if k in _FIGURE_FIELDS}
    for name in ("modifiers", "outcome"):
        if name in values:
            values[name] = tuple(values[name] or ())
    return Figure(**values)


def date_from_dict(item: dict) -> DateMention:
    """A :class:`DateMention` from its stored dict (see :func:`figure_from_dict`)."""
    return DateMention(**{k: v for k, v in item.items() if k in _DATE_FIELDS})


@dataclass(frozen=True)
class Document:
    """A stored document. ``text`` is ``None`` in listings, the full text from ``Store.document``."""

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
        }


@dataclass(frozen=True)
class Event:
    """One append-only history row: who changed what, when, from what to what."""

    id: int
    at: str
    actor: str
    kind: str
    claim_id: int | None
    doc_id: int | None
    old: str
    new: str
    undo_of: int | None = None

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
class AddResult:
    """What :meth:`Store.add_file` / :meth:`Store.add_text` did with one input."""

    doc_id: int | None
    added: bool
    title: str = ""
    claims: int = 0
    sentences: int = 0
    reason: str = ""
    path: str = ""

    @property
    def refused(self) -> bool:
        """True when the input was not stored and is not already in the store (see ``reason``)."""
        return self.doc_id is None

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


def figures_from_json(raw: str) -> tuple[Figure, ...]:
    """Decode the ``numbers`` column."""
    return tuple(figure_from_dict(item) for item in json_list(raw))


def dates_from_json(raw: str) -> tuple[DateMention, ...]:
    """Decode the ``dates`` column."""
    return tuple(date_from_dict(item) for item in json_list(raw))


def json_list(raw: str | None) -> list:
    """A JSON list column decoded; most are empty, and those skip the decoder (a search
    result page builds fifty claims on every keystroke)."""
    if not raw or raw == "[]":
        return []
    return json.loads(raw)


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


@dataclass(frozen=True)
class RelatedClaim:
    """A claim found by :meth:`Store.related`: score 0..100, relation and a readable reason."""

    claim: Claim
    doc_title: str
    score: float
    relation: str
    why: str
    same_document: bool = False

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
        }


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
