"""Same-incident evidence: is a related claim from another report of the same event?

Two sentences can share words and still be about two different shootings, two
earthquakes or two court cases. What tells reports of one event apart is mostly
outside the sentence: the people and places the two *documents* name, and when
they were published. For a claim and a candidate from another document this
module reads four figures and combines them in a logistic model whose weights
are data (``same_incident.json``, fitted by ``claimdesk train related``):

- ``score``: the related-claims score (0..1), how alike the two sentences are;
- ``names``: how much of the two documents' proper names they share, each name
  weighted by its rarity in the store (idf, at least 1): ``shared / sqrt(mine * theirs)``;
- ``rare_names``: how many rare names (found in few sentences) both documents
  use, up to five, as a share of five;
- ``far``: how far apart the documents were published, past two days
  (``log(1 + days - 2) / 7``; 0 when either date is unknown).

    >>> from datetime import date
    >>> a = DocProfile(frozenset({"caron", "bristol", "woodland"}), date(2016, 10, 23))
    >>> b = DocProfile(frozenset({"caron", "bristol", "couture"}), date(2016, 10, 24))
    >>> c = DocProfile(frozenset({"milwaukee", "keefe"}), date(2014, 6, 15))
    >>> idf = {"caron": 6.0, "bristol": 4.0}.get
    >>> same_incident(a, b, 0.4, lambda t: idf(t, 5.0), lambda t: 2, 1000).probability > 0.95
    True
    >>> same_incident(a, c, 0.4, lambda t: 5.0, lambda t: 2, 1000).probability < 0.05
    True
"""

from __future__ import annotations

import heapq
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from claimdesk.store.database.handle import Database
from claimdesk.store.related.proper_names import document_names, is_name_word

if TYPE_CHECKING:  # only passed through
    from claimdesk.store.related.aliases import AliasGroups

MODEL_FILE = "same_incident.json"
"""The shipped weights, beside this module."""

RARE_FRACTION = 0.002
"""A name found in at most this share of the store's sentences is rare..."""

RARE_MIN = 3
"""...or in at most this many, in a small store."""

RARE_CAP = 5
"""``rare_names`` counts at most this many shared rare names."""

NEAR_DAYS = 2
"""Reports published this many days apart or fewer are never told apart by their dates."""

NAME_WEIGHT_FLOOR = 1.0
"""A name weighs its idf, but at least this: in a small store about one story every name
is in most sentences, and sharing them still says "the same story"."""

FEATURES = ("score", "names", "rare_names", "far")
"""The model's inputs, in the order of its weights."""


def published_date(value: str | None) -> date | None:
    """The day a document was published, from its ``published`` field (ISO), or ``None``.

    >>> published_date("2016-10-23T08:00:00Z"), published_date("last week")
    (datetime.date(2016, 10, 23), None)
    """
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def name_weights(idf: Callable[[str], float], words: Iterable[str]) -> list[float]:
    """The weight of each name word: its idf, at least :data:`NAME_WEIGHT_FLOOR`.

    >>> name_weights({"kursk": 0.1, "caron": 6.0}.get, ["kursk", "caron"])
    [1.0, 6.0]
    """
    return list(map(max, map(idf, words), repeat(NAME_WEIGHT_FLOOR)))


@dataclass(frozen=True)
class DocProfile:
    """What a document says about its incident: its name words and its publication day.

    ``mass`` is the sum of the names' idf (worked out once, with the store's idf).
    """

    names: frozenset[str]
    published: date | None = None
    mass: float | None = None


