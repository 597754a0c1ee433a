"""Numbers in a sentence, typed: what kind of number each is, its qualifier as a bound and
what it counts.

Each figure is a dict with the fields of :class:`claimdesk.store.models.Figure`; offsets
index the document and ``text`` spans qualifier, number and scale as written. ``unit``
says what kind of number it is: ``people``, ``count`` (of other things), ``money``,
``percent`` and ``measure`` are compared with each other's kind; an ``age`` only with the
age of the same person; ``duration``, ``clock``, ``year`` and ``identifier`` (roads, flights,
models, addresses, case and bill numbers, pages, phone numbers) never.

>>> [(f["value"], f["bound"], f["counts"]) for f in find_figures(
...     "There are approximately 12,000 soldiers, including 500 officers and three generals.")]
[(12000.0, 'approx', 'soldiers'), (500.0, 'exact', 'officers'), (3.0, 'exact', 'generals')]
>>> [(f["text"], f["unit"]) for f in find_figures(
...     "Around 6 p.m. a 54-year-old man drove 15 minutes on Interstate 75 with $158 billion.")]
[('Around 6', 'clock'), ('54', 'age'), ('15', 'duration'), ('75', 'identifier'), ('$158 billion', 'money')]
>>> [f["value"] for f in find_figures("Twenty-one soldiers and two hundred and fifty civilians")]
[21.0, 250.0]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from claimdesk.store.extract import trigger_words
from claimdesk.store.extract.counted import OUTCOMES, PEOPLE, counted
from claimdesk.store.extract.number_kinds import (
    AFTER,
    BEFORE,
    CURRENCIES,
    UNIT_WORD,
    is_title_case,
    kind_of,
    owner_of,
)
from claimdesk.store.extract.number_words import (
    NUMBER_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    UNITS,
    number_value,
)
from claimdesk.store.extract.quantities import QUALIFIERS, bound_of, interval
from claimdesk.store.extract.wordlists import words_pattern

VAGUE = {
    "several": 0.0,
    "a few": 0.0,
    "a handful of": 0.0,
    "dozens of": 12.0,
    "scores of": 20.0,
    "hundreds of": 100.0,
    "thousands of": 1000.0,
    "tens of thousands of": 10000.0,
    "hundreds of thousands of": 100000.0,
    "millions of": 1e6,
}
"""Vague quantities and the value they are stored with (0.0 = unknown); never compared."""

_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d{1,3}(?:,\s\d{3})+(?![\d.,]\d)"  # "26, 000": thousands split after the comma
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,]\d)(?!\s*[-–]\s*\d)"
    r"|\d+(?:\.\d+)?"
)
_NUMWORD = words_pattern(sorted(NUMBER_WORDS))
_FIRST_NUMWORD = words_pattern(sorted(UNITS))
_WORDS = (
    rf"(?:(?:[Aa]n?|[Hh]alf\s+an?)\s+(?=dozen|hundred|thousand|million|billion){_NUMWORD}|{_FIRST_NUMWORD})"
    rf"(?:(?:\s+and\s+|[\s-]+){_NUMWORD}){{0,7}}"
)
_ONE_NUMBER = rf"(?:(?<![\w.,:/])(?:{_DIGITS})(?![\w]|[.,]\d)|{_WORDS})"
_SCALE = r"(?:\s*-?\s*(?P<scale>hundred|thousand|million|billion|trillion|lakh|crore|mln|mn|bn|tn)\b|(?P<abbr>k|m|b|bn|mn|tn)\b)"
_FIGURE = re.compile(
    rf"(?P<cur>(?:US|C|A|HK|NZ|S)?\$|€|£|¥|₹)?\s?"
    rf"(?:(?P<num>{_ONE_NUMBER})|(?P<vague>{words_pattern(VAGUE)}))"
    rf"(?:\s*(?P<sep>-|–|to|or|and)\s*(?:[$€£¥]\s?)?(?P<num2>{_ONE_NUMBER}))?"
    rf"{_SCALE}?"
    r"(?P<pct>\s*(?:%|-?\s*percent\b|per\s?cent\b|percentage points?\b))?"
)
_NO_RANGE = re.compile(_FIGURE.pattern.replace("(?P<sep>", "(?P<sep>(?!)"))
"""The figure pattern without its second number (a range that is none)."""
_QUALIFIER_BEFORE = re.compile(rf"(?P<qual>{words_pattern([*QUALIFIERS, 'between'])})\s+$", re.I)
_RATE = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:per|a|an|each)\s+(year|season|month|week|day|hour|game|head|person)\b",
    re.I,
)
_GROUP_SEPARATOR = re.compile(r"(?<=\d)(?:,\s|[ \u00a0\u202f\u2009,])(?=\d{3})")

trigger_words.register("numword", {w.split()[0] for w in (*NUMBER_WORDS, *VAGUE)} - {"a"})
trigger_words.register("numword", ["few", "handful", "half"])


def _starts(sentence: str, hits: trigger_words.Hits) -> list[int]:
    """Where a figure may start: digit runs, currency signs and number words, in order; a
    number word preceded by "a"/"an"/"half a" starts there."""
    starts = {m[0] for m in hits.get("digit", ())}
    for s, _ in hits.get("numword", ()):
        back = re.search(r"(?:\b[Hh]alf\s+an?|\b[Aa]n?)\s+$", sentence[max(0, s - 8) : s])
        starts.add(s - len(back.group()) if back else s)
    return sorted(starts)


def _ungrouped(number: str) -> str:
    """Digits without their group separators: ``12 000`` -> ``12000``."""
    return _GROUP_SEPARATOR.sub("", number)


def _value(m: re.Match[str]) -> tuple[float, float | None]:
    """The value (and the end of a range) with the scale applied."""
    if m.group("vague"):
        return VAGUE.get(" ".join(m.group("vague").lower().split()), 0.0), None
    scale = (m.group("scale") or m.group("abbr") or "").lower()
    factor = SCALES.get(scale) or SCALE_ABBREVIATIONS.get(scale) or 1
    if scale == "hundred":
        factor = 100
    value = (number_value(_ungrouped(m.group("num"))) or 0.0) * factor
    second = m.group("num2")
    high = (number_value(_ungrouped(second)) or 0.0) * factor if second else None
    return value, high


def find_figures(
    sentence: str,
    offset: int = 0,
    skip: Sequence[tuple[int, int]] = (),
    hits: trigger_words.Hits | None = None,
) -> list[dict[str, Any]]:
    """Every number in ``sentence`` with its type; spans in ``skip`` (sentence-relative, such
    as dates) are ignored. ``hits``: :func:`claimdesk.store.extract.trigger_words.scan` of
    the sentence, if already computed."""
    hits = trigger_words.scan(sentence) if hits is None else hits
    title_case = is_title_case(sentence)
    found: list[tuple[re.Match[str], int, str]] = []
    last_end = -1
    skip = sorted(skip)
    k = 0
    for pos in _starts(sentence, hits):
        if pos < last_end:
            continue
        m = _FIGURE.match(sentence, pos)
        if not m or not (m.group("num") or m.group("vague")):
            continue
        m = _without_bad_range(sentence, m, pos)
        s, e = m.start(), m.end()
        while k < len(skip) and skip[k][1] <= s:
            k += 1  # skip spans (dates) and matches both come in order: one walk
        if k < len(skip) and skip[k][0] < e:
            continue
        last_end = e
        qual = _QUALIFIER_BEFORE.search(sentence, max(0, s - 30), s)
        word = (m.group("num") or "").lower()
        if word in ("one", "a", "an") and not qual and not m.group("scale"):
            continue  # "one of", "no one": rarely a count
        if word.strip("0") == "" and len(word) == 3:
            continue  # "000" left of a split thousand
        qualifier = " ".join(qual.group("qual").lower().split()) if qual else ""
        found.append((m, qual.start() if qual else s, qualifier))
    figures = [
        _figure(
            sentence, offset, m, s, q, found[i + 1][1] if i + 1 < len(found) else None, title_case
        )
        for i, (m, s, q) in enumerate(found)
    ]
    _join_between(sentence, offset, figures)
    _inherit_things(sentence, offset, figures)
    return figures


def _join_between(sentence: str, offset: int, figures: list[dict[str, Any]]) -> None:
    """ "between $140 million and $150 million": one range, not two figures."""
    i = 0
    while i + 1 < len(figures):
        first, second = figures[i], figures[i + 1]
        gap = sentence[first["end"] - offset : second["start"] - offset]
        if (
            first["qualifier"] == "between"
            and gap.strip() == "and"
            and second["value"] > first["value"]
        ):
            first.update(
                bound="range",
                high=second["value"],
                low=first["value"],
                text=sentence[first["start"] - offset : second["end"] - offset],
                end=second["end"],
            )
            for key in ("counts", "thing", "currency"):
                first[key] = first[key] or second[key]
            del figures[i + 1]
        i += 1


_ELLIPSIS_GAP = re.compile(r"\band\b|\bor\b|[,(;]")
_GAP_FILLER = frozenset(
    [
        "had",
        "have",
        "has",
        "been",
        "was",
        "were",
        "are",
        "is",
        "be",
        "being",
        "more",
        "another",
        "a",
        "further",
        "additional",
    ]
)


def _inherit_things(sentence: str, offset: int, figures: list[dict[str, Any]]) -> None:
    """A figure that names no thing counts what the figure just before it counts, when the two
    are joined ("100 soldiers killed and another 1,000 wounded", "23 pirates (12 Somali and
    11 Yemeni)"); its own modifiers stay, and it takes the earlier ones only with the thing."""
    for prev, fig in zip(figures, figures[1:], strict=False):
        if fig["thing"] or not prev["thing"] or fig["unit"] not in ("people", "count"):
            continue
        if prev["unit"] not in ("people", "count"):
            continue
        gap = sentence[prev["end"] - offset : fig["start"] - offset]
        if not _ELLIPSIS_GAP.search(gap):
            continue
        said = set(prev["counts"].split())
        rest = [
            w
            for w in re.findall(r"[\w'’]+", gap)
            if w not in said
            and w.lower() not in OUTCOMES
            and w.lower() not in _GAP_FILLER
            and not w[0].isupper()
        ]
        if len(rest) > 3:
            continue  # the next figure starts a clause of its own
        fig["thing"] = prev["thing"]
        fig["unit"] = prev["unit"]
        if not fig["modifiers"]:
            fig["modifiers"] = list(prev["modifiers"])


