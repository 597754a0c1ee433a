"""Who on a desk may change it: PostgreSQL roles that read, or read and write, a desk store.

A *reader* may read and search everything and change nothing; a *writer* may also add
documents, flag, note and undo, but never update or delete the event log (that is no
role's, the owner's included: a trigger refuses it). Both are enforced by the server's
privileges, not by claimdesk: a reader's flag is refused by PostgreSQL itself, whatever
program sends it. Run by the desk's owner (who created the store's tables; creating a
role also needs ``CREATEROLE``). Granting again changes a role from one kind to the other.

Tables a later claimdesk adds are covered as well (default privileges of the owner).
"""

from __future__ import annotations

from typing import Any

from claimdesk.store.database.handle import Database

ACCESS = ("reader", "writer")
"""The kinds of desk role."""

READ_ONLY_TABLES = ("claimdesk_migrations",)
"""Tables even a writer only reads (the schema's record; migrations are the owner's)."""

APPEND_ONLY_TABLES = ("events",)
"""Tables a writer may add to but never change (the review history)."""


def _sql(db: Database, template: str, *identifiers: str, literal: str | None = None) -> str:
    """``template`` with ``{}`` filled by quoted identifiers (and ``{literal}``)."""
    from psycopg import sql

    raw: Any = db.conn.raw  # type: ignore[attr-defined]  # the psycopg connection
    parts: dict[str, Any] = {}
    if literal is not None:
        parts["literal"] = sql.Literal(literal)
    query = sql.SQL(template).format(*(sql.Identifier(i) for i in identifiers), **parts)
    text: str = query.as_string(raw)
    return text


def role_exists(db: Database, name: str) -> bool:
    """Whether the server has a role ``name``."""
    return db.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", [name]).fetchone() is not None


def may_write(db: Database) -> bool:
    """Whether the connection's role may add to the event log (every change does); true
    before the store has tables (whoever creates them owns them)."""
    if db.execute("SELECT to_regclass('events') IS NULL").fetchone()[0]:
        return True
    allowed: bool = db.execute("SELECT has_table_privilege('events', 'INSERT')").fetchone()[0]
    return allowed


def grant(db: Database, name: str, access: str, password: str | None = None) -> bool:
    """Make ``name`` a ``reader`` or ``writer`` of the desk store ``db`` is connected to,
    creating the login role if there is none (with ``password``, if given; an existing
    role's password is set only when one is given). Returns whether the role was created.
    """
    if access not in ACCESS:
        raise ValueError(f"unknown access {access!r}; choose one of: {', '.join(ACCESS)}")
    name = name.strip()
    if not name or name.startswith("pg_"):
        raise ValueError(f"not a role name claimdesk can grant: {name!r}")
    database, schema, owner = db.execute(
        "SELECT current_database(), current_schema(), current_user"
    ).fetchone()
    if name == owner:
        raise ValueError(f"{name} owns this desk already; grant another role")
    created = not role_exists(db, name)
    statements = []
    if created:
        statements.append(_sql(db, "CREATE ROLE {} LOGIN", name))
    if password is not None:
        statements.append(_sql(db, "ALTER ROLE {} PASSWORD {literal}", name, literal=password))
    defaults = "ALTER DEFAULT PRIVILEGES IN SCHEMA {} "
    statements += [_sql(db, "GRANT CONNECT ON DATABASE {} TO {}", database, name)]
    statements += [
        _sql(db, template, schema, name)
        for template in (
            "GRANT USAGE ON SCHEMA {} TO {}",
            "REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}",
            "REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}",
            "GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}",
            # the id counters too, so that a reader can copy the whole desk (claimdesk copy)
            "GRANT SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}",
            defaults + "REVOKE ALL ON TABLES FROM {}",
            defaults + "REVOKE ALL ON SEQUENCES FROM {}",
            defaults + "GRANT SELECT ON TABLES TO {}",
            defaults + "GRANT SELECT ON SEQUENCES TO {}",
        )
    ]
    if access == "writer":
        statements += [
            _sql(db, template, schema, name)
            for template in (
                "GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}",
                "GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}",
                defaults + "GRANT INSERT, UPDATE, DELETE ON TABLES TO {}",
                defaults + "GRANT USAGE ON SEQUENCES TO {}",
            )
        ]
        for table in APPEND_ONLY_TABLES:
            statements.append(_sql(db, "REVOKE UPDATE, DELETE ON {} FROM {}", table, name))
        for table in READ_ONLY_TABLES:
            statements.append(_sql(db, "REVOKE INSERT, UPDATE, DELETE ON {} FROM {}", table, name))
    with db.atomic():
        for statement in statements:
            db.execute(statement)
    return created
