"""The facts of a sentence, read once at ingest: figures and dates, each with the time window,
the place and (for a date) the event it belongs to.

Figures come from :mod:`~claimdesk.store.extract.figures`, dates from
:mod:`~claimdesk.store.extract.dates`; this module finds the time windows ("on December
14-15", "since October", "so far", "in total", "on those two days") and the places ("in
Kursk") and gives each figure the window and place nearest to it, walking both lists once
(never every figure against every window).

    >>> figures, dates = read_facts(
    ...     "On December 14-15, units lost at least 30 soldiers killed and wounded in Kursk, "
    ...     "and more than 3,000 have been killed or wounded so far.", published="2024-12-28")
    >>> [(f["text"], f["window"], f["place"]) for f in figures]
    [('at least 30', 'day:2024-12-14..2024-12-15', 'Kursk'), ('more than 3,000', 'total', 'Kursk')]
    >>> figures, dates = read_facts("The soldier was captured on December 26 in Kursk.",
    ...                             published="2024-12-28")
    >>> [(d["day"], d["event"], d["place"]) for d in dates]
    [('2024-12-26', 'capture', 'Kursk')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, TypeVar

from claimdesk.store.extract import trigger_words
from claimdesk.store.extract.dates import MONTHS, find_dates
from claimdesk.store.extract.figures import find_figures
from claimdesk.store.extract.wordlists import word_list, words_pattern

_MONTH_NAMES = words_pattern([m.capitalize() for m in MONTHS], capitalised=False)
_CUMULATIVE = re.compile(
    r"\b(?:so far|to date|thus far|in total|in all|all told|altogether|already|cumulatively"
    r"|since the (?:start|beginning|outbreak) of (?:the )?\w+"
    r"|since (?:the )?(?:war|conflict|invasion|pandemic|outbreak|fighting) (?:began|started|broke out)"
    r"|(?:has|have|had)\s+(?:now\s+)?(?:risen|climbed|grown|increased|reached)"
    r"|(?:rose|climbed|risen|reached) to)\b",
    re.I,
)
_SPAN = re.compile(
    r"\b(?:(?:on|over|during|in|for) (?:those|these|the) (?:two|three|four|five|six|seven|same|first|last|previous|past) "
    r"(?:days?|nights?|weekend|weeks?|months?)"
    r"|(?:on |during )?that (?:day|night|morning|evening|weekend|week)|the same day"
    r"|(?:in|over|within) the (?:past|last|previous) (?:\d+|twenty-four|forty-eight|seventy-two|two|three|few) (?:hours|days|weeks)"
    r"|overnight|last (?:week|weekend|month|year)|this (?:week|weekend|month|year)"
    r"|(?:in|during|over) the (?:first|second|third) (?:day|week|month|half|quarter)"
    r"|during (?:the|this|that|an?) (?:\w+ )?(?:operation|raid|attack|incident|game|match|round|"
    r"season|storm|quake|earthquake|shooting|clash|battle|assault|strike|protest|visit|week|weekend))\b",
    re.I,
)
_CUMULATIVE_WORDS = (
    "so far", "to date", "thus far", "in total", "in all", "all told", "altogether", "already",
    "cumulatively", "since", "risen", "climbed", "grown", "increased", "reached", "rose",
)  # fmt: skip
_SPAN_WORDS = (
    "those", "these", "that", "same", "past", "last", "previous", "overnight", "this",
    "during", "first", "second", "third", "within",
)  # fmt: skip
_SINCE = re.compile(rf"\b(?i:since)\s+(?:(?:early|late|mid-?)\s*)?(?P<month>{_MONTH_NAMES})\b")
_IN_MONTH = re.compile(
    rf"\b(?:in|during|throughout|for)\s+(?:(?:early|late|mid-?)\s*)?(?P<month>{_MONTH_NAMES})(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s+\d)"
)
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|told|reported|announced|confirmed|stated|wrote|added|estimated|tweeted|"
    r"posted|briefed|disclosed|revealed|claimed)\b(?:\s+[\w'’]+){0,3}\s+(?:on\s+|late\s+|early\s+)?$"
)
_PLACE = re.compile(
    r"\b(?i:in|near|outside|at|across|around|from)\s+(?:the\s+)?"
    r"(?:(?:[a-z]+ern|[A-Z][\w-]*['\u2019\u02bc]s)\s+)?"  # "eastern", "Russia's"
    r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
)
_NOT_PLACES = frozenset(
    word_list(
        """january february march april may june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday least most first last all total
        the a an this that his her their its"""
    )
)
EVENTS: dict[str, str] = {
    **dict.fromkeys(word_list("captured capture seized"), "capture"),
    **dict.fromkeys(word_list("died dies death"), "death"),
    **dict.fromkeys(word_list("killed"), "killing"),
    **dict.fromkeys(word_list("arrested arrest detained"), "arrest"),
    **dict.fromkeys(word_list("shot shooting gunned"), "shooting"),
    **dict.fromkeys(word_list("attacked attack bombed bombing exploded explosion blast"), "attack"),
    **dict.fromkeys(word_list("crashed crash"), "crash"),
    **dict.fromkeys(word_list("released freed"), "release"),
    **dict.fromkeys(word_list("signed signing"), "signing"),
    **dict.fromkeys(word_list("elected resigned"), "office"),
    **dict.fromkeys(word_list("born"), "birth"),
    **dict.fromkeys(word_list("earthquake quake"), "earthquake"),
    **dict.fromkeys(word_list("arrived landed"), "arrival"),
    **dict.fromkeys(word_list("found discovered"), "discovery"),
    **dict.fromkeys(word_list("rescued"), "rescue"),
}
"""Words that name a one-time event, and the event: a date next to one says when it happened."""
_EVENT = re.compile(rf"{words_pattern(EVENTS)}|\btaken prisoner\b|\bopened fire\b")
EVENT_REACH = 45
"""How far (characters) before a date its event word may be, at most six words: "captured on
December 26", "killed in Drunbeia at the Maksoumba school on March 6"; a date elsewhere in
the sentence is not the event's."""
_EVENT_GAP = re.compile(r"(?:\s+[\w'’.-]+){0,6}?\s*")
_CLAUSE_BREAK = re.compile(r"[;:]|\s—\s")
T = TypeVar("T", bound=tuple[Any, ...])
"""An item with a ``(start, end, ...)`` span."""


