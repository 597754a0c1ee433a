"""Is a known fact-check about the same claim as a text? The abstain rule of "checked before".

A high match score says that a text and a fact-check share rare words; it does not say
that they make the same claim. A news report of a shooting shares "shot", "killed" and
"police" with a dozen fact-checks of other shootings and scores as high as a post does
against its own fact-check (on the development sets the right matches' scores and those
of news claims with no fact-check overlap, so no score floor separates them). A match is
therefore shown only when the fact-check's own content is in the text, read as a few
facts that each can be said in words (:class:`Evidence`):

- ``words``: how many words the two share (at least :data:`MIN_WORDS`);
- ``names``: how many of the proper names of the fact-check's claim the text names too
  (a fact-check is about someone or somewhere; review titles capitalise every word,
  so their names are not read);
- ``rare_cover``: the share of its :data:`RARE` rarest words the text uses;
- ``rest_cover``: the share (weighted by rarity) of its other words, the ones that are
  not names, the text uses: what is said of the names ("arrested on drug charges");
- ``margin``: how far the match is ahead of the next different fact-check (a copy of
  the same claim does not count), or, for the others, how far behind the best;
- ``figures_clash``: both give figures (not years) and none is the same;
- ``event_unsaid``: the fact-check's claim states an event (killed, captured, arrested,
  arrived, ...: the extractor's event verbs) and the text states none of its events, in
  any form ("captured", "capture", "captures"). A fact-check is about what happened to its
  names: "100 North Korean soldiers were killed in Kursk" names everything "Ukraine
  captured North Korean soldiers in Kursk" names and is another claim.

:func:`weigh` adds them up with :data:`WEIGHTS`; a match is shown (:func:`shows`) when
the sum is at least 0, they share :data:`MIN_WORDS` words, the text says at least
:data:`REST_FLOOR` of the fact-check's words that are not names, the text states the
fact-check's event where it states one, and the figures do not clash (a veto: 1.7% of the right matches have figures that clash, against 6.3% of the
wrong ones; as a fitted weight, -0.8, it kept those right matches and showed as many
news claims one).

>>> from claimdesk.store.related.scoring import make_bag
>>> idf = {"shark": 6.0, "highway": 5.0, "houston": 6.5, "flood": 4.0}.get
>>> def bag(text):
...     return make_bag(text, lambda t: idf(t, 1.0))
>>> check = "A shark swam on a Houston highway after the flood."
>>> post = "A shark swimming on a flooded Houston highway!"
>>> same = evidence(post, bag(post), check, bag(check), margin=0.5)
>>> (same.names, same.rare_cover, same.figures_clash, shows(same))
(1, 1.0, False, True)
>>> news = "Police said 3 people were shot on a Houston highway on Monday."
>>> shows(evidence(news, bag(news), check, bag(check), margin=0.1))
False
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimdesk.store.extract.features import EVENTS
from claimdesk.store.factchecks.records import FactCheck
from claimdesk.store.factchecks.rerank import post_body
from claimdesk.store.related.matching_form import fts_tokens, stem
from claimdesk.store.related.proper_names import document_names
from claimdesk.store.related.scoring import Bag

RARE = 3
"""How many of the fact-check's rarest words ``rare_cover`` asks for."""

PREFIX = 6
"""Two words of at least this many letters that begin with the same this many are one word
here ("miscarry" and "miscarriages", "photoshopped" and "photoshop"; "police" and
"policy" are not)."""

WEIGHTS: dict[str, float] = {
    "bias": -5.5,
    "names": 2.2,
    "rare_cover": 0.4,
    "rest_cover": 2.8,
    "margin": 8.8,
}
"""The weight of each fact in :func:`weigh` (``bias`` is added once; ``names`` weighs
``log(1 + names)``). Fitted by logistic regression on the top five matches of the 997
CLEF-2020 development queries (right or not) and of 2,974 claims of GVC and ECB+
development news reports (none right); five cross-validation folds' weights differ by
less than 0.6. The bias and :data:`REST_FLOOR` were then set for the pane's precision:
with news claims outnumbering posts that were checked before (11,878 to 997 on the
development sets), each point of news claims shown costs more than a point of posts
left unanswered. Scores are not an input, so the rule holds when the ranking's scale
changes."""

MIN_WORDS = 3
"""A match is not shown when the text and the fact-check share fewer words than this: a
short fragment ("Still, it was inevitable.") has few rival matches, so its margin says
little. On the development sets this cost 0.4% of the queries' right matches and one in
nine of the news claims still shown one; 4 words would cost 2.7% and two in three."""

REST_FLOOR = 0.2
"""A match is not shown when the text says less than this share of the fact-check's words
that are not names (``rest_cover``): the same people doing something else ("Peyton
Manning helped the Colts win" is not "Peyton Manning was arrested on drug charges")."""

EVENT_STEM = 5
"""A text states an event verb when one of its words begins with the verb's first this many
letters (fewer for a short verb, never under three): "captured" is said by "capture" and
"captures", "died" by "dies", "shot" by "shots"."""

_EVENT_WORDS = frozenset(EVENTS)
_FIGURE = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?!\w)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True)
class Evidence:
    """What a text and a fact-check share (see the module doc for each field)."""

    names: int
    words: int
    rare_cover: float
    rest_cover: float
    margin: float
    figures_clash: bool
    event_unsaid: bool = False

    def as_dict(self) -> dict[str, Any]:
        """The facts by name, for reports."""
        return {
            "names": self.names,
            "words": self.words,
            "rare_cover": round(self.rare_cover, 3),
            "rest_cover": round(self.rest_cover, 3),
            "margin": round(self.margin, 3),
            "figures_clash": self.figures_clash,
            "event_unsaid": self.event_unsaid,
        }


