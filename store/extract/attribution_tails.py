"""Lone attribution tails: "Sheriff Pohlmann said." closes the sentence before it.

News text often puts the speaker after a full stop or a closing quote, so the
segmenter finds a "sentence" that only names who spoke ("Sheriff Pohlmann said.",
``" said Pat Clarke with the action committee.``, "Police said Monday."). Alone it
states nothing; :func:`claimdesk.store.extract.sentences.split_sentences` joins it to
the sentence it closes, so the claim carries its source.

>>> is_attribution_tail("Sheriff Pohlmann said.")
True
>>> is_attribution_tail('” said Pat Clarke with People’s Action Committee.')
True
>>> is_attribution_tail("Police said Monday.")
True
>>> is_attribution_tail("Officials said the toll rose.")
False
"""

from __future__ import annotations

import re

from claimdesk.store.extract.wordlists import word_list, words_pattern

CUES = frozenset(
    word_list(
        "said says told added adds explained noted recalled continued stated wrote asked "
        "replied confirmed insisted reported tweeted recounted remembered concluded"
    )
)
"""Reporting verbs that end a quotation or a statement when they stand alone with a speaker."""

# Words that may follow the cue in a tail: time, place of the statement, the audience.
_AFTER_CUE = frozenset(
    word_list(
        "on at in a an the of to this last late early earlier later then also time "
        "today yesterday tonight monday tuesday wednesday thursday friday saturday sunday "
        "morning afternoon evening night week weekend statement release interview "
        "conference news briefing reporters media phone email recently previously"
    )
)
_QUOTES = "\"'“”‘’«»"
_CUE = re.compile(words_pattern(CUES))
_INNER_QUOTE = re.compile('["“”«»]')
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d+")
MAX_SOURCE_WORDS = 6
"""Longest speaker phrase before the cue ("the 20-year-old daughter of the victim")."""
MAX_INVERTED_WORDS = 9
"""Longest speaker phrase after the cue in the inverted order (``" said Pat Clarke ...``)."""


def is_attribution_tail(sentence: str) -> bool:
    """Whether ``sentence`` only says who spoke (speaker and cue, maybe a time), nothing else.

    Two orders: ``SOURCE CUE [when]`` ("Police said Monday.", "his daughter added.") and,
    after a closing quote, ``" CUE SOURCE`` (``" said Pat Clarke with the committee.``).
    """
    if len(sentence) > 120 or sentence.count(" ") > MAX_INVERTED_WORDS + 2:
        return False
    if not sentence.rstrip().endswith((".", "!", "”", '"', "’")) or not _CUE.search(sentence):
        return False
    body = sentence.lstrip()
    starts_after_quote = body[:1] in _QUOTES
    if _INNER_QUOTE.search(body[1:].rstrip(_QUOTES + ".!")):
        return False  # it holds a quotation of its own: '"We stayed," she said.'
    words = [w.lower().rstrip(".") for w in _WORD.findall(sentence)]
    if not words or len(words) > MAX_INVERTED_WORDS + 1:
        return False
    if words[0] in CUES:
        # The inverted order only ever follows a quotation: its opening is a closing quote.
        return (
            starts_after_quote
            and 1 <= len(words) - 1 <= MAX_INVERTED_WORDS
            and ("that" not in words)
        )
    for i, word in enumerate(words[: MAX_SOURCE_WORDS + 1]):
        if word in CUES:
            return i >= 1 and all(w in _AFTER_CUE for w in words[i + 1 :])
    return False
