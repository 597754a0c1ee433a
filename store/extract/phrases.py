"""Noun phrases around a reporting cue: who is speaking, read from the words around it.

Helpers for :mod:`claimdesk.store.extract.reported_speech`: the subject phrase before a cue (with
appositives, parentheses and coordinated names), the phrase after an inverted cue
or "according to", and the checks that a phrase can be a source at all.

>>> text = "Anna Berg, a harbour pilot, said the fog was thick."
>>> start, end = phrase_before(text, 0, text.index(" said"))
>>> text[start:end]
'Anna Berg, a harbour pilot,'
"""

from __future__ import annotations

import re
from itertools import islice

from claimdesk.store.extract.wordlists import word_list

_MAX_PHRASE = 160  # characters read back from a cue; longer subjects are rare
MAX_AFTER = 300
"""Characters read forward from an inverted cue or "according to" for its source."""
_MAX_APPOSITIVE = 600  # characters read back for "X, a spokesman for Y, said"
_WORD_AFTER = re.compile(r"\s+(\w+)")
_TOKEN = re.compile(r"[\w'’.&-]+|[^\w\s]")
PRONOUNS = frozenset(word_list("he she they i we you it who which that him her them us"))
"""Pronouns (and relative pronouns) that can stand as a source by themselves."""
STOP = frozenset(
    word_list(
        "that and but or because while when after before as if though although since so then "
        "where whether than to is was were are be been has have had not also there here do "
        "does did will would could should may might can must just only even still yet "
        "however said says say told reported wrote added what whom whose"
    )
)
"""Words that cannot be inside a subject phrase read backwards from the cue."""
DETERMINERS = frozenset(
    word_list("the a an his her its their our my your this that these those some")
)
"""Words that start a noun phrase."""
PREPOSITIONS = frozenset(word_list("of in at for from on with by to about"))
"""Prepositions allowed inside a source phrase ("director of X")."""
_NOT_SOURCES = frozenset(
    word_list("always sometimes perhaps nevertheless besides afterwards thus yes no including")
)
QUANTIFIERS = frozenset(word_list("some many most several few both all each two three four one"))
"""Words that start a quantified source ("many voters", "two officials")."""
_POSSESSIVE_DETERMINERS = frozenset(word_list("his her their its our my your"))
_APPOSITION_BREAK = frozenset(word_list("and but or because while when if that which so then"))
_MAX_SUBJECT_WORDS = 8
_COMMON_VERBS = frozenset(
    word_list(
        "made went took gave came got spoke met won lost left put set began sent held kept ran "
        "saw thought brought felt became fell stood sat found led paid let hit cut says said "
        "tells told writes wrote makes takes gives wants hopes plans knows sees"
    )
)
QUOTE_END = "\"”’'»"
"""Characters that close a quotation."""
_INVERTED_END = re.compile(
    r"[\"“”«»;(]|,\s+(?:who|which|adding|saying|according)\b|\s+(?:in an?|on)\s+\w|\s+that\s"
)


def phrase_before(text: str, lo: int, cue_start: int) -> tuple[int, int]:
    """The subject phrase that ends right before ``cue_start`` (``(s, s)`` if none)."""
    end = cue_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end > lo and text[end - 1] == ",":
        return _appositive_subject(text, lo, end)
    return noun_phrase_before(text, lo, end), end


def _appositive_subject(text: str, lo: int, end: int) -> tuple[int, int]:
    """``X, a spokesman for Y, said``: the name with its appositive(s), up to three commas back."""
    comma = end - 1
    floor = max(lo, end - _MAX_APPOSITIVE)
    for _ in range(3):
        comma = text.rfind(",", floor, comma)
        if (
            comma < 0
            or text[comma - 1 : comma] in QUOTE_END
            or text[comma + 1 : comma + 2] in QUOTE_END
        ):
            break
        words = text[comma + 1 : end - 1].split()
        if not words or len(words) > 30 or words[0].lower() in _APPOSITION_BREAK:
            break
        if words[0].lower() in PREPOSITIONS or words[0].endswith("ing"):
            # "Berg, for her part, said": a parenthetical, not part of the source.
            start = noun_phrase_before(text, lo, comma)
            return (start, comma) if start < comma else (end, end)
        start = noun_phrase_before(text, lo, comma)
        head = text[start:comma].split()
        if head and head[0][0].isupper() and head[0].lower() not in STOP:
            return start, end
    return end, end


