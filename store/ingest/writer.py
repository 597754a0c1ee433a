"""Storing many parsed documents: extraction outside the write lock, one transaction a batch.

Documents are grouped ``batch_size`` at a time. Each group's claims are
extracted first (in worker processes for large ingests, so both cores work),
then the group is written in one transaction: a document and all of its
sentences are committed together or not at all. While one group is written,
the next ones are already being extracted (:data:`PIPELINE_DEPTH`). A long
document is extracted a part at a time into a spool file, never held whole as
sentences (:data:`SPOOL_CHARS`).

If the ingest stops (Ctrl+C, SIGTERM, a full disk), the groups already
written stay; :class:`IngestStopped` says how many documents they hold. The
worker processes end with their parent, however it ends.

    >>> from claimdesk.store import Store
    >>> from claimdesk.store.ingest.readers import ParsedDocument
    >>> store = Store.open(":memory:")
    >>> docs = [ParsedDocument(text=f"Officials said {n} people died.") for n in (1, 2, 1)]
    >>> [(r.added, r.reason) for r in add_parsed(store.connections, docs)]
    [(True, ''), (True, ''), (False, 'already in the store')]
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import sqlite3
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field, replace
from multiprocessing.pool import AsyncResult, Pool

from claimdesk.store.database import documents, versions
from claimdesk.store.database.connections import Connections, write_transaction
from claimdesk.store.database.document_extras import DocumentExtras
from claimdesk.store.database.sentence_rows import ClaimRow, SpooledRows, claim_rows
from claimdesk.store.extract.extractor import ExtractedSentence, extract, extract_parts
from claimdesk.store.extract.language import detect_language
from claimdesk.store.ingest.marked_text import renormalise
from claimdesk.store.ingest.parsed import ParsedDocument
from claimdesk.store.models import AddResult, Mark
from claimdesk.store.related.proper_names import names_column

Progress = Callable[[int, int, AddResult], None]
"""``progress(done, total, result)``, called once per input as it is finished."""

PARALLEL_MIN_DOCUMENTS = 500
"""Below this many inputs, extraction runs in-process (a worker takes about a second to start)."""

PIPELINE_DEPTH = 2
"""Batches handed to the worker processes ahead of the one being written."""

BATCH_CHARS = 4_000_000
"""A batch is written once its texts reach this many characters, however few documents it
holds: a transaction holds the write lock, and other writers wait for it."""

SPOOL_CHARS = 1_000_000
"""Documents longer than this are extracted a part at a time into a spool file."""

BUSY_WAIT_SECONDS = 60.0
"""How long a batch keeps waiting for the write lock (in busy-timeout rounds) before the
ingest stops."""


class _Stopped:
    """What an ingest that stopped part-way got done: ``results`` holds every input
    finished before the stop (the documents among them are committed; no later one
    is), ``total`` the inputs asked for, ``cause`` why it stopped."""

    def _setup(self, results: list[AddResult], total: int, cause: BaseException) -> str:
        self.results = results
        self.total = total
        self.cause = cause
        self.interrupted = isinstance(cause, KeyboardInterrupt)
        why = "interrupted" if self.interrupted else f"stopped: {cause}"
        return (
            f"{why}; {self.stored} document{'s' * (self.stored != 1)} stored before the stop"
            f" ({len(results)} of {total} inputs done, the rest not added)"
        )

    @property
    def stored(self) -> int:
        """How many documents were committed before the stop."""
        return sum(1 for r in self.results if r.added)


class IngestStopped(_Stopped, Exception):
    """An ingest stopped part-way by an error (a full disk, the store held by another
    writer for too long); see :class:`_Stopped` for what it carries."""

    def __init__(self, results: list[AddResult], total: int, cause: BaseException):
        super().__init__(self._setup(results, total, cause))


class IngestInterrupted(_Stopped, KeyboardInterrupt):
    """An ingest stopped part-way by Ctrl+C (or SIGTERM in the command line): still a
    :class:`KeyboardInterrupt`, carrying what :class:`IngestStopped` carries."""

    def __init__(self, results: list[AddResult], total: int, cause: BaseException):
        super().__init__(self._setup(results, total, cause))


def stopped(results: list[AddResult], total: int, cause: BaseException) -> BaseException:
    """The :class:`IngestInterrupted` or :class:`IngestStopped` for ``cause``."""
    kind = IngestInterrupted if isinstance(cause, KeyboardInterrupt) else IngestStopped
    return kind(results, total, cause)


def refused(path: str, reason: str) -> AddResult:
    """The result for an input that will not be stored."""
    return AddResult(doc_id=None, added=False, reason=reason, path=path)


def extract_or_reason(
    text: str, language: str = "en", published: str = ""
) -> list[ExtractedSentence] | str:
    """``extract(text, language, published)``, or a one-line reason if extraction fails (a
    top-level function: it is pickled)."""
    try:
        return extract(text, language, published)
    except Exception as exc:  # one pathological document must not stop a large ingest
        return f"could not extract claims: {type(exc).__name__}: {exc}"


def spooled_rows(
    text: str, folder: str | None = None, language: str = "en", published: str = ""
) -> SpooledRows:
    """The claim rows of a long ``text``, extracted a part at a time into a spool file."""
    spool = SpooledRows(folder)
    try:
        ordinal = 0
        for part in extract_parts(text, language=language, published=published):
            spool.write(claim_rows(part, ordinal))
            ordinal += len(part)
    except BaseException:
        spool.close().discard()
        raise
    return spool.close()


Rows = list[ClaimRow] | SpooledRows
"""A document's claim rows: in memory, or in a spool file for a long document."""


