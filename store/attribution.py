"""Who says it: source, cue and content of reported speech in a sentence.

Rules, tried on every cue in a sentence (see docs/EXTRACTION.md):

* ``according to X`` and passive ``was told by X`` / ``as reported by X``;
* ``X said/says/reported/...`` with the subject phrase before the cue (an
  appositive ``X, a spokesman for Y, said`` stays part of the source);
* the inverted order after a quote or comma: ``"...," said X``;
* participles after a comma (``..., saying ...``) take the sentence subject.

Pronoun sources ("he said") are reported as written; :func:`resolve_source`
maps them to the last named source for display.

>>> [(a.source, a.cue) for a in find_attributions("Ukrainian intelligence reported on October 24 that troops arrived.")]
[('Ukrainian intelligence', 'reported')]
>>> [(a.source, a.cue) for a in find_attributions('"They are finished off," the president says.')]
[('the president', 'says')]
>>> [(a.source, a.cue) for a in find_attributions("Losses rose, according to the Main Intelligence Directorate of Ukraine.")]
[('the Main Intelligence Directorate of Ukraine', 'according to')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import triggers
from .wordlists import words_pattern

VERBS = (
    "say|says|said|saying|tell|tells|told|telling|report|reports|reported|reporting|"
    "write|writes|wrote|writing|announce|announces|announced|announcing|confirm|confirms|"
    "confirmed|confirming|state|states|stated|stating|claim|claims|claimed|claiming|"
    "add|adds|added|adding|note|notes|noted|noting|explain|explains|explained|explaining|"
    "argue|argues|argued|arguing|insist|insists|insisted|insisting|warn|warns|warned|warning|"
    "acknowledge|acknowledges|acknowledged|admit|admits|admitted|assert|asserts|asserted|"
    "declare|declares|declared|tweet|tweets|tweeted|tweeting|suggest|suggests|suggested|"
    "estimate|estimates|estimated|predict|predicts|predicted|deny|denies|denied|"
    "emphasize|emphasizes|emphasized|emphasise|emphasises|emphasised|stress|stresses|stressed|"
    "recall|recalls|recalled|ask|asks|asked|testify|testifies|testified|allege|alleges|alleged|"
    "reveal|reveals|revealed|conclude|concludes|concluded|concede|concedes|conceded|"
    "reply|replies|replied|respond|responds|responded|promise|promises|promised|vow|vows|vowed|"
    "believes|believed|complain|complains|complained|accuse|accuses|accused|urge|urges|urged|"
    "praise|praises|praised|criticize|criticizes|criticized|criticise|criticises|criticised|"
    "describe|describes|described|defend|defends|defended|call|calls|called|calling|"
    "contend|contends|contended|maintain|maintains|maintained|indicate|indicates|indicated|"
    "disclose|discloses|disclosed|post|posts|posted|show|shows|showed|found|find|finds"
)
AUX = "has have had will would also"
_CUE_WORDS = frozenset(VERBS.split("|"))
_AUX_WORDS = frozenset(AUX.split())
_ACCORDING = re.compile(r"(?:[Aa]ccording to|[Cc]iting)\s+")
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|been|being|as)\s+(?:(?:first|also|\w+ly)\s+)?$", re.I
)
_PASSIVE_VERBS = frozenset(
    "told reported quoted cited stated announced confirmed claimed said written posted".split()
)
_BY_AFTER = re.compile(r"\s+by\s+")
_DATA_BEFORE = re.compile(r"\b(?:has|have|had)\s+$")
_DATA_AFTER = re.compile(r"\s+(?=that\b|showing\b|suggesting\b|indicating\b)")
triggers.register("cue", VERBS.split("|"))
triggers.register("according", ["according", "citing"])
triggers.register("data", ["data", "information", "evidence", "intelligence"])
_WORD_AFTER = re.compile(r"\s+(\w+)")
_TOKEN = re.compile(r"[\w'’.&-]+|[^\w\s]")
PRONOUNS = frozenset("he she they i we you it who which that him her them us".split())
# Words that cannot be inside a subject phrase read backwards from the cue.
_STOP = frozenset(
    "that and but or because while when after before as if though although since so then where "
    "whether than to is was were are be been has have had not also there here "
    "do does did will would could should may might can must just only even still yet however "
    "said says say told reported wrote added".split()
)
_DETERMINERS = frozenset("the a an his her its their our my your this that these those some".split())
_PREPOSITIONS = frozenset("of in at for from on with by to about".split())
_AMBIGUOUS = frozenset(
    "reports report claims claim states state notes note shows show post posts tweet tweets "
    "find finds found promise promises vow vows".split()
)
_NOT_SOURCES = frozenset(
    "always sometimes perhaps nevertheless besides afterwards thus yes no including".split()
)
_QUANTIFIERS = frozenset("some many most several few both all each two three four one".split())
_POSSESSIVE_DETERMINERS = frozenset("his her their its our my your".split())
_APPOSITION_BREAK = frozenset("and but or because while when if that which so then".split())
_QUOTE_OR_COLON = re.compile(r"\s*[:\"“'‘]")
_ADVERBS = (
    "however often recently frequently now still even later never previously then earlier "
    "repeatedly again further first publicly reportedly once"
).split()
# Words between a subject and its cue that belong to neither: "Berg later on Monday told".
_ADVERB_WORDS = frozenset(
    _ADVERBS
    + "on last this early late yesterday today tonight week month".split()
    + "monday tuesday wednesday thursday friday saturday sunday".split()
)
_COLON_SOURCE = re.compile(r"(?:More from\s+)?((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*):\s")
# Line labels that look like a speaker before a colon but are not one.
_LABELS = frozenset(
    "update note correction watch read photo photos video related source sources editor's note "
    "disclosure clarification warning breaking exclusive analysis opinion live q a".split()
)
_NAME_ONLY_CUES = frozenset("call calls called calling".split())
_PARTICIPLES = frozenset(
    "saying telling adding noting writing claiming arguing insisting explaining warning calling "
    "stating announcing confirming tweeting reporting".split()
)
_QUOTE_END = "\"”’'»"
_INVERTED_END = re.compile(
    r"[\"“”«»;(]|,\s+(?:who|which|adding|saying|according)\b|\s+(?:in an?|on)\s+\w|\s+that\s"
)


@dataclass(frozen=True)
class Attribution:
    """One attribution; offsets index the text given to :func:`find_attributions`."""

    source: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int

    @property
    def clean_source(self) -> str:
        """The source without trailing punctuation, for display."""
        return self.source.strip(" ,;:")


def _phrase_before(text: str, lo: int, cue_start: int) -> tuple[int, int]:
    """The subject phrase that ends right before ``cue_start`` (``(s, s)`` if none)."""
    end = cue_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end > lo and text[end - 1] == ",":
        return _appositive_subject(text, lo, end)
    return _noun_phrase_before(text, lo, end), end


def _appositive_subject(text: str, lo: int, end: int) -> tuple[int, int]:
    """``X, a spokesman for Y, said``: the name with its appositive(s), up to three commas back."""
    comma = end - 1
    for _ in range(3):
        comma = text.rfind(",", lo, comma)
        if comma < 0 or text[comma - 1 : comma] in _QUOTE_END or text[comma + 1 : comma + 2] in _QUOTE_END:
            break
        words = text[comma + 1 : end - 1].split()
        if not words or len(words) > 30 or words[0].lower() in _APPOSITION_BREAK:
            break
        if words[0].lower() in _PREPOSITIONS or words[0].endswith("ing"):
            # "Snyder, for his part, said": a parenthetical, not part of the source.
            start = _noun_phrase_before(text, lo, comma)
            return (start, comma) if start < comma else (end, end)
        start = _noun_phrase_before(text, lo, comma)
        head = text[start:comma].split()
        if head and head[0][0].isupper() and head[0].lower() not in _STOP:
            return start, end
    return end, end


def _noun_phrase_before(text: str, lo: int, end: int) -> int:
    """Where the noun phrase ending at ``end`` starts (``end`` if there is none)."""
    tokens = list(_TOKEN.finditer(text, lo, end))
    start = end
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i].group()
        low = tok.lower()
        if tok == ")" and start != end or tok == ")" and i > 0:
            # "Rep. Hank Johnson (D-Ga.)": keep the parenthesis and go on before it.
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
        if low in _STOP and not (low == "that" and start == end):
            break
        if low in PRONOUNS:
            if start == end:
                start = tokens[i].start()
                break
            if low not in _POSSESSIVE_DETERMINERS:
                break
        if low in _PREPOSITIONS and i > 0 and (
            tokens[i - 1].group().lower() in _STOP or not tokens[i - 1].group()[0].isalnum()
        ):
            break
        start = tokens[i].start()
        if low in _DETERMINERS and i > 0 and tokens[i - 1].group().lower() not in _PREPOSITIONS:
            break
        i -= 1
    # Trim a leading preposition phrase: "On Monday the president" -> "the president".
    while start < end:
        first = text[start:end].split(None, 1)
        if first[0].lower() in _PREPOSITIONS and len(first) > 1:
            start = end - len(first[1])
        else:
            break
    return start


def _joins_names(tokens: list[re.Match], i: int, start: int, text: str) -> bool:
    """Whether "and" at ``tokens[i]`` joins two subjects: "Mr. King and Mr. Schultz"."""
    before = tokens[i - 1].group()
    after = text[tokens[i].end() : start + 40].split()
    return bool(after) and before[:1].isupper() and after[0][:1].isupper()


def plausible_source(source: str) -> bool:
    """Whether a phrase can be a source: a name, a pronoun, a determiner phrase or a plural noun."""
    words = source.strip(" ,;:").split()
    if not words:
        return False
    first = words[0].lower()
    if first in PRONOUNS or first in _DETERMINERS or first in _QUANTIFIERS:
        return True
    if first in _PREPOSITIONS or first in _STOP or first in _NOT_SOURCES:
        return False
    if first.endswith("ly") or words[-1].lower().endswith("ly"):
        return False
    if any(w[:1].isupper() for w in words):
        return True
    return words[-1].endswith("s") or first[:1].isdigit()


def _phrase_after(text: str, pos: int, hi: int) -> tuple[int, int]:
    """The source phrase that follows an inverted cue or ``according to``, up to a clause end."""
    stop = _INVERTED_END.search(text, pos, hi)
    end = stop.start() if stop else hi
    while end > pos and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return pos, end


def _phrase_after_to_comma(text: str, pos: int, hi: int) -> tuple[int, int]:
    """Like :func:`_phrase_after`, but a comma also ends the phrase."""
    s, e = _phrase_after(text, pos, hi)
    comma = text.find(",", s, e)
    return (s, comma) if comma > 0 else (s, e)


def _leading_subject(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The sentence-initial name or pronoun: ``(s, s)`` if the sentence starts otherwise."""
    tokens = list(_TOKEN.finditer(text, lo, hi))
    if not tokens:
        return lo, lo
    first = tokens[0].group()
    if first.lower() in PRONOUNS - {"that", "which", "one"}:
        return tokens[0].start(), tokens[0].end()
    end = lo
    lower_words = 0
    for tok in tokens:
        word = tok.group()
        if word[0].isupper() or (word.lower() in ("of", "the") and end > lo) or word in ("'s", "’s"):
            end = tok.end()
        elif end > lo and word[0].isalpha() and word.lower() not in _STOP and lower_words == 0:
            if not tokens[0].group().lower() in _DETERMINERS:
                break
            end = tok.end()  # "The pilot ...": a determiner phrase takes its noun
            lower_words += 1
        else:
            break
    return lo, end