def noun_phrase_before(text: str, lo: int, end: int) -> int:
    """Where the noun phrase ending at ``end`` starts (``end`` if there is none)."""
    window = max(lo, end - _MAX_PHRASE)
    tokens = list(_TOKEN.finditer(text, window, end))
    if window > lo and tokens and text[window - 1].isalnum():
        tokens = tokens[1:]  # the window cut a word in two
    start = end
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i].group()
        low = tok.lower()
        if tok == ")" and start != end or tok == ")" and i > 0:
            # "Sen. Ann Lee (D-Ore.)": keep the parenthesis and go on before it.
            j = i
            while j >= 0 and tokens[j].group() != "(":
                j -= 1
            if j <= 0:
                break
            start = tokens[j].start()
            i = j - 1
            continue
        if not (tok[0].isalnum() or tok in "'’$&"):
            break
        if low == "and" and start != end and i > 0 and _joins_names(tokens, i, start, text):
            start = tokens[i].start()
            i -= 1
            continue
        after_and = i > 0 and tokens[i - 1].group().lower() == "and"
        if low == "even" and after_and and start != end:
            start = tokens[i].start()  # "Pilots and even some staff"
            i -= 1
            continue
        capitalised_name_part = tok[0].isupper() and i > 0 and tokens[i - 1].group()[:1].isupper()
        if low in STOP and not (low == "that" and start == end) and not capitalised_name_part:
            break
        if low in PRONOUNS:
            if start == end:
                start = tokens[i].start()
                break
            if low not in _POSSESSIVE_DETERMINERS:
                break
        if (
            low in PREPOSITIONS
            and i > 0
            and (tokens[i - 1].group().lower() in STOP or not tokens[i - 1].group()[0].isalnum())
        ):
            break
        start = tokens[i].start()
        if (
            low in DETERMINERS
            and i > 0
            and tokens[i - 1].group().lower() not in PREPOSITIONS
            and not (after_and and i > 1 and _joins_names(tokens, i - 1, start, text))
        ):
            break
        i -= 1
    # Trim a leading preposition phrase: "On Monday the president" -> "the president".
    while start < end:
        first = text[start:end].split(None, 1)
        if first[0].lower() in PREPOSITIONS and len(first) > 1:
            start = end - len(first[1])
        else:
            break
    return start


def _joins_names(tokens: list[re.Match[str]], i: int, start: int, text: str) -> bool:
    """Whether "and" at ``tokens[i]`` joins two subjects: "Ms. Berg and Mr. Olsen",
    "Pilots and some harbour staff"."""
    before = tokens[i - 1].group()
    after = text[tokens[i].end() : start + 40].split()
    if not after or not (before[:1].isupper() or (before.islower() and before.endswith("s"))):
        return False
    head = after[1] if after[0] == "even" and len(after) > 1 else after[0]
    return head[:1].isupper() or head.lower() in DETERMINERS or head.lower() in QUANTIFIERS


def plausible_source(source: str) -> bool:
    """Whether a phrase can be a source: not empty and not led by a preposition, a
    conjunction or an adverb ("Nelly" is a name, "initially" is not).

    >>> [plausible_source(s) for s in ("police", "Nelly", "initially", "including them")]
    [True, True, False, False]
    """
    words = source.strip(" ,;:").split()
    if not words:
        return False
    first = words[0].lower()
    if all(w.lower() in DETERMINERS for w in words):
        return False  # "the reported capture": a participle after a determiner
    if first in PRONOUNS or first in DETERMINERS or first in QUANTIFIERS:
        return True
    if first in PREPOSITIONS or first in STOP or first in _NOT_SOURCES:
        return False
    return not any(w.endswith("ly") and w.islower() for w in (words[0], words[-1]))


def _clause_end(text: str, pos: int, hi: int) -> int | None:
    """Where the clause that starts at ``pos`` ends; ``None`` when that is further than
    :data:`MAX_AFTER` characters (each cue reads a bounded window, never the whole sentence)."""
    limit = min(hi, pos + MAX_AFTER)
    stop = _INVERTED_END.search(text, pos, limit)
    if stop:
        return stop.start()
    return hi if limit == hi else None


