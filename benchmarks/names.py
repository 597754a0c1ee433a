"""An open vocabulary of invented names for the benchmark corpus.

Real news keeps meeting new names: in a sample of 14,000 sentences of real
reporting, the distinct words still grow with the corpus (about 3,100 at 1,000
sentences, 15,000 at 14,000) and the median sentence has six words found in at
most 0.5% of sentences. A corpus drawn from fixed word lists has neither: its
vocabulary stops growing at about a thousand words and two sentences in three
have no rare word at all, which makes every store look like one story retold a
million times. Names here are made from syllables, so the supply never runs
out, and drawn with a Zipf-like popularity: a few places and people are in the
news all the time, most appear a handful of times.

    >>> import random
    >>> rng = random.Random(1)
    >>> name = town(rng)
    >>> name[0].isupper() and name.isalpha()
    True
    >>> invented(0, "ovo") == invented(0, "ovo")
    True
    >>> len({invented(i, "") for i in range(5000)})  # open syllables count thrice: see invented
    1536
"""

from __future__ import annotations

import random

_ONSETS = (
    "b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr",
    "r", "s", "sh", "st", "t", "tr", "v", "z",
)  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
_CODAS = ("", "", "", "n", "r", "l", "s", "k", "m")
_SYLLABLES = tuple(o + v + c for o in _ONSETS for v in _VOWELS for c in _CODAS)

TOWN_ENDINGS = ("ivka", "ovo", "abad", "pur", "ville", "sk", "grad", "stan", "burg", "ia")
"""Endings that make an invented word read as a place."""
SURNAME_ENDINGS = ("enko", "ov", "ic", "son", "ez", "ani", "uk", "berg", "i", "")
"""Endings that make an invented word read as a family name."""

FACILITIES = (
    "market", "bridge", "hospital", "school", "power plant", "steel works", "mine", "railway station",
    "port", "dam", "airfield", "refinery", "border crossing", "stadium", "prison", "reservoir",
    "oil depot", "shopping centre", "university", "bus station", "factory", "barracks", "highway",
    "pipeline", "clinic", "warehouse", "camp", "checkpoint", "harbour", "substation",
)  # fmt: skip
"""Common nouns for the named sites that news reports locate events at."""

DETAILS = (
    "near the {name} {site}",
    "after an attack on the {name} {site}",
    "around the {name} {site}",
    "close to the {name} {site}",
    "at the {name} {site}",
    "in the {name} district",
    "along the {name} river",
)
"""Frames that tie a fact to a named site, as real reports do."""

POOL = 2_000_000
"""How many distinct names each kind can draw from (more than any benchmark needs)."""


def invented(index: int, ending: str) -> str:
    """The ``index``-th invented name with ``ending``: two or three syllables, capitalised.

    The syllable table lists each open syllable ("ba") three times, as they are commoner
    than closed ones, so some indices share a name: the first 5,000 give 1,536 names.
    """
    count = len(_SYLLABLES)
    first, rest = index % count, index // count
    parts = [_SYLLABLES[first], _SYLLABLES[rest % count]]
    if rest >= count:
        parts.append(_SYLLABLES[(rest // count) % count])
    return ("".join(parts) + ending).capitalize()


def popular(rng: random.Random, pool: int = POOL) -> int:
    """An index in ``range(pool)`` with probability about proportional to ``1 / (index + 1)``."""
    return int(pool ** rng.random()) - 1


def town(rng: random.Random) -> str:
    """An invented town, popular ones more often."""
    index = popular(rng)
    return invented(index, TOWN_ENDINGS[index % len(TOWN_ENDINGS)])


def surname(rng: random.Random) -> str:
    """An invented family name, popular ones more often."""
    index = popular(rng)
    return invented(index + POOL, SURNAME_ENDINGS[index % len(SURNAME_ENDINGS)])


def detail(rng: random.Random) -> str:
    """A phrase placing an event at a named site ("near the Brovka bridge")."""
    index = popular(rng)
    frame = DETAILS[int(rng.random() * len(DETAILS))]
    site = FACILITIES[index % len(FACILITIES)]
    return frame.format(name=invented(index + 2 * POOL, ""), site=site)
