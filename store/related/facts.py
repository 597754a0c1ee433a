"""What a sentence states that can be compared: qualified figures with what they count, and dates.

>>> [(f.value, f.kind, f.text) for f in read_figures(
...     "at least 100 North Korean soldiers had been killed and another 1,000 wounded")]
[(100.0, 'at_least', 'at least 100'), (1000.0, 'exact', '1,000')]
>>> sorted(read_figures("more than 3,000 soldiers were killed or wounded")[0].counts)
['killed', 'soldier', 'wounded']
>>> sorted(read_dates("captured on December 26 in Kursk; on 14-15 December"))
['12-14', '12-15', '12-26']
>>> read_places("In Mosul near the Braltrimba airfield, 200 were hurt on Monday")
[('Mosul',), ('Braltrimba',)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from claimdesk.store.related.matching_form import (
    _NUMBER_WORD,
    STOPWORDS,
    number_value,
    stem,
    strip_diacritics,
    word_set,
)
from claimdesk.store.related.quantities import Interval, interval, qualifier_kind

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAYS = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|to|and)\s*(?P<day2>\d{1,2})(?:st|nd|rd|th)?)?"


class _Caseless:
    """A lowercase pattern matched ignoring case.

    Matched on the lowered text where lowering keeps every offset (nearly always):
    2-3x faster than ``re.I``, under which a failed branch of an alternation is not
    skipped on its first letter. Otherwise matched with ``re.I``.
    """

    def __init__(self, pattern: str) -> None:
        self.exact = re.compile(pattern)
        self.caseless = re.compile(pattern, re.I)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Like :meth:`re.Pattern.finditer`; groups come from the lowered text."""
        low = text.lower()
        if len(low) == len(text):
            return self.exact.finditer(low)
        return self.caseless.finditer(text)


_DATE_MD = _Caseless(rf"\b{_MONTH}\s+{_DAYS}\b")
_DATE_DM = _Caseless(rf"\b{_DAYS}\s+(?:of\s+)?{_MONTH}\b")

_QUALIFIER = (
    r"(?P<qual>at\s+least|no\s+(?:fewer|less|more)\s+than|more\s+than|less\s+than|fewer\s+than"
    r"|up\s+to|at\s+most|as\s+many\s+as|in\s+excess\s+of|upwards\s+of|close\s+to|just\s+under"
    r"|approximately|about|around|roughly|some|an\s+estimated|estimated|nearly|almost|over"
    r"|under|above|below|exactly|a\s+total\s+of)\s+"
)
_FIGURE = _Caseless(
    # a figure starts a word, or follows letters glued to it ("euro30", rejected as mid-word)
    r"(?:\b|(?<=[^\W\d])(?=\d))"
    rf"(?:{_QUALIFIER})?(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|(?:{_NUMBER_WORD})\b(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD})\b)*)"
    r"(?P<scale>\s*(?:million|billion|thousand|bn|m)\b)?(?P<pct>\s*(?:%|per\s*cent|percent))?"
)
_WORD = re.compile(r"[a-z]+")
EVENT_WORDS = word_set(
    """killed dead died death deaths kill killing wounded injured injuries hurt missing captured
    arrested detained displaced evacuated infected cases victims casualties shot fired"""
)
"""Words that name what a figure counts even when they are not right after it ("100 ... killed")."""
EVENT_STEMS = frozenset(stem(w) for w in EVENT_WORDS)
""":data:`EVENT_WORDS` in the stemmed form that :attr:`Reading.counts` holds."""

READ_CACHE = 8192
"""How many sentences' readings (figures, dates, places) are kept: a related list reads
the figures of each claim it shows, and the same claims come back as the cursor moves."""


WINDOW = 8
"""How many words after a figure may name what it counts."""


@dataclass(frozen=True)
class Reading:
    """One figure as read from a sentence: value, qualifier kind, quoted text, counted words."""

    value: float
    kind: str
    text: str
    counts: frozenset[str]
    percent: bool = False

    @property
    def interval(self) -> Interval:
        """The values this figure allows (see :mod:`claimdesk.store.related.quantities`)."""
        return interval(self.value, self.kind.replace("_", " ") if self.kind != "exact" else "")


def _date_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for rx in (_DATE_MD, _DATE_DM) for m in rx.finditer(text)]


