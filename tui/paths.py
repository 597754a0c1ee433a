"""Where claimdesk keeps its files: the default store and the user config.

>>> default_db_path().name
'claimdesk.db'
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "claimdesk"
DB_ENV = "CLAIMDESK_DB"
CONFIG_ENV = "CLAIMDESK_CONFIG"


def default_db_path() -> Path:
    """The default store in the platform's user data directory."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "claimdesk.db"


def config_path() -> Path:
    """The user config file (key bindings, theme): ``$CLAIMDESK_CONFIG`` or the user config dir."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def resolve_db_path(explicit: str | None) -> tuple[Path | str, bool]:
    """The store to open and whether it is the default one (``--db``, then ``$CLAIMDESK_DB``).

    A ``postgresql://`` URL comes back as it is (a desk store on a server).
    """
    for named in (explicit, os.environ.get(DB_ENV)):
        if named:
            if named.startswith(("postgresql://", "postgres://")):
                return named, False
            return Path(named).expanduser(), False
    return default_db_path(), True