def find_attributions(
    text: str, lo: int = 0, hi: int | None = None, hits: triggers.Hits | None = None
) -> list[Attribution]:
    """Every attribution in the sentence ``text[lo:hi]`` (offsets index ``text``).

    ``hits`` is :func:`store.triggers.scan` of the same range, if already computed.
    """
    hi = len(text) if hi is None else hi
    hits = triggers.scan(text, lo, hi) if hits is None else hits
    found: list[Attribution] = []
    taken: list[tuple[int, int]] = []

    def add(ss: int, se: int, cs: int, ce: int, ks: int, ke: int) -> None:
        if se <= ss or any(a < se and ss < b for a, b in taken):
            return
        taken.extend(((ss, se), (cs, ce)))
        found.append(Attribution(text[ss:se], ss, se, text[cs:ce], cs, ce, ks, ke))

    colon = _COLON_SOURCE.match(text, lo, hi)
    if colon and colon.group(1).lower() not in _STOP and colon.group(1).lower() not in _LABELS:
        c = colon.end() - 2
        add(colon.start(1), colon.end(1), c, c + 1, colon.end(), hi)
    for start, _ in hits.get("according", ()):
        m = _ACCORDING.match(text, start, hi)
        if not m:
            continue
        cue_end = m.start() + len(m.group().rstrip())
        ss, se = _phrase_after_to_comma(text, m.end(), hi)
        content = (se + 1, hi) if m.start() - lo < 3 else (lo, m.start())
        add(ss, se, m.start(), cue_end, *content)
    for start, end in hits.get("data", ()):
        before = _DATA_BEFORE.search(text, max(lo, start - 6), start)
        after = _DATA_AFTER.match(text, end, hi)
        if before and after:
            ss, se = _phrase_before(text, lo, before.start())
            add(ss, se, before.start(), end, after.end(), hi)
    for start, end in hits.get("cue", ()):
        verb = text[start:end]
        if verb.lower() in _PASSIVE_VERBS:
            before = _PASSIVE_BEFORE.search(text, max(lo, start - 30), start)
            by = _BY_AFTER.match(text, end, hi)
            if before and by:
                ss, se = _phrase_after(text, by.end(), hi)
                add(ss, se, before.start(), end, lo, before.start())
                continue
        _cue(text, lo, hi, start, end, add, found)
    found.sort(key=lambda a: a.cue_start)
    return found


