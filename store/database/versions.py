"""Versions of a document: an edited document added again replaces the old one.

A new document is a new version of an older one when both come from the same
file (path) or address (URL), or have the same title and source, and enough of
the old one's sentences are still in it (so a daily page reusing a title is not
mistaken for an edit). The new version links to the old one, the old one drops
out of related claims, and each reviewed claim of the old version (a flag, a
note, a promote or dismiss) goes to its sentence in the new one:

* ``exact``: the same sentence in the same place (in reading order);
* ``moved``: the same sentence elsewhere;
* ``fuzzy``: a reworded sentence (:data:`FUZZY_MIN` similar) with the same figures;
* ``orphaned``: no such sentence; the review stays on the old version, listed by
  :func:`orphans`.

Each carried value is written as a change of the new claim, with its event.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> first = store.add_text("Officials said 40 died. The bridge fell.", title="Flood", source="Wire")
    >>> claim = store.claims(first.doc_id)[0]
    >>> _ = store.set_status(claim.id, "false")
    >>> second = store.add_text("Officials said 40 died. The old bridge fell on Monday.",
    ...                         title="Flood", source="Wire")
    >>> second.version
    VersionLink(replaces=1, exact=1, moved=0, fuzzy=0, orphaned=0)
    >>> store.claims(second.doc_id)[0].status
    'false'
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from claimdesk.store.database.documents import now_iso
from claimdesk.store.database.generation import bump_generation
from claimdesk.store.database.handle import Database
from claimdesk.store.database.row_mapping import CLAIM_COLUMNS, claim_from_row, named_cursor
from claimdesk.store.models import AddResult, Claim, VersionLink
from claimdesk.store.review import actor

SHARED_BY_PLACE = 0.2
"""Share of the old version's sentences the new one must keep, same path or URL."""

SHARED_BY_TITLE = 0.4
"""Share it must keep when only the title and source are the same."""

MAX_CANDIDATES = 3
"""Older documents compared with a new one, newest first (many pages can share a title)."""

FUZZY_MIN = 85.0
"""How similar (0-100, rapidfuzz ratio of the folded text) a reworded sentence must be."""

REVIEWED = "(status != 'unreviewed' OR note != '' OR is_claim != extracted)"
"""SQL: the claim carries a reader's decision."""

_DIGITS = re.compile(r"\d+")


@dataclass
class _Sentence:
    id: int
    ordinal: int
    norm: str
    text: str


def _candidates(db: Database, doc_id: int) -> list[tuple[int, float]]:
    """Older, current documents that ``doc_id`` may be a new version of, newest first,
    each with the share of sentences it must have in common."""
    title, source, url, path = db.execute(
        "SELECT title, source, url, path FROM documents WHERE id = ?", [doc_id]
    ).fetchone()
    found: dict[int, float] = {}
    if path:
        for (i,) in db.execute("SELECT id FROM documents WHERE path = ?", [path]):
            found[i] = SHARED_BY_PLACE
    if url:
        for (i,) in db.execute("SELECT id FROM documents WHERE url = ?", [url]):
            found[i] = SHARED_BY_PLACE
    if title and source:
        rows = db.execute(
            "SELECT id FROM documents WHERE title = ? AND source = ?", [title, source]
        )
        for (i,) in rows:
            found.setdefault(i, SHARED_BY_TITLE)
    found.pop(doc_id, None)
    if not found:
        return []
    marks = ",".join("?" * len(found))
    current = {
        r[0]
        for r in db.execute(
            f"SELECT id FROM documents WHERE id IN ({marks}) AND replaced_by IS NULL", list(found)
        )
    }
    return sorted(((i, s) for i, s in found.items() if i in current), reverse=True)[:MAX_CANDIDATES]


def _sentences(db: Database, doc_id: int) -> list[_Sentence]:
    rows = db.execute(
        "SELECT id, ordinal, norm, text FROM claims WHERE doc_id = ? ORDER BY ordinal", [doc_id]
    )
    return [_Sentence(*r) for r in rows]


def _shared(old: list[_Sentence], new: list[_Sentence]) -> float:
    """The share of ``old`` sentences (by folded text) still present in ``new``."""
    if not old:
        return 0.0
    present = {s.norm for s in new}
    return sum(1 for s in old if s.norm in present) / len(old)


def link_new_version(db: Database, result: AddResult) -> AddResult:
    """If the just-added document of ``result`` is a new version of an older one, link
    the two and carry the old version's review over; ``result`` with its
    :class:`VersionLink` (the caller holds the write transaction)."""
    if not result.added or result.doc_id is None:
        return result
    candidates = _candidates(db, result.doc_id)
    if not candidates:
        return result
    new = _sentences(db, result.doc_id)
    for old_id, needed in candidates:
        old = _sentences(db, old_id)
        if _shared(old, new) >= needed:
            link = carry_review(db, old_id, result.doc_id, old, new)
            return replace(result, version=link)
    return result


def _figures(text: str) -> Counter[str]:
    return Counter(_DIGITS.findall(text))


