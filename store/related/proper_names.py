"""The proper names of a document, as lower-cased words: who and where it is about.

Read from capitalisation: a capitalised word is a name word unless it starts a
sentence or a line and the document also writes it in lower case ("Nothing was
taken" ... "nothing"), or it is a function word, a month or a day. Stored with each
document at ingest (``documents.names``), so matching never reads the text again.

    >>> sorted(document_names("Dan Caron, 63, was shot in Bristol on Friday."))
    ['bristol', 'caron', 'dan']
"""

from __future__ import annotations

import re

from claimdesk.store.related.matching_form import STOPWORDS, strip_diacritics, word_set, words

_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*")
# A capitalised word after a sentence end, a line start, an opening quote or a dash may be
# an ordinary word ("Nothing", "Investigators"); such a word counts as a name only when the
# document never writes it in lower case.
_INITIAL = re.compile(r"(?:^|[.!?:;]|[\"“”‘’(—–-])\s*([A-Z][\w'’-]*)", re.MULTILINE)
_NOT_A_NAME = STOPWORDS | word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow mr mrs ms dr jr sr
    officials police witnesses residents analysts experts authorities troops soldiers sources
    critics supporters observers investigators prosecutors doctors people reports video images
    families officers officer lawmakers voters man woman men women boy girl teen child
    children victim victims suspect suspects photos breaking update updated"""
)
"""Capitalised words that never make two documents one incident: function words, months and
days, titles, and the common nouns news sentences start with."""


def _tokens(text: str) -> list[str]:
    return words(strip_diacritics(text).lower())


def is_name_word(token: str) -> bool:
    """Whether a lower-cased word can be part of a name (not a function word, month, day or
    number).

    >>> is_name_word("caron"), is_name_word("monday"), is_name_word("the")
    (True, False, False)
    """
    return len(token) > 1 and not token.isdigit() and token not in _NOT_A_NAME


def document_names(text: str) -> frozenset[str]:
    """The name words of a document: capitalised words, lower-cased and without diacritics.

    Words that start a sentence or a line count only when the document never writes
    them in lower case; function words, months and days never count.

    >>> sorted(document_names("Police said Dan Caron died in Bristol. Nothing was taken.\\n"
    ...                       "Caron's friend told police nothing."))
    ['bristol', 'caron', 'dan']
    """
    capitalised = set(_CAPITALISED.findall(text))
    if not capitalised:
        return frozenset()
    initial = capitalised.intersection(_INITIAL.findall(text))
    names = {t for t in _tokens(" ".join(capitalised - initial)) if is_name_word(t)}
    if initial:
        candidates = {t for t in _tokens(" ".join(initial)) if is_name_word(t)} - names
        if candidates:
            names.update(candidates.difference(words(text)))
    return frozenset(names)


def names_column(title: str, text: str) -> str:
    """The ``documents.names`` value of a document: its name words (title too), sorted.

    >>> names_column("Shooting in Bristol", "Police named Dan Caron after the shooting, police said.")
    'bristol caron dan'
    """
    return " ".join(sorted(document_names(f"{title}\n{text}" if title else text)))
