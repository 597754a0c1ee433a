"""What kind of number a figure is, from the few words around it: a count of people or of
things, money, a percent, a measure or an age (compared), or a duration, a clock time, a
year or an identifier (roads, flights, models, addresses, case, bill and page numbers,
phone numbers: never compared). Also whose count a figure is, when it is not a toll.

Every rule looks at a bounded window before and after the number, so reading a sentence
stays linear in its length.

    >>> is_title_case("Route 9 Crash Kills 3"), is_title_case("The road was closed")
    (True, False)
"""

from __future__ import annotations

import re

from claimdesk.store.extract.counted import PEOPLE
from claimdesk.store.extract.number_words import number_value
from claimdesk.store.extract.wordlists import word_list

COMPARED_UNITS = frozenset({"people", "count", "money", "percent", "measure", "age"})
"""Units whose figures can be compared (an age only with the same person's age)."""

CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "c$": "CAD", "a$": "AUD", "hk$": "HKD",
    "nz$": "NZD", "s$": "SGD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY",
    "₹": "INR", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "roubles": "RUB",
    "rubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "francs": "CHF", "pesos": "MXN",
    "shekels": "ILS", "dinars": "DIN", "naira": "NGN", "rand": "ZAR",
}  # fmt: skip
"""Currency signs and words (lower case) and the currency each stands for."""

DURATIONS = frozenset(
    word_list(
        "second seconds minute minutes min mins hour hours hr hrs day days week weeks month "
        "months year years yr yrs decade decades century centuries night nights weekend weekends"
    )
)
MEASURES = frozenset(
    word_list(
        "km kilometres kilometers kilometre kilometer mile miles mph kph metres meters metre "
        "meter m feet foot ft inch inches cm mm kg kilograms kilogram lb lbs ton tons tonnes "
        "tonne acre acres hectare hectares degree degrees magnitude gallon gallons "
        "litre litres liter liters barrel barrels mw gw kw megawatts watts volts knots times "
        "storeys stories floors yards yard"
    )
)
"""Words after a number that make it a duration or a measurement."""

IDENTIFIER_WORDS = frozenset(
    word_list(
        "interstate highway hwy route rte road rd street avenue ave flight flights model case "
        "bill no nos number page pages pp p chapter section article amendment room apartment "
        "apt unit suite ste gate exit platform terminal channel district ward precinct lot "
        "station building bldg floor level category class type version episode season series "
        "volume vol issue act title proposition prop resolution docket file item line lane "
        "pier bus train code badge jersey squad battalion brigade division regiment company "
        "engine ladder box id boeing airbus cessna apollo windows iphone galaxy formula mark "
        "mk grade size extension ext us sr cr fm i"
    )
)
"""Words before a number that make it a name or a reference (Interstate 75, Flight 370)."""

_LEADING_ALLOWED = frozenset(
    word_list(
        "the a an of in on at by for and but only all some another nearly about around over "
        "just exactly roughly almost more fewer less up than to with from those these its their "
        "his her our january february march april may june july august september october "
        "november december monday tuesday wednesday thursday friday saturday sunday"
    )
)
_CLOCK_AFTER = re.compile(
    r"(?::\s?\d\d|\s*(?:[ap]\.?\s?m\b\.?|[AP]\.?\s?M\b\.?|o['’]clock|GMT|UTC|CET|[ECMP][SD]T\b|BST|local time|hours GMT))"
)
_CLOCK_BEFORE = re.compile(r"\d\s?:\s?$")
_AGE_AFTER = re.compile(
    r"\s*-?\s*(?:years?|yrs?|months?)\s*-?\s*old\b|\s*-\s*year\b|\s+years?\s+of\s+age\b", re.I
)
_AGE_BEFORE = re.compile(r"\b(?:[Aa]ged?|AGE)\s*[-–:,]?\s*$")
_APPOSITION_BEFORE = re.compile(r"(?P<name>(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+)\s*[,(]\s*$")
_APPOSITION_AFTER = re.compile(r"\s*(?:[,)];?|\.(?!\d)|;|$|\s+and\b)")
_OF_AFTER_AGE = re.compile(r"\s*(?P<of>(?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2}|[a-z]+)")
UNIT_WORD = re.compile(r"\s*-?\s*([A-Za-z]+)")
"""The word right after a number (its unit, currency or counted noun)."""
_ADDRESS_AFTER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    r"Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Terrace|Trail|"
    r"Pike|Square)\b|\s+block\b"
)
_CHAIN_AFTER = re.compile(r"\s*[-–./]\s*\d")
_CHAIN_BEFORE = re.compile(r"(?:\d\s*[-–./]|[A-Za-z]-|#)\s*$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.]*)\.?\s*$")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|from|of|during|before|after|year|fiscal)\s+$", re.I
)
AFTER = 90
"""How many characters after a number its kind and counted words are read from."""
BEFORE = 40
"""How many characters before a number its qualifier and kind are read from."""