def _match(
    reviewed: list[_Sentence], old: list[_Sentence], new: list[_Sentence]
) -> dict[int, tuple[str, int | None, float]]:
    """Where each reviewed old sentence goes: ``{old id: (how, new id, score)}``."""
    out: dict[int, tuple[str, int | None, float]] = {}
    taken: set[int] = set()
    wanted = {s.id for s in reviewed}
    blocks = difflib.SequenceMatcher(
        None, [s.norm for s in old], [s.norm for s in new], autojunk=False
    ).get_matching_blocks()
    for a, b, size in blocks:
        for k in range(size):
            if old[a + k].id in wanted:
                out[old[a + k].id] = ("exact", new[b + k].id, 100.0)
                taken.add(new[b + k].id)
    by_norm: dict[str, list[_Sentence]] = defaultdict(list)
    for s in new:
        by_norm[s.norm].append(s)
    for s in reviewed:
        if s.id in out:
            continue
        same = [n for n in by_norm.get(s.norm, ()) if n.id not in taken]
        if same:
            best = min(same, key=lambda n: abs(n.ordinal - s.ordinal))
            out[s.id] = ("moved", best.id, 100.0)
            taken.add(best.id)
    for s in reviewed:
        if s.id in out:
            continue
        free = [n for n in new if n.id not in taken]
        figures = _figures(s.text)
        hits = process.extract(
            s.norm, [n.norm for n in free], scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5
        )
        for _, score, index in hits:
            if _figures(free[index].text) == figures:
                out[s.id] = ("fuzzy", free[index].id, float(score))
                taken.add(free[index].id)
                break
        else:
            out[s.id] = ("orphaned", None, 0.0)
    return out


def _carry(db: Database, old: Claim, new_id: int, doc_id: int, actor: str) -> None:
    """Give claim ``new_id`` the old claim's flag, note and claim decision, with events."""
    now = now_iso()
    changes = []
    if old.status != "unreviewed":
        changes.append(("status", "status", "status_version", "unreviewed", old.status))
    if old.note:
        changes.append(("note", "note", "note_version", "", old.note))
    if old.is_claim != old.extracted:
        current = db.execute("SELECT is_claim FROM claims WHERE id = ?", [new_id]).fetchone()[0]
        if int(current) != int(old.is_claim):
            changes.append(("claim", "is_claim", "", str(current), str(int(old.is_claim))))
    for kind, column, version, before, after in changes:
        bump = f", {version} = {version} + 1" if version else ""
        value: str | int = int(after) if column == "is_claim" else after
        db.execute(f'UPDATE claims SET "{column}" = ?{bump} WHERE id = ?', [value, new_id])
        db.execute(
            "INSERT INTO events (at, actor, claim_id, doc_id, kind, old, new)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [now, actor, new_id, doc_id, kind, before, after],
        )


def carry_review(
    db: Database, old_id: int, new_id: int, old: list[_Sentence], new: list[_Sentence]
) -> VersionLink:
    """Link document ``new_id`` as the new version of ``old_id`` and move the review over."""
    db.execute("UPDATE documents SET replaced_by = ? WHERE id = ?", [new_id, old_id])
    db.execute("UPDATE documents SET replaces = ? WHERE id = ?", [old_id, new_id])
    bump_generation(db)
    rows = (
        named_cursor(db)
        .execute(
            f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE doc_id = ? AND {REVIEWED} ORDER BY ordinal",
            [old_id],
        )
        .fetchall()
    )
    reviewed_claims = {r["id"]: claim_from_row(r) for r in rows}
    reviewed = [s for s in old if s.id in reviewed_claims]
    matches = _match(reviewed, old, new)
    counts: Counter[str] = Counter()
    who = actor()
    for old_claim_id, (how, target, score) in matches.items():
        counts[how] += 1
        db.execute(
            "INSERT INTO anchors (claim_id, doc_id, new_claim_id, how, score)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET doc_id = excluded.doc_id,"
            " new_claim_id = excluded.new_claim_id, how = excluded.how, score = excluded.score",
            [old_claim_id, new_id, target, how, score],
        )
        if target is not None:
            _carry(db, reviewed_claims[old_claim_id], target, new_id, who)
    return VersionLink(
        replaces=old_id,
        exact=counts["exact"],
        moved=counts["moved"],
        fuzzy=counts["fuzzy"],
        orphaned=counts["orphaned"],
    )


_ORPHANS = (
    "FROM anchors a JOIN claims c ON c.id = a.claim_id"
    " JOIN documents d ON d.id = a.doc_id"
    " WHERE a.how = 'orphaned' AND d.replaced_by IS NULL"
    " AND (c.status != 'unreviewed' OR c.note != '' OR c.is_claim != c.extracted)"
)


def orphan_count(db: Database) -> int:
    """How many reviewed claims of replaced versions found no sentence in the current one
    (and still carry their note or flag)."""
    orphaned: int = db.execute(f"SELECT count(*) {_ORPHANS}").fetchone()[0]
    return orphaned


def orphans(db: Database, doc_id: int | None = None) -> list[Claim]:
    """The orphaned claims (of the new version ``doc_id``, or all), in reading order."""
    where, args = ("", []) if doc_id is None else (" AND a.doc_id = ?", [doc_id])
    rows = (
        named_cursor(db)
        .execute(f"SELECT {CLAIM_COLUMNS} {_ORPHANS}{where} ORDER BY c.doc_id, c.ordinal", args)
        .fetchall()
    )
    return [claim_from_row(r) for r in rows]
