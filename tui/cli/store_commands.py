"""Store commands: add, docs, claims, search, show, flag, note, history, rm, summary.

$ claimdesk add reports/ "archive/**/*.html"
$ cat article.txt | claimdesk add - --title "Floods" --source "Daily Ledger"
$ claimdesk claims 3 --status needs-check --json
$ claimdesk flag 42 verified && claimdesk note 42 "Matches the ministry's figure."
"""

from __future__ import annotations

import os
import sys

import click

from claimdesk.store import STATUSES, AddResult
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx

json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")


def _refusal_line(result: AddResult) -> str:
    return f"refused {result.path or '(standard input)'}: {result.reason}"


def _add_files(store, paths: list[str], max_bytes: int | None, as_json: bool) -> list[AddResult]:
    with output.progress_bar("adding") as bar:
        task = bar.add_task("add", total=None)

        def progress(done: int, total: int, result: AddResult) -> None:
            """Advance the bar; print a refusal above it as it happens."""
            bar.update(task, completed=done, total=total)
            if result.refused and not as_json:
                bar.console.print(output.safe(_refusal_line(result)), soft_wrap=True)

        return store.add_paths(paths, progress=progress, max_bytes=max_bytes)


@cli.command("add")
@click.argument("paths", nargs=-1, required=True)
@click.option("--title", default="", help="Title for standard input.")
@click.option("--source", default="", help="Source (outlet) for standard input.")
@click.option("--url", default="", help="URL for standard input.")
@click.option("--published", default="", help="Publication date for standard input.")
@click.option(
    "--max-size",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="MB",
    help="Refuse files larger than this many megabytes (default 20).",
)
@json_option
@pass_ctx
def add_command(ctx: Context, paths, title, source, url, published, max_size, as_json) -> None:
    """Add files, folders (recursively), globs, or - for standard input.

    Reads .txt, .md and .html; front matter (title:, source:, url:, published:,
    disclaimer:) sets metadata. Claims are extracted from English text; a document in
    another language is stored with its sentences for reading and search, and a line
    says so. Inputs that cannot be read are refused one line each; the others are
    still added, and the exit code is 1.
    """
    store = ctx.store
    max_bytes = int(max_size * 1024 * 1024) if max_size else None
    results: list[AddResult] = []
    files = [p for p in paths if p != "-"]
    if "-" in paths:
        raw = sys.stdin.buffer.read()
        metadata = {"title": title, "source": source, "url": url, "published": published}
        if max_bytes:
            metadata["max_bytes"] = max_bytes
        result = store.add_bytes(raw, name="", **metadata)
        if result.refused and not as_json:
            click.echo(_refusal_line(result), err=True)
        results.append(result)
    if files:
        results.extend(_add_files(store, files, max_bytes, as_json))
    if as_json:
        emit_json(r.to_json() for r in results)
    else:
        for result in results:
            if result.added and result.note:
                click.echo(f"{output.safe(result.path or result.title).plain}: {result.note}")
        added = [r for r in results if r.added]
        present = sum(1 for r in results if not r.added and not r.refused)
        refused = sum(1 for r in results if r.refused)
        click.echo(
            f"added {len(added)} document{'s' * (len(added) != 1)}"
            f" ({sum(r.claims for r in added)} claims), {present} already stored, {refused} refused"
        )
    if any(r.refused for r in results):
        raise click.exceptions.Exit(1)


@cli.command("docs")
@json_option
@pass_ctx
def docs_command(ctx: Context, as_json: bool) -> None:
    """List the documents in the store."""
    docs = ctx.store.documents()
    if as_json:
        emit_json(d.to_json() for d in docs)
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
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@json_option
@pass_ctx
def search_command(ctx: Context, query: str, limit: int, as_json: bool) -> None:
    """Search every claim (the last word matches as a prefix)."""
    hits = ctx.store.search(query, limit=limit)
    if as_json:
        emit_json({**h.claim.to_json(), "doc_title": h.doc_title, "fuzzy": h.fuzzy} for h in hits)
    elif not hits:
        click.echo(f"no claims match {query!r}")
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
    if as_json:
        emit_json(
            [
                {
                    **claim.to_json(),
                    "doc_title": document.title,
                    "doc_language": document.language,
                    "doc_disclaimer": document.disclaimer,
                    "entities": list(claim.entities),
                    "extracted": claim.extracted,
                }
            ]
        )
    else:
        output.console().print(output.show_claim(claim, document.title, document))


@cli.command("flag")
@click.argument("claim_id", type=int)
@click.argument("status", metavar="STATUS")
@json_option
@pass_ctx
def flag_command(ctx: Context, claim_id: int, status: str, as_json: bool) -> None:
    """Set a claim's review status: unreviewed, needs-check, verified, false, ..."""
    claim = ctx.store.set_status(claim_id, status)
    if as_json:
        emit_json([claim.to_json()])
    else:
        click.echo(f"claim {claim.id}: {claim.status}")


@cli.command("note")
@click.argument("claim_id", type=int)
@click.argument("text", required=False)
@json_option
@pass_ctx
def note_command(ctx: Context, claim_id: int, text: str | None, as_json: bool) -> None:
    """Set a claim's note (read from standard input when TEXT is omitted or -)."""
    if text is None or text == "-":
        if sys.stdin.isatty():
            click.echo("Type the note; end it with Ctrl-D on a line of its own.", err=True)
        text = sys.stdin.read().strip()
    claim = ctx.store.set_note(claim_id, text)
    if as_json:
        emit_json([claim.to_json()])
    else:
        click.echo(f"claim {claim.id}: note {'saved' if claim.note else 'cleared'}")


@cli.command("history")
@click.argument("claim_id", type=int)
@json_option
@pass_ctx
def history_command(ctx: Context, claim_id: int, as_json: bool) -> None:
    """Show the change history of a claim (flags, notes, promote/dismiss, undo)."""
    events = ctx.store.history(claim_id)
    if as_json:
        emit_json(e.to_json() for e in events)
    elif not events:
        click.echo(f"claim {claim_id} has no history yet")
    else:
        output.console().print(output.events_table(events))


@cli.command("rm")
@click.argument("doc_id", type=int)
@pass_ctx
def rm_command(ctx: Context, doc_id: int) -> None:
    """Remove a document and its claims (their review history is kept)."""
    store = ctx.store
    title = store.document(doc_id).title
    store.remove_document(doc_id)
    click.echo(f"removed document {doc_id}: {output.safe(title).plain}")


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
                    "path": s.path if s.path.startswith("file:") else os.path.abspath(s.path),
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
        ("store", s.path if s.path.startswith("file:") else os.path.abspath(s.path)),
        ("documents", s.documents),
        ("sentences", s.sentences),
        ("claims", s.claims),
        ("flagged", s.flagged),
        ("notes", s.notes),
    ] + [(f"  {status}", n) for status, n in sorted(s.by_status.items())]
    output.console().print(output.table(("", ""), rows, show_header=False))
