"""Absolute and relative dates in a sentence, with offsets into the document.

``value`` is ISO 8601 where the text gives it (``2024-12-26``, ``--12-26`` without
a year, ``2024-12`` for a month, ``2024`` for a year) and empty for relative dates.
``day`` and ``last`` are the first and last day the mention covers, resolved against
the document's published date where the text leaves it open ("on Saturday",
"yesterday", "December 26" without a year); empty when it is not a day or a run of days.

>>> [(d["text"], d["value"]) for d in find_dates("Captured on December 26, 2024 in Kursk; he died a day later.")]
[('December 26, 2024', '2024-12-26'), ('a day later', '')]
>>> [d["value"] for d in find_dates("Losses on Dec. 14-15 and on 3 March.")]
['--12-14', '--03-03']
>>> [(d["day"], d["last"]) for d in find_dates("On Saturday and on Dec. 14-15", published="2024-12-28")]
[('2024-12-28', '2024-12-28'), ('2024-12-14', '2024-12-15')]
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from claimdesk.store.extract import trigger_words
from claimdesk.store.extract.wordlists import word_list, words_pattern

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
"""Month names (lower case) to month numbers."""
_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8}
_ABBR.update({"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})

_MONTH = (
    "(?:"
    + words_pattern([m.capitalize() for m in MONTHS], capitalised=False, boundary=False)
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_RANGE = r"(?:\s?(?:[-–]|to\s)\s?(?P<{}>" + _DAY + r"))?"
_WEEKDAYS = word_list("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_WEEKDAY = words_pattern(_WEEKDAYS, capitalised=False, boundary=False)
_NUMWORD = words_pattern(
    word_list("a an one two three four five six seven eight nine ten several few"), boundary=False
)
_UNIT = r"(?:day|week|month|year|hour|decade)s?"
_PERIOD_WORDS = word_list("last next this past previous coming following earlier later")
_SIMPLE_WORDS = word_list("yesterday today tonight tomorrow overnight recently")
_UNIT_WORDS = word_list("day days week weeks month months year years hour hours decade decades")
_RELATIVE = (
    rf"(?:{words_pattern(_PERIOD_WORDS, boundary=False)})(?:\s+this)?\s+"
    rf"(?:week(?:end)?|month|year|spring|summer|autumn|fall|winter|day|morning|evening|night"
    rf"|{_WEEKDAY})"
    rf"|{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|{words_pattern(_SIMPLE_WORDS, boundary=False)}"
)
_BY_MONTH = re.compile(
    rf"\b(?:(?P<md>{_MONTH})\s+(?P<mdday>{_DAY}){_RANGE.format('mdlast')}(?:,?\s+(?P<mdyear>{_YEAR}))?(?![\w])"
    rf"|(?P<my>{_MONTH})\s+(?P<myyear>{_YEAR})\b)"
)
_BY_DIGIT = re.compile(
    rf"(?<![\w,.$€£])(?:(?P<dmday>{_DAY}){_RANGE.format('dmlast')}\s+(?:of\s+)?(?P<dm>{_MONTH})(?:,?\s+(?P<dmyear>{_YEAR}))?(?![\w])"
    rf"|(?P<iso>{_YEAR})-(?P<isom>[01]\d)-(?P<isod>[0-3]\d)\b"
    rf"|(?P<year>{_YEAR})\b(?![,.]?\d|\s*(?:%|percent|per cent)))"
)
_BY_WORD = re.compile(rf"\b(?:{_RELATIVE})\b")
_AMOUNT_BEFORE = re.compile(rf"(?:{_NUMWORD}|\b[Aa] few|\b\d{{1,3}})\s+$")
_UNIT_AFTER = re.compile(rf"{_UNIT}\s+(?:later|ago|earlier|before|after)\b")
_GROUPS = (
    "md", "dm", "my", "iso", "isom", "isod", "year", "mdyear", "dmyear", "myyear", "mdday",
    "dmday", "mdlast", "dmlast",
)  # fmt: skip

trigger_words.register("month", [m.capitalize() for m in MONTHS] + [m.capitalize() for m in _ABBR])
trigger_words.register("relative", _PERIOD_WORDS + _SIMPLE_WORDS + _WEEKDAYS)
trigger_words.register("unit", _UNIT_WORDS)


def _month(name: str) -> int:
    """Month number for a full or abbreviated month name."""
    key = name.rstrip(".").lower()
    return MONTHS.get(key) or _ABBR.get(key, 0)


def _iso(year: str | None, month: int, day: str | None) -> str:
    """ISO date text; ``--MM-DD`` when the year is unknown."""
    d = int(re.match(r"\d+", day).group()) if day else 0  # type: ignore[union-attr]  # a day
    if year and d:
        return f"{year}-{month:02d}-{d:02d}"
    if d:
        return f"--{month:02d}-{d:02d}"
    return f"{year}-{month:02d}" if year else ""


def _candidates(
    sentence: str, hits: trigger_words.Hits
) -> list[tuple[int, int, dict[str, str | None] | None]]:
    """``(start, end, groups)`` of every date match; groups ``None`` for relative dates."""
    found: list[tuple[int, int, dict[str, str | None] | None]] = []
    for start, _ in hits.get("digit", ()):
        d = _BY_DIGIT.match(sentence, start)
        if d:
            found.append((d.start(), d.end(), d.groupdict()))
    for t in hits.get("month", ()):
        d = _BY_MONTH.match(sentence, t[0])
        if d:
            found.append((d.start(), d.end(), d.groupdict()))
    for t in hits.get("relative", ()):
        d = _BY_WORD.match(sentence, t[0])
        if d:
            found.append((d.start(), d.end(), None))
    for t in hits.get("unit", ()):
        before = _AMOUNT_BEFORE.search(sentence, max(0, t[0] - 12), t[0])
        after = _UNIT_AFTER.match(sentence, t[0])
        if before and after:
            found.append((before.start(), after.end(), None))
    found.sort(key=lambda c: (c[0], -c[1]))
    return found


_QUALIFIED_YEAR = re.compile(
    r"(?:\b(?:more|fewer|less|than|least|most|about|around|nearly|almost|over|some|up to|only)"
    r"|[$€£¥])\s*$",
    re.I,
)
_COUNTED_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?:people|persons|soldiers|troops|civilians|residents)\b"
)
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}
_SAME_DAY = ("today", "tonight", "this morning", "this afternoon", "this evening")
_AGO = re.compile(rf"(?P<n>{_NUMWORD}|\d{{1,3}})\s+days?\s+ago", re.I)


def parse_published(published: str) -> date | None:
    """The day of a document's ``published`` metadata (``2024-12-28``, ``2024-12-28T09:00Z``).

    >>> parse_published("2024-12-28T09:00:00+00:00"), parse_published("last week")
    (datetime.date(2024, 12, 28), None)
    """
    m = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", published or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """The date of that month and day closest to ``published``."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs(candidate - published) < abs(best - published):
            best = candidate
    return best


