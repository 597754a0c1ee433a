"""Keystroke search over every claim: query parsing, the FTS5 lookup, the spelling
vocabulary and match highlighting.

    >>> from claimdesk.store.search import parse_query
    >>> parse_query("north korean sol").words
    ('north', 'korean', 'sol')
"""

from claimdesk.store.search.highlight import Highlighter, match_spans
from claimdesk.store.search.query import DeadEnds, ParsedQuery, parse_query
from claimdesk.store.search.searcher import ClaimSearch, search_claims
from claimdesk.store.search.vocabulary import Vocabulary, VocabularyCache

__all__ = [
    "ClaimSearch",
    "DeadEnds",
    "Highlighter",
    "ParsedQuery",
    "Vocabulary",
    "VocabularyCache",
    "match_spans",
    "parse_query",
    "search_claims",
]
