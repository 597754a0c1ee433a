"""What the check-worthiness scorer sees of a sentence: :class:`SentenceFeatures`.

This dataclass is the contract between extraction and :func:`claimdesk.store.extract.checkworthy.score`;
fields are only ever added, never renamed or removed.

>>> f = sentence_features("Officials probably said 40 people died.", numbers=[{"value": 40.0}])
>>> (f.hedge, f.kind, f.word_count)
('probably', 'quantity', 6)
>>> entities("Yesterday South Korean intelligence met the Main Intelligence Directorate in Kyiv.")
['South Korean', 'Main Intelligence Directorate', 'Kyiv']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from claimdesk.store.extract import trigger_words
from claimdesk.store.extract.wordlists import UPPER, word_list

KINDS: tuple[str, ...] = ("quote", "quantity", "attributed", "opinion", "event", "")
"""Claim kinds, most specific first; ``""`` for sentences that are none of them."""

_NAME_WORD = rf"[{UPPER}][\w'’ʼ&-]*(?:\.[\w'’ʼ&-]+)*"
_CONNECT = r"(?:of|of the|de|da|del|van|von|bin|al|for|and the)"
_ENTITY = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_CONNECT}\s+)?{_NAME_WORD})*")
HEDGES = word_list(
    "probably reportedly allegedly apparently possibly perhaps likely unlikely may might "
    "could appear appears appeared seem seems seemed suggest suggests unconfirmed "
    "purportedly supposedly presumably believed thought estimated"
)
"""Hedging words; the first one found is the sentence's ``hedge``."""
OPINION = word_list(
    "should must ought think believe view shameful disgrace terrible wonderful best "
    "worst great unacceptable outrageous"
)
"""Words that mark an opinion."""
EVENTS = word_list(
    "killed died captured arrested attacked launched announced signed elected won lost "
    "destroyed fired shot struck seized invaded resigned began ended opened closed "
    "crashed exploded collapsed withdrew arrived deployed sentenced charged"
)
"""Event verbs (the ``event`` kind)."""
trigger_words.register("hedge", HEDGES)
trigger_words.register("opinion", OPINION)
trigger_words.register("event", EVENTS)
_HAS_APOSTROPHE = re.compile(r"['’ʼ]")
_POSSESSIVE = re.compile(r"['’ʼ]s?$")
_DOUBLE_QUOTE = re.compile('["“”«»]')
_QUOTE = re.compile(r"[\"“”«»]|(?:^|\s)['‘][A-Z]")
# Capitalised words that start sentences without naming anything.
_NOT_NAMES = frozenset(
    word_list(
        "the a an this that these those it he she they we i you his her their our its there "
        "here but and or so yet if when while after before as in on at for from with by to "
        "of not no what who why how where which some many most all both each however "
        "meanwhile later earlier still also then now according until since although though "
        "despite during photos"
    )
)
# Common nouns that news sentences start with; capitalised there, but not names.
_NOT_NAMES |= frozenset(
    word_list(
        "officials police witnesses residents analysts experts authorities troops soldiers "
        "sources critics supporters observers investigators prosecutors doctors people "
        "reports video images families officers lawmakers voters"
    )
)
_MONTHS_DAYS = frozenset(
    word_list(
        "january february march april may june july august september october november "
        "december monday tuesday wednesday thursday friday saturday sunday yesterday today"
    )
)


class SentenceFeatures(NamedTuple):
    """Everything extraction found in one sentence (an immutable record, cheap to build).

    ``numbers``/``dates`` are the dicts stored with the claim (see
    :class:`claimdesk.store.models.Figure` / :class:`claimdesk.store.models.DateMention`); ``source``
    and ``cue`` describe the attribution (``source_carried`` when inherited from an
    earlier sentence of the paragraph); ``hedge`` is the first hedging word.
    """

    numbers: tuple[dict[str, Any], ...] = ()
    dates: tuple[dict[str, Any], ...] = ()
    source: str = ""
    cue: str = ""
    source_carried: bool = False
    hedge: str = ""
    entities: tuple[str, ...] = ()
    kind: str = ""
    is_heading: bool = False
    has_quote: bool = False
    is_question: bool = False
    word_count: int = 0
    opinion: bool = False
    event: bool = False

    @classmethod
    def from_dict(cls, found: dict[str, Any]) -> SentenceFeatures:
        """The record for a :func:`claimdesk.store.extract.model_inputs.features_of_text` dict (the fields
        training and evaluation read; the rest keep their defaults)."""
        return cls(
            numbers=tuple(found["numbers"]),
            dates=tuple(found["dates"]),
            source=found["source"],
            cue=found["cue"],
            hedge=found["hedge"],
            entities=tuple(found["entities"]),
            kind=found["kind"],
        )


def entities(sentence: str) -> list[str]:
    """Capitalised (multi-word) names in order, without sentence-initial function words."""
    out: list[str] = []
    seen: set[str] = set()  # as ``out``, to look up (a long line may hold many names)
    for m in _ENTITY.finditer(sentence):
        found = m.group()
        if not found[0].isupper():
            continue
        if " " not in found and "'" not in found and "’" not in found and "ʼ" not in found:
            low = found.lower()
            if low not in _NOT_NAMES and low not in _MONTHS_DAYS and len(found) > 1:
                found = found.rstrip(".")
                if found not in seen:
                    seen.add(found)
                    out.append(found)
            continue
        words = found.split()
        while words and (words[0].lower() in _NOT_NAMES or words[0].lower() in _MONTHS_DAYS):
            words.pop(0)
        while words and words[-1].lower() in _MONTHS_DAYS:
            words.pop()
        for name in _split_possessives(words):
            if len(name) > 1 and name not in seen:
                seen.add(name)
                out.append(name)
    return out