_CLAUSE_START = re.compile(r".*(?:[,;:(—]|\bwhile\b|\band\b|\bbut\b|\bwhereas\b)", re.S)
_NAME_RUN = re.compile(r"(?<![.!?]\s)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
_SAYS_AFTER = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,2}?\s+(?:said|says|told|reported|announced|estimated|estimates|stated)\b"
)
_NOT_OWNERS = frozenset(
    word_list("The A An In On At By For With From It He She They We His Her Their Its This That")
)


def owner_of(sentence: str, start: int) -> str:
    """Whose count, sum or share a figure is: the first name in its clause before it
    ("Richard Carter scored 14 points", "while the Orioles offered $150 million"), if any.
    Tolls do not need one: they belong to the event."""
    lo = max(0, start - 80)
    clause = _CLAUSE_START.match(sentence, lo, start)
    lo = clause.end() if clause else lo
    for m in _NAME_RUN.finditer(sentence, lo, start):
        words = [w for w in m.group().split() if w not in _NOT_OWNERS]
        if len(m.group().split()) == 1 and _sentence_initial(sentence, m.start()):
            continue  # "Unemployment rose ...": any first word has a capital
        if words and not _SAYS_AFTER.match(sentence, m.end()):
            return " ".join(words)
    return ""


_CAPITALISED = re.compile(r"(?<!\S)[\"'“‘(]?[A-Z]")


def is_title_case(sentence: str) -> bool:
    """Whether most words of ``sentence`` are capitalised (a headline): capitals then say
    nothing about names."""
    words = sentence.split()
    return len(words) >= 3 and len(_CAPITALISED.findall(sentence)) >= 0.6 * len(words)


def _sentence_initial(sentence: str, pos: int) -> bool:
    return not sentence[:pos].strip(" \t\"'“‘(«")


def kind_of(
    sentence: str, m: re.Match[str], s: int, qualified: bool, title_case: bool
) -> tuple[str, str]:
    """``(unit, whose age)`` for the number matched at ``m`` (a match of the figure pattern of
    :mod:`~claimdesk.store.extract.figures`; ``s``: its start with the qualifier)."""
    e = m.end()
    after, before = sentence[e : e + AFTER], sentence[max(0, s - BEFORE) : s]
    raw = m.group("num") or ""
    if m.group("pct"):
        return "percent", ""
    if _CLOCK_AFTER.match(after) or _CLOCK_BEFORE.search(before):
        return "clock", ""
    if m.group("cur") or m.group("abbr"):
        return ("money" if m.group("cur") else "measure"), ""
    if m.group("vague"):
        return "count", ""
    age = _AGE_AFTER.match(after)
    if age:
        of = _OF_AFTER_AGE.match(after, age.end())
        return "age", of.group("of") if of else ""
    if _AGE_BEFORE.search(before):
        return "age", ""
    value = number_value(raw) or 0.0
    apposition = _APPOSITION_BEFORE.search(before)
    if (
        apposition
        and not qualified
        and raw.isdigit()
        and 0 < value <= 110
        and _APPOSITION_AFTER.match(after)
    ):
        return "age", apposition.group("name")
    if _CHAIN_BEFORE.search(before) or _CHAIN_AFTER.match(after):
        return "identifier", ""  # phone numbers, F-16, 24/7
    if _ADDRESS_AFTER.match(after) or (
        raw in ("911", "999", "112") and not qualified and not _counts_people(after)
    ):
        return "identifier", ""  # an emergency number, unless it counts people: "112 people"
    word_before = _WORD_BEFORE.search(before) if not qualified else None
    if word_before:
        word = word_before.group(1)
        low = word.lower().rstrip(".")
        if low in IDENTIFIER_WORDS or (
            word[0].isupper()
            and "." not in raw
            and not title_case
            and not _sentence_initial(sentence, word_before.start() + max(0, s - BEFORE))
            and low not in _LEADING_ALLOWED
            and not low.endswith(("'s", "’s"))
        ):
            return "identifier", ""
    unit = UNIT_WORD.match(after)
    if unit:
        word = unit.group(1).lower()
        if word in DURATIONS:
            return "duration", ""
        if word in MEASURES:
            return "measure", ""
        if word in CURRENCIES and not after[unit.end() :].lstrip().startswith("of"):
            return "money", ""
    if re.search(r"\bmagnitude\s*$", before, re.I):
        return "measure", "magnitude"
    if (
        _YEAR.fullmatch(raw)
        and not qualified
        and (_YEAR_CONTEXT.search(before) or not _counts_people(after))
    ):
        return "year", ""
    return "count", ""


def _counts_people(after: str) -> bool:
    word = UNIT_WORD.match(after)
    return word is not None and (
        word.group(1).lower().rstrip("s") in PEOPLE or word.group(1) == "people"
    )
