"""The ``claimdesk`` command line: ``claimdesk`` opens the reader; subcommands work on the store.

$ claimdesk --db news.db add articles/
$ claimdesk --db news.db search "north korean soldiers"
"""

from __future__ import annotations

import sys

# Subcommand modules register themselves on import.
from . import documents as _documents  # noqa: E402,F401
from . import eval_attribution as _eval_attribution  # noqa: F401
from . import eval_detect as _eval_detect  # noqa: F401
from . import eval_matching as _eval_matching  # noqa: E402,F401
from . import related as _related  # noqa: F401
from .main import cli


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(prog_name="claimdesk", standalone_mode=True))


__all__ = ["cli", "main"]
