"""Turning database rows into the store's dataclasses."""

from __future__ import annotations

from typing import Any

from claimdesk.store.models import (
    Claim,
    Document,
    Event,
    dates_from_json,
    figures_from_json,
    json_list,
)

CLAIM_COLUMNS = (
    'id, doc_id, ordinal, start, "end", text, is_claim, extracted, score, kind, source, cue, '
    "hedge, numbers, dates, entities, status, note, norm, role, heading_level, boilerplate"
)
"""The column list that :func:`claim_from_row` expects, in order."""


def claim_from_row(row: tuple[Any, ...]) -> Claim:
    """Build a :class:`Claim` from a row selected with :data:`CLAIM_COLUMNS`."""
    return Claim(
        id=row[0],
        doc_id=row[1],
        ordinal=row[2],
        start=row[3],
        end=row[4],
        text=row[5],
        is_claim=bool(row[6]),
        extracted=bool(row[7]),
        score=row[8],
        kind=row[9],
        source=row[10],
        cue=row[11],
        hedge=row[12],
        numbers=figures_from_json(row[13]),
        dates=dates_from_json(row[14]),
        entities=tuple(json_list(row[15])),
        status=row[16],
        note=row[17],
        norm=row[18],
        role=row[19],
        heading_level=row[20],
        boilerplate=row[21],
    )


DOCUMENT_COLUMNS = (
    "d.id, d.title, d.source, d.url, d.published, d.path, d.sha256, d.added, d.length, d.note, "
    "d.language, d.disclaimer, "
    # ``+c.is_claim`` keeps SQLite on the (doc_id, ordinal) index: without statistics it
    # would pick the is_claim index and scan every claim once per document.
    "(SELECT count(*) FROM claims c WHERE c.doc_id = d.id AND +c.is_claim = 1), "
    "(SELECT count(*) FROM claims c WHERE c.doc_id = d.id AND +c.is_claim = 1 "
    "AND c.status != 'unreviewed')"
)
"""The column list that :func:`document_from_row` expects (alias ``d`` for documents)."""


def document_from_row(row: tuple[Any, ...], text: str | None = None) -> Document:
    """Build a :class:`Document` from a row selected with :data:`DOCUMENT_COLUMNS`."""
    return Document(
        id=row[0],
        title=row[1],
        source=row[2],
        url=row[3],
        published=row[4],
        path=row[5],
        sha256=row[6],
        added=row[7],
        length=row[8],
        note=row[9],
        language=row[10],
        disclaimer=row[11],
        claims=row[12],
        flagged=row[13],
        text=text,
    )


EVENT_COLUMNS = "id, at, actor, kind, claim_id, doc_id, old, new, undo_of"
"""The column list that :func:`event_from_row` expects."""


def event_from_row(row: tuple[Any, ...]) -> Event:
    """Build an :class:`Event` from a row selected with :data:`EVENT_COLUMNS`."""
    return Event(
        id=row[0],
        at=row[1],
        actor=row[2] or "",
        kind=row[3],
        claim_id=row[4],
        doc_id=row[5],
        old=row[6] or "",
        new=row[7] or "",
        undo_of=row[8],
    )
