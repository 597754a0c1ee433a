"""Claim extraction: split a document into sentences and describe each one.

Every sentence of the document comes back, in order, with exact offsets
(``text[start:end] == sentence.text``), its figures, dates, attribution, hedge,
names and kind; :func:`claimdesk.store.extract.checkworthy.score` decides which are claims.

>>> [(s.text, s.is_claim) for s in extract("Zelensky said 3,000 soldiers died.\\n\\nWhat preceded")]
[('Zelensky said 3,000 soldiers died.', True), ('What preceded', False)]
>>> doc = "Officials said on Monday that 40 people died. Another 12 are missing."
>>> [(s.source, [f["value"] for f in s.numbers]) for s in extract(doc)]
[('Officials', [40.0]), ('Officials', [12.0])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimdesk.store.extract import checkworthy, trigger_words
from claimdesk.store.extract.facts import read_facts
from claimdesk.store.extract.features import SentenceFeatures, reports_event, sentence_features
from claimdesk.store.extract.headlines import headline_states_fact
from claimdesk.store.extract.reported_speech import (
    Attribution,
    find_attributions,
    is_named,
    is_pronoun,
    resolve_source,
)
from claimdesk.store.extract.sentences import Span, split_sentences
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
    numbers: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)


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


def _attributions(sentence: str, hits: trigger_words.Hits) -> list[Attribution]:
    """The sentence's own attributions, skipping the work when no trigger word is present."""
    if _ATTRIBUTION_FAMILIES & hits.keys() or ":" in sentence:
        return find_attributions(sentence, 0, len(sentence), hits)
    return []


def _sources(spans: list[Span], own_found: list[list[Attribution]]) -> list[tuple[str, str, bool]]:
    """``(source, cue, carried)`` per sentence, with carry-over and pronoun resolution.

    A sentence without its own source keeps the previous sentence's source within
    the paragraph; sentences of a quotation that spans sentences take the source
    of the sentence that closes it. Pronoun sources are resolved to the last
    named source of the document.
    """
    own = [main_attribution(found) for found in own_found]
    named: list[str] = []
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


def is_claim(sentence: str, score: float, features: SentenceFeatures) -> bool:
    """The claim decision for one sentence with its check-worthiness ``score``.

    A heading-like line is a claim when it is a headline that states a fact in a verb
    (:func:`claimdesk.store.extract.headlines.headline_states_fact`), whatever its score: the scorer learnt
    from debate speech, not headline grammar. Section titles, bylines and datelines never
    are. Any other sentence is a claim from :data:`claimdesk.store.extract.checkworthy.CLAIM_THRESHOLD`, or
    when it reports in the third person that something happened
    (:func:`claimdesk.store.extract.features.reports_event`).

    >>> sentence = "Mayor Resigns After Budget Vote"
    >>> is_claim(sentence, 0.05, sentence_features(sentence, is_heading=True))
    True
    >>> is_claim("Related stories", 0.9, sentence_features("Related stories", is_heading=True))
    False
    """
    if features.is_heading:
        return headline_states_fact(sentence)
    return score >= checkworthy.CLAIM_THRESHOLD or reports_event(sentence, features)


def extract(text: str, published: str = "") -> list[ExtractedSentence]:
    """Split ``text`` into sentences and describe and score each one.

    ``published`` (the document's date, ISO) resolves relative dates ("on Saturday").
    """
    spans = split_sentences(text)
    # Trigger hits are sentence-relative; attribution offsets are not needed past _sources.
    sentence_hits = [trigger_words.scan(s.text) for s in spans]
    found = [_attributions(s.text, h) for s, h in zip(spans, sentence_hits, strict=True)]
    sources = _sources(spans, found)
    out = []
    for span, hits, (source, cue, carried) in zip(spans, sentence_hits, sources, strict=True):
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
        out.append(
            ExtractedSentence(
                start=span.start,
                end=span.end,
                text=sentence,
                norm=fold(sentence),
                is_claim=is_claim(sentence, value, features),
                score=value,
                kind=features.kind,
                source=source,
                cue=cue,
                hedge=features.hedge,
                numbers=numbers,
                dates=dates,
                entities=list(features.entities),
            )
        )
    return out
