"""Adding files, folders, globs and raw bytes to a store, in batched transactions.

Each input becomes one :class:`AddResult`: added, already stored (same
content), refused with a one-line reason, or (a file a folder walk found that
is not a document) skipped with the reason; a refusal never stops the batch.
URLs are fetched; an e-mail's attachments are inputs of their own.
Documents are committed ``batch_size`` at a time, and a document always goes in
together with all of its sentences, so an interrupted ingest leaves no partial
document behind.

    >>> import tempfile, pathlib
    >>> from claimdesk.store import Store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Officials said 40 people died.")
    >>> _ = (folder / "b.bin").write_bytes(bytes(range(256)))
    >>> store = Store.open(":memory:")
    >>> [(r.added, r.skipped, r.reason) for r in store.add_paths([folder, folder / "b.bin"])]
    [(True, False, ''), (False, True, 'not a document (.bin): name the file itself to read it as text'), (False, False, 'a binary file, not text')]
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from claimdesk.store.database.connections import Connections
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError
from claimdesk.store.ingest.readers import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    parse_bytes,
    read_file,
    read_limited,
    size_text,
)
from claimdesk.store.ingest.sniffing import sniff_path
from claimdesk.store.ingest.web_fetch import DEFAULT_TIMEOUT, is_url, read_url
from claimdesk.store.ingest.writer import Progress, add_document, add_parsed, refused
from claimdesk.store.models import AddResult

_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Input:
    """One expanded input: a file or a URL to read, or a ``problem`` already known (no match,
    missing); ``skipped`` for a file a folder or glob passed over (not a document)."""

    path: Path | None = None
    problem: str = ""
    url: str = ""
    skipped: bool = False

    @property
    def name(self) -> str:
        """The path or URL, as results name it."""
        return self.url or str(self.path)


def _classify(path: Path) -> Input:
    """A file found in a folder or by a glob: read it, or say why it is skipped."""
    if path.suffix.lower() in FORMATS:
        return Input(path)
    kind, what = sniff_path(path)
    if kind in FORMATS.values() and kind not in ("text", "markdown"):
        return Input(path)
    return Input(path, what, skipped=True)


def _folder_files(folder: Path) -> list[Input]:
    """Every file under ``folder``, recursively, in path order, hidden names left out.

    Files in a format claimdesk reads (by suffix or by content) are read; the others
    come back ``skipped`` with the reason.
    """
    found = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(p.startswith(".") for p in parts) or not path.is_file():
            continue
        found.append(_classify(path))
    return found


def expand_inputs(inputs: Iterable[str | Path]) -> list[Input]:
    """Files and URLs named by ``inputs``: files as given, folders recursively, globs expanded.

    A folder or glob reads the files in a format claimdesk knows (by suffix, see
    :data:`claimdesk.store.ingest.readers.FORMATS`, or by content) and reports the others
    as skipped; a file named directly is read whatever its suffix; ``http(s)://`` inputs
    are fetched.
    """
    out: list[Input] = []
    for item in inputs:
        if is_url(str(item)):
            out.append(Input(url=str(item).strip()))
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            files = _folder_files(path)
            out.extend(files)
            if not files:
                out.append(Input(path, "no files in this folder"))
        elif path.exists():
            out.append(Input(path))
        elif _GLOB_CHARS & set(str(item)):
            matches = sorted(Path(m) for m in glob.glob(str(path), recursive=True))
            files = [_classify(m) for m in matches if m.is_file()]
            for folder in (m for m in matches if m.is_dir()):
                files.extend(_folder_files(folder))
            out.extend(dict.fromkeys(files))
            if not files:
                out.append(Input(path, "no files match"))
        else:
            out.append(Input(path, "no such file or folder"))
    return out


def _read_inputs(
    inputs: list[Input], max_bytes: int, timeout: float
) -> Iterator[ParsedDocument | AddResult]:
    for item in inputs:
        if item.problem:
            reason = item.problem
            yield AddResult(None, False, reason=reason, path=item.name, skipped=item.skipped)
            continue
        try:
            if item.url:
                yield read_url(item.url, max_bytes=max_bytes, timeout=timeout)
            else:
                assert item.path is not None  # an input is a URL or a path
                yield read_file(item.path, max_bytes)
        except RefusedError as exc:
            yield refused(item.name, str(exc))


def add_paths(
    connections: Connections,
    inputs: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    batch_size: int = 50,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[AddResult]:
    """Add files, folders (recursively), globs and URLs; one result per input (and per
    e-mail attachment), in input order."""
    expanded = expand_inputs(inputs)
    return add_parsed(
        connections,
        _read_inputs(expanded, max_bytes, timeout),
        total=len(expanded),
        progress=progress,
        batch_size=batch_size,
        workers=workers,
    )


def add_file(connections: Connections, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> AddResult:
    """Add one file (``.txt``, ``.md``, ``.html`` or any text); refusals come back as ``reason``."""
    try:
        parsed = read_file(Path(path), max_bytes)
    except RefusedError as exc:
        return refused(str(path), str(exc))
    return add_document(connections, parsed)


def add_stream(
    connections: Connections,
    stream: BinaryIO,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    **options: Any,
) -> AddResult:
    """Add what ``stream`` (standard input) holds, read at most ``max_bytes`` (and one byte
    more, to know it is too large); ``options`` as for :func:`add_bytes`."""
    try:
        raw = read_limited(stream, max_bytes)
    except RefusedError as exc:
        return refused(options.get("name", ""), str(exc))
    return add_bytes(connections, raw, max_bytes=max_bytes, **options)


def add_bytes(
    connections: Connections,
    raw: bytes,
    *,
    name: str = "",
    fmt: str | None = None,
    title: str = "",
    source: str = "",
    url: str = "",
    published: str = "",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> AddResult:
    """Add raw bytes (standard input); explicit metadata wins over front matter."""
    if len(raw) > max_bytes:
        return refused(name, f"too large: {size_text(len(raw))} (limit {size_text(max_bytes)})")
    try:
        parsed = parse_bytes(raw, name=name, fmt=fmt)
    except RefusedError as exc:
        return refused(name, str(exc))
    parsed = replace(
        parsed,
        title=title or parsed.title,
        source=source or parsed.source,
        url=url or parsed.url,
        published=published or parsed.published,
        path=name if Path(name).suffix else "",
        warning=parsed.warning,
        disclaimer=parsed.disclaimer,
    )
    return add_document(connections, parsed)
