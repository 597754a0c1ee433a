"""The ``claimdesk`` command line: ``claimdesk`` opens the reader; subcommands work on the store.

$ claimdesk --db news.db add articles/
$ claimdesk --db news.db search "north korean soldiers"
"""

from __future__ import annotations

import sys

from claimdesk.tui.cli import add_command as _add  # noqa: F401
from claimdesk.tui.cli import eval_attribution as _eval_attribution  # noqa: F401
from claimdesk.tui.cli import eval_checked as _eval_checked  # noqa: F401
from claimdesk.tui.cli import eval_detect as _eval_detect  # noqa: F401
from claimdesk.tui.cli import eval_matching as _eval_matching  # noqa: F401
from claimdesk.tui.cli import eval_relations as _eval_relations  # noqa: F401
from claimdesk.tui.cli import export_commands as _exports  # noqa: F401
from claimdesk.tui.cli import factcheck_commands as _factchecks  # noqa: F401
from claimdesk.tui.cli import feed_commands as _feeds  # noqa: F401
from claimdesk.tui.cli import queue_commands as _queue  # noqa: F401
from claimdesk.tui.cli import related_commands as _related  # noqa: F401
from claimdesk.tui.cli import review_commands as _review  # noqa: F401

# Subcommand modules register themselves on import.
from claimdesk.tui.cli import store_commands as _documents  # noqa: F401
from claimdesk.tui.cli.main import cli, quiet_closed_pipe


def main() -> None:
    """Console-script entry point.

    A reader that stops reading (``claimdesk claims --json | head -1``) ends the
    command quietly with status 0, as ``git`` and ``sqlite-utils`` do.
    """
    try:
        status = cli.main(prog_name="claimdesk", standalone_mode=True)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_closed_pipe()
        status = 0
    sys.exit(status)


__all__ = ["cli", "main"]
