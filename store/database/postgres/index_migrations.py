"""The PostgreSQL full-text index: schema steps ``p101_...`` applied after the records steps.

For each indexed table (``claims``, ``factchecks``; see
:data:`~claimdesk.store.search.text_index.IndexedTable`):

- ``<table>_search (id, vector)``: the ``tsvector`` of the row's ``norm``, with a GIN index,
  kept by statement-level triggers on the table (insert, a changed ``norm``; deleting the row
  cascades). The GIN index has no pending list (``fastupdate = off``): every query would scan
  the list of rows not yet merged (up to 4 MB after an ingest) until the next vacuum; a
  keystroke's lookup took 0.59 ms instead of 0.015 at 100,000 claims;
- ``<table>_search.bucket``: the row's id shifted right by 12 bits (step ``p105``), and the
  GIN index is over ``(bucket, vector)`` (``btree_gin``): a lookup restricted to one bucket
  of 4,096 rows reads only its matches there, so the newest matches of a common word are
  found bucket by bucket, newest first, and the lookup stops once it has enough;
- ``<table>_terms (term, rows, occurrences)``: every indexed term with the number of rows
  holding it and its occurrences (what FTS5's ``fts5vocab`` gives on SQLite), kept by
  triggers on ``<table>_search``; ``term`` sorts by code point (``COLLATE "C"``), as Python
  sorts, so a prefix is a range of the primary key.

Spelling variants and prefix completions are found in Python over the term counts, on both
backends (:class:`~claimdesk.store.search.vocabulary.Vocabulary`,
:class:`~claimdesk.store.related.terms.TermTable`): a ``pg_trgm`` similarity search would find
other variants than rapidfuzz does, and the two backends would answer differently.

Tokens match SQLite's FTS5 ``unicode61 remove_diacritics 2`` over the folded ``norm``:
:func:`claimdesk_index_text` cuts the text at every character that is not a letter or a
digit (as ``unicode61`` does), and the ``claimdesk`` text search configuration (a copy of
``simple``: no stop words, no stemming) lowercases and runs ``unaccent`` (``café`` ->
``cafe``). Known differences: letters that ``unaccent`` maps but FTS5 keeps (``ø``, ``ł``,
``æ``, ``œ``, ``đ``, ``þ``), and scripts written with combining marks (Devanagari), which
FTS5 cuts at each mark.

Term counts are updated under one transaction-level advisory lock, so concurrent writers
take the term rows one transaction at a time instead of deadlocking on them. Statements that
change no indexed text (a flag, a note, a review edit) touch neither the vectors nor the
counts, so they never wait for that lock (a statement-level trigger fires even for no rows).
"""

from __future__ import annotations

from collections.abc import Callable

from claimdesk.store.database.postgres.adapter import PostgresDatabase
from claimdesk.store.database.postgres.migrations import Step
from claimdesk.store.database.postgres.search_plan import BUCKET_BITS
from claimdesk.store.search.text_index import IndexedTable

CONFIGURATION = "claimdesk"
"""The text search configuration every vector and query of the index uses."""

TERMS_LOCK = 0x636C_6D64_7465_726D
"""The advisory lock key taken while term counts change (the bytes of ``"clmdterm"``)."""

TOKEN_TYPES = (
    "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part,"
    " hword_numpart, uint, int, float, sfloat, version, email, url, host, url_path, file"
)
"""Every token type the default parser can return for letters and digits cut at spaces
(most never occur once :func:`claimdesk_index_text` removed the punctuation)."""


EXTENSIONS = """
CREATE EXTENSION IF NOT EXISTS unaccent;
"""

TEXT_CONFIGURATION = f"""
CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION}
    ALTER MAPPING FOR {TOKEN_TYPES} WITH unaccent, simple;
CREATE FUNCTION claimdesk_index_text(norm text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
    AS $$ SELECT regexp_replace(norm, '[^[:alnum:]]+', ' ', 'g') $$;
CREATE FUNCTION claimdesk_vector(norm text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('{CONFIGURATION}'::regconfig, claimdesk_index_text(coalesce(norm, ''))) $$;
"""


