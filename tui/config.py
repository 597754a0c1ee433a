"""The user config file: theme and key remapping, read with :mod:`tomllib`.

    theme = "nord"

    [keys]
    flag = "s,f2"      # binding id = comma-separated keys
    search = "slash,ctrl+f"

    [organisation]     # who publishes exports (ClaimReview author, review URLs)
    name = "Harbour Fact Desk"
    url = "https://desk.example"
    review_url = "https://desk.example/checks/"   # + each claim's slug, or a {slug} template

Unknown binding ids and unreadable files never stop the reader: they become
``problems`` shown in the status bar.

    >>> load_config_text('theme = "nord"\\n[keys]\\nflag = "f2"').keys
    {'flag': 'f2'}
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from claimdesk.tui.bindings import BINDING_IDS


@dataclass(frozen=True)
class Config:
    """What the config file sets: a theme name, a keymap and any problems found."""

    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    organisation: dict[str, str] = field(default_factory=dict)


ORGANISATION_KEYS = ("name", "url", "review_url")
"""What the ``[organisation]`` table may set."""


def _organisation(data: dict, problems: list[str]) -> dict[str, str]:
    raw = data.get("organisation", {})
    if not isinstance(raw, dict):
        problems.append("config: [organisation] must be a table")
        return {}
    found = {}
    for key, value in raw.items():
        if key not in ORGANISATION_KEYS:
            problems.append(f"config: unknown [organisation] key {key!r}")
        elif not isinstance(value, str):
            problems.append(f"config: [organisation] {key} must be a string")
        else:
            found[key] = value.strip()
    return found


def load_config_text(text: str) -> Config:
    """Parse config TOML text; bad entries are reported, not raised."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(problems=(f"config not read: {exc}",))
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append("config: theme must be a string")
        theme = None
    keys: dict[str, str] = {}
    raw_keys = data.get("keys", {})
    if not isinstance(raw_keys, dict):
        problems.append("config: [keys] must be a table")
        raw_keys = {}
    for binding_id, value in raw_keys.items():
        if binding_id not in BINDING_IDS:
            problems.append(f"config: unknown binding id {binding_id!r}")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"config: keys for {binding_id!r} must be a non-empty string")
        else:
            keys[binding_id] = value.replace(" ", "")
    organisation = _organisation(data, problems)
    return Config(theme=theme, keys=keys, problems=tuple(problems), organisation=organisation)


def load_config(path: Path | None) -> Config:
    """Read the config file at ``path``; a missing file is an empty config."""
    if path is None or not path.is_file():
        return Config()
    try:
        return load_config_text(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Config(problems=(f"config not read: {exc}",))