def _without_bad_range(sentence: str, m: re.Match[str], pos: int) -> re.Match[str]:
    """The match without its second number when that is no range ("3-2", "100 and 1,000")."""
    if not m.group("num2"):
        return m
    first = number_value(_ungrouped(m.group("num")))
    second = number_value(_ungrouped(m.group("num2")))
    between = re.search(r"\bbetween\s+$", sentence[max(0, pos - 12) : pos], re.I)
    sep = m.group("sep")
    if first is not None and second is not None and first < second and (sep != "and" or between):
        return m
    single = _NO_RANGE.match(sentence, pos)
    return single if single is not None else m


def _figure(
    sentence: str,
    offset: int,
    m: re.Match[str],
    s: int,
    qualifier: str,
    next_start: int | None,
    title_case: bool,
) -> dict[str, Any]:
    """The figure dict of one match (``next_start``: where the next figure starts)."""
    e = m.end()
    unit, of = kind_of(sentence, m, s, bool(qualifier), title_case)
    value, high = _value(m)
    vague = m.group("vague")
    bound = "vague" if vague else ("range" if high is not None else bound_of(qualifier))
    if vague:
        qualifier = " ".join(vague.lower().split())
    after = sentence[e : next_start if next_start is not None else e + AFTER]
    before = sentence[max(0, s - BEFORE) : s]
    if title_case:  # capitals say nothing in "4 Killed In Shooting"
        phrase, thing, modifiers, outcome = counted(
            after.lower(), before.lower(), next_start is not None
        )
        at = after.lower().find(phrase) if phrase else -1
        phrase = after[at : at + len(phrase)] if at >= 0 else phrase
    else:
        phrase, thing, modifiers, outcome = counted(after, before, next_start is not None)
    currency = ""
    if unit == "money" and thing in ("dollar", "euro", "pound", *CURRENCIES):
        thing = ""  # "158 billion dollars": the currency, not what the money is for
    if unit == "money":
        sign = (m.group("cur") or "").lower()
        word = UNIT_WORD.match(after)
        currency = CURRENCIES.get(sign) or CURRENCIES.get(word.group(1).lower() if word else "", "")
    if unit == "people" or (unit == "count" and (thing in PEOPLE or (outcome and not thing))):
        unit = "people"
    rate = _RATE.match(after)
    if rate and unit in ("money", "count", "people"):
        modifiers = (*modifiers, "per " + rate.group(1).lower())
    counts = phrase
    if unit == "measure":
        thing, of = (of or thing), ""  # what is measured: the unit ("magnitude", "km")
    if unit in ("count", "money", "percent", "measure") and not of:
        of = owner_of(sentence, s)
    if unit == "percent":
        counts = "percent"
    elif unit == "money" and not phrase:
        counts = (m.group("cur") or "").strip() or phrase
    span = interval(value, bound, high) if bound != "vague" else None
    return {
        "value": value,
        "text": sentence[s:e].strip(),
        "qualifier": qualifier,
        "counts": counts,
        "start": offset + s,
        "end": offset + e - (len(sentence[s:e]) - len(sentence[s:e].rstrip())),
        "unit": unit,
        "bound": bound,
        "low": span.lo if span else None,
        "high": (span.hi if span.hi != float("inf") else None) if span else None,
        "currency": currency,
        "scale": (m.group("scale") or m.group("abbr") or "").lower(),
        "thing": thing,
        "modifiers": list(modifiers),
        "outcome": list(outcome),
        "of": of,
    }
