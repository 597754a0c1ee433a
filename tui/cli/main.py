"""The root ``claimdesk`` group, its global options and shared helpers for subcommands."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from claimdesk.store import NotFoundError, Store, UnknownStatusError
from claimdesk.store.errors import StoreError, store_error
from claimdesk.store.safe_text import json_text, one_line_safe
from claimdesk.tui.config import config_user
from claimdesk.tui.factory import create_app, open_store
from claimdesk.tui.paths import config_path


class Context:
    """What every subcommand gets: the ``--db`` choice, opened lazily, and who is working."""

    def __init__(self, db: str | None, actor: str | None = None):
        self.db = db
        self.actor = actor
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The store, opened (and seeded if it is the default) on first use, as the actor:
        ``--as NAME``, else ``user`` in the config file, else the login name."""
        if self._store is None:
            self._store = open_store(self.db, actor=self.actor or config_user(config_path()))
        return self._store


pass_ctx = click.make_pass_decorator(Context)


def quiet_closed_pipe() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush into a
    pipe whose reader has gone (``claimdesk claims --json | head -1``) says nothing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _store_path(ctx: click.Context) -> str:
    """The store's path, if a command opened it (for "disk full" checks)."""
    store = getattr(ctx.obj, "_store", None)
    return store.path if store is not None else (getattr(ctx.obj, "db", None) or "")


class ClaimdeskGroup(click.Group):
    """A group that turns store errors into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand, reporting expected errors without a traceback."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            quiet_closed_pipe()
            raise click.exceptions.Exit(0) from None
        except StoreError as exc:
            # a damaged, newer, read-only, busy or full store: its one line, as it is
            raise click.ClickException(one_line_safe(str(exc))) from exc
        except (NotFoundError, UnknownStatusError, ValueError, OSError) as exc:
            translated = store_error(exc, _store_path(ctx)) if isinstance(exc, OSError) else None
            if translated is not None:
                raise click.ClickException(one_line_safe(str(translated))) from exc
            # str() of a one-argument KeyError quotes it; the message is the argument
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
            raise click.ClickException(one_line_safe(str(message))) from exc
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            # Anything else is still one line; CLAIMDESK_DEBUG=1 shows the traceback.
            if os.environ.get("CLAIMDESK_DEBUG"):
                raise
            translated = store_error(exc, _store_path(ctx))
            message = str(translated) if translated else f"{type(exc).__name__}: {exc}"
            raise click.ClickException(one_line_safe(message)) from exc


@click.group(cls=ClaimdeskGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db",
    metavar="PATH|URL",
    help="The store to use: a file, or a postgresql:// URL for a shared desk (default:"
    " $CLAIMDESK_DB, else the user data dir).",
)
@click.option(
    "--as",
    "actor",
    metavar="NAME",
    help="Who is making changes (default: user in the config file, else the database role"
    " on a postgresql:// store, else the login name).",
)
@click.version_option(package_name="claimdesk")
@click.pass_context
def cli(ctx: click.Context, db: str | None, actor: str | None) -> None:
    """claimdesk: read documents beside their claims, find related, differing and contradicting claims."""
    ctx.obj = Context(db, actor)
    if ctx.invoked_subcommand is None:
        app = create_app(ctx.obj.store)
        app.run()


@cli.group("eval")
def eval_group() -> None:
    """Measure claimdesk's detection, matching and attribution on labelled data."""


@cli.group("train")
def train_group() -> None:
    """Rebuild claimdesk's shipped models from labelled data."""


def out_option(required: bool = False):
    """The ``--out PRED.jsonl`` option of the ``eval`` commands (``required`` where the
    predictions are the point: the matching evaluations)."""
    optional = {} if required else {"default": None}
    return click.option(
        "--out",
        "out",
        type=click.Path(dir_okay=False, path_type=Path),
        required=required,
        help="Write predictions here (JSON Lines).",
        **optional,
    )


predictions_option = out_option()
"""The ``--out PRED.jsonl`` option of the ``eval`` commands that may skip writing."""


def emit_json(items: Iterable[dict[str, Any]]) -> None:
    """Print one JSON object a line (control and escape characters as ``\\u`` escapes)."""
    for item in items:
        click.echo(json_text(item))
