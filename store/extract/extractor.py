"""Claim extraction: split a document into sentences and describe each one.

Every sentence of the document comes back, in order, with exact offsets
(``text[start:end] == sentence.text``), its figures, dates, attribution, hedge,
names and kind; :func:`claimdesk.store.extract.checkworthy.score` decides which are claims.

>>> [(s.text, s.is_claim) for s in extract("Zelensky said 3,000 soldiers died.\\n\\nWhat preceded")]
[('Zelensky said 3,000 soldiers died.', True), ('What preceded', False)]
>>> doc = "Officials said on Monday that 40 people died. Another 12 are missing."
>>> [(s.source, [f["value"] for f in s.numbers]) for s in extract(doc)]
[('Officials', [40.0]), ('Officials', [12.0])]

Every sentence also says what it is on the page (``role``): ``"heading"`` (with its
``heading_level``), ``"boilerplate"`` (with the class in ``boilerplate``, see
:data:`claimdesk.store.extract.boilerplate.CLASSES`; never a claim) or ``""`` for body
text. Claims are extracted from English text only: for any other ``language`` the
sentences come back with their roles, but no figures, dates, sources or claims.

>>> [(s.text, s.role, s.is_claim) for s in extract("Flood Toll Rises\\nAll rights reserved.")]
[('Flood Toll Rises', 'heading', False), ('All rights reserved.', 'boilerplate', False)]
>>> [(s.is_claim, s.numbers) for s in extract("Загинули 14 людей.", language="uk")]
[(False, [])]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from claimdesk.store.extract import checkworthy, trigger_words
from claimdesk.store.extract.boilerplate import boilerplate_class
from claimdesk.store.extract.facts import read_facts
from claimdesk.store.extract.features import SentenceFeatures, reports_event, sentence_features
from claimdesk.store.extract.headlines import headline_states_fact
from claimdesk.store.extract.language import ENGLISH, claims_available
from claimdesk.store.extract.reported_speech import (
    Attribution,
    find_attributions,
    is_named,
    is_pronoun,
    resolve_source,
)
from claimdesk.store.extract.sentences import Span, iter_blocks, split_sentences
from claimdesk.store.extract.views import opens_quotation, view_class
from claimdesk.store.folding import fold


@dataclass(frozen=True)
class ExtractedSentence:
    """One sentence with its features; ``start``/``end`` index the document text."""

    start: int
    end: int
    text: str
    norm: str
    is_claim: bool
    score: float
    kind: str = ""
    source: str = ""
    cue: str = ""
    hedge: str = ""
    numbers: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    role: str = ""
    heading_level: int = 0
    boilerplate: str = ""


_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"
_RELATIVE = frozenset({"who", "which", "that"})
_ANY_QUOTE = re.compile('["“”«»]')


def _quote_balance(sentence: str) -> int:
    """+1 if the sentence leaves a quotation open, -1 if it closes one opened earlier, else 0."""
    if not _ANY_QUOTE.search(sentence):
        return 0
    opened = sum(sentence.count(q) for q in _OPEN_QUOTES)
    closed = sum(sentence.count(q) for q in _CLOSE_QUOTES)
    straight = sentence.count('"')
    if opened > closed or (straight % 2 and sentence.lstrip().startswith('"')):
        return 1
    if closed > opened or straight % 2:
        return -1
    return 0


def main_attribution(found: list[Attribution]) -> Attribution | None:
    """The attribution that speaks for the sentence: the first with a real source phrase."""
    for a in found:
        if a.clean_source.lower() not in _RELATIVE:
            return a
    return found[0] if found else None


def extract_attributions(text: str) -> list[Attribution]:
    """Every attribution in ``text``, sentence by sentence (the rules ingest uses)."""
    return [a for s in split_sentences(text) for a in find_attributions(text, s.start, s.end)]


_FACT_FAMILIES = frozenset({"digit", "month", "relative", "unit", "numword"})
_ATTRIBUTION_FAMILIES = frozenset({"cue", "according", "data"})


def _attributions(span: Span, hits: trigger_words.Hits) -> list[Attribution]:
    """The sentence's own attributions, skipping the work when no trigger word is present.

    A sentence that ends in a joined attribution tail ("... Sheriff Dana Moss said.") is
    attributed by its tail alone, so the source does not run back over the full stop.
    """
    sentence = span.text
    if not (_ATTRIBUTION_FAMILIES & hits.keys() or ":" in sentence):
        return []
    if span.tail:
        lo = span.tail - span.start
        tail_hits = {k: [h for h in v if h[0] >= lo] for k, v in hits.items()}
        return find_attributions(sentence, lo, len(sentence), tail_hits)
    return find_attributions(sentence, 0, len(sentence), hits)


def _sources(
    spans: list[Span], own_found: list[list[Attribution]], named: list[str] | None = None
) -> list[tuple[str, str, bool]]:
    """``(source, cue, carried)`` per sentence, with carry-over and pronoun resolution.

    A sentence without its own source keeps the previous sentence's source within
    the paragraph; sentences of a quotation that spans sentences take the source
    of the sentence that closes it. Pronoun sources are resolved to the last
    named source of the document: ``named`` holds those of earlier parts of it
    (see :func:`extract_parts`) and gains this part's.
    """
    own = [main_attribution(found) for found in own_found]
    named = [] if named is None else named
    result: list[tuple[str, str, bool]] = []
    open_quote: list[int] = []
    for i, (span, att) in enumerate(zip(spans, own, strict=True)):
        if i and span.paragraph != spans[i - 1].paragraph:
            open_quote = []
        balance = _quote_balance(span.text)
        if att is not None:
            source = resolve_source(att.clean_source, named)
            if is_named(source) and not is_pronoun(source):
                named.append(source)
            result.append((source, att.cue, False))
            if balance < 0:
                for j in open_quote:
                    result[j] = (source, att.cue, True)
                open_quote = []
            continue
        prev = result[-1] if result and spans[i - 1].paragraph == span.paragraph else None
        if balance > 0 or open_quote:
            open_quote.append(i)
        if balance < 0:
            open_quote = []
        result.append((prev[0], prev[1], True) if prev and prev[0] else ("", "", False))
    return result


def quoted_flags(spans: list[Span]) -> list[bool]:
    """Per sentence, whether it is spoken inside a quotation.

    It opens with a quotation mark, closes a quotation opened earlier, or sits inside
    one that an earlier sentence of its paragraph opened.
    """
    out = []
    open_quote = False
    for i, span in enumerate(spans):
        if i and span.paragraph != spans[i - 1].paragraph:
            open_quote = False
        balance = _quote_balance(span.text)
        out.append(open_quote or balance < 0 or opens_quotation(span.text))
        if balance:
            open_quote = balance > 0
    return out


def is_claim(
    sentence: str, score: float, features: SentenceFeatures, heading_level: int = 0
) -> bool:
    """The claim decision for one sentence with its check-worthiness ``score``.

    A heading-like line is a claim when it is a headline that states a fact in a verb
    (:func:`claimdesk.store.extract.headlines.headline_states_fact`), whatever its score: the
    scorer learnt from debate speech, not headline grammar. The document's title
    (``heading_level`` 1) reports the story, so it is also a claim from
    :data:`claimdesk.store.extract.checkworthy.CLAIM_THRESHOLD` when it has at least
    :data:`MIN_TITLE_WORDS` words ("Two million euro jewellery heist in central Paris");
    section titles never are. Any other sentence is a claim from the same threshold, or
    when it reports in the third person that something happened
    (:func:`claimdesk.store.extract.features.reports_event`). Boilerplate is decided
    before this (:mod:`claimdesk.store.extract.boilerplate`).

    >>> sentence = "Mayor Resigns After Budget Vote"
    >>> is_claim(sentence, 0.05, sentence_features(sentence, is_heading=True))
    True
    >>> is_claim("Related stories", 0.9, sentence_features("Related stories", is_heading=True))
    False
    """
    if features.is_heading:
        if headline_states_fact(sentence):
            return True
        return (
            heading_level == 1
            and features.word_count >= MIN_TITLE_WORDS
            and score >= checkworthy.CLAIM_THRESHOLD
        )
    return score >= checkworthy.CLAIM_THRESHOLD or reports_event(sentence, features)


PART_SENTENCES = 2000
"""About how many sentences :func:`extract_parts` describes at a time."""


MIN_TITLE_WORDS = 4
"""A shorter title is a label ("Reactions", "Wellington supermarket fire"), not a report."""


ROLES: tuple[str, ...] = ("", "heading", "boilerplate")
"""What a sentence is on the page: body text, a heading, or boilerplate (never a claim)."""


def page_roles(spans: list[Span]) -> list[tuple[str, int, str]]:
    """``(role, heading_level, boilerplate class)`` for every sentence span.

    Boilerplate comes first: a byline is a heading-like line, but boilerplate.
    """
    out = []
    for span in spans:
        found = boilerplate_class(span.text)
        if found:
            out.append(("boilerplate", 0, found))
        elif span.is_heading:
            out.append(("heading", span.heading_level, ""))
        else:
            out.append(("", 0, ""))
    return out


def sentences_only(text: str) -> list[ExtractedSentence]:
    """Every sentence with its page role, and nothing read from its words (no claims).

    What a document in a language without claim extraction gets: sentences to read and
    search, but no figures, dates, sources or claims that the English rules would invent.
    """
    spans = split_sentences(text)
    return [
        ExtractedSentence(
            start=span.start,
            end=span.end,
            text=span.text,
            norm=fold(span.text),
            is_claim=False,
            score=0.0,
            role=role,
            heading_level=level,
            boilerplate=found,
        )
        for span, (role, level, found) in zip(spans, page_roles(spans), strict=True)
    ]


def extract(text: str, language: str = ENGLISH, published: str = "") -> list[ExtractedSentence]:
    """Split ``text`` into sentences and describe and score each one.

    ``language`` is the document's ISO 639-1 code; only English (the default) gets claims
    (:func:`claimdesk.store.extract.language.claims_available`). ``published`` (the
    document's date, ISO) resolves relative dates ("on Saturday").
    """
    return [
        sentence
        for part in extract_parts(text, language=language, published=published)
        for sentence in part
    ]


def extract_parts(
    text: str, size: int = PART_SENTENCES, language: str = ENGLISH, published: str = ""
) -> Iterator[list[ExtractedSentence]]:
    """:func:`extract` a part at a time (about ``size`` sentences, whole paragraphs), so
    that a long document is never held as described sentences all at once.

    Paragraphs are independent but for pronoun sources, which resolve to the last
    named source of the whole document: that list is carried from part to part.
    """
    if not claims_available(language):
        yield sentences_only(text)
        return
    named: list[str] = []
    spans: list[Span] = []
    for block in iter_blocks(text):
        spans.extend(block)
        if len(spans) >= size:
            yield describe(spans, named, published)
            spans = []
    if spans:
        yield describe(spans, named, published)


def describe(
    spans: list[Span], named: list[str] | None = None, published: str = ""
) -> list[ExtractedSentence]:
    """Describe and score the sentences ``spans`` (whole paragraphs, in order); ``published``
    (the document's date) resolves relative dates."""
    roles = page_roles(spans)
    # Trigger hits are sentence-relative; attribution offsets are not needed past _sources.
    sentence_hits = [trigger_words.scan(s.text) for s in spans]
    found = [_attributions(s, h) for s, h in zip(spans, sentence_hits, strict=True)]
    sources = _sources(spans, found, named)
    quoted = quoted_flags(spans)
    out = []
    for span, hits, (source, cue, carried), (role, level, boilerplate), in_quote in zip(
        spans, sentence_hits, sources, roles, quoted, strict=True
    ):
        sentence = span.text
        numbers, dates = (
            read_facts(sentence, span.start, hits, published)
            if _FACT_FAMILIES & hits.keys()
            else ([], [])
        )
        features = sentence_features(
            sentence,
            numbers=numbers,
            dates=dates,
            source=source,
            cue=cue,
            source_carried=carried,
            is_heading=span.is_heading,
            hits=hits,
        )
        value = float(checkworthy.score(sentence, features))
        claim = not boilerplate and is_claim(sentence, value, features, span.heading_level)
        if claim and not span.is_heading:
            names = tuple(name for name in features.entities if name not in source)
            claim = not view_class(
                sentence,
                value,
                hits,
                quoted=in_quote,
                has_facts=bool(numbers or dates),
                names=names,
            )
        out.append(
            ExtractedSentence(
                start=span.start,
                end=span.end,
                text=sentence,
                norm=fold(sentence),
                is_claim=claim,
                score=value,
                kind=features.kind,
                source=source,
                cue=cue,
                hedge=features.hedge,
                numbers=numbers,
                dates=dates,
                entities=list(features.entities),
                role=role,
                heading_level=level,
                boilerplate=boilerplate,
            )
        )
    return out
