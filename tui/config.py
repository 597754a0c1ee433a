"""The user config file: who you are, the theme and key remapping, read with :mod:`tomllib`.

    user = "alice"     # who your flags and notes are by (else your login name)
    theme = "nord"     # kept up to date when you choose a theme in the palette

    [keys]
    flag = "s,f2"      # binding id = comma-separated keys
    search = "slash,ctrl+f"

    [organisation]     # who publishes exports (ClaimReview author, review URLs)
    name = "Harbour Fact Desk"
    url = "https://desk.example"
    review_url = "https://desk.example/checks/"   # + each claim's slug, or a {slug} template

Unknown binding ids and unreadable files never stop the reader: they become
``problems`` shown in the status bar.

    >>> load_config_text('theme = "nord"\\nuser = "alice"\\n[keys]\\nflag = "f2"').keys
    {'flag': 'f2'}
    >>> with_theme('user = "alice"\\n\\n[keys]\\nflag = "f2"\\n', "nord")
    'theme = "nord"\\nuser = "alice"\\n\\n[keys]\\nflag = "f2"\\n'
    >>> with_theme('theme = "nord"  # mine\\n', "gruvbox")
    'theme = "gruvbox"\\n'
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

_THEME_LINE = re.compile(r"^[ \t]*theme[ \t]*=.*$", re.MULTILINE)
_TABLE = re.compile(r"^[ \t]*\[", re.MULTILINE)


@dataclass(frozen=True)
class Config:
    """What the config file sets: a theme name, a keymap, the user, the organisation that
    publishes exports and any problems found."""

    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    organisation: dict[str, str] = field(default_factory=dict)
    user: str | None = None


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
    from claimdesk.tui.bindings import BINDING_IDS

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(problems=(f"config not read: {exc}",))
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append("config: theme must be a string")
        theme = None
    user = data.get("user")
    if user is not None and (not isinstance(user, str) or not user.strip()):
        problems.append("config: user must be a non-empty string")
        user = None
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
    return Config(
        theme=theme,
        keys=keys,
        problems=tuple(problems),
        organisation=organisation,
        user=user and user.strip(),
    )


def load_config(path: Path | None) -> Config:
    """Read the config file at ``path``; a missing file is an empty config."""
    if path is None or not path.is_file():
        return Config()
    try:
        return load_config_text(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Config(problems=(f"config not read: {exc}",))


def config_user(path: Path | None) -> str | None:
    """Just the ``user`` of the config file (for commands that need nothing else)."""
    if path is None or not path.is_file():
        return None
    try:
        user = tomllib.loads(path.read_text(encoding="utf-8")).get("user")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return user.strip() if isinstance(user, str) and user.strip() else None


def with_theme(text: str, theme: str) -> str:
    """Config ``text`` with its top-level ``theme`` set to ``theme`` (the rest untouched)."""
    line = f"theme = {json.dumps(theme)}"
    table = _TABLE.search(text)
    top = text[: table.start()] if table else text
    found = _THEME_LINE.search(top)
    if found:
        return text[: found.start()] + line + text[found.end() :]
    return f"{line}\n{text}"


def save_theme(path: Path, theme: str) -> bool:
    """Keep ``theme`` in the config file at ``path`` (created if missing); False when the
    file could not be read, written, or would no longer parse."""
    try:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        updated = with_theme(text, theme)
        if tomllib.loads(updated).get("theme") != theme:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(updated, encoding="utf-8")
        temporary.replace(path)
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return True
