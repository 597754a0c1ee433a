"""Store commands: docs, claims, search, show, rm, check, orphans, summary (``add`` is in
:mod:`~claimdesk.tui.cli.add_command`; flag, note and history in
:mod:`~claimdesk.tui.cli.review_commands`).

$ claimdesk claims 3 --status needs-check --json
$ claimdesk show 42
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from claimdesk.store import STATUSES, Store
from claimdesk.store.database.dialect import is_postgres_url
from claimdesk.store.errors import StoreDamagedError
from claimdesk.store.safe_text import one_line_safe
from claimdesk.store.search.searcher import CANDIDATE_CAP
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx
from claimdesk.tui.paths import resolve_db_path

json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")


@cli.command("docs")
@click.option("--new", is_flag=True, help="Only documents new since the last `update`.")
@json_option
@pass_ctx
def docs_command(ctx: Context, new: bool, as_json: bool) -> None:
    """List the documents in the store."""
    docs = ctx.store.new_since_last_update() if new else ctx.store.documents()
    if as_json:
        emit_json(d.to_json() for d in docs)
    elif new and not docs:
        click.echo("nothing new since the last update")
    elif not docs:
        click.echo("no documents yet: add some with `claimdesk add PATH`")
    else:
        output.console().print(output.documents_table(docs))


@cli.command("claims")
@click.argument("doc_id", type=int, required=False)
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--all-sentences", is_flag=True, help="Include sentences that are not claims.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many.")
@json_option
@pass_ctx
def claims_command(ctx: Context, doc_id, status, all_sentences, limit, as_json) -> None:
    """List claims, of one document or all, in reading order."""
    store = ctx.store
    if doc_id is not None:
        store.document(doc_id)  # a clear error for an unknown id
    claims = store.claims(doc_id, status, include_sentences=all_sentences, limit=limit)
    if as_json:
        emit_json(c.to_json() for c in claims)
        return
    titles = {d.id: d.title for d in store.documents()}
    output.console().print(output.claims_table(claims, titles))


@cli.command("search")
@click.argument("query")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help=f"How many claims to show (at most {CANDIDATE_CAP}).",
)
@json_option
@pass_ctx
def search_command(ctx: Context, query: str, limit: int, as_json: bool) -> None:
    """Search every claim (the last word matches as a prefix).

    At most 250 claims are shown: the newest 250 that match, best first.
    """
    if limit > CANDIDATE_CAP:
        click.echo(
            f"note: search shows at most {CANDIDATE_CAP} claims (the newest {CANDIDATE_CAP}"
            f" that match, best first); --limit {limit} was lowered to {CANDIDATE_CAP}",
            err=True,
        )
        limit = CANDIDATE_CAP
    hits = ctx.store.search(query, limit=limit)
    if as_json:
        emit_json({**h.claim.to_json(), "doc_title": h.doc_title, "fuzzy": h.fuzzy} for h in hits)
    elif not hits:
        output.echo(f"no claims match {query!r}")
    else:
        titles = {h.claim.doc_id: h.doc_title for h in hits}
        output.console().print(output.claims_table([h.claim for h in hits], titles))


@cli.command("show")
@click.argument("claim_id", type=int)
@json_option
@pass_ctx
def show_command(ctx: Context, claim_id: int, as_json: bool) -> None:
    """Show one claim with its features, document, status and note."""
    store = ctx.store
    claim = store.claim(claim_id)
    document = store.document(claim.doc_id)
    title = document.title
    where = store.location(claim.doc_id, claim.start, claim.end)
    origin = store.origin(claim.doc_id)
    if as_json:
        emit_json(
            [
                {
                    **claim.to_json(),
                    "doc_title": title,
                    "location": where,
                    "origin": {**origin.__dict__, "attachment_ids": list(origin.attachment_ids)},
                    "doc_language": document.language,
                    "doc_disclaimer": document.disclaimer,
                    "entities": list(claim.entities),
                    "extracted": claim.extracted,
                }
            ]
        )
    else:
        plain = origin.kind in ("", "text", "markdown") and origin == type(origin)(
            origin.doc_id, kind=origin.kind
        )
        from_line = "" if plain else output.origin_line(origin)
        output.console().print(output.show_claim(claim, title, document, where, from_line))


@cli.command("rm")
@click.argument("doc_id", type=int)
@pass_ctx
def rm_command(ctx: Context, doc_id: int) -> None:
    """Remove a document and its claims (their review history is kept)."""
    store = ctx.store
    title = store.document(doc_id).title
    store.remove_document(doc_id)
    click.echo(f"removed document {doc_id}: {output.safe(title).plain}")


@cli.command("check")
@click.option("--repair", is_flag=True, help="Rebuild damaged indexes and the search index.")
@pass_ctx
def check_command(ctx: Context, repair: bool) -> None:
    """Check the store for damage: pages, indexes, the search index, links and offsets.

    Exits 1 when something is damaged, saying what.
    """
    if ctx.db == ":memory:":
        raise click.ClickException("an in-memory store has nothing to check")
    path, _ = resolve_db_path(ctx.db)
    if isinstance(path, Path) and not path.exists():
        raise click.ClickException(f"no store at {one_line_safe(str(path))}")
    try:
        store = Store.open(path, migrate=False)
    except StoreDamagedError as exc:
        output.echo(f"integrity: DAMAGED ({exc.__cause__ or exc})")
        output.echo("damaged: the database file itself (it cannot be opened)")
        output.echo("restore the store from a backup")
        raise click.exceptions.Exit(1) from exc
    report = store.check()
    if repair and not report.ok and report.repairable:
        store.repair()
        click.echo("rebuilt the indexes and the search index")
        report = store.check()
    for line in report.lines():
        output.echo(line)
    if report.ok:
        click.echo("the store is whole")
        return
    output.echo(f"damaged: {', '.join(report.damaged)}")
    for detail in report.details:
        output.echo(f"  {detail}")
    output.echo(report.advice())
    raise click.exceptions.Exit(1)


@cli.command("orphans")
@click.argument("doc_id", type=int, required=False)
@json_option
@pass_ctx
def orphans_command(ctx: Context, doc_id: int | None, as_json: bool) -> None:
    """Notes and flags of replaced document versions that found no sentence in the new one.

    They stay on the old version's claims (shown here); clear a flag or note there once
    it is dealt with.
    """
    store = ctx.store
    claims = store.orphans(doc_id)
    if as_json:
        emit_json(c.to_json() for c in claims)
    elif not claims:
        click.echo("no orphaned notes or flags")
    else:
        titles = {d.id: d.title for d in store.documents()}
        output.console().print(output.claims_table(claims, titles))


def _where(path: str) -> str:
    """A store's place as a user reads it: a server URL or URI as it is, a file made absolute."""
    if path.startswith("file:") or is_postgres_url(path):
        return path
    return os.path.abspath(path)


@cli.command("summary")
@json_option
@pass_ctx
def summary_command(ctx: Context, as_json: bool) -> None:
    """Where the store is and what it holds."""
    s = ctx.store.summary()
    if as_json:
        emit_json(
            [
                {
                    "path": _where(s.path),
                    "documents": s.documents,
                    "sentences": s.sentences,
                    "claims": s.claims,
                    "flagged": s.flagged,
                    "notes": s.notes,
                    "by_status": s.by_status,
                }
            ]
        )
        return
    rows = [
        ("store", _where(s.path)),
        ("documents", s.documents),
        ("sentences", s.sentences),
        ("claims", s.claims),
        ("flagged", s.flagged),
        ("notes", s.notes),
    ] + [(f"  {status}", n) for status, n in sorted(s.by_status.items())]
    output.console().print(output.table(("", ""), rows, show_header=False))
