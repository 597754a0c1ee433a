"""The matching form of a sentence: what two reports of one fact have in common.

Built on :func:`claimdesk.store.folding.fold` (case, typographic quotes and apostrophes,
``3,000`` -> ``3000``), then: links dropped, ``@``/``#`` marks removed
(camel-case handles also split into their words),
diacritics removed, number words turned into digits (``three thousand`` ->
``3000``), stop words and hedges dropped, a light plural/possessive stem.

    >>> match_tokens("More than three thousand North Korean soldiers’ deaths")
    ['3000', 'north', 'korean', 'soldier', 'death']
    >>> fts_tokens("Zelenskyy’s address, 1,000 wounded")
    ['zelenskyy', 's', 'address', '1000', 'wounded']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from claimdesk.store.extract.number_words import NUMBER_WORDS, SCALES, number_value
from claimdesk.store.folding import fold

_WORD = re.compile(r"\w+", re.UNICODE)
_URL = re.compile(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+|\S+\.(?:com|org|net)/\S*")
_HANDLE = re.compile(r"[@#](\w+)")
_CAMEL_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _split_handle(match: re.Match[str]) -> str:
    """``#QuidProQuo`` -> ``quid pro quo quidproquo``: the words of a camel-case handle, then itself."""
    name = match.group(1)
    parts = _CAMEL_PART.findall(name)
    if len(parts) < 2 or "".join(parts) != name.replace("_", ""):
        return f" {name} "
    return f" {' '.join(parts)} {name} "


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words`` as a set."""
    return frozenset(words.split())


STOPWORDS = word_set(
    """a an the and or but if of to in on at by for with from as into onto over under about
    than then that this these those there here it its it's is are was were be been being am
    has have had having do does did doing will would shall should can could may might must
    not no nor so too very just only also even still yet ever again once more most less least
    he she they we you i me him her them us my your his their our mine yours theirs ours who
    whom whose which what when where why how all any both each few other some such own same
    s t d ll re ve m don didn doesn isn wasn weren aren hasn haven hadn won wouldn couldn
    said says say saying told tell according reportedly reported reports report
    allegedly claimed claims claim stated states state announced added noted
    approximately around about nearly almost roughly some estimated up least at more
    than over under fewer below above another other one rt via amp http https www com"""
)
"""Words that never make two sentences the same claim (function words, reporting verbs, hedges)."""

_SCALES = {"hundred", *SCALES}


def _format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


_NUMBER_WORDS = NUMBER_WORDS


def _starts_number(tokens: list[str], i: int) -> bool:
    token, after = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
    if token in _NUMBER_WORDS:
        return token != "one" or after in _SCALES  # "one of them" is not a figure
    return token.isdigit() and after in _SCALES


def _numbers_to_digits(tokens: list[str]) -> list[str]:
    if _NUMBER_WORDS.isdisjoint(tokens):
        return tokens
    out, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        # most words are not numbers: test that inline before the full check
        if (token not in _NUMBER_WORDS and not token.isdigit()) or not _starts_number(tokens, i):
            out.append(token)
            i += 1
            continue
        j = i + 1
        words = _NUMBER_WORDS if not tokens[i].isdigit() else _SCALES
        while j < len(tokens) and (
            tokens[j] in words
            or (tokens[j] == "and" and j + 1 < len(tokens) and tokens[j + 1] in _NUMBER_WORDS)
        ):
            j += 1
        value = number_value(" ".join(tokens[i:j]))
        out.append(_format_number(value) if value is not None else tokens[i])
        i = j if value is not None else i + 1
    return out


def strip_diacritics(text: str) -> str:
    """``Zelenskyy`` stays, ``Zelenskyý`` -> ``Zelenskyy``: like FTS5's ``remove_diacritics``."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean(text: str) -> str:
    """Folded text without links and without the ``@``/``#`` marks of handles and hashtags
    (``#QuidProQuo`` also gives ``quid pro quo``).

    A tweet's "— name (@handle) date" trailer is kept: who said it often names the claim.
    """
    if "://" in text or "www." in text or "pic." in text or "/" in text:
        text = _URL.sub(" ", text)
    if "@" in text or "#" in text:
        text = _HANDLE.sub(_split_handle, text)
    return strip_diacritics(fold(text))


_ASCII_NON_WORD = bytes(c if chr(c).isalnum() or c == ord("_") else 32 for c in range(256))


def words(text: str) -> list[str]:
    """The ``\\w+`` runs of ``text``: ``re.findall(r"\\w+", text)``, faster for ASCII text.

    >>> words("Zelenskyy's 3,000 (approx.) soldiers_killed")
    ['Zelenskyy', 's', '3', '000', 'approx', 'soldiers_killed']
    """
    if text.isascii():  # bytes.translate and split run in C, without the regex engine
        return text.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split()
    return _WORD.findall(text)


def fts_tokens(text: str) -> list[str]:
    """The tokens FTS5 (unicode61, diacritics removed) indexes for ``text``, number words as digits."""
    return _numbers_to_digits(words(clean(text)))


def norm_tokens(norm: str) -> list[str]:
    """:func:`fts_tokens` for a stored ``norm`` value (already folded; links are not cleaned)."""
    return _numbers_to_digits(words(strip_diacritics(norm)))


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """A light English stem: plural and possessive ``s`` only (``soldiers`` -> ``soldier``).

    >>> stem("soldiers"), stem("casualties"), stem("news"), stem("bus")
    ('soldier', 'casualty', 'news', 'bus')
    """
    if len(token) <= 3 or not token.endswith("s") or token.endswith(("ss", "us", "is", "ews")):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ches", "shes", "xes", "sses")):
        return token[:-2]
    return token[:-1]


@lru_cache(maxsize=200_000)
def informative(token: str) -> bool:
    """Whether ``token`` can carry a claim (not a stop word, not a single letter)."""
    return token not in STOPWORDS and (len(token) > 1 or token.isdigit())


def match_tokens(text: str) -> list[str]:
    """Informative, stemmed tokens of ``text`` in reading order (see the module doc)."""
    return [stem(t) for t in fts_tokens(text) if informative(t)]


def match_form(text: str) -> str:
    """:func:`match_tokens` joined by spaces: the string handed to rapidfuzz (``processor=None``)."""
    return " ".join(match_tokens(text))
