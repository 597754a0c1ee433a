"""``claimdesk copy SRC DST``: a whole store into an empty one, between files and servers.

$ claimdesk copy ~/desk.db postgresql://desk@db.example.org/desk
$ claimdesk copy postgresql://desk@db.example.org/desk backup.db --replace

A store file is written beside its final name and moved into place only once the copy
is complete and checked, so an interrupted copy never leaves half a store; with
``--replace`` the old file stays as it was until then.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from claimdesk.store import Store
from claimdesk.store.database.dialect import is_postgres_url, redacted
from claimdesk.store.database.store_copy import CopyError, CopyReport, copy_store, records_held
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import cli


def _open_source(source: str) -> Store:
    if not is_postgres_url(source):
        path = Path(source).expanduser()
        if not path.is_file():
            raise CopyError(f"cannot copy: there is no store file {source}")
    return Store.open(source)


def _refuse_nonempty(store: Store, target: str) -> None:
    held = records_held(store.db)
    if held:
        what = ", ".join(f"{n} {t}" for t, n in held.items())
        raise CopyError(
            f"cannot copy: {redacted(target)} already holds a store ({what});"
            " copy into an empty one, or pass --replace to replace it"
        )


def _remove_file_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def file_destination(target: str, replace: bool) -> Iterator[Store]:
    """An empty store beside the file ``target``, moved onto ``target`` when the block ends
    without error (removed otherwise)."""
    path = Path(target).expanduser()
    if path.exists():
        if path.is_dir():
            raise CopyError(f"cannot copy: {target} is a folder; name a store file")
        if not replace:
            existing = Store.open(path)
            try:
                _refuse_nonempty(existing, target)
            finally:
                existing.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.copying-{secrets.token_hex(4)}")
    store = Store.open(partial)
    try:
        yield store
    except BaseException:
        store.close()
        _remove_file_store(partial)
        raise
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(partial, path)
    _remove_file_store(partial)


@contextmanager
def server_destination(target: str, replace: bool) -> Iterator[Store]:
    """The store on a server at ``target``, which must be empty unless ``replace``."""
    store = Store.open(target)
    try:
        if not replace:
            _refuse_nonempty(store, target)
        yield store
    finally:
        store.close()


def _same(source: str, target: str) -> bool:
    if is_postgres_url(source) or is_postgres_url(target):
        return source.rstrip("/") == target.rstrip("/")
    return Path(source).expanduser().resolve() == Path(target).expanduser().resolve()


def report_lines(report: CopyReport) -> list[tuple[str, int, int, str, str]]:
    """One row a table: name, rows in the source and the copy, checksum, and whether they match."""
    return [
        (
            t.name,
            t.source_rows,
            t.target_rows,
            t.source_checksum[:16],
            "yes" if t.matched else f"NO (copy {t.target_checksum[:16]})",
        )
        for t in report.tables
    ]


@cli.command("copy")
@click.argument("source", metavar="SRC")
@click.argument("target", metavar="DST")
@click.option(
    "--replace",
    is_flag=True,
    help="Replace what DST holds (by default a store that holds anything is refused).",
)
def copy_command(source: str, target: str, replace: bool) -> None:
    """Copy the whole store SRC into DST, history and ids included.

    SRC and DST are store files or postgresql:// URLs. Every table's row count and
    content checksum are compared at the end; any difference fails the command.
    """
    if _same(source, target):
        raise CopyError("cannot copy a store onto itself")
    if is_postgres_url(target) and replace:
        raise CopyError(
            "cannot copy: --replace is for store files; on a server, copy into an empty database"
        )
    store = _open_source(source)
    destination = server_destination if is_postgres_url(target) else file_destination
    try:
        with destination(target, replace) as copy:
            with output.progress_bar("copying {task.description}") as bar:
                task = bar.add_task("", total=None)

                def progress(table: str, done: int, total: int) -> None:
                    """Advance the bar."""
                    bar.update(task, completed=done, total=total, description=table)

                report = copy_store(store, copy, progress)
            output.print_table(
                ("table", "source rows", "copied rows", "checksum", "match"), report_lines(report)
            )
            if not report.matched:
                raise CopyError(
                    f"copy failed: {', '.join(report.mismatched())} differ from the source;"
                    f" {redacted(target)} was left as it was"
                )
    finally:
        store.close()
    output.echo(
        f"copied {report.rows:,} rows from {redacted(source)} to {redacted(target)} in"
        f" {report.seconds:.2f} s; every table's count and checksum match"
    )
