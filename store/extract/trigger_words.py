"""One fast pass that finds every word extraction reacts to, grouped by family.

Running one regex per feature over every sentence costs a full scan each;
instead one trie-shaped pattern finds all trigger words (reporting verbs, hedges, number words,
months, relative dates, ...) and digit runs and currency signs (family
``digit``); the family rules then only look at those positions.

>>> import claimdesk.store.extract.extractor  # the extraction modules register their trigger words
>>> text = "Officials probably said three people died on Monday."
>>> hits = scan(text)
>>> sorted((family, [text[s:e] for s, e in found]) for family, found in hits.items())
[('cue', ['said']), ('event', ['died']), ('hedge', ['probably']), ('numword', ['three']), ('relative', ['Monday'])]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from claimdesk.store.extract.wordlists import words_pattern

FAMILIES: dict[str, tuple[str, ...]] = {}
"""Trigger words by family; a multi-word expression is triggered by its first word."""


def register(family: str, words: Iterable[str]) -> None:
    """Add ``words`` (first words of expressions) to ``family``; call at import time only."""
    FAMILIES[family] = tuple(sorted(set(FAMILIES.get(family, ())) | set(words)))
    _compiled.clear()


_compiled: dict[str, Any] = {}
_DIGIT = ("digit",)
Hits = dict[str, list[tuple[int, int]]]
"""Trigger spans ``(start, end)`` by family."""


def _tables() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """The trigger regex and the word -> families table, built on first use."""
    if not _compiled:
        by_word: dict[str, list[str]] = defaultdict(list)
        for family, words in FAMILIES.items():
            for word in words:
                by_word[word].append(family)
                by_word[word[0].upper() + word[1:]].append(family)
        _compiled["rx"] = re.compile(words_pattern(by_word, capitalised=False) + r"|[$€£¥]|\d+")
        _compiled["by_word"] = {w: tuple(dict.fromkeys(f)) for w, f in by_word.items()}
    return _compiled["rx"], _compiled["by_word"]


def scan(text: str, lo: int = 0, hi: int | None = None) -> Hits:
    """Trigger word spans in ``text[lo:hi]`` by family (offsets index ``text``), in text order."""
    rx, by_word = _tables()
    found: Hits = {}
    for m in rx.finditer(text, lo, len(text) if hi is None else hi):
        for family in by_word.get(m.group(), _DIGIT):
            found.setdefault(family, []).append(m.span())
    return found


def shift(hits: Hits, by: int) -> Hits:
    """``hits`` with every offset moved by ``by`` (to make them sentence-relative)."""
    return {family: [(s + by, e + by) for s, e in spans] for family, spans in hits.items()}
