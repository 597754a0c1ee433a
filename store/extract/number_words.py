"""Numbers written in words, in digits or in both, and their values: one table for the fact
reader and for the matching form.

    >>> number_value("Twenty-one"), number_value("two hundred and fifty"), number_value("1.5 million")
    (21.0, 250.0, 1500000.0)
    >>> number_value("a dozen"), number_value("three thousand"), number_value("two dozen")
    (12.0, 3000.0, 24.0)
    >>> number_value("half a million"), number_value("soldiers")
    (500000.0, None)
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
"""Number words below a hundred that are added up ("twenty-one" = 20 + 1)."""

SMALL_SCALES: dict[str, int] = {"dozen": 12, "hundred": 100}
"""Words that multiply what comes before them ("two dozen", "three hundred")."""

SCALES: dict[str, int] = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
"""Words that multiply everything before them and close a group ("two hundred and fifty thousand")."""

SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "lakh": 100_000,
    "crore": 10_000_000,
}
"""Short scale words after digits; ``k``, ``m`` and ``b`` only after a currency (``$5m``)."""

NUMBER_WORDS = frozenset(UNITS) | frozenset(SMALL_SCALES) | frozenset(SCALES)
"""Every word :func:`number_value` reads (without ``a``/``an``/``half``/``and``)."""

_ARTICLE = {"a": 1.0, "an": 1.0, "half": 0.5}


def number_value(words: str) -> float | None:
    """The value of digits, number words or both (``3,000``, ``three thousand``, ``1.5 million``,
    ``twenty-one``, ``a dozen``); ``None`` if ``words`` is not a number."""
    parts = [p for p in re.split(r"[\s\-\u2010-\u2013]+", words.strip().lower()) if p]
    total, current, seen = 0.0, 0.0, False
    factor = 1.0
    for i, part in enumerate(parts):
        if part in UNITS:
            current += UNITS[part]
        elif part in SMALL_SCALES:
            current = (current or 1.0) * SMALL_SCALES[part]
        elif part in SCALES:
            total, current = total + (current or 1.0) * SCALES[part], 0.0
        elif part == "and" and seen:
            continue
        elif part in _ARTICLE and i + 1 < len(parts) and not seen:
            factor *= _ARTICLE[part]  # "a dozen", "half a million"
            continue
        else:
            try:
                current += float(part.replace(",", ""))
            except ValueError:
                return None
        seen = True
    return (total + current) * factor if seen else None


def format_number(value: float) -> str:
    """``3000.0`` -> ``3,000``; ``1.5`` -> ``1.5``: a value as a reader writes it.

    >>> format_number(3000.0), format_number(1.5), format_number(158e9)
    ('3,000', '1.5', '158,000,000,000')
    """
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
