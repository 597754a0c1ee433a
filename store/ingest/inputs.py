"""Adding files, folders, globs and raw bytes to a store, in batched transactions.

Each input becomes one :class:`AddResult`: added, already stored (same
content), or refused with a one-line reason; a refusal never stops the batch.
Documents are committed ``batch_size`` at a time, and a document always goes in
together with all of its sentences, so an interrupted ingest leaves no partial
document behind.

    >>> import tempfile, pathlib
    >>> from claimdesk.store import Store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Officials said 40 people died.")
    >>> _ = (folder / "b.bin").write_bytes(bytes(range(256)))
    >>> store = Store.open(":memory:")
    >>> [(r.added, r.reason) for r in store.add_paths([folder, folder / "b.bin"])]
    [(True, ''), (False, 'a binary file, not text')]
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimdesk.store.ingest.readers import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    ParsedDocument,
    RefusedError,
    parse_bytes,
    read_file,
    size_text,
)
from claimdesk.store.ingest.writer import Progress, add_parsed, refused
from claimdesk.store.models import AddResult

_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Input:
    """One expanded input: a file to read, or a ``problem`` already known (no match, missing)."""

    path: Path
    problem: str = ""


def _folder_files(folder: Path) -> list[Path]:
    """Readable files under ``folder``, recursively, skipping hidden names, in path order."""
    found = []
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if any(p.startswith(".") for p in parts):
            continue
        if path.suffix.lower() in FORMATS and path.is_file():
            found.append(path)
    return sorted(found)


def expand_inputs(inputs: Iterable[str | Path]) -> list[Input]:
    """Files named by ``inputs``: files as given, folders recursively, globs expanded.

    A folder or glob contributes only files with a known suffix (see
    :data:`claimdesk.store.ingest.readers.FORMATS`); a file named directly is read whatever its suffix.
    """
    out: list[Input] = []
    for item in inputs:
        path = Path(item).expanduser()
        if path.is_dir():
            files = _folder_files(path)
            out.extend(Input(f) for f in files)
            if not files:
                out.append(Input(path, "no .txt, .md or .html files in this folder"))
        elif path.exists():
            out.append(Input(path))
        elif _GLOB_CHARS & set(str(item)):
            matches = sorted(Path(m) for m in glob.glob(str(path), recursive=True))
            files = [m for m in matches if m.is_file() and m.suffix.lower() in FORMATS]
            for folder in (m for m in matches if m.is_dir()):
                files.extend(_folder_files(folder))
            out.extend(Input(f) for f in dict.fromkeys(files))
            if not files:
                out.append(Input(path, "no files match"))
        else:
            out.append(Input(path, "no such file or folder"))
    return out


def _read_inputs(inputs: list[Input], max_bytes: int):
    for item in inputs:
        if item.problem:
            yield refused(str(item.path), item.problem)
            continue
        try:
            yield read_file(item.path, max_bytes)
        except RefusedError as exc:
            yield refused(str(item.path), str(exc))


def add_paths(
    store,
    inputs: Iterable[str | Path],
    *,
    progress: Progress | None = None,
    batch_size: int = 50,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
) -> list[AddResult]:
    """Add files, folders (recursively) and globs; one result per file, in input order."""
    expanded = expand_inputs(inputs)
    return add_parsed(
        store,
        _read_inputs(expanded, max_bytes),
        total=len(expanded),
        progress=progress,
        batch_size=batch_size,
        workers=workers,
    )


def add_file(store, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> AddResult:
    """Add one file (``.txt``, ``.md``, ``.html`` or any text); refusals come back as ``reason``."""
    try:
        parsed = read_file(Path(path), max_bytes)
    except RefusedError as exc:
        return refused(str(path), str(exc))
    return add_parsed(store, [parsed])[0]


def add_bytes(
    store,
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
    parsed = ParsedDocument(
        text=parsed.text,
        title=title or parsed.title,
        source=source or parsed.source,
        url=url or parsed.url,
        published=published or parsed.published,
        path=name if Path(name).suffix else "",
        disclaimer=parsed.disclaimer,
    )
    return add_parsed(store, [parsed])[0]