def table_index(table: IndexedTable) -> str:
    """The SQL that indexes ``table``: its vector table, term table and their triggers."""
    return f"""
CREATE TABLE {table}_search (
    id bigint PRIMARY KEY REFERENCES {table} (id) ON DELETE CASCADE,
    vector tsvector NOT NULL
);
CREATE INDEX {table}_search_vector ON {table}_search USING gin (vector)
    WITH (fastupdate = off);
CREATE TABLE {table}_terms (
    term text COLLATE "C" PRIMARY KEY,
    rows bigint NOT NULL,
    occurrences bigint NOT NULL
);

CREATE FUNCTION {table}_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {table}_search (id, vector)
        SELECT id, claimdesk_vector(norm) FROM new_rows;
    ELSIF EXISTS (
        SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.norm IS DISTINCT FROM o.norm
    ) THEN
        UPDATE {table}_search s SET vector = claimdesk_vector(n.norm)
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE s.id = n.id AND n.norm IS DISTINCT FROM o.norm;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_search_keep();
CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_search_keep();

CREATE FUNCTION {table}_terms_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT 1 FROM new_rows) THEN
            RETURN NULL;
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM old_rows) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock({TERMS_LOCK});
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        WITH gone AS (
            SELECT lexeme, count(*) AS n, sum(cardinality(positions)) AS k
            FROM old_rows, unnest(old_rows.vector) GROUP BY lexeme
        )
        UPDATE {table}_terms t SET rows = t.rows - gone.n, occurrences = t.occurrences - gone.k
        FROM gone WHERE t.term = gone.lexeme;
        DELETE FROM {table}_terms
        WHERE rows <= 0 AND term IN (SELECT lexeme FROM old_rows, unnest(old_rows.vector));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO {table}_terms (term, rows, occurrences)
        SELECT lexeme, count(*), sum(cardinality(positions))
        FROM new_rows, unnest(new_rows.vector) GROUP BY lexeme ORDER BY lexeme
        ON CONFLICT (term) DO UPDATE SET
            rows = {table}_terms.rows + excluded.rows,
            occurrences = {table}_terms.occurrences + excluded.occurrences;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER {table}_terms_insert AFTER INSERT ON {table}_search
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_terms_keep();
CREATE TRIGGER {table}_terms_update AFTER UPDATE ON {table}_search
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_terms_keep();
CREATE TRIGGER {table}_terms_delete AFTER DELETE ON {table}_search
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_terms_keep();

INSERT INTO {table}_search (id, vector) SELECT id, claimdesk_vector(norm) FROM {table};
"""


def search_buckets(table: IndexedTable) -> str:
    """The SQL that buckets ``table``'s vectors by id: a ``bucket`` column (``id`` shifted
    right by :data:`BUCKET_BITS`) and one GIN index over the bucket and the vector, so one
    lookup finds a query's matches in one bucket without reading the others' (the newest
    bucket first, as FTS5 reads a word's newest rows first)."""
    return f"""
ALTER TABLE {table}_search
    ADD COLUMN bucket integer GENERATED ALWAYS AS ((id >> {BUCKET_BITS})::integer) STORED;
DROP INDEX {table}_search_vector;
CREATE INDEX {table}_search_vector ON {table}_search USING gin (bucket, vector)
    WITH (fastupdate = off);
"""


def _script(sql: str) -> Callable[[PostgresDatabase], None]:
    def apply(db: PostgresDatabase) -> None:
        db.execute(sql)  # no parameters: the statements run as one script

    return apply


STEPS: list[Step] = [
    Step("p101_search_extensions", _script(EXTENSIONS)),
    Step("p102_search_configuration", _script(TEXT_CONFIGURATION)),
    Step("p103_claims_index", _script(table_index("claims"))),
    Step("p104_factchecks_index", _script(table_index("factchecks"))),
    Step(
        "p105_search_buckets",
        _script(
            "CREATE EXTENSION IF NOT EXISTS btree_gin;"
            + search_buckets("claims")
            + search_buckets("factchecks")
        ),
    ),
]
"""The index steps in order: each runs in one transaction after every records step
(``p001`` to ``p099``; see :mod:`~claimdesk.store.database.postgres.migrations`)."""