def extract_document(text: str, folder: str | None = None, published: str = "") -> tuple[str, Rows]:
    """``(language, claim rows)`` of a document's text: its language decides what is
    extracted; ``published`` (the document's date) resolves relative dates."""
    language = detect_language(text)
    if len(text) > SPOOL_CHARS:
        return language, spooled_rows(text, folder, language, published)
    return language, claim_rows(extract(text, language, published))


def claim_rows_or_reason(
    text: str, folder: str | None = None, published: str = ""
) -> tuple[str, Rows] | str:
    """``(language, claim rows)`` of ``text`` (:func:`extract_document`), or why extraction
    failed (a top-level function: it is pickled).

    What a worker process returns: rows pickle and unpickle much faster than
    the sentence objects, and the writer then only inserts. Longer texts than
    :data:`SPOOL_CHARS` come back as :class:`SpooledRows` in ``folder``.
    """
    try:
        return extract_document(text, folder, published)
    except Exception as exc:  # one pathological document must not stop a large ingest
        return f"could not extract claims: {type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class Extracted:
    """A parsed document whose claim rows were made elsewhere: the writer only stores them.

    The evaluation pool is stored this way (one claim a document, not the extractor's sentences).
    """

    parsed: ParsedDocument
    rows: list[ClaimRow]


Item = ParsedDocument | Extracted | AddResult
"""What the writer takes: a document to extract and store, one already extracted, or a
refusal (an :class:`AddResult`) passed through in its place."""


