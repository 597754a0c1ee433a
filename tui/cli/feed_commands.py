"""Feed commands: follow, unfollow, feeds, update.

$ claimdesk follow https://example.org/rss.xml
$ claimdesk update && claimdesk conflicts --since 24h
$ claimdesk docs --new
"""

from __future__ import annotations

import click

from claimdesk.store import AddResult
from claimdesk.store.models import FeedUpdate
from claimdesk.tui.cli import output
from claimdesk.tui.cli.main import Context, cli, emit_json, pass_ctx

json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Give up on a URL after this long without an answer (default 20).",
)


@cli.command("follow")
@click.argument("urls", nargs=-1, required=True)
@timeout_option
@pass_ctx
def follow_command(ctx: Context, urls, timeout) -> None:
    """Follow RSS or Atom feeds (or the feed a web page names); `update` fetches them."""
    failed = False
    for url in urls:
        try:
            feed, entries = ctx.store.follow(url, timeout=timeout)
        except ValueError as exc:  # not a feed, not reachable: one line, the others go on
            click.echo(output.safe(f"could not follow {url}: {exc}").plain, err=True)
            failed = True
            continue
        name = feed.title or feed.url
        click.echo(
            output.safe(f"following {feed.id}: {name} ({entries} entries now)").plain
            + "; `claimdesk update` fetches them"
        )
    if failed:
        raise click.exceptions.Exit(1)


@cli.command("unfollow")
@click.argument("feed_id", type=int)
@pass_ctx
def unfollow_command(ctx: Context, feed_id: int) -> None:
    """Stop following a feed (the documents it brought stay)."""
    ctx.store.unfollow(feed_id)
    click.echo(f"no longer following feed {feed_id}")


@cli.command("feeds")
@json_option
@pass_ctx
def feeds_command(ctx: Context, as_json: bool) -> None:
    """List followed feeds: entries seen, documents stored, when last checked."""
    feeds = ctx.store.feeds()
    if as_json:
        emit_json(f.to_json() for f in feeds)
    elif not feeds:
        click.echo("no feeds yet: follow one with `claimdesk follow URL`")
    else:
        output.print_table(
            ("id", "title", "url", "entries", "documents", "checked", "status"),
            ((f.id, f.title, f.url, f.entries, f.documents, f.checked, f.status) for f in feeds),
        )


def feed_line(update: FeedUpdate) -> str:
    """One line for a feed after an update: what it brought, or why it could not be read."""
    name = update.feed.title or update.feed.url
    if update.problem:
        return f"{name}: could not read the feed: {update.problem}"
    parts = [f"{update.added} new", f"{update.seen} seen before"]
    if update.present:
        parts.append(f"{update.present} already stored")
    if update.failed:
        parts.append(f"{update.failed} failed")
    return f"{name}: " + ", ".join(parts)


@cli.command("update")
@timeout_option
@json_option
@pass_ctx
def update_command(ctx: Context, timeout, as_json: bool) -> None:
    """Fetch every followed feed and add the entries not seen before.

    One line per feed; an entry or feed that fails is one line and is tried again on
    the next update. `claimdesk docs --new` lists what came in, `claimdesk conflicts
    --since 1h` what conflicts with it.
    """
    store = ctx.store
    if not store.feeds():
        click.echo("no feeds yet: follow one with `claimdesk follow URL`")
        return
    with output.progress_bar("updating") as bar:
        task = bar.add_task("update", total=None)

        def progress(done: int, total: int, result: AddResult) -> None:
            """Advance the bar; print a failed entry above it."""
            bar.update(task, completed=done, total=total)
            if result.refused and not as_json:
                line = f"failed {result.path}: {result.reason}"
                bar.console.print(output.safe(line), soft_wrap=True)

        def on_feed(update: FeedUpdate) -> None:
            """Print the feed's summary line as soon as it is done."""
            if not as_json:
                bar.console.print(output.safe(feed_line(update)), soft_wrap=True)

        updates = store.update_feeds(progress=progress, on_feed=on_feed, timeout=timeout)
    if as_json:
        emit_json(u.to_json() for u in updates)
    else:
        added = sum(u.added for u in updates)
        if added:
            plural = "s" * (added != 1)
            click.echo(f"added {added} document{plural}; `claimdesk docs --new` lists them")
        else:
            click.echo("nothing new")
    if any(u.problem or u.failed for u in updates):
        raise click.exceptions.Exit(1)