def profile_of(
    text: str,
    published: str | None = "",
    aliases: AliasGroups | None = None,
    idf: Callable[[str], float] | None = None,
    names: str | None = None,
) -> DocProfile:
    """The :class:`DocProfile` of a document's text and ``published`` field.

    ``names``: the stored ``documents.names`` value, if any (then ``text`` is not read).
    With ``aliases`` (:class:`~claimdesk.store.related.aliases.AliasGroups`), every alias
    phrase made of the document's names adds its group's key, so "DPRK" and "North
    Korea" are one name. With ``idf``, the profile's ``mass`` is worked out.
    """
    found = frozenset(names.split()) if names is not None else document_names(text)
    starts = _phrases_by_first_word(aliases) if aliases is not None and aliases.key_of else {}
    if starts and not found.isdisjoint(starts):
        assert aliases is not None  # starts came from it
        keys = {
            aliases.key_of[phrase]
            for word in found.intersection(starts)
            for phrase, needed in starts[word]
            if found.issuperset(needed)
        }
        found = found | keys
    mass = sum(name_weights(idf, found)) if idf is not None else None
    return DocProfile(found, published_date(published), mass)


_Starts = dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]

_BY_FIRST: dict[int, tuple[AliasGroups, _Starts]] = {}


def _phrases_by_first_word(aliases: AliasGroups) -> _Starts:
    """Alias phrases by their first name word, each with the name words it needs
    ("democratic people's republic of korea" needs democratic, people, republic, korea)."""
    cached = _BY_FIRST.get(id(aliases))
    if cached is None or cached[0] is not aliases:
        starts: _Starts = {}
        for phrase in aliases.key_of:
            needed = frozenset(t for t in phrase if is_name_word(t))
            if needed:
                first = next(t for t in phrase if is_name_word(t))
                starts.setdefault(first, []).append((phrase, needed))
        cached = _BY_FIRST[id(aliases)] = (aliases, starts)
        while len(_BY_FIRST) > 8:  # alias tables are few; old ones go
            del _BY_FIRST[next(iter(_BY_FIRST))]
    return cached[1]


class ProfileCache:
    """The profiles of the documents looked at lately (least recently used ones go);
    thread-safe. Clear it when documents are removed or aliases change."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._profiles: OrderedDict[int, DocProfile] = OrderedDict()
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Forget every profile."""
        with self._lock:
            self._profiles.clear()

    def get(
        self,
        db: Database,
        doc_ids: Iterable[int],
        aliases: AliasGroups | None = None,
        idf: Callable[[str], float] | None = None,
    ) -> dict[int, DocProfile]:
        """``{doc id: DocProfile}`` of ``doc_ids``, reading the missing ones from ``db``
        (a missing document has an empty profile). Clear the cache when ``idf`` changes."""
        out: dict[int, DocProfile] = {}
        missing: list[int] = []
        with self._lock:
            for doc_id in doc_ids:
                profile = self._profiles.get(doc_id)
                if profile is None:
                    missing.append(doc_id)
                else:
                    self._profiles.move_to_end(doc_id)
                    out[doc_id] = profile
        if not missing:
            return out
        marks = ",".join("?" * len(missing))
        rows = db.execute(
            "SELECT id, CASE WHEN names IS NULL THEN text END, published, names"
            f" FROM documents WHERE id IN ({marks})",
            missing,
        ).fetchall()
        found = {r[0]: profile_of(r[1] or "", r[2], aliases, idf, r[3]) for r in rows}
        with self._lock:
            for doc_id, profile in found.items():
                self._profiles[doc_id] = profile
            while len(self._profiles) > self.size:
                self._profiles.popitem(last=False)
        out.update(found)
        for doc_id in missing:
            out.setdefault(doc_id, DocProfile(frozenset()))
        return out


@dataclass(frozen=True)
class Model:
    """A logistic model: ``p = 1 / (1 + exp(-(bias + sum(weight * feature))))``."""

    bias: float
    weights: dict[str, float]
    threshold: float
    """Shown when the probability is at least this."""
    max_days_apart: int
    """Reports published further apart than this are never shown as one incident."""

    def probability(self, features: dict[str, float]) -> float:
        """The model's probability that the two reports are of one incident."""
        z = self.bias + sum(self.weights[k] * features[k] for k in FEATURES)
        return 1 / (1 + math.exp(-max(min(z, 40.0), -40.0)))


