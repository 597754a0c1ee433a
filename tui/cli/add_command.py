"""The ``add`` command: files, folders, globs, URLs and standard input into the store.

$ claimdesk add reports/ "archive/**/*.html"
$ cat article.txt | claimdesk add - --title "Floods" --source "Daily Ledger"
"""

from __future__ import annotations

import signal
import sys
from contextlib import contextmanager

import click

from claimdesk.store import AddResult
from claimdesk.store.ingest.writer import IngestInterrupted, IngestStopped
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx

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
