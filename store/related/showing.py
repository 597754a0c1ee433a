"""Which related claims the reader shows: one rule for the related pane, the CLI and ``eval``.

A candidate from another document is *shown* when all of these hold:

- it is among the :data:`EVIDENCE_CANDIDATES` best-scored candidates from other documents;
- the two sentences share at least :data:`MIN_SHARED_TERMS` informative words (figures
  aside), one of them not common (found in at most :data:`COMMON_FRACTION` of the store's sentences,
  never fewer than :data:`COMMON_MIN`): a single shared word, or only common words,
  is never enough;
- the same-incident evidence (:mod:`~claimdesk.store.related.incident`) reaches the
  model's threshold, and the two documents were not published more than the model's
  ``max_days_apart`` apart.

Everything else is a *weaker* match: kept, marked, and listed after the shown ones
when asked for. Claims of the same document are always weaker. A link the reader
marked wrong is hidden; one marked right (or a confirmed contradiction) is shown
whatever its evidence. Identical sentences of several documents are one row.

    >>> from claimdesk.store.related.scoring import Bag
    >>> q = Bag({"caron": 6.0, "shot": 2.0, "friend": 3.0})
    >>> shares_enough(q, Bag({"caron": 6.0, "shot": 2.0}), common_idf=2.5)
    True
    >>> shares_enough(q, Bag({"shot": 2.0, "police": 1.0}), common_idf=2.5)
    False
    >>> shares_enough(Bag({"antoine": 6.0, "17": 3.0}), Bag({"antoine": 6.0, "17": 3.0}), 2.5)
    False
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from claimdesk.store.models import RelatedClaim
from claimdesk.store.related import incident
from claimdesk.store.related.scoring import Bag, translate

if TYPE_CHECKING:  # the engine calls weigh with itself
    from claimdesk.store.related.candidates import Query
    from claimdesk.store.related.engine import Engine

EVIDENCE_CANDIDATES = 20
"""How many of the best-scored candidates from other documents are weighed for showing."""

MIN_SHARED_TERMS = 2
"""A shown claim shares at least this many informative words with the claim..."""

COMMON_FRACTION = 0.02
"""...at least one of them found in at most this share of the store's sentences..."""

COMMON_MIN = 20
"""...or in at most this many, in a small store."""


def common_idf(sentences: int) -> float:
    """The bm25 idf of a word at the common limit: words with a lower idf are common.

    >>> round(common_idf(1000), 2)
    3.89
    """
    df = max(COMMON_FRACTION * sentences, COMMON_MIN)
    return math.log(1 + (max(sentences, 1) - df + 0.5) / (df + 0.5))


def shares_enough(query: Bag, candidate: Bag, common_idf: float) -> bool:
    """Whether two bags share :data:`MIN_SHARED_TERMS` words, one of them not common.

    Figures do not count as words here: "two" and "17" are shared by countless reports.
    """
    shared = [k for k in query.weights.keys() & candidate.weights.keys() if not k.isdigit()]
    if len(shared) < MIN_SHARED_TERMS:
        return False
    return any(query.weights[k] >= common_idf for k in shared)


def collapse(items: list[RelatedClaim]) -> list[RelatedClaim]:
    """One row per distinct sentence: copies of the same text in other documents are folded
    into the best row (a shown one if any), which lists them in ``copies`` and ``also_in``.

    ``items`` are in display order; the order of the rows kept does not change.
    """
    groups: dict[str, list[RelatedClaim]] = {}
    for item in items:
        groups.setdefault(_text_key(item), []).append(item)
    if len(groups) == len(items):
        return items
    out = []
    for item in items:
        group = groups[_text_key(item)]
        best = next((g for g in group if g.shown), group[0])
        if item is not best:
            continue
        copies = [g for g in group if g is not best]
        docs = {g.claim.doc_id for g in copies} - {best.claim.doc_id}
        out.append(
            replace(best, copies=tuple(g.claim.id for g in copies), also_in=len(docs))
            if copies
            else best
        )
    return out


def _text_key(item: RelatedClaim) -> str:
    return item.claim.norm or item.claim.text


def with_feedback(
    items: list[RelatedClaim], verdicts: dict[int, str], *, hidden: bool = False
) -> list[RelatedClaim]:
    """``items`` with the reader's verdicts applied (a row's copies share its verdict).

    Rows marked wrong are dropped (kept, not shown, with ``hidden``); rows marked right or
    as a contradiction are shown.
    """
    if not verdicts:
        return items
    out = []
    for item in items:
        verdict = next((verdicts[i] for i in (item.claim.id, *item.copies) if i in verdicts), "")
        if not verdict:
            out.append(item)
        elif verdict == "wrong":
            if hidden:
                out.append(replace(item, feedback=verdict, shown=False))
        else:
            out.append(replace(item, feedback=verdict, shown=True))
    return order(out)


def order(items: list[RelatedClaim]) -> list[RelatedClaim]:
    """Shown rows first, then weaker ones, then the same document's; best score first in each."""
    return sorted(items, key=lambda i: (not i.shown, i.same_document, -i.score, i.claim.id))


def select(items: list[RelatedClaim], limit: int, *, weaker: bool = False) -> list[RelatedClaim]:
    """At most ``limit`` shown rows; with ``weaker``, then at most ``limit`` weaker ones."""
    shown = [i for i in items if i.shown][:limit]
    if not weaker:
        return shown
    return shown + [i for i in items if not i.shown][:limit]


def weigh(
    engine: Engine,
    query: Query,
    weighed: list[tuple[float, int, int]],
    doc_id: int,
    model: incident.Model,
) -> dict[int, tuple[bool, incident.Evidence]]:
    """``{claim id: (eligible, Evidence)}`` for ``(score, claim_id, doc_id)`` candidates
    from other documents, weighed with the :class:`~claimdesk.store.related.engine.Engine`'s
    term table, bags and document profiles: ``eligible`` when the two sentences share
    enough words and the documents were not published too far apart (the evidence
    threshold aside)."""
    if not weighed:
        return {}
    terms = engine.terms
    idf, df = terms.idf_lookup, terms.df.__getitem__  # a Counter: 0 when unseen
    doc_ids = [doc_id, *(r[2] for r in weighed)]
    profiles = engine.profiles.get(engine.connections.db, doc_ids, engine.groups, idf)
    mine = profiles[doc_id]
    common = common_idf(terms.count)
    pairs: dict[int, incident.DocumentPair] = {}
    out: dict[int, tuple[bool, incident.Evidence]] = {}
    for score, cid, cand_doc in weighed:
        bag = engine.cached_bag(cid)  # built by rank() just before
        pair = pairs.get(cand_doc)
        if pair is None:
            pair = pairs[cand_doc] = incident.compare(
                mine, profiles[cand_doc], idf, df, terms.count
            )
        found = incident.same_incident(
            mine, profiles[cand_doc], score / 100, idf, df, terms.count, model, pair
        )
        days = found.days_apart
        eligible = (
            bag is not None
            and (days is None or days <= model.max_days_apart)
            and shares_enough(query.bag, translate(bag, query.variant_of), common)
        )
        out[cid] = (eligible, found)
    return out
