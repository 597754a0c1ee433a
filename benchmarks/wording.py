"""Number and date wording for the benchmark corpus: one value, many surface forms.

>>> import random
>>> sorted({format_number(random.Random(i), 3000) for i in range(60)})
['3 thousand', '3,000', '3000', 'three thousand']
>>> format_date(random.Random(3), __import__("datetime").date(2024, 12, 26)) in DATE_FORMS_26
True
"""

from __future__ import annotations

import random
from datetime import date

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def number_words(value: int) -> str:
    """English words for ``0 <= value < 1,000,000`` ("twelve thousand five hundred")."""
    if value < 20:
        return _ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    thousands, rest = divmod(value, 1000)
    return f"{number_words(thousands)} thousand" + (f" {number_words(rest)}" if rest else "")


def format_number(rng: random.Random, value: int) -> str:
    """``value`` as digits with or without separators, in words, or "N thousand/million"."""
    forms = [f"{value:,}", f"{value:,}", str(value)]
    if value % 1_000_000 == 0:
        forms.append(f"{value // 1_000_000} million")
    elif value >= 1_000_000 and value % 100_000 == 0:
        forms.append(f"{value / 1_000_000:.1f} million")
    elif value % 1000 == 0 and value < 1_000_000:
        forms.append(f"{value // 1000} thousand")
    if value < 1_000_000 and (value < 20 or value % 10 == 0):
        forms.append(number_words(value))
    return forms[int(rng.random() * len(forms))]


DATE_FORMS_26 = {
    "December 26",
    "26 December",
    "Dec. 26",
    "December 26, 2024",
    "26 December 2024",
    "Thursday",
}


def format_date(rng: random.Random, when: date) -> str:
    """``when`` in a news style: "December 26", "26 December 2024", "Dec. 26" or its weekday."""
    month = MONTHS[when.month - 1]
    forms = (
        f"{month} {when.day}",
        f"{when.day} {month}",
        f"{month[:3]}. {when.day}",
        f"{month} {when.day}, {when.year}",
        f"{when.day} {month} {when.year}",
        WEEKDAYS[when.weekday()],
    )
    return forms[int(rng.random() * len(forms))]