def _day_of(value: str, published: date | None) -> str:
    """``value`` (``YYYY-MM-DD`` or ``--MM-DD``) with the year filled in from ``published``."""
    if value.startswith("--") and published is not None:
        found = _nearest_year(int(value[2:4]), int(value[5:7]), published)
        return found.isoformat() if found else value
    return value if len(value) == 10 or value.startswith("--") else ""


def _relative_day(text: str, published: date | None) -> str:
    """The day a relative mention names, counted from ``published`` ("" if it names none)."""
    if published is None:
        return ""
    low = " ".join(text.lower().split())
    if low == "yesterday" or low == "last night":
        return (published - timedelta(days=1)).isoformat()
    if low in _SAME_DAY:
        return published.isoformat()
    if low == "tomorrow":
        return (published + timedelta(days=1)).isoformat()
    ago = _AGO.fullmatch(low)
    if ago:
        n = ago.group("n")
        count = int(n) if n.isdigit() else _SMALL_WORDS.get(n, 0)
        return (published - timedelta(days=count)).isoformat() if count else ""
    for word in low.split():
        if word in _WEEKDAY_NUMBER:
            back = (published.weekday() - _WEEKDAY_NUMBER[word]) % 7
            if low.startswith(("next ", "coming ", "following ")):
                return (published + timedelta(days=(7 - back) or 7)).isoformat()
            if low.startswith(("last ", "past ", "previous ")) and back == 0:
                back = 7
            return (published - timedelta(days=back)).isoformat()
    return ""


_SMALL_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def find_dates(
    sentence: str, offset: int = 0, hits: trigger_words.Hits | None = None, published: str = ""
) -> list[dict[str, Any]]:
    """Every date mention in ``sentence``; ``start``/``end`` are shifted by ``offset``.

    ``hits`` is :func:`claimdesk.store.extract.trigger_words.scan` of the sentence, if already
    computed; ``published`` (the document's date) resolves relative mentions and fills in years.
    """
    hits = trigger_words.scan(sentence) if hits is None else hits
    when = parse_published(published)
    out = []
    last_end = -1
    for start, end, g in _candidates(sentence, hits):
        if start < last_end:
            continue
        value, last = "", ""
        if g is not None:
            g = {k: g.get(k) for k in _GROUPS} | {k: v for k, v in g.items() if v}
            if (
                g["year"]
                and not g["iso"]
                and (
                    _QUALIFIED_YEAR.search(sentence, max(0, start - 20), start)
                    or _COUNTED_AFTER.match(sentence, end)
                )
            ):
                continue  # "more than 2000 people": a count, not a year
            if g["md"]:
                value = _iso(g["mdyear"], _month(g["md"]), g["mdday"])
                last = _iso(g["mdyear"], _month(g["md"]), g["mdlast"]) if g["mdlast"] else ""
            elif g["dm"]:
                value = _iso(g["dmyear"], _month(g["dm"]), g["dmday"])
                last = _iso(g["dmyear"], _month(g["dm"]), g["dmlast"]) if g["dmlast"] else ""
            elif g["my"]:
                value = _iso(g["myyear"], _month(g["my"]), None)
            elif g["iso"]:
                value = f"{g['iso']}-{g['isom']}-{g['isod']}"
            else:
                value = g["year"] or ""
            day = _day_of(value, when)
            last = _day_of(last, when) if last and day else day
        else:
            day = last = _relative_day(sentence[start:end], when)
        last_end = end
        out.append(
            {
                "text": sentence[start:end],
                "value": value,
                "relative": g is None,
                "start": offset + start,
                "end": offset + end,
                "day": day,
                "last": last if last >= day else day,
            }
        )
    return out