@lru_cache(maxsize=READ_CACHE)
def read_dates(text: str) -> frozenset[str]:
    """Month-day dates mentioned in ``text``, as ``MM-DD`` (a range gives every day)."""
    found: set[str] = set()
    for rx in (_DATE_MD, _DATE_DM):
        for m in rx.finditer(text):
            month = MONTHS.get(m.group("month").lower().rstrip(".")[:4].rstrip("e")) or MONTHS.get(
                m.group("month").lower()[:3]
            )
            first, last = int(m.group("day")), int(m.group("day2") or m.group("day"))
            if not month or not 1 <= first <= 31 or not first <= last <= 31 or last - first > 6:
                continue
            found.update(f"{month:02d}-{day:02d}" for day in range(first, last + 1))
    return frozenset(found)


_NEXT_NUMBER = re.compile(r"\d")
_SPACED_GROUP = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}\b)")


_OUTCOME_PHRASES = (
    (re.compile(r"\blost (?:their|his|her) lives?\b"), "died"),
    (re.compile(r"\btaken into custody\b"), "detained"),
    (re.compile(r"\bunaccounted for\b"), "missing"),
    (
        re.compile(
            r"\b(?:fled|forced (?:out )?(?:from|of)|driven from) (?:their|his|her) homes?\b"
        ),
        "displaced",
    ),
)
"""Phrases that name an outcome in several words, and the word that stands for each."""


def _counted(after: str) -> frozenset[str]:
    cut = _NEXT_NUMBER.search(after)  # what a figure counts ends where the next figure starts
    if cut:
        after = after[: cut.start()]
    after = after.lower()
    for phrase, word in _OUTCOME_PHRASES:
        after = phrase.sub(word, after)
    words = _WORD.findall(after)[:WINDOW]
    near = [stem(w) for w in words[:3] if w not in STOPWORDS and w not in MONTHS]
    events = [stem(w) for w in words if w in EVENT_WORDS]
    return frozenset(near + events)


def read_figures(text: str) -> list[Reading]:
    """Every figure in ``text`` that is not part of a date or a year, with qualifier and counted words."""
    return list(_figures(text))


@lru_cache(maxsize=READ_CACHE)
def _figures(text: str) -> tuple[Reading, ...]:
    text = _SPACED_GROUP.sub(",", strip_diacritics(text.replace("\u2019", "'")))
    dates = _date_spans(text)
    out = []
    for m in _FIGURE.finditer(text):
        start, end = m.span("num")
        if any(s <= start < e for s, e in dates) or (start and text[start - 1].isalnum()):
            continue
        raw = m.group("num")
        value = number_value(raw.replace(",", ""))
        if value is None or (value < 10 and not raw[0].isdigit()):
            continue  # "one of them", "those two days": small number words are rarely figures
        if re.fullmatch(r"(1[89]|20)\d\d", raw) and not m.group("qual") and not m.group("pct"):
            continue  # a year
        scale = (m.group("scale") or "").strip().lower()
        value *= {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}.get(
            scale, 1
        )
        qual = " ".join((m.group("qual") or "").lower().split())
        out.append(
            Reading(
                value=value,
                kind=qualifier_kind(qual),
                text=" ".join(text[m.start() : m.end()].split()),
                counts=_counted(text[m.end() : m.end() + 80]),
                percent=bool(m.group("pct")),
            )
        )
    return tuple(out)


_PLACE = re.compile(
    r"\b(?i:in|near|outside|at|across|around|from)\s+(?:the\s+)?"
    r"(?:(?:[a-z]+ern|[A-Z][\w-]*['\u2019]s)\s+)?"  # "eastern", "Russia's"
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
)
_NOT_PLACES = word_set(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday least most first last all total"""
)
_NAME_WORD = re.compile(r"[^\W_]+")


def read_places(text: str) -> list[tuple[str, ...]]:
    """The capitalised names after "in", "near", "at", ... (where something happened), as
    their words; months and weekdays are left out."""
    return list(_places(text))


@lru_cache(maxsize=READ_CACHE)
def _places(text: str) -> tuple[tuple[str, ...], ...]:
    found: list[tuple[str, ...]] = []
    for m in _PLACE.finditer(strip_diacritics(text)):
        names: list[str] = _NAME_WORD.findall(m.group("name"))
        words = tuple(w for w in names if w.lower() not in _NOT_PLACES and len(w) > 1)
        if words:
            found.append(words)
    return tuple(found)