def figures(text: str) -> frozenset[str]:
    """The numbers written in digits in ``text``, without thousands separators; not years
    (a fact-check dates the claim, "in August 2019", where a post does not).

    >>> sorted(figures("1,200 dead in 2019, 3.5% more"))
    ['1200', '3.5']
    """
    found = (m.group().replace(",", "") for m in _FIGURE.finditer(text))
    return frozenset(f for f in found if not _YEAR.fullmatch(f))


def event_unsaid(text: str, check_claim: str) -> bool:
    """Whether ``check_claim`` states an event (an event verb) that ``text`` does not state
    in any form.

    >>> event_unsaid("Kyiv says it has captured two soldiers", "Ukraine captured soldiers")
    False
    >>> event_unsaid("100 soldiers were killed in Kursk", "Ukraine captured soldiers in Kursk")
    True
    >>> event_unsaid("12,000 troops are in Russia", "12,000 troops in Russia")
    False
    """
    theirs = {_event_stem(t) for t in fts_tokens(check_claim) if t in _EVENT_WORDS}
    if not theirs:
        return False
    return not any(t.startswith(e) for t in fts_tokens(text) for e in theirs)


def _event_stem(word: str) -> str:
    return word[: max(3, min(EVENT_STEM, len(word) - 1))]


def _covered(keys: Mapping[str, float], shared: set[str]) -> float:
    total = sum(keys.values())
    return sum(w for k, w in keys.items() if k in shared) / total if total else 0.0


def evidence(
    text: str,
    text_bag: Bag,
    check_claim: str,
    check_bag: Bag,
    *,
    margin: float,
    title: str = "",
    variant_of: Mapping[str, str] | None = None,
) -> Evidence:
    """The facts of ``text`` against one fact-check (its claim, and its review's ``title``).

    The bags are the matcher's (:func:`~claimdesk.store.related.scoring.make_bag`);
    ``variant_of`` maps the fact-check's spelling variants of the text's words to them.
    """
    variant_of = variant_of or {}
    theirs = {variant_of.get(k, k): w for k, w in check_bag.weights.items()}
    prefixes = {k[:PREFIX] for k in text_bag.weights if len(k) >= PREFIX}
    shared = {
        k for k in theirs if k in text_bag.weights or (len(k) >= PREFIX and k[:PREFIX] in prefixes)
    }
    rarest = sorted(theirs, key=lambda k: (-theirs[k], k))[:RARE]
    body = post_body(text)
    names = {stem(n) for n in document_names(check_claim)}
    said = {stem(t) for t in fts_tokens(body)} | shared
    mine_figures, theirs_figures = figures(body), figures(f"{check_claim}\n{title}")
    return Evidence(
        names=len(names & said),
        words=len(shared),
        rare_cover=sum(1 for k in rarest if k in shared) / len(rarest) if rarest else 0.0,
        rest_cover=_covered({k: w for k, w in theirs.items() if k not in names}, shared),
        margin=margin,
        figures_clash=bool(mine_figures and theirs_figures)
        and mine_figures.isdisjoint(theirs_figures),
        event_unsaid=event_unsaid(body, check_claim),
    )


def shows(found: Evidence) -> bool:
    """Whether a match with ``found``'s facts is shown: the rule of the module doc."""
    return (
        not found.figures_clash
        and not found.event_unsaid
        and found.words >= MIN_WORDS
        and found.rest_cover >= REST_FLOOR
        and weigh(found) >= 0
    )


def weigh(found: Evidence) -> float:
    """The weighted sum of ``found``'s facts (the floor and the figures' veto aside)."""
    w = WEIGHTS
    return (
        w["bias"]
        + w["names"] * math.log1p(found.names)
        + w["rare_cover"] * found.rare_cover
        + w["rest_cover"] * found.rest_cover
        + w["margin"] * found.margin
    )


def margins(scores: Sequence[float], bags: Sequence[Bag]) -> list[float]:
    """Each match's margin, best first: the best's lead over the next match with other
    words (a copy of the same fact-check is no rival), the others' distance behind it."""
    if not scores or scores[0] <= 0:
        return [0.0] * len(scores)
    best = scores[0]
    words = bags[0].weights.keys()
    rivals = zip(scores[1:], bags[1:], strict=True)
    rival = next((s for s, b in rivals if b.weights.keys() != words), 0.0)
    return [(best - rival) / best] + [(s - best) / best for s in scores[1:]]


def same_claim(
    text: str,
    ranked: Sequence[tuple[float, int, Any, Bag]],
    checks: Mapping[int, FactCheck],
) -> list[bool]:
    """Which matches of ``text`` are shown: ``ranked`` is the matcher's best-first
    ``(score, fact-check id, query, bag)`` list, ``checks`` the fact-checks by id."""
    if not ranked:
        return []
    query = ranked[0][2]
    text_bag: Bag = query.bag
    variant_of: Mapping[str, str] = query.variant_of
    lead = margins([r[0] for r in ranked], [r[3] for r in ranked])
    out = []
    for (_, check_id, _, bag), margin in zip(ranked, lead, strict=True):
        check = checks.get(check_id)
        if check is None:
            out.append(False)
            continue
        found = evidence(
            text,
            text_bag,
            check.claim,
            bag,
            margin=margin,
            title=check.title,
            variant_of=variant_of,
        )
        out.append(shows(found))
    return out