def _window_of_date(sentence: str, d: dict[str, Any], offset: int) -> str:
    """The window key of a date mention, or ``""`` when it says when something was reported."""
    start = d["start"] - offset
    if _REPORTED_BEFORE.search(sentence, max(0, start - 40), start):
        return ""
    if d["day"]:
        return f"day:{d['day']}..{d['last']}"
    if d["value"] and len(d["value"]) == 4:
        before = sentence[max(0, start - 8) : start].lower()
        return f"year:{d['value']}" if re.search(r"\b(?:in|during)\s+$", before) else ""
    if d["relative"]:
        return "span:" + " ".join(d["text"].lower().split())
    return ""


def _windows(
    sentence: str, dates: list[dict[str, Any]], offset: int
) -> list[tuple[int, int, str, str]]:
    """``(start, end, key, text)`` of every time window in the sentence, in order."""
    found = []
    for d in dates:
        key = _window_of_date(sentence, d, offset)
        if key:
            found.append((d["start"] - offset, d["end"] - offset, key, d["text"]))
    low = sentence.lower()  # each pattern runs only where one of its words is present
    if any(word in low for word in _CUMULATIVE_WORDS):
        found += [(m.start(), m.end(), "total", m.group()) for m in _CUMULATIVE.finditer(sentence)]
    found.sort()
    if any(word in low for word in _SPAN_WORDS):
        spans = [
            (m.start(), m.end(), "span:" + " ".join(m.group().lower().split()), m.group())
            for m in _SPAN.finditer(sentence)
            if not _inside(found, m.start())
        ]
        found = sorted(found + spans)
    if "since" in low:
        found += [
            (m.start(), m.end(), f"since:{m.group('month').lower()}", m.group())
            for m in _SINCE.finditer(sentence)
        ]
        found.sort()
    if any(month in low for month in MONTHS):
        found += [
            (
                m.start(),
                m.end(),
                f"month:{m.group('year') or ''}-{m.group('month').lower()}",
                m.group(),
            )
            for m in _IN_MONTH.finditer(sentence)
            if not _inside(found, m.start("month"))
        ]
        found.sort()
    return found


