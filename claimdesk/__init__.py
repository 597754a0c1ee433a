"""claimdesk: a terminal reader for checking what the news claims.

The one import name of the distribution. Its parts live in the project's top-level
folders and install beneath this package:

- :mod:`claimdesk.store`: storage, ingest, claim extraction, search, review and
  matching, with no user interface;
- :mod:`claimdesk.tui`: the reader and the ``claimdesk`` command line;
- :mod:`claimdesk.seeds`: the demo corpus.

    >>> from claimdesk.store import Store
    >>> Store.open(":memory:").summary().documents
    0
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("claimdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