def _exit_with_parent(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def worker_started() -> None:
    """Set up an extraction process: Ctrl+C is for the parent, which stops the ingest; and
    the worker ends as soon as its parent does (even after ``kill -9``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()


@dataclass
class _Pending:
    position: int
    parsed: ParsedDocument
    text: str
    digest: str
    repeat: bool  # same text as an earlier input of this ingest: no extraction needed
    marks: tuple[Mark, ...] = ()  # page or cue starts in ``text``
    rows: tuple[str, Rows] | str | None = None  # (language, claim rows), or why extraction failed

    @property
    def to_extract(self) -> bool:
        return self.rows is None and not self.repeat


@dataclass
class _Batch:
    items: list[_Pending] = field(default_factory=list)
    futures: list[AsyncResult[tuple[str, Rows] | str]] | None = None
    chars: int = 0


def default_workers(total: int) -> int:
    """How many extraction processes to use for ``total`` inputs (1 means in-process)."""
    if total < PARALLEL_MIN_DOCUMENTS:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _is_busy(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower()


class _Writer:
    """Collects inputs into batches, extracts each batch, writes batches in order.

    The one owner of the duplicate check: each input's content hash is looked up
    in the store once, before extraction; a text repeated within the ingest is
    answered from what this writer stored (or failed to extract) itself.
    """

    def __init__(
        self,
        connections: Connections,
        total: int,
        progress: Progress | None,
        batch_size: int,
        pool: Pool | None,
        spool_dir: str,
    ) -> None:
        self.connections = connections
        self.total = total
        self.progress = progress
        self.batch_size = batch_size
        self.pool = pool
        self.spool_dir = spool_dir
        self.results: dict[int, AddResult] = {}
        self.seen: set[str] = set()
        self.stored: dict[str, int] = {}  # content hash -> id, for the texts this writer stored
        self.failed: dict[str, str] = {}
        self.done = 0
        self.current = _Batch()
        self.in_flight: deque[_Batch] = deque()
        # With worker processes, keep one more batch queued than the one being
        # written, so the workers stay busy while the writer is held up.
        self.ahead = PIPELINE_DEPTH if pool is not None else 1

    def finish(self, position: int, result: AddResult) -> None:
        """Record the result for one input and report progress."""
        self.results[position] = result
        self.done += 1
        if self.progress:
            # an e-mail's attachments arrive as inputs of their own: the total grows
            self.progress(self.done, max(self.total, self.done), result)

    def add(self, position: int, item: Item) -> None:
        """Take one input: finish it at once (refused, already stored) or queue it."""
        if isinstance(item, AddResult):
            self.finish(position, item)
            return
        parsed, rows = (
            (item.parsed, ("", item.rows)) if isinstance(item, Extracted) else (item, None)
        )
        text, marks = renormalise(parsed.text, parsed.marks)
        if not text.strip():
            self.finish(position, refused(parsed.path, "empty file"))
            return
        digest = documents.sha256_of(text)
        repeat = digest in self.seen
        if not repeat:
            existing = documents.find_by_hash(self.connections.db, digest)
            if existing is not None:
                self.finish(position, _already_stored(existing, parsed))
                return
            self.seen.add(digest)
        self.current.items.append(_Pending(position, parsed, text, digest, repeat, marks, rows))
        self.current.chars += len(text)
        if len(self.current.items) >= self.batch_size or self.current.chars >= BATCH_CHARS:
            self.rotate()

    def rotate(self) -> None:
        """Start extracting the current batch; write the oldest one if enough are queued."""
        batch, self.current = self.current, _Batch()
        if self.pool is not None:
            batch.futures = [
                self.pool.apply_async(
                    claim_rows_or_reason, (p.text, self.spool_dir, p.parsed.published)
                )
                for p in batch.items
                if p.to_extract
            ]
        else:
            for p in batch.items:
                if p.to_extract:
                    p.rows = claim_rows_or_reason(p.text, self.spool_dir, p.parsed.published)
        self.in_flight.append(batch)
        while len(self.in_flight) > self.ahead:
            self.write(self.in_flight.popleft())

    def close(self) -> None:
        """Extract and write whatever is still queued."""
        self.rotate()
        while self.in_flight:
            self.write(self.in_flight.popleft())

    def write(self, batch: _Batch) -> None:
        """Wait for a batch's extraction, then insert it in one transaction."""
        if batch.futures is not None:
            extracted = iter([f.get() for f in batch.futures])
            for p in batch.items:
                if p.to_extract:
                    p.rows = next(extracted)
        pending: list[_Pending] = []
        for p in batch.items:
            if isinstance(p.rows, str):
                self.failed[p.digest] = p.rows
            elif not p.repeat:
                pending.append(p)
        new = [_new_document(p) for p in pending]
        try:
            inserted = self._insert(new)
        finally:
            for doc in new:
                if isinstance(doc.rows, SpooledRows):
                    doc.rows.discard()
        written: dict[int, AddResult] = {}
        for p, result in zip(pending, inserted, strict=True):
            assert result.doc_id is not None  # inserted documents have an id
            self.stored[p.digest] = result.doc_id
            if p.parsed.warning:
                result = replace(result, warning=p.parsed.warning)
            written[p.position] = result
        for p in batch.items:
            if isinstance(p.rows, str):
                written[p.position] = refused(p.parsed.path, p.rows)
            elif p.repeat and p.digest in self.failed:
                written[p.position] = refused(p.parsed.path, self.failed[p.digest])
            elif p.repeat:
                written[p.position] = _already_stored(self.stored[p.digest], p.parsed)
        for position in sorted(written):
            self.finish(position, written[position])

    def _insert(self, new: list[documents.NewDocument]) -> list[AddResult]:
        """Insert ``new`` in one transaction, waiting for the write lock as long as
        :data:`BUSY_WAIT_SECONDS` (other writers' transactions are short)."""
        db = self.connections.db
        deadline = time.monotonic() + BUSY_WAIT_SECONDS
        while True:
            try:
                with write_transaction(db):
                    results = documents.insert_documents(db, new)
                    return [versions.link_new_version(db, r) for r in results]
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    raise


def _already_stored(doc_id: int, parsed: ParsedDocument) -> AddResult:
    return AddResult(doc_id, False, parsed.title, reason=documents.ALREADY_STORED, path=parsed.path)


def _new_document(p: _Pending) -> documents.NewDocument:
    parsed = p.parsed
    assert p.rows is not None and not isinstance(p.rows, str)  # extracted, not refused
    language, rows = p.rows
    return documents.NewDocument(
        p.text,
        rows,
        title=parsed.title,
        source=parsed.source,
        url=parsed.url,
        published=parsed.published,
        path=parsed.path,
        names=names_column(parsed.title, p.text),
        extras=DocumentExtras(
            kind=parsed.kind,
            author=parsed.author,
            fetched=parsed.fetched,
            parent_sha256=parsed.parent,
            children_sha256=parsed.children,
            marks=p.marks,
            feed_entry=parsed.feed_entry,
        ),
        language=language,
        disclaimer=parsed.disclaimer,
    )


def with_attachments(items: Iterable[Item]) -> Iterator[Item]:
    """Every input followed by the attachments it carries, each linked to it by content hash.

    An e-mail whose body is empty is refused, and its attachments stand alone.
    """
    for item in items:
        if isinstance(item, AddResult | Extracted) or not item.attachments:
            yield item
            continue
        text, _ = renormalise(item.text, item.marks)
        parent = documents.sha256_of(text) if text.strip() else ""
        found = [a for a in item.attachments if isinstance(a, ParsedDocument)]
        if parent:
            children = tuple(documents.sha256_of(renormalise(a.text, a.marks)[0]) for a in found)
            yield replace(item, attachments=(), children=children)
        else:
            yield refused(item.path, "no text in the message body (its attachments are added)")
        for attachment in item.attachments:
            if isinstance(attachment, ParsedDocument):
                attachment = replace(attachment, parent=parent)
            yield attachment


def _start_pool(workers: int) -> Pool:
    # spawn, not fork: the store may be used from threads (the reader's workers).
    context = multiprocessing.get_context("spawn")
    return context.Pool(workers, initializer=worker_started)


def add_parsed(
    connections: Connections,
    items: Iterable[Item],
    *,
    total: int = 0,
    progress: Progress | None = None,
    batch_size: int = 50,
    workers: int | None = None,
) -> list[AddResult]:
    """Store parsed documents (``AddResult`` items are refusals passed through), in input order.

    ``workers`` extraction processes (default: one per core when ``total`` is at
    least :data:`PARALLEL_MIN_DOCUMENTS`, else in-process). Raises
    :class:`IngestStopped` (with what was stored) if an error stops it part-way,
    :class:`IngestInterrupted` on Ctrl+C.
    """
    if not total and isinstance(items, Sized):
        total = len(items)
    workers = default_workers(total) if workers is None else workers
    spool_dir = tempfile.mkdtemp(prefix="claimdesk-ingest-")
    pool = _start_pool(workers) if workers > 1 else None
    writer = _Writer(connections, total, progress, max(1, batch_size), pool, spool_dir)
    count = 0
    try:
        for position, item in enumerate(with_attachments(items)):
            writer.add(position, item)
            count += 1
        writer.close()
    except BaseException as exc:
        if pool is not None:
            pool.terminate()
            pool = None
        done = [writer.results[i] for i in sorted(writer.results)]
        raise stopped(done, max(total, count), exc) from exc
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        shutil.rmtree(spool_dir, ignore_errors=True)
    return [writer.results[i] for i in range(count)]


def add_document(connections: Connections, item: ParsedDocument | Extracted) -> AddResult:
    """Store one document: :func:`add_parsed`'s one-document case (``Store.add_text`` uses it)."""
    return add_parsed(connections, [item])[0]
