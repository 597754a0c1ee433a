"""Optional front matter at the top of a file: YAML between ``---`` fences, TOML between ``+++``.

``title``, ``source``, ``url``, ``published`` (or ``date``), ``author`` and ``disclaimer``
(or ``note``/``notice``: a note about the document, such as "Demo material: an invented
report", shown with it and never a claim) become
document metadata; other top-level keys with plain values come back as extras
(strings, lists joined with ", "). The block itself is never part of the stored
text. YAML is read by a real parser (folded ``title: >`` values, quotes,
comments), without type guessing: a date stays the text it was written as.
Hand-written blocks that are not quite YAML (``title: Floods: 40 dead``) are
still read line by line.

    >>> meta, body = split_front_matter("---\\ntitle: Floods\\nsource: 'Daily'\\n---\\n\\nText.")
    >>> meta, body
    ({'title': 'Floods', 'source': 'Daily'}, 'Text.')
    >>> split_front_matter("---\\ntitle: >\\n  Seoul raises\\n  its estimate\\n---\\nText.")[0]
    {'title': 'Seoul raises its estimate'}
    >>> split_front_matter('+++\\ntitle = "Floods"\\ndate = 2024-12-19\\n+++\\nText.')
    ({'title': 'Floods', 'published': '2024-12-19'}, 'Text.')
    >>> split_front_matter("No front matter.")
    ({}, 'No front matter.')
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from typing import Any

import yaml

FIELDS = ("title", "source", "url", "published", "author", "disclaimer")
"""Front-matter keys that become document metadata."""

ALIASES = {
    "date": "published",
    "link": "url",
    "outlet": "source",
    "publisher": "source",
    "authors": "author",
    "by": "author",
    "creator": "author",
    "note": "disclaimer",
    "notice": "disclaimer",
}
"""Other common spellings of the same keys."""

_YAML_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_TOML_BLOCK = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)
_LINE = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:[ \t]?(.*)$")
MAX_BLOCK = 8192  # a "---" rule far down a file is not front matter

# BaseLoader keeps every scalar a string ("2024-12-19", "yes", "012" as written).
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _lines(block: str) -> dict[str, str] | None:
    """``key: value`` lines read one by one, for blocks YAML will not parse; ``None`` if not that."""
    found: dict[str, str] = {}
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line)
        if not match:
            if line[:1].isspace():  # a continuation or nested value: ignored
                continue
            return None
        found[match.group(1)] = _unquote(match.group(2))  # the last wins, as in YAML
    return found


_PLAIN_LINE = re.compile(r"[A-Za-z][\w-]*:[ \t]+[^\s'\"\[{>|&*!%@`#?-][^\n]*")


def _yaml(block: str) -> dict[str, Any] | None:
    lines = [line for line in block.splitlines() if line.strip()]
    if all(_PLAIN_LINE.fullmatch(line) and " #" not in line for line in lines):
        # Only "key: plain words" lines: YAML reads them exactly as the line reader does
        # (or fails on a second ": ", and then the line reader is used), so skip it.
        return _lines(block)
    try:
        data = yaml.load(block, Loader=_LOADER)  # noqa: S506 - BaseLoader builds no objects
    except yaml.YAMLError:
        return _lines(block)
    if data is None:
        return {}
    return data if isinstance(data, dict) else None


def _toml(block: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return None


def _plain(value: object) -> str | None:
    """A scalar (or a list of scalars) as one line of text; ``None`` for nested structures."""
    if isinstance(value, list):
        items = [_plain(v) for v in value]
        return ", ".join(i for i in items if i) if all(i is not None for i in items) else None
    if isinstance(value, dict) or value is None:
        return None
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).split())


def _metadata(data: dict[str, Any]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for raw_key, raw_value in data.items():
        key = str(raw_key).strip().lower()
        key = ALIASES.get(key, key)
        value = _plain(raw_value)
        if value and key not in meta:
            meta[key] = value
    return meta


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return ``(metadata, body)``; ``body`` is ``text`` without the block and the blank lines after it.

    A block that is not a mapping (a Markdown horizontal rule above a line of
    prose) is not front matter, and the text comes back whole.
    """
    for pattern, parse in ((_YAML_BLOCK, _yaml), (_TOML_BLOCK, _toml)):
        match = pattern.match(text)
        if not match or match.end() > MAX_BLOCK:
            continue
        data = parse(match.group(1) or "")
        if data is None:
            return {}, text
        return _metadata(data), text[match.end() :].lstrip("\n")
    return {}, text
