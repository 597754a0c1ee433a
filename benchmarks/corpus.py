"""A deterministic generator of news-like documents and claim sentences for benchmarks.

Stories (a flood, a strike, troop movements, ...) have *facts*: a figure with a
qualifier, a date, a place and who said it. Several documents cover one story
and each renders some of its facts in its own words: synonyms, word order,
spelling variants (Zelensky / Zelenskyy), number formats (3,000 / 3000 /
three thousand) and date formats. Some renderings are *conflicts*: the same
fact with a different figure or date. Around them are quotes, background
sentences and claims with no counterpart anywhere.

    >>> docs = generate_documents(3, seed=1)
    >>> len(docs), all(2500 < len(text) < 7000 for _, text in docs)
    (3, True)
    >>> docs == generate_documents(3, seed=1)
    True
    >>> claims = generate_claim_texts(200, seed=0)
    >>> len(claims.sentences), all(len(g) >= 2 for g in claims.groups)
    (200, True)

``generate_corpus`` also returns every planted mention, for measuring recall.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import names
from .vocabulary import (
    BACKGROUND,
    EVENTS,
    FACT_TYPES,
    FIRST_NAMES,
    OCCUPATIONS,
    ORGANISATIONS,
    PLACES,
    QUALIFIERS,
    QUOTES,
    SURNAMES,
    TITLES,
    FactType,
)
from .wording import format_date, format_number

# -- the data model -----------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One checkable fact of a story; ``key`` is shared by every rendering of it."""

    key: str
    kind: FactType
    value: int
    qualifier: str
    when: date
    place: tuple[str, ...]
    speaker: tuple[str, ...]
    detail: str = ""
    """Where exactly ("near the Brovka bridge"); empty in the closed vocabulary."""


@dataclass(frozen=True)
class Mention:
    """A planted sentence: which document, its text, the fact it states, and whether it conflicts."""

    doc_index: int
    text: str
    fact_key: str
    conflict: bool


@dataclass(frozen=True)
class Corpus:
    """Generated documents ``(title, text)`` and the planted fact mentions inside them."""

    documents: list[tuple[str, str]]
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimTexts:
    """Claim sentences with ground truth.

    ``groups``: lists of sentence indices that state one fact with the same
    figures and dates (planted near-duplicates). ``conflicts``: pairs ``(i, j)``
    where ``i`` is in a group and ``j`` states the same fact with another
    figure or date.
    """

    sentences: list[str]
    groups: list[list[int]]
    conflicts: list[tuple[int, int]]

    def pairs(self) -> list[tuple[int, int]]:
        """Every ``(i, j)`` with ``i < j`` in the same group: the near-duplicate pairs to find."""
        return [(a, b) for g in self.groups for k, a in enumerate(g) for b in g[k + 1 :]]


# -- entities and their spellings ----------------------------------------------


def _person(rng: random.Random, open_vocabulary: bool = False) -> tuple[str, ...]:
    """A person as spelling variants of one name ("Olena Shevchenko", "Olena Shevchenco").

    With ``open_vocabulary`` most family names are invented (see :mod:`.names`);
    the known ones keep their spelling variants.
    """
    first = choose(rng, FIRST_NAMES)
    last = (
        (names.surname(rng),) if open_vocabulary and rng.random() < 0.8 else choose(rng, SURNAMES)
    )
    title = choose(rng, TITLES)
    return tuple(f"{title} {f} {s}" for f in first for s in last) + tuple(
        f"{f} {s}" for f in first for s in last
    )


def choose(rng: random.Random, items):
    """``rng.choice`` with one random() call (twice as fast; bulk claim sets need millions)."""
    return items[int(rng.random() * len(items))]


def _place(rng: random.Random, open_vocabulary: bool = False) -> tuple[str, ...]:
    """A place as its spelling variants: a known city, or with ``open_vocabulary`` often a town."""
    if open_vocabulary and rng.random() < 0.6:
        return (names.town(rng),)
    return choose(rng, PLACES)


def _pick(rng: random.Random, variants: tuple[str, ...]) -> str:
    return variants[0] if len(variants) == 1 else choose(rng, variants)


# -- stories and facts --------------------------------------------------------

_DAY_SHIFTS = tuple(timedelta(days=d) for d in range(-3, 3))


@dataclass(frozen=True)
class Story:
    """An event covered by several documents."""

    key: str
    event: str
    place: tuple[str, ...]
    when: date
    facts: tuple[Fact, ...]
    people: tuple[tuple[str, ...], ...]


