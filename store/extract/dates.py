"""Absolute and relative dates in a sentence, with offsets into the document.

``value`` is ISO 8601 where the text gives it (``2024-12-26``, ``--12-26`` without
a year, ``2024-12`` for a month, ``2024`` for a year) and empty for relative dates.

>>> [(d["text"], d["value"]) for d in find_dates("Captured on December 26, 2024 in Kursk; he died a day later.")]
[('December 26, 2024', '2024-12-26'), ('a day later', '')]
>>> [d["value"] for d in find_dates("Losses on Dec. 14-15 and on 3 March.")]
['--12-14', '--03-03']
"""

from __future__ import annotations

import re
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
_RANGE = r"(?:\s?[-–]\s?" + _DAY + r")?"
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
    rf"\b(?:(?P<md>{_MONTH})\s+(?P<mdday>{_DAY}){_RANGE}(?:,?\s+(?P<mdyear>{_YEAR}))?(?![\w])"
    rf"|(?P<my>{_MONTH})\s+(?P<myyear>{_YEAR})\b)"
)
_BY_DIGIT = re.compile(
    rf"(?<![\w,.$€£])(?:(?P<dmday>{_DAY}){_RANGE}\s+(?P<dm>{_MONTH})(?:,?\s+(?P<dmyear>{_YEAR}))?(?![\w])"
    rf"|(?P<iso>{_YEAR})-(?P<isom>[01]\d)-(?P<isod>[0-3]\d)\b"
    rf"|(?P<year>{_YEAR})\b(?![,.]?\d|\s*(?:%|percent|per cent)))"
)
_BY_WORD = re.compile(rf"\b(?:{_RELATIVE})\b")
_AMOUNT_BEFORE = re.compile(rf"(?:{_NUMWORD}|\b[Aa] few|\b\d{{1,3}})\s+$")
_UNIT_AFTER = re.compile(rf"{_UNIT}\s+(?:later|ago|earlier|before|after)\b")
_GROUPS = ("md", "dm", "my", "iso", "isom", "isod", "year", "mdyear", "dmyear", "myyear")

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


def find_dates(
    sentence: str, offset: int = 0, hits: trigger_words.Hits | None = None
) -> list[dict[str, Any]]:
    """Every date mention in ``sentence``; ``start``/``end`` are shifted by ``offset``.

    ``hits`` is :func:`claimdesk.store.extract.trigger_words.scan` of the sentence, if already computed.
    """
    hits = trigger_words.scan(sentence) if hits is None else hits
    out = []
    last_end = -1
    for start, end, g in _candidates(sentence, hits):
        if start < last_end:
            continue
        last_end = end
        value = ""
        if g is not None:
            g = {k: g.get(k) for k in _GROUPS} | {k: v for k, v in g.items() if v}
            if g["md"]:
                value = _iso(g["mdyear"], _month(g["md"]), g["mdday"])
            elif g["dm"]:
                value = _iso(g["dmyear"], _month(g["dm"]), g["dmday"])
            elif g["my"]:
                value = _iso(g["myyear"], _month(g["my"]), None)
            elif g["iso"]:
                value = f"{g['iso']}-{g['isom']}-{g['isod']}"
            else:
                value = g["year"] or ""
        out.append(
            {
                "text": sentence[start:end],
                "value": value,
                "relative": g is None,
                "start": offset + start,
                "end": offset + end,
            }
        )
    return out
