"""Store commands: add, docs, claims, search, show, flag, note, history, rm, summary.

$ claimdesk add reports/ "archive/**/*.html"
$ cat article.txt | claimdesk add - --title "Floods" --source "Daily Ledger"
$ claimdesk claims 3 --status needs-check --json
$ claimdesk flag 42 verified && claimdesk note 42 "Matches the ministry's figure."
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from claimdesk.store import STATUSES, AddResult, Store
from claimdesk.store.errors import StoreDamagedError, VersionConflictError
from claimdesk.store.ingest.writer import IngestInterrupted, IngestStopped
from claimdesk.store.safe_text import one_line_safe
from claimdesk.store.search.searcher import CANDIDATE_CAP
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx
from claimdesk.tui.paths import resolve_db_path

json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")


def _refusal_line(result: AddResult) -> str:
    verb = "skipped" if result.skipped else "refused"
    return f"{verb} {result.path or '(standard input)'}: {result.reason}"


def _warning_line(result: AddResult) -> str:
    return f"note: {result.path or '(standard input)'}: {result.warning}"


def _add_files(
    store,
    paths: list[str],
    max_bytes: int | None,
    timeout: float | None,
    workers: int | None,
    as_json: bool,
) -> list[AddResult]:
    with output.progress_bar("adding") as bar:
        task = bar.add_task("add", total=None)

        def progress(done: int, total: int, result: AddResult) -> None:
            """Advance the bar; print a refusal, a skipped file or a repair above it."""
            bar.update(task, completed=done, total=total)
            if as_json:
                return
            if result.doc_id is None:
                bar.console.print(output.safe(_refusal_line(result)), soft_wrap=True)
            elif result.warning:
                bar.console.print(output.safe(_warning_line(result)), soft_wrap=True)

        return store.add_paths(
            paths, progress=progress, max_bytes=max_bytes, timeout=timeout, workers=workers
        )


def add_summary(results: list[AddResult]) -> str:
    """``added 3 documents (41 claims), 1 already stored, 0 refused`` (and skipped files)."""
    added = [r for r in results if r.added]
    present = sum(1 for r in results if not r.added and r.doc_id is not None)
    refused = sum(1 for r in results if r.refused)
    skipped = sum(1 for r in results if r.skipped)
    line = (
        f"added {len(added)} document{'s' * (len(added) != 1)}"
        f" ({sum(r.claims for r in added)} claims), {present} already stored, {refused} refused"
    )
    return line + (f", {skipped} skipped" if skipped else "")


def _versions_line(results: list[AddResult]) -> str:
    """``; 2 new versions: 5 notes/flags carried over (4 exact, 1 fuzzy), 1 orphaned``."""
    links = [r.version for r in results if r.added and r.version is not None]
    if not links:
        return ""
    kinds = [
        f"{sum(getattr(v, k) for v in links)} {k}"
        for k in ("exact", "moved", "fuzzy")
        if sum(getattr(v, k) for v in links)
    ]
    carried = sum(v.carried for v in links)
    orphaned = sum(v.orphaned for v in links)
    line = (
        f"; {len(links)} new version{'s' * (len(links) != 1)} of stored documents:"
        f" {carried} reviewed claim{'s' * (carried != 1)} carried over"
    )
    if kinds:
        line += f" ({', '.join(kinds)})"
    line += f", {orphaned} orphaned"
    if orphaned:
        line += " (claimdesk orphans lists them)"
    return line


def _stopped(stop: IngestStopped | IngestInterrupted, results: list[AddResult], as_json: bool):
    """Report an ingest that stopped part-way, and the exit it calls for."""
    done = results + stop.results
    if as_json:
        emit_json(r.to_json() for r in done)
    stored = sum(1 for r in done if r.added)
    claims = sum(r.claims for r in done if r.added)
    why = "interrupted" if stop.interrupted else f"stopped: {stop.cause}"
    output.echo(
        f"{why}; {stored} document{'s' * (stored != 1)} ({claims} claims) stored before"
        f" the stop, {stop.total - len(stop.results)} input(s) not added",
        err=True,
    )
    return click.exceptions.Exit(130 if stop.interrupted else 1)


def _terminate_as_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@contextmanager
def _sigterm_stops_cleanly():
    """SIGTERM stops an ingest as Ctrl+C does (what was stored is reported)."""
    previous = signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
    help="Refuse files and downloads larger than this many megabytes (default 20).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Give up on a URL after this long without an answer (default 20).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Extraction processes (default: one per core from 500 files, else none).",
)
@json_option
@pass_ctx
def add_command(
    ctx: Context, paths, title, source, url, published, max_size, timeout, workers, as_json
) -> None:
    """Add files, folders (recursively), globs, URLs, or - for standard input.

    Reads text, Markdown, HTML, PDF, Word (.docx), OpenDocument (.odt), e-mail (.eml)
    and subtitles (.srt, .vtt); front matter (title:, source:, url:, published:,
    disclaimer:) sets metadata. Claims are extracted from English text; a document in
    another language is stored with its sentences for reading and search, and a line
    says so. Inputs that cannot be read are refused one line each; the others are
    still added, and the exit code is 1. Files in a folder that are not documents are
    skipped, one line each.
    """
    store = ctx.store
    max_bytes = int(max_size * 1024 * 1024) if max_size else None
    results: list[AddResult] = []
    files = [p for p in paths if p != "-"]
    try:
        with _sigterm_stops_cleanly():
            if "-" in paths:
                metadata = {"title": title, "source": source, "url": url, "published": published}
                if max_bytes:
                    metadata["max_bytes"] = max_bytes
                result = store.add_stream(_stdin_bytes(), name="", **metadata)
                if result.refused and not as_json:
                    output.echo(_refusal_line(result), err=True)
                elif result.warning and not as_json:
                    output.echo(_warning_line(result), err=True)
                results.append(result)
            if files:
                results.extend(_add_files(store, files, max_bytes, timeout, workers, as_json))
    except (IngestStopped, IngestInterrupted) as stop:
        raise _stopped(stop, results, as_json) from None
    if as_json:
        emit_json(r.to_json() for r in results)
    else:
        for result in results:
            if result.added and result.note:
                click.echo(f"{output.safe(result.path or result.title).plain}: {result.note}")
        click.echo(add_summary(results) + _versions_line(results))
    if any(r.refused for r in results):
        raise click.exceptions.Exit(1)


def _stdin_bytes():
    """Standard input as bytes (the binary buffer; CliRunner gives tests one too)."""
    return getattr(sys.stdin, "buffer", sys.stdin)


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


version_option = click.option(
    "--version",
    "version",
    type=int,
    default=None,
    metavar="N",
    help="Save only if the value is still at version N (as `show` gives it).",
)
force_option = click.option(
    "--force", is_flag=True, help="Replace the value even if someone else set it meanwhile."
)


def _expected_version(store, claim_id: int, kind: str, new: str, version, force) -> int | None:
    """The version to save against: ``--version``; else the stored one, unless someone
    else (another actor than this store's) set the value and ``--force`` was not given:
    then the save is refused with one line."""
    if version is not None:
        return version
    claim = store.claim(claim_id)
    current = claim.note if kind == "note" else claim.status
    stored = claim.note_version if kind == "note" else claim.status_version
    if force or current == new or stored == 0:
        return stored
    last = next((e for e in reversed(store.history(claim_id)) if e.kind == kind), None)
    if last is None or last.actor == store.actor:
        return stored
    when = last.at.replace("T", " ")[:16]
    shown = one_line_safe(current if len(current) <= 80 else current[:77] + "...")
    raise click.ClickException(
        f"not saved: the {kind} of claim {claim_id} was set by {last.actor} at {when}"
        f" (version {stored}): {shown!r}; add --force to replace it"
        f" (or --version {stored})"
    )


def _refused_over(exc: VersionConflictError) -> click.ClickException:
    theirs = one_line_safe(exc.theirs if len(exc.theirs) <= 80 else exc.theirs[:77] + "...")
    return click.ClickException(
        f"{one_line_safe(str(exc))}; it is now {theirs!r}: add --force to replace it"
    )


@cli.command("flag")
@click.argument("claim_id", type=int)
@click.argument("status", metavar="STATUS")
@version_option
@force_option
@json_option
@pass_ctx
def flag_command(
    ctx: Context, claim_id: int, status: str, version: int | None, force: bool, as_json: bool
) -> None:
    """Set a claim's review status: unreviewed, needs-check, verified, false, ...

    A status someone else set is not replaced without --force.
    """
    store = ctx.store
    expected = _expected_version(store, claim_id, "status", status, version, force)
    try:
        claim = store.set_status(claim_id, status, expected_version=expected)
    except VersionConflictError as exc:
        raise _refused_over(exc) from exc
    if as_json:
        emit_json([claim.to_json()])
    else:
        click.echo(f"claim {claim.id}: {claim.status}")


@cli.command("note")
@click.argument("claim_id", type=int)
@click.argument("text", required=False)
@version_option
@force_option
@json_option
@pass_ctx
def note_command(
    ctx: Context, claim_id: int, text: str | None, version: int | None, force: bool, as_json: bool
) -> None:
    """Set a claim's note (read from standard input when TEXT is omitted or -).

    A note someone else wrote is not replaced without --force.
    """
    if text is None or text == "-":
        if sys.stdin.isatty():
            click.echo("Type the note; end it with Ctrl-D on a line of its own.", err=True)
        text = sys.stdin.read().strip()
    store = ctx.store
    expected = _expected_version(store, claim_id, "note", text, version, force)
    try:
        claim = store.set_note(claim_id, text, expected_version=expected)
    except VersionConflictError as exc:
        raise _refused_over(exc) from exc
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
    store = ctx.store
    events = store.history(claim_id)
    if as_json:
        emit_json(e.to_json() for e in events)
        return
    gone = store.removed_document_of(claim_id)
    if gone is not None:
        output.echo(
            f"claim {claim_id} was in a removed document: {gone.id} {gone.title!r}"
            f" (removed {gone.removed.replace('T', ' ')[:16]}); its history is kept"
        )
    if not events:
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
