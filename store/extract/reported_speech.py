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
from collections.abc import Callable
from dataclasses import dataclass

from claimdesk.store.extract import trigger_words
from claimdesk.store.extract.phrases import (
    QUOTE_END,
    STOP,
    content_end,
    is_named,
    is_pronoun,
    leading_subject,
    next_word,
    phrase_after,
    phrase_after_to_comma,
    phrase_before,
    plausible_source,
    skip_space,
    word_before,
    words_back,
)
from claimdesk.store.extract.wordlists import word_list

__all__ = [
    "Attribution",
    "find_attributions",
    "is_named",
    "is_pronoun",
    "plausible_source",
    "resolve_source",
]

_AddSpans = Callable[[int, int, int, int, int, int], None]
"""``add(source start, end, cue start, end, content start, end)``: keep one attribution."""

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
    "continue|continues|continued|decline|declines|declined|"
    "contend|contends|contended|maintain|maintains|maintained|indicate|indicates|indicated|"
    "disclose|discloses|disclosed|post|posts|posted|show|shows|showed|found|find|finds"
)
"""Reporting verbs (every form), ``|``-separated."""
AUX = "has have had will would also"
"""Auxiliaries kept in the cue ("has said", "also told")."""
_CUE_WORDS = frozenset(VERBS.split("|"))
_AUX_WORDS = frozenset(AUX.split())
_ACCORDING = re.compile(r"(?:[Aa]ccording to|[Cc]iting)\s+")
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|been|being|as)\s+(?:(?:first|also|\w+ly)\s+)?$", re.I
)
_PASSIVE_VERBS = frozenset(
    word_list("told reported quoted cited stated announced confirmed claimed said written posted")
)
_BY_AFTER = re.compile(r"\s+by\s+")
_DATA_BEFORE = re.compile(r"\b(?:has|have|had)\s+$")
_DATA_AFTER = re.compile(r"\s+(?=that\b|showing\b|suggesting\b|indicating\b)")
trigger_words.register("cue", VERBS.split("|"))
trigger_words.register("according", ["according", "citing"])
trigger_words.register("data", word_list("data information evidence intelligence"))
_AMBIGUOUS = frozenset(
    word_list(
        "reports report claims claim states state notes note shows show post posts tweet "
        "tweets find finds found promise promises vow vows add adds"
    )
)
_QUOTE_OR_COLON = re.compile(r"\s*:|,?\s+[\"“‘]")
_ADVERBS = word_list(
    "however often recently frequently now still even later never previously then "
    "earlier repeatedly again further first publicly reportedly once"
)
# Words between a subject and its cue that belong to neither: "Berg later on Monday told".
_ADVERB_WORDS = frozenset(
    _ADVERBS
    + word_list("on last this early late yesterday today tonight week month")
    + word_list("monday tuesday wednesday thursday friday saturday sunday")
)
_COLON_SOURCE = re.compile(r"(?:More from\s+)?((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*):\s")
# Line labels that look like a speaker before a colon but are not one.
_LABELS = frozenset(
    word_list(
        "update note correction watch read photo photos video related source sources "
        "editor's note disclosure clarification warning breaking exclusive analysis opinion "
        "live q a"
    )
)
# "A new poll shows Lee ahead": evidence that speaks without "that".
_EVIDENCE_VERBS = frozenset(word_list("show shows showed find finds found"))
_EVIDENCE_NOUNS = frozenset(
    word_list(
        "poll polls survey surveys study studies report reports data analysis figures records "
        "research review investigation audit census"
    )
)
_QUOTE_ONLY_CUES = frozenset(word_list("continue continues continued"))
_DECLINE_CUES = frozenset(word_list("decline declines declined"))
_HAS_QUOTE = re.compile("[\"“”«»]|''")
_NAME_ONLY_CUES = frozenset(word_list("call calls called calling"))
_PARTICIPLES = frozenset(
    word_list(
        "saying telling adding noting writing claiming arguing insisting explaining warning "
        "calling stating announcing confirming tweeting reporting"
    )
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


def find_attributions(
    text: str, lo: int = 0, hi: int | None = None, hits: trigger_words.Hits | None = None
) -> list[Attribution]:
    """Every attribution in the sentence ``text[lo:hi]`` (offsets index ``text``).

    ``hits`` is :func:`claimdesk.store.extract.trigger_words.scan` of the same range, if already computed.
    """
    hi = len(text) if hi is None else hi
    hits = trigger_words.scan(text, lo, hi) if hits is None else hits
    found: list[Attribution] = []
    # Characters of the sentence already given to a source or a cue (one flag each, so
    # that checking a new source costs its length, not the number of attributions).
    taken = bytearray(hi - lo)
    facts = _SentenceFacts(text, lo, hi)

    def add(ss: int, se: int, cs: int, ce: int, ks: int, ke: int) -> None:
        if se <= ss or 1 in taken[ss - lo : se - lo]:
            return
        if not plausible_source(text[ss:se]):
            return
        for a, b in ((ss, se), (cs, ce)):
            if b > a:
                taken[a - lo : b - lo] = b"\x01" * (b - a)
        found.append(Attribution(text[ss:se], ss, se, text[cs:ce], cs, ce, ks, ke))

    colon = _COLON_SOURCE.match(text, lo, hi)
    if colon and colon.group(1).lower() not in STOP and colon.group(1).lower() not in _LABELS:
        c = colon.end() - 2
        add(colon.start(1), colon.end(1), c, c + 1, colon.end(), hi)
    for start, _ in hits.get("according", ()):
        m = _ACCORDING.match(text, start, hi)
        if not m:
            continue
        cue_end = m.start() + len(m.group().rstrip())
        ss, se = phrase_after_to_comma(text, m.end(), hi)
        content = (se + 1, hi) if m.start() - lo < 3 else (lo, m.start())
        add(ss, se, m.start(), cue_end, *content)
    for start, end in hits.get("data", ()):
        before = _DATA_BEFORE.search(text, max(lo, start - 6), start)
        after = _DATA_AFTER.match(text, end, hi)
        if before and after:
            ss, se = phrase_before(text, lo, before.start())
            add(ss, se, before.start(), end, after.end(), hi)
    for start, end in hits.get("cue", ()):
        verb = text[start:end]
        if verb.lower() in _PASSIVE_VERBS:
            before = _PASSIVE_BEFORE.search(text, max(lo, start - 30), start)
            by = _BY_AFTER.match(text, end, hi)
            if before and by:
                ss, se = phrase_after(text, by.end(), hi)
                add(ss, se, before.start(), end, lo, before.start())
                continue
        _cue(text, lo, hi, start, end, add, found, facts)
    found.sort(key=lambda a: a.cue_start)
    return found


class _SentenceFacts:
    """What the cue rules ask of the whole sentence ``text[lo:hi]``, worked out once."""

    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.lo, self.hi = text, lo, hi
        self._has_quote: bool | None = None
        self._first_word: int | None = None

    @property
    def has_quote(self) -> bool:
        """Whether the sentence holds a quotation mark."""
        if self._has_quote is None:
            self._has_quote = bool(_HAS_QUOTE.search(self.text, self.lo, self.hi))
        return self._has_quote

    @property
    def first_word(self) -> int:
        """Where the sentence's first character other than spaces and quotes is."""
        if self._first_word is None:
            i = self.lo
            while i < self.hi and self.text[i] in " \"'“‘":
                i += 1
            self._first_word = i
        return self._first_word

    def before(self, end: int) -> str:
        """The end of ``text[lo:end]`` without trailing spaces (enough to read how it ends)."""
        while end > self.lo and self.text[end - 1].isspace():
            end -= 1
        return self.text[max(self.lo, end - _BEFORE_TAIL) : end]


_BEFORE_TAIL = 64


def _cue(
    text: str,
    lo: int,
    hi: int,
    cs: int,
    ce: int,
    add: _AddSpans,
    found: list[Attribution],
    facts: _SentenceFacts | None = None,
) -> None:
    """Try the subject, inverted and participle rules for the cue verb ``text[cs:ce]``."""
    facts = facts or _SentenceFacts(text, lo, hi)
    verb = text[cs:ce].lower()
    if text[cs].isupper() and cs > lo and facts.first_word < cs:
        return  # a capitalised verb inside a sentence is a name: "Secretary of State"
    if (
        verb in _AMBIGUOUS
        and next_word(text, ce) != "that"
        and not _QUOTE_OR_COLON.match(text, ce)
        and not (verb in _EVIDENCE_VERBS and word_before(text, lo, cs) in _EVIDENCE_NOUNS)
    ):
        return
    if verb in _QUOTE_ONLY_CUES and not facts.has_quote:
        return  # "the fighting continued" is not speech; '"...," he continued' is
    if verb in _DECLINE_CUES and next_word(text, ce) not in (
        "to",
        "multiple",
        "repeated",
        "requests",
    ):
        return
    cs = words_back(text, lo, cs, _AUX_WORDS, 2)
    subject_end = words_back(text, lo, cs, _ADVERB_WORDS, 3)
    before = facts.before(subject_end)
    if verb in _PARTICIPLES:
        if before.endswith(","):
            ss, se = (
                (found[0].source_start, found[0].source_end)
                if found
                else leading_subject(text, lo, cs)
            )
            add(ss, se, cs, ce, ce, hi)
        return
    if before.rstrip(QUOTE_END) != before and before.rstrip(QUOTE_END)[-1:] in (
        ",",
        ".",
        "!",
        "?",
    ):
        ss, se = phrase_after(text, ce, hi)
        if se > ss and text[ss:se].split()[0].lower() not in STOP:
            add(ss + skip_space(text, ss, se), se, cs, ce, lo, cs)
            return
    if before.endswith((" and", " but")):
        if found:
            ss, se = found[0].source_start, found[0].source_end
        else:
            ss, se = leading_subject(text, lo, cs)
        add(ss, se, cs, ce, ce + skip_space(text, ce, hi), hi)
        return
    ss, se = phrase_before(text, lo, subject_end)
    if verb in _NAME_ONLY_CUES and not (is_pronoun(text[ss:se]) or is_named(text[ss:se])):
        return
    if se > ss and plausible_source(text[ss:se]):
        content_start = ce + skip_space(text, ce, hi)
        if text[content_start : content_start + 5].lower() == "that ":
            content_start += 5
        if not text[content_start:hi].strip(' .!?"”'):
            add(ss, se, cs, ce, lo, content_end(text, lo, ss))
        else:
            add(ss, se, cs, ce, content_start, hi)
    elif before.endswith(","):
        ss, se = phrase_after(text, ce, hi)
        if se > ss and text[ss:se].split()[0][0].isupper():
            add(ss + skip_space(text, ss, se), se, cs, ce, lo, cs)


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
