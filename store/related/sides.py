"""One claim as the relation functions compare it: its typed facts (read at ingest, or by the
same functions for free text), the names it and its document's title mention, its
document's published date and its hedge.

    >>> side = side_of_text("Zelensky said more than 3,000 North Korean soldiers were killed.",
    ...                     title="Kyiv raises its estimate", published="2024-12-28")
    >>> [f.text for f in side.figures], sorted(side.names)
    (['more than 3,000'], ['korean', 'kyiv', 'north', 'zelensky'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claimdesk.store.extract.counted import OUTCOMES, THING_SYNONYMS
from claimdesk.store.extract.dates import MONTHS
from claimdesk.store.extract.facts import EVENTS
from claimdesk.store.extract.features import entities, hedge_of
from claimdesk.store.extract.sentences import split_sentences
from claimdesk.store.extract.wordlists import word_list
from claimdesk.store.models import DateMention, Figure, date_from_dict, figure_from_dict
from claimdesk.store.related.matching_form import stem

_GENERIC_NAMES = frozenset(
    word_list(
        """police officials official president government minister ministry department office
        city county state man woman men women boy girl family father mother son daughter wife
        husband update updated breaking news report reports video photos people sheriff
        authorities army military troops soldiers forces high school elementary middle
        university college hospital medical center centre street avenue road block park church
        new national international united district court judge mr mrs ms
        dr navy air force coast guard"""
    )
)
"""Capitalised words that name nobody in particular."""
GENERIC_WORDS = frozenset(stem(w) for w in _GENERIC_NAMES)
"""The same, stemmed: shared content they do not make."""
DATE_WORDS = frozenset(MONTHS) | frozenset(
    word_list(
        "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow day "
        "days week weeks month year years night morning evening afternoon"
    )
)
"""Words of dates: sharing them says nothing about being the same event."""
_NOT_NAME_WORDS = (
    _GENERIC_NAMES
    | DATE_WORDS
    | frozenset(OUTCOMES)
    | frozenset(EVENTS)
    | frozenset(THING_SYNONYMS)
)


@dataclass(frozen=True)
class Side:
    """One claim as compared: its text, stored facts, names and its document's title and date."""

    text: str
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    names: frozenset[str] = frozenset()
    title: str = ""
    published: str = ""
    hedge: str = ""
    own_names: frozenset[str] = frozenset()
    """The name keys of the claim itself (``names`` adds its document title's)."""


def name_keys(names: Iterable[str]) -> frozenset[str]:
    """The stemmed words of names, without words that name nobody in particular (Police, Man)."""
    out: set[str] = set()
    for name in names:
        for word in re.findall(r"[^\W\d_]+", name.lower()):
            if len(word) > 1 and not _NOT_NAME_WORDS.intersection((word,)):
                out.add(stem(word))
    return frozenset(out)


@lru_cache(maxsize=4096)
def title_names(title: str) -> frozenset[str]:
    """The name keys of a document title."""
    return name_keys(entities(title)) if title else frozenset()


def side_of_text(text: str, title: str = "", published: str = "") -> Side:
    """A :class:`Side` for free text, read by the same functions as ingest."""
    from claimdesk.store.extract.facts import read_facts

    figures: list[Figure] = []
    dates: list[DateMention] = []
    for span in split_sentences(text) or []:
        found, when = read_facts(span.text, span.start, published=published)
        figures += [figure_from_dict(f) for f in found]
        dates += [date_from_dict(d) for d in when]
    own = name_keys(entities(text))
    return Side(
        text=text,
        figures=tuple(figures),
        dates=tuple(dates),
        names=own | title_names(title),
        title=title,
        published=published,
        hedge=hedge_of(text),
        own_names=own,
    )
