"""Match expressions (FTS5's syntax, see :mod:`~claimdesk.store.search.text_index`) as
PostgreSQL ``tsquery`` texts.

A phrase is its tokens joined by ``<->`` (followed by), a trailing ``*`` makes the last one
a prefix (``:*``), ``AND`` is ``&`` and ``OR`` is ``|`` (``&`` binds tighter, as ``AND``
does in FTS5). The server runs each lexeme through the ``claimdesk`` configuration, so a
query folds (``unaccent``) exactly as the stored rows did.

>>> tsquery_text('"north korea s" AND ("sol"* OR "army")')
"('north' <-> 'korea' <-> 's') & ('sol':* | 'army')"
"""

from __future__ import annotations

import re

PIECE = re.compile(r'"([^"]*)"(\*?)|(\()|(\))|\b(AND|OR)\b|(\S)')
"""One piece of a match expression: a quoted phrase (and its ``*``), a parenthesis, an
operator, or anything else (an error)."""

TOKEN = re.compile(r"[^\W_]+")
"""A token of a phrase, as both backends cut them."""

SHORT_PREFIX = 3
"""A last word this short, typed as a prefix (``'s':*``) after other words, is left out of
the GIN lookup when that costs less (so are the words a prefix was expanded into) (see
:func:`~claimdesk.store.database.postgres.search_plan.plan_lookup`), and checked on the rows
found: the index merges the posting lists of every term the prefix begins (5.8 ms for
``'north' & 'korean' & 's':*`` at 100,000 claims, 0.13 ms without it)."""


class MatchSyntaxError(ValueError):
    """A match expression outside the grammar both backends read."""


def tsquery_text(match: str) -> str:
    """The ``tsquery`` text (for ``to_tsquery``) of a match expression."""
    out = []
    for phrase, star, opening, closing, operator, other in PIECE.findall(match):
        if other:
            raise MatchSyntaxError(f"unexpected {other!r} in {match!r}")
        if opening or closing:
            out.append(opening or closing)
        elif operator:
            out.append(" & " if operator == "AND" else " | ")
        else:
            out.append(_phrase(phrase, bool(star)))
    return "".join(out)


def and_groups(match: str) -> list[str]:
    """The parts of ``match`` joined by a top-level ``AND`` (one part if there is none or if
    an ``OR`` joins them).

    >>> and_groups('"north" AND ("korean" OR "kor"*) AND "s"*'), and_groups('"a" OR "b"')
    (['"north"', '( "korean" OR "kor"* )', '"s"*'], ['"a" OR "b"'])
    """
    groups: list[list[str]] = []
    current: list[str] = []
    depth = 0
    for piece in PIECE.finditer(match):
        phrase, star, opening, closing, operator, _ = piece.groups()
        depth += bool(opening) - bool(closing)
        if operator == "OR" and depth == 0:
            return [match]  # an OR at the top: one group
        if operator == "AND" and depth == 0:
            groups.append(current)
            current = []
        else:
            current.append(piece.group(0))
    groups.append(current)
    return [" ".join(g) for g in groups]


def gin_match(match: str) -> str:
    """``match`` without its last term if that is a :data:`SHORT_PREFIX` prefix, or a prefix
    expanded into the words it begins (an ``OR`` of words), ANDed with other terms: what
    the GIN index is asked for when they are rare; the rows it finds are then checked
    against all of ``match``.

    >>> gin_match('"north" AND "korean" AND "s"*'), gin_match('"zel"*'), gin_match('"korea s"*')
    ('"north" AND "korean"', '"zel"*', '"korea s"*')
    >>> gin_match('"people" AND "wounded" AND ("in" OR "injured")')
    '"people" AND "wounded"'
    """
    groups = and_groups(match)
    if len(groups) < 2 or not (_short_prefix(groups[-1]) or _words_ored(groups[-1])):
        return match
    return " AND ".join(groups[:-1])


def _words_ored(group: str) -> bool:
    pieces = PIECE.findall(group)
    words = [p for p, star, *_ in pieces if p]
    operators = {operator for *_, operator, _ in pieces if operator}
    return (
        operators == {"OR"}
        and not any(star for _, star, *_ in pieces)
        and all(len(TOKEN.findall(word)) == 1 for word in words)
    )


def _short_prefix(group: str) -> bool:
    if not group.endswith("*") or not group.startswith('"'):
        return False
    tokens = TOKEN.findall(group)
    return len(tokens) == 1 and len(tokens[0]) <= SHORT_PREFIX


def _phrase(phrase: str, prefix: bool) -> str:
    tokens = TOKEN.findall(phrase)
    if not tokens:
        raise MatchSyntaxError(f"empty phrase in a match expression: {phrase!r}")
    lexemes = [f"'{t}'" for t in tokens]
    if prefix:
        lexemes[-1] += ":*"
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"
