"""Exports and the annotation round trip: export claimreview|annotations|csv|markdown, import annotations.

$ claimdesk export claimreview --out reviews.json
$ claimdesk export csv --status false --bom --out false-claims.csv
$ claimdesk export markdown --doc 3 > dossier.md
$ claimdesk export annotations --out notes.jsonld && claimdesk --db other.db import annotations notes.jsonld
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimdesk.store import STATUSES
from claimdesk.store.exports import FORMATS, Organisation, Selection, export_text
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx
from claimdesk.tui.cli.related_commands import parse_since
from claimdesk.tui.config import load_config
from claimdesk.tui.paths import config_path


def configured_organisation(
    name: str | None = None, url: str | None = None, review_url: str | None = None
) -> Organisation:
    """The config file's ``[organisation]``, with command-line values taking precedence."""
    configured = load_config(config_path()).organisation
    return Organisation(
        name=name if name is not None else configured.get("name", ""),
        url=url if url is not None else configured.get("url", ""),
        review_url=review_url if review_url is not None else configured.get("review_url", ""),
    )


@cli.command("export")
@click.argument("kind", metavar="FORMAT", type=click.Choice(FORMATS))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here instead of standard output.",
)
@click.option("--doc", "doc_id", type=int, default=None, help="Only this document.")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status.")
@click.option("--notes", is_flag=True, help="Only claims with a note.")
@click.option("--since", help="Only claims flagged or noted since this date/time or age (24h, 2d).")
@click.option(
    "--all", "everything", is_flag=True, help="Every claim, not only flagged or noted ones."
)
@click.option("--bom", is_flag=True, help="CSV: start with a byte-order mark (for spreadsheets).")
@click.option(
    "--by",
    type=click.Choice(("document", "status")),
    default="document",
    show_default=True,
    help="Markdown: one section per document or per status.",
)
@click.option("--title", default="", help="Markdown and annotations: the dossier's title.")
@click.option("--organisation", "org_name", default=None, help="ClaimReview: reviewer name.")
@click.option("--review-url", default=None, help="ClaimReview: base URL of the reviews.")
@pass_ctx
def export_command(
    ctx: Context,
    kind: str,
    out: Path | None,
    doc_id: int | None,
    status: str | None,
    notes: bool,
    since: str | None,
    everything: bool,
    bom: bool,
    by: str,
    title: str,
    org_name: str | None,
    review_url: str | None,
) -> None:
    """Export the desk's work as FORMAT: claimreview (schema.org JSON-LD of reviewed claims),
    annotations (W3C Web Annotations of notes and flags), csv or markdown (a dossier).

    By default the claims with a status or a note; --all for every claim. The reviewing
    organisation comes from the config file's [organisation] table (name, url, review_url).
    """
    selection = Selection(
        doc_id=doc_id, status=status, notes=notes, since=parse_since(since), everything=everything
    )
    text = export_text(
        ctx.store,
        kind,
        selection,
        organisation=configured_organisation(org_name, review_url=review_url),
        bom=bom,
        by=by,
        title=title,
    )
    if out is None:
        click.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8", newline="")
    click.echo(f"wrote {kind} to {out}", err=True)


@cli.group("import")
def import_group() -> None:
    """Bring exported work back into a store."""


@import_group.command("annotations")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--replace", is_flag=True, help="Overwrite notes and statuses that differ.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@pass_ctx
def import_annotations_command(ctx: Context, file: Path, replace: bool, as_json: bool) -> None:
    """Re-attach exported notes and flags (W3C Web Annotations) to the same documents in this
    store, by quote and position. Importing twice changes nothing; what could not be
    placed is listed."""
    data = json.loads(file.read_text(encoding="utf-8-sig"))
    outcome = ctx.store.import_annotations(data, replace=replace)
    if as_json:
        emit_json([outcome.to_json()])
        return
    click.echo(
        f"{outcome.placed} placed, {outcome.unchanged} already there,"
        f" {len(outcome.conflicts)} kept as they were, {len(outcome.unplaced)} not placed"
    )
    for line in outcome.conflicts:
        click.echo(f"  kept: {line}")
    for line in outcome.unplaced:
        click.echo(f"  not placed: {line}")
