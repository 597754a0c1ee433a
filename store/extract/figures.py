"""Numbers in a sentence with their qualifier and what they count.

Each figure is a dict with the fields of :class:`claimdesk.store.models.Figure`; offsets
index the document. ``text`` spans qualifier, number and scale word.
Vague quantities ("several", "dozens of") have ``value`` 0.0 (unknown) or the
unit they multiply (dozens -> 12), and keep the vague word as ``qualifier``.

>>> [(f["value"], f["qualifier"], f["counts"]) for f in find_figures(
...     "There are approximately 12,000 soldiers, including 500 officers and three generals.")]
[(12000.0, 'approximately', 'soldiers'), (500.0, '', 'officers'), (3.0, '', 'generals')]
>>> [(f["text"], f["counts"]) for f in find_figures("more than 3,000 North Korean soldiers had died")]
[('more than 3,000', 'North Korean soldiers')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from claimdesk.store.extract import trigger_words
from claimdesk.store.extract.wordlists import word_list, words_pattern

WORD_VALUES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "a dozen": 12,
}
"""Number words and their values."""
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
"""Vague quantities and the value they are stored with (0.0 = unknown)."""
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
"""Scale words after a number and their multipliers."""
QUALIFIERS = (
    "at least|at most|more than|less than|fewer than|greater than|no more than|no fewer than|"
    "no less than|up to|nearly|almost|approximately|around|about|roughly|some|over|under|"
    "just over|just under|well over|as many as|as few as|as much as|an estimated|estimated|"
    "close to|upwards of|in excess of|a total of|only|exactly|another|at the most|"
    "at the least|below|above|barely|circa"
)
"""Qualifiers before a number, ``|``-separated."""
STOP = frozenset(
    word_list(
        "had have has were was is are be been being will would could should may might can did do "
        "does and or but for from in on at by with to into than that which who whom whose as of "
        "the a an this these those its their his her our your including among after before since "
        "during while when where if because according said says say told reported more less "
        "per each"
    )
)
"""Words that end the "what it counts" phrase after a number."""

_NUMBER = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w]|[.,]\d)"
_SCALE = r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion|mln|bn)\b)"
_PERCENT = r"(?:\s*(?P<pct>%|percent\b|per cent\b))"
_FIGURE = re.compile(
    rf"(?P<cur>[$€£¥]\s?)?"
    rf"(?:(?P<num>{_NUMBER})|(?P<vague>{words_pattern(VAGUE)})|(?P<word>{words_pattern(WORD_VALUES)}))"
    rf"{_SCALE}?{_PERCENT}?"
)
_QUALIFIER_BEFORE = re.compile(rf"(?P<qual>{words_pattern(QUALIFIERS.split('|'))})\s+$")
trigger_words.register("numword", {w.split()[0] for w in (*WORD_VALUES, *VAGUE)})
_COUNTED_WORD = re.compile(r"\s*-?([^\W\d_][\w'’-]*)")


def _value(m: re.Match[str]) -> tuple[float, str]:
    """The numeric value and the vague qualifier, if any."""
    if m.group("num"):
        value = float(m.group("num").replace(",", ""))
    elif m.group("vague"):
        word = " ".join(m.group("vague").lower().split())
        return VAGUE.get(word, 0.0), word
    else:
        value = float(WORD_VALUES[" ".join(m.group("word").lower().split())])
    scale = (m.group("scale") or "").lower()
    return value * SCALES.get(scale, 1.0), ""


def _counts(sentence: str, pos: int, percent: bool, currency: bool) -> str:
    """The phrase after a number that says what it counts (up to four words)."""
    if percent:
        return "percent"
    words: list[str] = []
    while len(words) < 4:
        m = _COUNTED_WORD.match(sentence, pos)
        if not m or m.group(1).lower() in STOP:
            break
        if words and words[-1][0].islower() and m.group(1)[0].isupper():
            break
        words.append(m.group(1))
        pos = m.end()
        if not words[-1][0].isupper() and not words[-1].endswith(("-", "ed")):
            break  # a lower-case noun ends the phrase: "soldiers"
    if not words and currency:
        return "money"
    return " ".join(words)


def _matches(sentence: str, hits: trigger_words.Hits) -> Iterator[re.Match[str]]:
    """Figure matches at digit runs, currency signs and number words, left to right."""
    starts = {m[0] for m in hits.get("digit", ())}
    starts.update(m[0] for m in hits.get("numword", ()))
    last_end = -1
    for pos in sorted(starts):
        if pos < last_end:
            continue
        m = _FIGURE.match(sentence, pos)
        if m:
            last_end = m.end()
            yield m


def find_figures(
    sentence: str,
    offset: int = 0,
    skip: Sequence[tuple[int, int]] = (),
    hits: trigger_words.Hits | None = None,
) -> list[dict[str, Any]]:
    """Every figure in ``sentence``; spans in ``skip`` (sentence-relative, such as dates) are ignored.

    ``hits`` is :func:`claimdesk.store.extract.trigger_words.scan` of the sentence, if already computed.
    """
    hits = trigger_words.scan(sentence) if hits is None else hits
    out = []
    for m in _matches(sentence, hits):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in skip):
            continue
        qual = _QUALIFIER_BEFORE.search(sentence, max(0, s - 24), s)
        word = m.group("word")
        if word and word.lower() == "one" and not qual:
            continue  # "one of", "no one": rarely a count
        if qual:
            s = qual.start()
        value, vague = _value(m)
        qualifier = " ".join(qual.group("qual").lower().split()) if qual else vague
        counts = _counts(sentence, e, bool(m.group("pct")), bool(m.group("cur")))
        if m.group("cur"):
            counts = counts if counts != "money" else m.group("cur").strip()
        out.append(
            {
                "value": value,
                "text": sentence[s:e],
                "qualifier": qualifier,
                "counts": counts,
                "start": offset + s,
                "end": offset + e,
            }
        )
    return out