def _split_possessives(words: list[str]) -> list[str]:
    """Split "Russia's Kursk" into "Russia" and "Kursk"; strip trailing dots."""
    names: list[str] = []
    current: list[str] = []
    for word in words:
        m = _POSSESSIVE.search(word)
        if m:
            current.append(word[: m.start()])
            names.append(" ".join(current))
            current = []
        else:
            current.append(word)
    names.append(" ".join(current))
    return [n.rstrip(".'’") for n in names if n.strip(".'’")]


def hedge_of(sentence: str, hits: trigger_words.Hits | None = None) -> str:
    """The first hedging word ("probably", "reportedly", "may", ...), lower-cased, or ``""``.

    ``hits`` is :func:`claimdesk.store.extract.trigger_words.scan` of the sentence, if already computed.
    """
    hits = trigger_words.scan(sentence) if hits is None else hits
    found = hits.get("hedge")
    return sentence[found[0][0] : found[0][1]].lower() if found else ""


def claim_kind(
    *,
    has_quote: bool,
    source: str,
    numbers: Sequence[object],
    dates: Sequence[object],
    opinion: bool,
    event: bool,
) -> str:
    """The most specific of :data:`KINDS` that fits."""
    if has_quote and source:
        return "quote"
    if numbers:
        return "quantity"
    if source:
        return "attributed"
    if opinion:
        return "opinion"
    if event or dates:
        return "event"
    return ""


def sentence_features(
    sentence: str,
    *,
    numbers: Sequence[dict[str, Any]] = (),
    dates: Sequence[dict[str, Any]] = (),
    source: str = "",
    cue: str = "",
    source_carried: bool = False,
    is_heading: bool = False,
    hits: trigger_words.Hits | None = None,
) -> SentenceFeatures:
    """Collect the features of ``sentence`` from the parts already found.

    ``hits`` is :func:`claimdesk.store.extract.trigger_words.scan` of the sentence, if already computed.
    """
    hits = trigger_words.scan(sentence) if hits is None else hits
    has_quote = bool(_DOUBLE_QUOTE.search(sentence)) or (
        ("'" in sentence or "‘" in sentence) and bool(_QUOTE.search(sentence))
    )
    opinion = "opinion" in hits
    event = "event" in hits
    return SentenceFeatures(
        numbers=tuple(numbers),
        dates=tuple(dates),
        source=source,
        cue=cue,
        source_carried=source_carried,
        hedge=hedge_of(sentence, hits),
        entities=tuple(entities(sentence)),
        kind=claim_kind(
            has_quote=has_quote,
            source=source,
            numbers=numbers,
            dates=dates,
            opinion=opinion,
            event=event,
        ),
        is_heading=is_heading,
        has_quote=has_quote,
        is_question=sentence.rstrip(" \"'”’»)").endswith("?"),
        word_count=len(sentence.split()),
        opinion=opinion,
        event=event,
    )


# A passive or a state that reports what happened: "were shot", "was identified", "is dead".
_PASSIVE_EVENT = re.compile(
    r"\b(?:is|are|was|were|been|being|got)\s+(?:[a-z]+ly\s+)?"
    r"(?:dead|[a-z]{3,}ed|shot|hit|struck|hurt|found|taken|held|stolen|beaten|caught|"
    r"thrown|slain|sent|seen)\b"
)
# Sentences that open a quotation or speak in the first or second person report a view.
_SPEAKER_VIEW = re.compile(
    r"^(?:[\"'“‘`«]|(?:I|I'm|I’m|I've|I’ve|I'd|I’d|We|You|Let's|Let’s|Please)\b)"
)
_ACCOUNT_OR_PLAN = re.compile(
    r"\b(?:will|['’]ll)\s+(?:have\s+to\s+|be\s+)?[a-z]{3,}|"
    r"\b(?:heard|saw|witnessed|drove|ran|fled|went|called|told|found|took|ripped|broke)\b"
)
_VIEW_OPENING = re.compile(
    r"(?:Hopefully|Certainly|Naturally|Surely|Perhaps|Maybe|Ultimately|No doubt|Few)\b"
)
_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our)\b")
_CONDITIONAL = re.compile(r"^(?:If|Unless|Whether|Should|Would|Could)\b")
_NEGATION = re.compile(r"\b(?:not|never|no one|nobody|nothing)\b|n['’]t\b", re.IGNORECASE)


def reports_event(sentence: str, features: SentenceFeatures) -> bool:
    """Whether a sentence states, in the third person, that something happened.

    An event verb ("killed", "arrested", "resigned") or a passive or state that reports
    one ("were injured", "was named as the driver", "is dead"), outside questions,
    conditionals, quotations, first- or second-person speech, hedged sentences ("is
    believed to") and negated ones ("has not been confirmed"). Such a sentence is a
    reported fact even when the check-worthiness score (trained on debate speech) is low.

    >>> text = "Two hikers were injured by falling rocks."
    >>> reports_event(text, sentence_features(text))
    True
    >>> text = "I am so tired of all this."
    >>> reports_event(text, sentence_features(text))
    False
    """
    if features.is_question or features.is_heading or features.word_count < 4:
        return False
    if features.hedge or _SPEAKER_VIEW.match(sentence) or _CONDITIONAL.match(sentence):
        return False
    if _NEGATION.search(sentence):
        return False
    if features.event or _PASSIVE_EVENT.search(sentence):
        return True
    # What someone did ("Then she heard more gunfire.") or is to do ("Ellen DeGeneres will
    # host the Oscars."), said in the third person: an account or an announcement.
    return (
        bool(_ACCOUNT_OR_PLAN.search(sentence))
        and not _PERSON.search(sentence)
        and not _VIEW_OPENING.match(sentence)
    )
