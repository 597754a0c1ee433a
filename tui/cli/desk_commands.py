"""``claimdesk desk``: who may read and who may change a desk store on PostgreSQL.

$ claimdesk --db postgresql://owner@db.example.org/desk desk grant-writer ana --password
$ claimdesk --db postgresql://owner@db.example.org/desk desk grant-reader intern
"""

from __future__ import annotations

import click

from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, pass_ctx

WHAT = {
    "reader": "may read and search, and change nothing",
    "writer": "may read, search, add documents, flag and note",
}

password_option = click.option(
    "--password",
    "ask_password",
    is_flag=True,
    help="Ask for the role's login password (set or changed).",
)


@cli.group("desk")
def desk_group() -> None:
    """Roles on a desk store on PostgreSQL (run as the desk's owner)."""


def _grant(ctx: Context, name: str, access: str, ask_password: bool) -> None:
    password = (
        click.prompt(f"password for {name}", hide_input=True, confirmation_prompt=True)
        if ask_password
        else None
    )
    created = ctx.store.grant(name, access, password=password)
    made = "created the role" if created else "role"
    output.echo(f"{made} {name}: a {access} of this desk ({WHAT[access]})")


@desk_group.command("grant-reader")
@click.argument("name")
@password_option
@pass_ctx
def grant_reader(ctx: Context, name: str, ask_password: bool) -> None:
    """Let the database role NAME read and search the desk, and change nothing (the
    server refuses its flags, notes and documents). Creates the role if needed."""
    _grant(ctx, name, "reader", ask_password)


@desk_group.command("grant-writer")
@click.argument("name")
@password_option
@pass_ctx
def grant_writer(ctx: Context, name: str, ask_password: bool) -> None:
    """Let the database role NAME read, search, add documents, flag and note (never
    rewrite the history). Creates the role if needed."""
    _grant(ctx, name, "writer", ask_password)
