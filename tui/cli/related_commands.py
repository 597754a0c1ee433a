"""Related-claims commands: related, link, feedback, conflicts, alias.

$ claimdesk related 42 --limit 5
$ claimdesk related 42 --weaker
$ claimdesk link 42 97 wrong
$ claimdesk feedback --json
$ claimdesk conflicts --json
$ claimdesk conflicts --since 24h
$ claimdesk alias add DPRK "North Korea"
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import click

from claimdesk.store.models import VERDICTS
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx

json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")


@cli.command("related")
@click.argument("claim_id", type=int)
@click.option("--limit", "-n", default=10, show_default=True, help="How many related claims.")
@click.option("--weaker", is_flag=True, help="Also list up to LIMIT weaker matches after them.")
@click.option("--all", "show_all", is_flag=True, help="Weaker matches and links marked wrong too.")
@json_option
@pass_ctx
def related_command(
    ctx: Context, claim_id: int, limit: int, weaker: bool, show_all: bool, as_json: bool
) -> None:
    """Claims in other reports of the same incident that agree with, differ from, contradict
    or relate to CLAIM_ID.

    Only matches that are probably from another report of the same incident are listed;
    --weaker adds the rest (marked "weaker"), --all also the links marked wrong.
    """
    hits = ctx.store.related(claim_id, limit=limit, weaker=weaker or show_all, hidden=show_all)
    if as_json:
        emit_json(h.to_json() for h in hits)
        return
    claim = ctx.store.claim(claim_id)
    output.console().print(output.safe(f"claim {claim.id}: {claim.text}"))
    if not hits:
        click.echo("no related claims shown: try --weaker" if not weaker else "no related claims")
        return
    rows = (
        (
            h.claim.id,
            document_cell(h),
            f"{h.score:.0f}",
            "" if h.evidence is None else f"{h.evidence:.2f}",
            h.relation + ("" if h.shown else " (weaker)") + verdict_note(h.feedback),
            "; ".join(p for p in (h.why, h.evidence_why) if p),
            h.claim.text,
        )
        for h in hits
    )
    output.print_table(
        ("id", "document", "score", "same incident", "relation", "why", "text"), rows
    )


def document_cell(hit) -> str:
    """The document a related claim is in, with its copies: ``Wire (also in 2 documents)``."""
    cell = hit.doc_title + (" (same document)" if hit.same_document else "")
    if hit.also_in:
        cell += f" (also in {hit.also_in} document{'s' if hit.also_in != 1 else ''})"
    return cell


def verdict_note(verdict: str) -> str:
    """How a reader's verdict is shown beside the relation.

    >>> verdict_note("wrong"), verdict_note("")
    (' [marked wrong]', '')
    """
    return {
        "wrong": " [marked wrong]",
        "right": " [marked right]",
        "contradicts": " [contradiction confirmed]",
    }.get(verdict, "")


@cli.command("link")
@click.argument("claim_id", type=int)
@click.argument("other_id", type=int)
@click.argument("verdict", type=click.Choice([*VERDICTS, "clear"]))
@pass_ctx
def link_command(ctx: Context, claim_id: int, other_id: int, verdict: str) -> None:
    """Judge the related link CLAIM_ID - OTHER_ID: wrong, right, contradicts, or clear.

    A link marked wrong is hidden from then on (related pane, `related`, `conflicts`);
    undo in the reader (u) or `clear` takes the verdict back (both are in the history).
    """
    store = ctx.store
    store.claim(claim_id)
    store.claim(other_id)
    match = next(
        (h for h in store.related(claim_id, weaker=True, hidden=True) if h.claim.id == other_id),
        None,
    )
    changed = store.mark_link(
        claim_id,
        other_id,
        "" if verdict == "clear" else verdict,
        relation=match.relation if match else "",
        score=match.score if match else None,
    )
    what = "cleared" if verdict == "clear" else f"marked {verdict}"
    click.echo(f"{what}: {claim_id} - {other_id}" if changed else "no change")


@cli.command("feedback")
@json_option
@pass_ctx
def feedback_command(ctx: Context, as_json: bool) -> None:
    """Every verdict readers gave on related links, with both claims: evaluation data.

    --json lines carry ``a`` and ``b`` (text, title, published) and ``label`` in the
    vocabulary of labelled claim pairs (wrong = unrelated; a contradiction = contradicts;
    right = the relation the matcher gave, when it is agrees or differs).
    """
    rows = feedback_rows(ctx.store)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("no feedback yet")
        return
    output.print_table(
        ("claim", "other", "verdict", "relation", "claim text", "other text"),
        (
            (
                r["claim_id"],
                r["other_id"],
                r["verdict"],
                r["relation"],
                r["a"]["text"],
                r["b"]["text"],
            )
            for r in rows
        ),
    )


_LABELS = {"wrong": "unrelated", "contradicts": "contradicts"}


def feedback_rows(store) -> list[dict]:
    """The store's link verdicts as JSON-ready rows (see ``claimdesk feedback``)."""
    out = []
    for item in store.link_feedback():
        sides = []
        for claim_id in (item.claim_id, item.other_id):
            claim = store.claim(claim_id)
            doc = store.document(claim.doc_id)
            sides.append(
                {"id": claim.id, "text": claim.text, "title": doc.title, "published": doc.published}
            )
        row = {
            "id": f"{item.claim_id}-{item.other_id}",
            "claim_id": item.claim_id,
            "other_id": item.other_id,
            "verdict": item.verdict,
            "relation": item.relation,
            "score": item.score,
            "at": item.at,
            "actor": item.actor,
            "a": sides[0],
            "b": sides[1],
        }
        label = _LABELS.get(item.verdict)
        if item.verdict == "right" and item.relation in ("agrees", "differs", "contradicts"):
            label = item.relation
        if label:
            row["label"] = label
        out.append(row)
    return out


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
    output.echo(f"{'added' if added else 'already known'}: {alias} = {canonical}")


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