def _nice_value(rng: random.Random, magnitude: int) -> int:
    """A figure that looks like news: 30, 1,100, 12,000, 3,000,000."""
    base = choose(rng, (1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50, 75))
    value = base * magnitude
    if rng.random() < 0.3:
        value += (1 + int(rng.random() * 9)) * max(1, magnitude // 10)
    return value


def _make_fact(
    rng: random.Random, key: str, place, when: date, people, open_vocabulary: bool = False
) -> Fact:
    kind = choose(rng, FACT_TYPES)
    speaker = choose(rng, people) if rng.random() < 0.6 else choose(rng, ORGANISATIONS)
    return Fact(
        key=key,
        kind=kind,
        value=_nice_value(rng, choose(rng, kind.magnitudes)),
        qualifier=choose(rng, QUALIFIERS),
        when=when + _DAY_SHIFTS[int(rng.random() * 6)],
        place=place,
        speaker=speaker,
        detail=names.detail(rng) if open_vocabulary and rng.random() < 0.7 else "",
    )


def _make_story(rng: random.Random, index: int, open_vocabulary: bool = False) -> Story:
    place = _place(rng, open_vocabulary)
    when = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
    people = tuple(_person(rng, open_vocabulary) for _ in range(3))
    facts = tuple(
        _make_fact(rng, f"s{index}f{i}", place, when, people, open_vocabulary)
        for i in range(rng.randint(5, 8))
    )
    return Story(f"s{index}", choose(rng, EVENTS), place, when, facts, people)


def _conflicting(rng: random.Random, fact: Fact) -> Fact:
    """The same fact with another figure or another date."""
    if rng.random() < 0.7:
        factor = choose(rng, (0.1, 0.5, 1.5, 2, 3, 10))
        value = max(2, int(fact.value * factor))
        if value == fact.value:
            value += 1
        return replace(fact, value=value)
    return replace(fact, when=fact.when + timedelta(days=choose(rng, (-2, -1, 1, 2))))


def render_fact(rng: random.Random, fact: Fact) -> str:
    """One sentence stating ``fact``, worded at random (synonyms, order, formats, spellings)."""
    qualifier = _pick(rng, fact.qualifier) if fact.qualifier else ""
    num = format_number(rng, fact.value)
    figure = f"{qualifier} {num}".strip()
    slots = {
        "fig": figure,
        "unit": choose(rng, fact.kind.units),
        "pred": choose(rng, fact.kind.predicates),
        "place": f"{_pick(rng, fact.place)} {fact.detail}".rstrip(),
        "date": format_date(rng, fact.when),
        "who": _pick(rng, fact.speaker),
        "said": choose(rng, ("said", "said", "told reporters", "stated", "announced")),
    }
    text = choose(rng, fact.kind.templates).format(**slots)
    return text[0].upper() + text[1:]


# -- filler ----------------------------------------------------------------------


def _quote(rng: random.Random, story: Story) -> str:
    line = choose(rng, QUOTES).format(place=_pick(rng, story.place), event=story.event)
    who = _pick(rng, choose(rng, story.people))
    occupation = choose(rng, OCCUPATIONS)
    if rng.random() < 0.5:
        line = f"\u201c{line},\u201d {who} said."
    else:
        line = f'"{line}," said {_pick(rng, (f"{who}, {occupation}", who))}.'
    return line


def _background(rng: random.Random, story: Story) -> str:
    return choose(rng, BACKGROUND).format(
        place=_pick(rng, story.place),
        event=story.event,
        org=_pick(rng, choose(rng, ORGANISATIONS)),
        who=_pick(rng, choose(rng, story.people)),
        year=story.when.year,
    )


def _unique_claim(rng: random.Random, story: Story, tag: str, open_vocabulary: bool = False) -> str:
    place = (_pick(rng, _place(rng, open_vocabulary)),)
    fact = _make_fact(rng, tag, place, story.when, story.people, open_vocabulary)
    return render_fact(rng, fact)


# -- documents -----------------------------------------------------------------


def _document(
    rng: random.Random, story: Story, doc_index: int, conflict_rate: float
) -> tuple[str, str, list[Mention]]:
    target = rng.randint(3000, 6000)
    facts = rng.sample(story.facts, k=min(len(story.facts), rng.randint(3, 6)))
    sentences: list[tuple[str, Mention | None]] = []
    for fact in facts:
        conflict = rng.random() < conflict_rate
        stated = _conflicting(rng, fact) if conflict else fact
        text = render_fact(rng, stated)
        sentences.append((text, Mention(doc_index, text, fact.key, conflict)))
    size = sum(len(s) for s, _ in sentences)
    serial = 0
    while size < target:
        roll = rng.random()
        if roll < 0.25:
            text = _unique_claim(rng, story, f"d{doc_index}u{serial}")
        elif roll < 0.45:
            text = _quote(rng, story)
        else:
            text = _background(rng, story)
        serial += 1
        sentences.append((text, None))
        size += len(text) + 1
    planted = sentences[: len(facts)]
    rest = sentences[len(facts) :]
    rng.shuffle(rest)
    # Lead with one planted fact, spread the others through the body.
    order = planted[:1] + rest
    for item in planted[1:]:
        order.insert(rng.randint(1, len(order)), item)
    paragraphs, i = [], 0
    while i < len(order):
        step = rng.randint(2, 4)
        paragraphs.append(" ".join(s for s, _ in order[i : i + step]))
        i += step
    title = f"{story.event.capitalize()} in {_pick(rng, story.place)}: {choose(rng, ('latest', 'what we know', 'officials give figures', 'the day after'))}"
    return title, "\n\n".join(paragraphs), [m for _, m in order if m is not None]


def generate_corpus(n: int, seed: int = 0, *, per_story: int = 5, conflict_rate: float = 0.15):
    """``n`` documents (about ``per_story`` per story) and every planted mention.

    Mentions with the same ``fact_key`` and ``conflict=False`` are near-duplicates;
    a mention with ``conflict=True`` contradicts them.
    """
    rng = random.Random(seed)
    stories = [_make_story(rng, i) for i in range(max(1, n // per_story))]
    documents: list[tuple[str, str]] = []
    mentions: list[Mention] = []
    for index in range(n):
        story = stories[index % len(stories)]
        title, text, planted = _document(rng, story, index, conflict_rate)
        documents.append((title, text))
        mentions.extend(planted)
    return Corpus(documents, mentions)


def generate_documents(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` news-like documents ``(title, text)`` of about 3-6 KB each, deterministic per ``seed``."""
    return generate_corpus(n, seed).documents


CORPUS_VERSION = 3
"""Bumped whenever the generator's output or the stored form changes (cached benchmark stores
carry it in their name); 3: documents keep their proper names."""

STORY_CLAIMS = 150
"""One story per this many claim sentences: a bigger store covers more events, not the same ones."""


def generate_claim_texts(
    n: int,
    seed: int = 0,
    *,
    planted_share: float = 0.3,
    conflict_rate: float = 0.2,
    open_vocabulary: bool = True,
) -> ClaimTexts:
    """``n`` claim sentences, shuffled; about ``planted_share`` of them in near-duplicate groups.

    The rest are unique claims. Each group states one fact two to four times in
    different words; with ``conflict_rate`` a group also gets one conflicting sentence.
    ``open_vocabulary=False`` draws every name from the fixed word lists and
    every claim from 64 stories (the generator's first form, kept for comparison).
    """
    rng = random.Random(seed)
    texts: list[str] = []
    group_keys: list[int] = []  # -1 unique, else group number
    conflict_of: dict[int, int] = {}  # sentence index -> group number it contradicts
    planted_target = int(n * planted_share)
    group = 0
    count = max(64, n // STORY_CLAIMS) if open_vocabulary else 64
    stories = [_make_story(rng, i, open_vocabulary) for i in range(count)]
    while len(texts) < planted_target:
        story = choose(rng, stories)
        place = _place(rng, open_vocabulary)
        fact = _make_fact(rng, f"g{group}", place, story.when, story.people, open_vocabulary)
        for _ in range(rng.randint(2, 4)):
            texts.append(render_fact(rng, fact))
            group_keys.append(group)
        if rng.random() < conflict_rate:
            conflict_of[len(texts)] = group
            texts.append(render_fact(rng, _conflicting(rng, fact)))
            group_keys.append(-1)
        group += 1
    while len(texts) < n:
        story = choose(rng, stories)
        texts.append(_unique_claim(rng, story, f"u{len(texts)}", open_vocabulary))
        group_keys.append(-1)
    texts, group_keys = texts[:n], group_keys[:n]
    order = list(range(n))
    rng.shuffle(order)
    position = {old: new for new, old in enumerate(order)}
    groups: dict[int, list[int]] = {}
    for old in range(n):
        if group_keys[old] >= 0:
            groups.setdefault(group_keys[old], []).append(position[old])
    kept = {g: sorted(ix) for g, ix in groups.items() if len(ix) >= 2}
    conflicts = [
        (kept[g][0], position[old]) for old, g in conflict_of.items() if old < n and g in kept
    ]
    return ClaimTexts([texts[i] for i in order], list(kept.values()), conflicts)