def _cue(text: str, lo: int, hi: int, cs: int, ce: int, add, found: list[Attribution]) -> None:
    """Try the subject, inverted and participle rules for the cue verb ``text[cs:ce]``."""
    verb = text[cs:ce].lower()
    if text[cs].isupper() and cs > lo and text[lo:cs].strip(" \"'“‘"):
        return  # a capitalised verb inside a sentence is a name: "Secretary of State"
    if verb in _AMBIGUOUS and _next_word(text, ce) not in ("that", "in", "on", "to"):
        if not _QUOTE_OR_COLON.match(text, ce):
            return
    cs = _words_back(text, lo, cs, _AUX_WORDS, 2)
    subject_end = _words_back(text, lo, cs, _ADVERB_WORDS, 3)
    before = text[lo:subject_end].rstrip()
    if verb in _PARTICIPLES:
        if before.endswith(","):
            ss, se = (found[0].source_start, found[0].source_end) if found else _leading_subject(
                text, lo, cs
            )
            add(ss, se, cs, ce, ce, hi)
        return
    if before.rstrip(_QUOTE_END) != before and before.rstrip(_QUOTE_END)[-1:] in (",", ".", "!", "?"):
        ss, se = _phrase_after(text, ce, hi)
        if se > ss and text[ss:se].split()[0].lower() not in _STOP:
            add(ss + _skip_space(text, ss, se), se, cs, ce, lo, cs)
            return
    if before.endswith((" and", " but")):
        if found:
            ss, se = found[0].source_start, found[0].source_end
        else:
            ss, se = _leading_subject(text, lo, cs)
        add(ss, se, cs, ce, ce + _skip_space(text, ce, hi), hi)
        return
    ss, se = _phrase_before(text, lo, subject_end)
    if verb in _NAME_ONLY_CUES and not (is_pronoun(text[ss:se]) or is_named(text[ss:se])):
        return
    if se > ss and plausible_source(text[ss:se]):
        content_start = ce + _skip_space(text, ce, hi)
        if text[content_start : content_start + 5].lower() == "that ":
            content_start += 5
        if not text[content_start:hi].strip(" .!?\"”"):
            add(ss, se, cs, ce, lo, _content_end(text, lo, ss))
        else:
            add(ss, se, cs, ce, content_start, hi)
    elif before.endswith(","):
        ss, se = _phrase_after(text, ce, hi)
        if se > ss and text[ss:se].split()[0][0].isupper():
            add(ss + _skip_space(text, ss, se), se, cs, ce, lo, cs)


def _words_back(text: str, lo: int, pos: int, vocabulary: frozenset[str], limit: int) -> int:
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


def _next_word(text: str, pos: int) -> str:
    """The lower-cased word after ``pos`` (skipping spaces)."""
    m = _WORD_AFTER.match(text, pos)
    return m.group(1).lower() if m else ""


def _content_end(text: str, lo: int, end: int) -> int:
    """``end`` moved back over spaces and one comma: where content before a source ends."""
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end - 1 if end > lo and text[end - 1] == "," else end


def _skip_space(text: str, s: int, e: int) -> int:
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
    return any(w[:1].isupper() for w in words if w.lower() not in _DETERMINERS)


def resolve_source(source: str, previous: list[str]) -> str:
    """Replace a pronoun source by the most recent named source, else keep it.

    >>> resolve_source("him", ["the president", "Volodymyr Zelenskyy"])
    'Volodymyr Zelenskyy'
    """
    if not is_pronoun(source) or source.lower() in ("who", "which", "that", "one", "it"):
        return source
    for candidate in reversed(previous):
        if is_named(candidate) and not is_pronoun(candidate):
            return candidate
    return source
