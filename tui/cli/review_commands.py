"""Review commands: flag, note and history, with the version check that keeps someone
else's flag or note from being replaced unseen.

$ claimdesk flag 42 verified && claimdesk note 42 "Matches the ministry's figure."
$ claimdesk history 42
"""

from __future__ import annotations

import sys

import click

from claimdesk.store.errors import VersionConflictError
from claimdesk.store.safe_text import one_line_safe
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx

json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")


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


def _save(store, claim_id: int, kind: str, new: str, version, force):
    """Save a claim's ``kind`` (``"status"`` or ``"note"``) as ``new`` against the version
    the user saw; a change made meanwhile is refused with one line."""
    expected = _expected_version(store, claim_id, kind, new, version, force)
    save = store.set_note if kind == "note" else store.set_status
    try:
        return save(claim_id, new, expected_version=expected)
    except VersionConflictError as exc:
        raise _refused_over(exc) from exc


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
    claim = _save(ctx.store, claim_id, "status", status, version, force)
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
    claim = _save(ctx.store, claim_id, "note", text, version, force)
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
