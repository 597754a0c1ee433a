"""Related-claims commands: related, conflicts, alias.

$ claimdesk related 42 --limit 5
$ claimdesk conflicts --json
$ claimdesk conflicts --since 24h
$ claimdesk alias add DPRK "North Korea"
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import click

from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx

json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")


@cli.command("related")
@click.argument("claim_id", type=int)
@click.option("--limit", "-n", default=10, show_default=True, help="How many related claims.")
@json_option
@pass_ctx
def related_command(ctx: Context, claim_id: int, limit: int, as_json: bool) -> None:
    """Claims in other documents (then the same one) that agree with, differ from, contradict
    or relate to CLAIM_ID."""
    hits = ctx.store.related(claim_id, limit=limit)
    if as_json:
        emit_json(h.to_json() for h in hits)
        return
    claim = ctx.store.claim(claim_id)
    output.console().print(output.safe(f"claim {claim.id}: {claim.text}"))
    if not hits:
        click.echo("no related claims")
        return
    rows = (
        (
            h.claim.id,
            f"{h.doc_title}{' (same document)' if h.same_document else ''}",
            f"{h.score:.0f}",
            h.relation,
            h.why,
            h.claim.text,
        )
        for h in hits
    )
    output.print_table(("id", "document", "score", "relation", "why", "text"), rows)


_RELATIVE = re.compile(r"(\d+)\s*([hdw])")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str | None) -> str | None:
    """``--since`` as an ISO UTC time: ``2026-11-26``, ``2026-11-26T08:00`` or ``24h``/``2d``/``1w`` ago.

    >>> parse_since("2026-11-26")
    '2026-11-26'
    """
    if value is None:
        return None
    value = value.strip()
    relative = _RELATIVE.fullmatch(value)
    if relative:
        try:
            delta = timedelta(**{_UNITS[relative.group(2)]: int(relative.group(1))})
            return (datetime.now(UTC) - delta).isoformat(timespec="seconds")
        except (OverflowError, ValueError):
            return "0001-01-01"  # longer ago than dates go: everything
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise click.ClickException(
            f"--since {value!r} is not a date (2026-11-26), a time (2026-11-26T08:00) or an age (24h, 2d, 1w)"
        ) from None
    return value


@cli.command("conflicts")
@click.option("--limit", "-n", type=int, default=None, help="Only the first N pairs.")
@click.option(
    "--since",
    help="Only pairs with a document added since this UTC date/time, or this long ago (24h, 2d).",
)
@json_option
@pass_ctx
def conflicts_command(ctx: Context, limit: int | None, since: str | None, as_json: bool) -> None:
    """Every pair of claims in different documents whose figures or dates contradict each other,
    then those that differ (compatible but different figures); most check-worthy first."""
    since = parse_since(since)
    with output.progress_bar("checking claims") as bar:
        task = bar.add_task("conflicts", total=None)
        pairs = ctx.store.conflicts(
            limit,
            since=since,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    if as_json:
        emit_json(p.to_json() for p in pairs)
        return
    if not pairs:
        click.echo("no contradicting or differing claims")
        return
    rows = (
        (
            p.other.relation,
            p.claim.id,
            p.claim.text,
            p.other.claim.id,
            p.other.claim.text,
            p.other.why,
        )
        for p in pairs
    )
    output.print_table(("relation", "id", "claim", "other", "other claim", "why"), rows)


@cli.group("alias")
def alias_group() -> None:
    """Names that mean the same thing when matching claims (DPRK = North Korea)."""


@alias_group.command("add")
@click.argument("alias")
@click.argument("canonical")
@pass_ctx
def alias_add(ctx: Context, alias: str, canonical: str) -> None:
    """Make ALIAS match CANONICAL (and every other name of it)."""
    added = ctx.store.add_alias(alias, canonical)
    click.echo(f"{'added' if added else 'already known'}: {alias} = {canonical}")


@alias_group.command("list")
@json_option
@pass_ctx
def alias_list(ctx: Context, as_json: bool) -> None:
    """Every alias, user-made and learned from the documents ("Name (ACR)")."""
    rows = ctx.store.aliases()
    if as_json:
        emit_json({"alias": a, "canonical": c, "origin": o} for a, c, o in rows)
    elif rows:
        output.print_table(("alias", "canonical", "origin"), rows)
    else:
        click.echo("no aliases")


@alias_group.command("rm")
@click.argument("alias")
@click.argument("canonical", required=False)
@pass_ctx
def alias_rm(ctx: Context, alias: str, canonical: str | None) -> None:
    """Forget ALIAS (only its link to CANONICAL if given)."""
    removed = ctx.store.remove_alias(alias, canonical)
    if not removed:
        raise click.ClickException(f"no alias {alias!r}")
    click.echo(f"removed {removed} alias{'es' if removed != 1 else ''}")
