"""Aliases: names that mean the same thing (``DPRK`` = ``North Korea``), user-made or learned.

The ``aliases`` table holds ``alias -> canonical`` rows with ``origin`` ``user`` or
``corpus``. Learned rows come from definitions in the documents themselves:
"the Democratic People's Republic of Korea (DPRK)". Matching treats every name
of a group as one term.

    >>> learn_acronyms("troops of the Democratic People’s Republic of Korea (DPRK) arrived")
    [('DPRK', "Democratic People's Republic of Korea")]
    >>> groups = AliasGroups([("DPRK", "North Korea"), ("North Korea", "Democratic People's Republic of Korea")])
    >>> groups.canonical(["dprk", "soldiers"])
    ['north_korea', 'soldiers']
    >>> sorted(groups.phrases_of("dprk"))
    [('democratic', 'people', 's', 'republic', 'of', 'korea'), ('dprk',), ('north', 'korea')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from claimdesk.store.database.connections import write_transaction
from claimdesk.store.database.handle import Database
from claimdesk.store.related.matching_form import fts_tokens

_DEFINITION = re.compile(
    r"((?:[A-Z][\w'\u2019.-]*\s+)(?:(?:of|the|and|for|on|de|du|la|des|[A-Z][\w'\u2019.-]*)\s+){0,7}?)"
    r"\(([A-Z][A-Za-z&]{1,9})\)"
)
_SMALL = frozenset({"of", "the", "and", "for", "on", "de", "du", "la", "des"})


def learn_acronyms(text: str) -> list[tuple[str, str]]:
    """``(acronym, name)`` for every "Name Of Thing (NOT)" definition in ``text``.

    The acronym's capitals must be the initials of the name's words, in order
    (small words like "of" may be skipped); ``People's`` gives one initial.
    """
    found = []
    for m in _DEFINITION.finditer(text.replace("\u2019", "'")):
        words, acronym = m.group(1).split(), m.group(2)
        capitals = [c for c in acronym if c.isupper()]
        # take the shortest tail of the words whose initials spell the acronym
        for size in range(len(capitals), len(words) + 1):
            tail = words[-size:]
            if tail[0].lower() in _SMALL:
                continue
            initials = [w[0] for w in tail if w.lower() not in _SMALL or w[0].isupper()]
            if [c.upper() for c in initials] == capitals:
                found.append((acronym, " ".join(tail)))
                break
    return found


def add_alias(db: Database, alias: str, canonical: str, origin: str = "user") -> bool:
    """Record that ``alias`` names the same thing as ``canonical``; False if already known."""
    alias, canonical = " ".join(alias.split()), " ".join(canonical.split())
    if not alias or not canonical or alias.casefold() == canonical.casefold():
        raise ValueError("an alias needs two different, non-empty names")
    cur = db.execute(
        "INSERT INTO aliases (alias, canonical, origin) VALUES (?, ?, ?)"
        " ON CONFLICT (alias, canonical) DO NOTHING",
        [alias, canonical, origin],
    )
    if cur.rowcount > 0:
        _bump_version(db)
    return cur.rowcount > 0


def remove_alias(db: Database, alias: str, canonical: str | None = None) -> int:
    """Forget ``alias`` (only its link to ``canonical`` if given); returns how many rows went."""
    sql, args = "DELETE FROM aliases WHERE lower(alias) = lower(?)", [alias]
    if canonical is not None:
        sql += " AND lower(canonical) = lower(?)"
        args.append(canonical)
    removed = db.execute(sql, args).rowcount
    if removed:
        _bump_version(db)
    return removed


def _bump_version(db: Database) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, '1')"
        " ON CONFLICT (key) DO UPDATE SET value = CAST(meta.value AS INTEGER) + 1",
        [_VERSION_KEY],
    )


_VERSION_KEY = "alias_version"


def list_aliases(db: Database) -> list[tuple[str, str, str]]:
    """Every ``(alias, canonical, origin)``, sorted by canonical name."""
    return db.execute(
        "SELECT alias, canonical, origin FROM aliases ORDER BY lower(canonical), alias"
    ).fetchall()


def alias_signature(db: Database) -> tuple[int, int]:
    """Changes whenever the alias table changes: its row count and a version every add and
    removal bumps (a count alone misses a removal followed by an addition)."""
    return tuple(
        db.execute(
            "SELECT (SELECT count(*) FROM aliases),"
            " coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0)",
            [_VERSION_KEY],
        ).fetchone()
    )


class AliasGroups:
    """Alias pairs merged into groups of phrases (token tuples) that match as one term."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        parent: dict[tuple[str, ...], tuple[str, ...]] = {}

        def find(x: tuple[str, ...]) -> tuple[str, ...]:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for alias, canonical in pairs:
            a, c = tuple(fts_tokens(alias)), tuple(fts_tokens(canonical))
            if a and c and a != c:
                ra, rc = find(a), find(c)
                if ra != rc:
                    parent[ra] = rc
        self.members: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
        for phrase in list(parent):
            self.members[find(phrase)].add(phrase)
        self.key_of: dict[tuple[str, ...], str] = {
            # (mypy takes min's type from join's argument, Iterable[str], not from group)
            p: "_".join(min(group, key=lambda g: (len(g) != 2, len(" ".join(g)), g)))  # type: ignore[arg-type]
            for group in self.members.values()
            for p in group
        }
        self.root_of = {p: find(p) for p in parent}
        self.longest = max((len(p) for p in parent), default=0)
        self.first_tokens = {p[0] for p in parent}

    def spans(self, tokens: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """``(start, end, phrase)`` for the longest alias phrases found in ``tokens``."""
        out, i = [], 0
        while i < len(tokens):
            if tokens[i] in self.first_tokens:
                for size in range(min(self.longest, len(tokens) - i), 0, -1):
                    phrase = tuple(tokens[i : i + size])
                    if phrase in self.key_of:
                        out.append((i, i + size, phrase))
                        i += size - 1
                        break
            i += 1
        return out

    def canonical(self, tokens: list[str]) -> list[str]:
        """``tokens`` with every alias phrase replaced by its group's key."""
        if not self.key_of:
            return tokens
        out, last = [], 0
        for start, end, phrase in self.spans(tokens):
            out += tokens[last:start] + [self.key_of[phrase]]
            last = end
        return out + tokens[last:]

    def phrases_of(self, token_or_phrase: str | tuple[str, ...]) -> set[tuple[str, ...]]:
        """Every phrase in the group of ``token_or_phrase`` (empty if it has no aliases)."""
        phrase = (token_or_phrase,) if isinstance(token_or_phrase, str) else token_or_phrase
        root = self.root_of.get(phrase)
        return set(self.members[root]) if root else set()


LEARNED_UPTO = "aliases_learned_upto"
"""``meta`` key: the newest sentence id already scanned for acronym definitions."""


def learn_from_store(db: Database) -> int:
    """Learn acronym definitions from sentences added since the last scan; returns how many are new.

    Learned rows have ``origin = 'corpus'``; a user's removal of one is not
    undone by later scans of other sentences unless they define it again.
    """
    row = db.execute("SELECT value FROM meta WHERE key = ?", [LEARNED_UPTO]).fetchone()
    upto = int(row[0]) if row else 0
    newest = db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
    if newest <= upto:
        return 0  # ids are never given out twice: nothing new below the mark
    rows = db.execute(
        "SELECT text FROM claims WHERE id > ? AND text LIKE '%(%)%'", [upto]
    ).fetchall()
    added = 0
    with write_transaction(db):
        for (text,) in rows:
            for acronym, name in learn_acronyms(text):
                added += add_alias(db, acronym, name, origin="corpus")
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [LEARNED_UPTO, str(newest)],
        )
    return added