def _inside(spans: list[tuple[int, int, str, str]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of ``spans`` (sorted by start): a binary search."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def places_in(sentence: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of the capitalised names after "in", "near", "at", ... (where
    something happened); months, weekdays and words such as "Least" are left out.

    >>> [p[2] for p in places_in("In Mosul near the Braltrimba airfield, 200 were hurt on Monday")]
    ['Mosul', 'Braltrimba']
    """
    found = []
    for m in _PLACE.finditer(sentence):
        words = [w for w in m.group("name").split() if w.lower() not in _NOT_PLACES and len(w) > 1]
        if words:
            found.append((m.start("name"), m.end("name"), " ".join(words)))
    return found


def nearest_each(
    spans: list[tuple[int, int]], items: Sequence[T], after_first: bool = False
) -> list[T | None]:
    """For each ``(start, end)`` of ``spans`` (in order), the item of ``items`` (``(start, end,
    ...)``, in order) closest to it, or ``None``; with ``after_first`` the first item after a
    span (within 80 characters) wins over one before it. One walk over both lists.

    >>> nearest_each([(0, 2), (10, 12), (30, 31)], [(4, 6, "a"), (20, 25, "b")])
    [(4, 6, 'a'), (4, 6, 'a'), (20, 25, 'b')]
    """
    out: list[T | None] = []
    j = -1  # items[j] is the last item that starts at or before the span
    for start, end in spans:
        while j + 1 < len(items) and items[j + 1][0] <= start:
            j += 1
        before = items[j] if j >= 0 else None
        after = items[j + 1] if j + 1 < len(items) else None
        gap_before = max(0, start - before[1]) if before else None
        gap_after = max(0, after[0] - end) if after else None
        if before is not None and before[1] > start:
            out.append(before)  # the span lies inside the item
        elif after is not None and (
            gap_before is None
            or (gap_after is not None and gap_after < gap_before)
            or (after_first and gap_after is not None and gap_after <= 80)
        ):
            out.append(after)
        else:
            out.append(before)
    return out


def _event_near(sentence: str, events: list[tuple[int, int, str]], start: int) -> str:
    """The event a date says the day of: an event word just before it, at most six words
    and :data:`EVENT_REACH` characters away, with no comma or clause break between
    (``events``: the candidates either side)."""
    for _s, e, kind in reversed(events):
        if e <= start and start - e <= EVENT_REACH:
            gap = sentence[e:start]
            if _EVENT_GAP.fullmatch(gap) and "," not in gap and not _CLAUSE_BREAK.search(gap):
                return kind
    return ""


def read_facts(
    sentence: str, offset: int = 0, hits: trigger_words.Hits | None = None, published: str = ""
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(figures, dates)`` of one sentence, with windows, places and events attached.

    ``offset``: where the sentence starts in its document (every ``start``/``end`` is shifted);
    ``published``: the document's date, for relative dates ("on Saturday", "yesterday").
    """
    hits = trigger_words.scan(sentence) if hits is None else hits
    dates = find_dates(sentence, offset, hits, published) if hits else []
    skip = [(d["start"] - offset, d["end"] - offset) for d in dates]
    figures = (
        find_figures(sentence, offset, skip, hits)
        if hits.get("digit") or hits.get("numword")
        else []
    )
    if not figures and not dates:
        return figures, dates
    places = places_in(sentence)
    windows = _windows(sentence, dates, offset) if figures else []
    spans = [(f["start"] - offset, f["end"] - offset) for f in figures]
    for figure, window, place in zip(
        figures, nearest_each(spans, windows), nearest_each(spans, places, True), strict=True
    ):
        figure["window"], figure["window_text"] = (window[2], window[3]) if window else ("", "")
        figure["place"] = place[2] if place else ""
    if dates:
        events = [(m.start(), m.end(), _event_kind(m.group())) for m in _EVENT.finditer(sentence)]
        spans = [(d["start"] - offset, d["end"] - offset) for d in dates]
        for d, (start, _end), place, near in zip(
            dates,
            spans,
            nearest_each(spans, places, True),
            _event_pairs(spans, events),
            strict=True,
        ):
            d["place"] = place[2] if place else ""
            d["event"] = _event_near(sentence, near, start) if d["day"] else ""
            d["reported"] = bool(_REPORTED_BEFORE.search(sentence, max(0, start - 40), start))
    return figures, dates


def _event_pairs(
    spans: list[tuple[int, int]], events: list[tuple[int, int, str]]
) -> list[list[tuple[int, int, str]]]:
    """For each date span, the event words just before and just after it (one walk)."""
    out: list[list[tuple[int, int, str]]] = []
    j = -1
    for start, _end in spans:
        while j + 1 < len(events) and events[j + 1][0] < start:
            j += 1
        out.append([events[k] for k in (j, j + 1) if 0 <= k < len(events)])
    return out


def _event_kind(word: str) -> str:
    low = word.lower()
    if low == "taken prisoner":
        return "capture"
    if low == "opened fire":
        return "shooting"
    return EVENTS.get(low, "")