def model_path() -> Path:
    """Where the shipped weights are (``claimdesk train related`` rewrites them)."""
    return Path(str(resources.files(__package__).joinpath(MODEL_FILE)))


@cache
def model() -> Model:
    """The shipped :class:`Model` (read once)."""
    raw = json.loads(model_path().read_text("utf-8"))
    return Model(
        bias=float(raw["bias"]),
        weights={k: float(raw["weights"][k]) for k in FEATURES},
        threshold=float(raw["threshold"]),
        max_days_apart=int(raw["max_days_apart"]),
    )


@dataclass(frozen=True)
class Evidence:
    """How likely a candidate is from a report of the same incident, and why."""

    probability: float
    features: dict[str, float]
    shared_names: tuple[str, ...] = ()
    """The rarest names both documents use, rarest first (at most three)."""
    days_apart: int | None = None

    def reason(self) -> str:
        """A short reading of the evidence: ``names caron, bristol; 1 day apart``.

        >>> Evidence(0.9, {}, ("caron",), 0).reason()
        'names caron; same day'
        """
        names = [n.replace("_", " ") for n in self.shared_names]
        parts = ["names " + ", ".join(names) if names else "no shared names"]
        if self.days_apart is not None:
            days = self.days_apart
            parts.append("same day" if days == 0 else f"{days} day{'s' if days != 1 else ''} apart")
        return "; ".join(parts)


@dataclass(frozen=True)
class DocumentPair:
    """What two documents' profiles have in common: the document features of the model,
    the rarest shared names (at most three) and the days between the publications."""

    names: float
    rare_names: float
    far: float
    shared_names: tuple[str, ...] = ()
    days_apart: int | None = None


def compare(
    mine: DocProfile,
    theirs: DocProfile,
    idf: Callable[[str], float],
    df: Callable[[str], int],
    sentences: int,
) -> DocumentPair:
    """The :class:`DocumentPair` of two documents' profiles.

    ``idf(word)`` and ``df(word)`` are the store's inverse and plain sentence frequencies
    (a name weighs its idf, at least :data:`NAME_WEIGHT_FLOOR`); ``sentences`` is how many
    sentences the store holds.
    """
    shared = mine.names & theirs.names
    names = rare = 0.0
    top: tuple[str, ...] = ()
    if shared:
        weights = name_weights(idf, shared)
        mass_mine = mine.mass if mine.mass is not None else sum(name_weights(idf, mine.names))
        mass_theirs = (
            theirs.mass if theirs.mass is not None else sum(name_weights(idf, theirs.names))
        )
        if mass_mine and mass_theirs:
            names = sum(weights) / math.sqrt(mass_mine * mass_theirs)
        limit = max(RARE_MIN, RARE_FRACTION * sentences)
        rare = min(sum(map(limit.__ge__, map(df, shared))), RARE_CAP) / RARE_CAP
        best = heapq.nsmallest(3, zip(weights, shared, strict=True), key=lambda p: (-p[0], p[1]))
        top = tuple(name for _, name in best)
    days, far = None, 0.0
    if mine.published is not None and theirs.published is not None:
        days = abs((mine.published - theirs.published).days)
        far = math.log1p(max(days - NEAR_DAYS, 0)) / 7
    return DocumentPair(names, rare, far, top, days)


def same_incident(
    mine: DocProfile,
    theirs: DocProfile,
    score: float,
    idf: Callable[[str], float],
    df: Callable[[str], int],
    sentences: int,
    weights: Model | None = None,
    pair: DocumentPair | None = None,
) -> Evidence:
    """The :class:`Evidence` that ``theirs`` reports the same incident as ``mine``, for
    two sentences of ``score`` (0..1); ``pair``: their documents' :func:`compare`, if known."""
    if pair is None:
        pair = compare(mine, theirs, idf, df, sentences)
    features = {
        "score": score,
        "names": pair.names,
        "rare_names": pair.rare_names,
        "far": pair.far,
    }
    probability = (weights or model()).probability(features)
    return Evidence(probability, features, pair.shared_names, pair.days_apart)
