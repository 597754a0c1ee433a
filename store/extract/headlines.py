"""Whether a heading-like line is a headline that states a fact, or a label.

A line without a full stop (a heading, in :mod:`claimdesk.store.extract.sentences`) is either a *label* (a
section title, a byline, a dateline, a tag list) or a *headline*. Headlines are written in
their own grammar: present tense for past events ("Rovers defeat City in cup final"), ``to``
+ verb for the future ("Jane Ortiz To Lead Water Board"), a bare participle for the passive
("Paintings Stolen From Lakeside Gallery"), often in Title Case or capitals. A headline that reports
something in a verb is a factual claim; a label never is.

>>> headline_states_fact("Harbour Pilot Checks Into Lakeside Clinic")
True
>>> headline_states_fact("CITY COUNCIL APPROVES NEW BUDGET FOR SCHOOLS")
True
>>> headline_states_fact("What preceded"), headline_states_fact("Reporting by Jane Doe")
(False, False)
>>> headline_states_fact("Published: 14: 05 GMT, 3 March 2021 | Updated: 16: 10 GMT")
False
"""

from __future__ import annotations

import re

from claimdesk.store.extract.wordlists import word_list

_STEMS = word_list(
    "kill die dead captur arrest attack launch announc sign elect win won los lost destroy "
    "fire shot shoot strik struck seiz invad resign open clos crash explod collaps withdr "
    "arriv deploy sentenc charg confirm say said claim deni report warn find found discover "
    "send sent check enter leav left quit releas rais cut rise ros fall fell injur wound hurt "
    "hit rescu evacuat flee fled escap surrender sue ban approv reject accus convict plead "
    "pleaded admit kidnap murder stab rob burn flood struck agree agreed vote voted order "
    "ordered name named appoint hire fire fired begin begun"
)
# Past tenses and participles that no suffix rule finds.
_IRREGULAR = word_list(
    "beat broke broken brought built bought caught chose chosen drew drawn drove driven "
    "fought gave given got gotten grew grown held kept knew led made met paid put ran "
    "sold set shut spoke spoken spent stole stolen stood swore sworn took taken told threw "
    "thrown tore torn went wrote written"
)
_VERB = re.compile(
    r"\b(?:(?:"
    + "|".join(sorted(set(_STEMS), key=len, reverse=True))
    + r")\w{0,3}|"
    + "|".join(sorted(set(_IRREGULAR), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# A modal or auxiliary makes the next word a verb: "will host", "is dead", "has resigned".
_AUXILIARIES = frozenset(
    word_list(
        "is are was were be been has have had will would can could may might must shall "
        "should won't can't cannot"
    )
)
# Prepositions and conjunctions: what follows a plural noun rather than a verb.
_PREPOSITIONS = frozenset(
    word_list(
        "of in on at for from with by to into onto over under about after before during "
        "against between through without as and or but nor than via per amid across near"
    )
)
_FUNCTION = _PREPOSITIONS | frozenset(
    word_list(
        "the a an this that these those his her its their our my your no some any all every "
        "another each both either neither such what which whose"
    )
)
# First words of lines that describe the document rather than report anything.
_LABEL_LEADS = frozenset(
    word_list(
        "by published updated posted modified filed reporting editing edited written tagged "
        "credit credits copyright advertisement share follow subscribe sign read watch "
        "listen click contact see please"
    )
)
# Words of datelines and timestamps: months, weekdays, clock and time-zone words.
_DATELINE_WORDS = frozenset(
    word_list(
        "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april "
        "june july august september october november december mon tue wed thu fri sat sun "
        "monday tuesday wednesday thursday friday saturday sunday am pm a m p gmt utc bst "
        "est edt cst cdt pst pdt et hkt ist cet cest hrs at on"
    )
)
_NOT_S_VERB = re.compile(r"(?:ss|us|is|as|ics|ous|'s|’s)$")
# Addresses are read from the start of a token only: trying every position of a long
# token (a base64 image, a run without spaces) would be quadratic in its length.
_LINK = re.compile(r"(?<!\S)(?:[^\s@]+@\S+|\S+?://\S+)|www\.\S+")


def _is_verb_s(word: str) -> bool:
    """Whether ``word`` (lower-cased) can be a present-tense verb ending in ``-s``."""
    return len(word) >= 4 and word.endswith("s") and not _NOT_S_VERB.search(word)


def _is_dateline(low: list[str]) -> bool:
    """Whether a line holds fewer than three words that are not dates, times or numbers."""
    content = [w for w in low if len(w) > 1 and w.isalpha() and w not in _DATELINE_WORDS]
    return len(content) < 3


def _sentence_case(words: list[str]) -> bool:
    """Whether the line is written in sentence case (most later words start lower-case)."""
    later = [w for w in words[1:] if w[0].isalpha() and len(w) > 3]
    return sum(w[0].islower() for w in later) * 2 > len(later)


def _verb_after(word: str, nxt: str, next_is_lower: bool, sentence_case: bool) -> bool:
    """Whether ``word`` makes the next word a verb: "will host", "is dead", "To Host"."""
    if not nxt.isalpha() or nxt in _FUNCTION:
        return False
    if word in _AUXILIARIES:
        return True
    # In sentence case a verb after "to" is lower-case ("to lead", not "to Portmouth").
    return word == "to" and (next_is_lower or not sentence_case)


def _inflected_verb(line: str, found: list[re.Match[str]], i: int, low: list[str]) -> bool:
    """Whether word ``i`` is a past (``-ed``) or present (``-s``) verb form in a headline.

    "Mayor Reverses Course", "council extends hours": an ``-s`` verb follows its subject
    and takes its object directly; a plural noun follows a number or an article, and is
    mostly followed by a preposition ("Ferries in Winter"), a comma, a bracket or nothing.
    """
    word = low[i]
    before = low[i - 1] if i else ""
    if len(word) >= 5 and word.endswith("ed"):
        return before not in _FUNCTION
    if not (before.isalpha() and before not in _FUNCTION and _is_verb_s(word)):
        return False
    if i + 1 >= len(low) or low[i + 1] in _PREPOSITIONS:
        return False
    return not line[found[i].end() : found[i + 1].start()].strip()


def _structural_verb(line: str, found: list[re.Match[str]]) -> bool:
    """A verb found from headline grammar: auxiliary or ``to`` + verb, ``-s``/``-ed`` forms."""
    words = [m.group() for m in found]
    low = [w.lower() for w in words]
    sentence_case = _sentence_case(words)
    for i, word in enumerate(low):
        if i + 1 < len(low):
            nxt_lower = words[i + 1][0].islower()
            if _verb_after(word, low[i + 1], nxt_lower, sentence_case):
                return True
        if sentence_case and i and words[i][0].isupper():
            continue  # a capitalised word inside a sentence-case line is a name
        if _inflected_verb(line, found, i, low):
            return True
    return False


def has_news_verb(text: str) -> bool:
    """Whether ``text`` holds a news verb in any inflection but ``-ing`` ("arrested", "kills").

    >>> has_news_verb("four men arrested"), has_news_verb("Type of incident: shooting")
    (True, False)
    """
    return any(not m.group().lower().endswith("ing") for m in _VERB.finditer(text))


def headline_states_fact(line: str) -> bool:
    """Whether a heading-like line (a headline) reports something, so it can be a claim.

    Section headings ("What preceded", "Related stories"), bylines, credits and datelines
    name a topic or describe the page; headlines such as "Divers recover 2 cars from the
    harbour basin" state a fact in a verb. Lines of fewer than four words are labels.
    ``-ing`` forms do not count ("Reporting by ...", "Editing by ...").

    >>> headline_states_fact("Jane Ortiz To Lead State Water Board")
    True
    >>> headline_states_fact("Participation of the military in the war")
    False
    """
    if line.rstrip(" \"'”’»)").endswith("?"):
        return False  # a question heading asks; it does not state
    line = _LINK.sub(" ", line)
    found = list(_WORDS.finditer(line))
    if len(found) < 4:
        return False
    low = [m.group().lower() for m in found]
    if low[0] in _LABEL_LEADS or _is_dateline(low):
        return False
    if has_news_verb(line):
        return True
    return _structural_verb(line, found)