def _trimmed(text: str, pos: int, end: int) -> int:
    while end > pos and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


def phrase_after(text: str, pos: int, hi: int) -> tuple[int, int]:
    """The source phrase that follows an inverted cue or ``according to``, up to a clause end.

    ``(pos, pos)`` when the clause runs on for more than :data:`MAX_AFTER` characters.
    """
    end = _clause_end(text, pos, hi)
    return (pos, pos) if end is None else (pos, _trimmed(text, pos, end))


def phrase_after_to_comma(text: str, pos: int, hi: int) -> tuple[int, int]:
    """Like :func:`phrase_after`, but a comma also ends the phrase."""
    end = _clause_end(text, pos, hi)
    if end is None:
        comma = text.find(",", pos, min(hi, pos + MAX_AFTER))
        return (pos, comma) if comma > 0 else (pos, pos)
    e = _trimmed(text, pos, end)
    comma = text.find(",", pos, e)
    return (pos, comma) if comma > 0 else (pos, e)


def leading_subject(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The sentence subject: a leading pronoun, or the words from the sentence start up to the
    first verb-like word ("The pilot left ...", "One officer inside the port tried ...").

    ``(lo, lo)`` when the sentence starts with anything else.

    >>> text = "One officer inside the port tried to help, saying it was late."
    >>> text[slice(*leading_subject(text, 0, len(text)))]
    'One officer inside the port'
    """
    tokens = list(islice(_TOKEN.finditer(text, lo, hi), _MAX_SUBJECT_WORDS))
    if not tokens:
        return lo, lo
    first = tokens[0].group()
    low = first.lower()
    if low in PRONOUNS - {"that", "which", "one"}:
        return tokens[0].start(), tokens[0].end()
    if not (first[0].isupper() or low in DETERMINERS or low in QUANTIFIERS) or low in STOP:
        return lo, lo
    end = lo
    for tok in tokens[:_MAX_SUBJECT_WORDS]:
        word = tok.group()
        low = word.lower()
        if not (word[0].isalnum() or word in ("'s", "’s", "'", "’")):
            break
        if end > lo and word[0].islower() and (_looks_like_verb(low) or low in STOP):
            break
        end = tok.end()
    return lo, end


def _looks_like_verb(word: str) -> bool:
    """A cheap guess: past-tense -ed forms and common irregular verbs."""
    return word.endswith("ed") or word in _COMMON_VERBS


def words_back(text: str, lo: int, pos: int, vocabulary: frozenset[str], limit: int) -> int:
    """``pos`` moved back over up to ``limit`` words of ``vocabulary`` (any case) and their spaces."""
    start = pos
    for _ in range(limit):
        j = start
        while j > lo and text[j - 1].isspace():
            j -= 1
        k = j
        while k > lo and text[k - 1].isalpha():
            k -= 1
        if k == j or text[k:j].lower() not in vocabulary or (k > lo and text[k - 1].isalnum()):
            break
        start = k
    return start


def word_before(text: str, lo: int, pos: int) -> str:
    """The lower-cased word that ends right before ``pos`` (skipping spaces)."""
    words = text[max(lo, pos - 30) : pos].split()
    return words[-1].lower().strip(".,;:\"'“”’") if words else ""


def next_word(text: str, pos: int) -> str:
    """The lower-cased word after ``pos`` (skipping spaces)."""
    m = _WORD_AFTER.match(text, pos)
    return m.group(1).lower() if m else ""


def content_end(text: str, lo: int, end: int) -> int:
    """``end`` moved back over spaces and one comma: where content before a source ends."""
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end - 1 if end > lo and text[end - 1] == "," else end


def skip_space(text: str, s: int, e: int) -> int:
    """How many whitespace characters start ``text[s:e]``."""
    n = 0
    while s + n < e and text[s + n].isspace():
        n += 1
    return n


def is_pronoun(source: str) -> bool:
    """Whether ``source`` is a bare pronoun such as "he" or "they"."""
    return source.strip().lower() in PRONOUNS


def is_named(source: str) -> bool:
    """Whether ``source`` contains a capitalised word other than its first determiner."""
    words = source.split()
    return any(w[:1].isupper() for w in words if w.lower() not in DETERMINERS)
