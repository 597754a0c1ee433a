"""Storing many parsed documents: extraction outside the write lock, one transaction a batch.

Documents are grouped ``batch_size`` at a time. Each group's claims are
extracted first (in worker processes for large ingests, so both cores work),
then the group is written in one transaction: a document and all of its
sentences are committed together or not at all. While one group is written,
the next ones are already being extracted (:data:`PIPELINE_DEPTH`).

    >>> from claimdesk.store import Store
    >>> from claimdesk.store.ingest.readers import ParsedDocument
    >>> store = Store.open(":memory:")
    >>> docs = [ParsedDocument(text=f"Officials said {n} people died.") for n in (1, 2, 1)]
    >>> [(r.added, r.reason) for r in add_parsed(store, docs)]
    [(True, ''), (True, ''), (False, 'already in the store')]
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Sized
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from claimdesk.store.database import documents
from claimdesk.store.database.sentence_rows import claim_rows
from claimdesk.store.extract.extractor import extract
from claimdesk.store.ingest.readers import ParsedDocument
from claimdesk.store.models import AddResult

Progress = Callable[[int, int, AddResult], None]
"""``progress(done, total, result)``, called once per input as it is finished."""

PARALLEL_MIN_DOCUMENTS = 500
"""Below this many inputs, extraction runs in-process (a worker takes about a second to start)."""

PIPELINE_DEPTH = 2
"""Batches handed to the worker processes ahead of the one being written."""


def refused(path: str, reason: str) -> AddResult:
    """The result for an input that will not be stored."""
    return AddResult(doc_id=None, added=False, reason=reason, path=path)


def extract_or_reason(text: str, published: str = ""):
    """``extract(text, published)``, or a one-line reason if extraction fails (a top-level
    function: it is pickled)."""
    try:
        return extract(text, published)
    except Exception as exc:  # one pathological document must not stop a large ingest
        return f"could not extract claims: {type(exc).__name__}: {exc}"


def claim_rows_or_reason(text: str, published: str = ""):
    """The claim rows of ``text`` (:func:`claimdesk.store.database.sentence_rows.claim_rows`), or why extraction failed.

    What a worker process returns: rows pickle and unpickle much faster than
    the sentence objects, and the writer then only inserts. ``published`` (the document's
    date) resolves relative dates.
    """
    sentences = extract_or_reason(text, published)
    return sentences if isinstance(sentences, str) else claim_rows(sentences)


@dataclass
class _Pending:
    position: int
    parsed: ParsedDocument
    text: str
    digest: str
    repeat: bool  # same text as an earlier input of this ingest: no extraction needed
    rows: object = None  # claim rows, or the reason extraction failed


@dataclass
class _Batch:
    items: list[_Pending] = field(default_factory=list)
    futures: list[Future] | None = None


def default_workers(total: int) -> int:
    """How many extraction processes to use for ``total`` inputs (1 means in-process)."""
    if total < PARALLEL_MIN_DOCUMENTS:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


class _Writer:
    """Collects inputs into batches, extracts each batch, writes batches in order."""

    def __init__(self, store, total, progress, batch_size, pool: Executor | None):
        self.store = store
        self.total = total
        self.progress = progress
        self.batch_size = batch_size
        self.pool = pool
        self.results: dict[int, AddResult] = {}
        self.seen: set[str] = set()
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
            self.progress(self.done, self.total, result)

    def add(self, position: int, item: ParsedDocument | AddResult) -> None:
        """Take one input: finish it at once (refused, already stored) or queue it."""
        if isinstance(item, AddResult):
            self.finish(position, item)
            return
        text = documents.normalise_input_text(item.text)
        if not text.strip():
            self.finish(position, refused(item.path, "empty file"))
            return
        digest = documents.sha256_of(text)
        repeat = digest in self.seen
        if not repeat:
            existing = documents.find_by_hash(self.store.db, digest)
            if existing is not None:
                reason = "already in the store"
                self.finish(
                    position, AddResult(existing, False, item.title, reason=reason, path=item.path)
                )
                return
            self.seen.add(digest)
        self.current.items.append(_Pending(position, item, text, digest, repeat))
        if len(self.current.items) >= self.batch_size:
            self.rotate()

    def rotate(self) -> None:
        """Start extracting the current batch; write the oldest one if enough are queued."""
        batch, self.current = self.current, _Batch()
        if self.pool is not None:
            batch.futures = [
                self.pool.submit(claim_rows_or_reason, p.text, p.parsed.published)
                for p in batch.items
                if not p.repeat
            ]
        else:
            for p in batch.items:
                if not p.repeat:
                    p.rows = claim_rows_or_reason(p.text, p.parsed.published)
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
            extracted = iter([f.result() for f in batch.futures])
            for p in batch.items:
                if not p.repeat:
                    p.rows = next(extracted)
        written: list[tuple[int, AddResult]] = []
        positions: list[int] = []
        new: list[documents.NewDocument] = []
        for p in batch.items:
            if isinstance(p.rows, str):
                self.failed[p.digest] = p.rows
                written.append((p.position, refused(p.parsed.path, p.rows)))
            elif p.repeat and p.digest in self.failed:
                written.append((p.position, refused(p.parsed.path, self.failed[p.digest])))
            else:
                positions.append(p.position)
                new.append(_new_document(p))
        db = self.store.db
        with db.atomic():
            written.extend(zip(positions, documents.insert_documents(db, new), strict=True))
        for position, result in sorted(written, key=lambda item: item[0]):
            self.finish(position, result)


def _new_document(p: _Pending) -> documents.NewDocument:
    parsed = p.parsed
    return documents.NewDocument(
        p.text,
        p.rows or [],  # a repeat: found already stored, not inserted again
        title=parsed.title,
        source=parsed.source,
        url=parsed.url,
        published=parsed.published,
        path=parsed.path,
    )


def add_parsed(
    store,
    items: Iterable[ParsedDocument | AddResult],
    *,
    total: int = 0,
    progress: Progress | None = None,
    batch_size: int = 50,
    workers: int | None = None,
) -> list[AddResult]:
    """Store parsed documents (``AddResult`` items are refusals passed through), in input order.

    ``workers`` extraction processes (default: one per core when ``total`` is at
    least :data:`PARALLEL_MIN_DOCUMENTS`, else in-process).
    """
    if not total and isinstance(items, Sized):
        total = len(items)
    workers = default_workers(total) if workers is None else workers
    pool = None
    if workers > 1:
        # spawn, not fork: the store may be used from threads (the reader's workers).
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        writer = _Writer(store, total, progress, max(1, batch_size), pool)
        count = 0
        for position, item in enumerate(items):
            writer.add(position, item)
            count += 1
        writer.close()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return [writer.results[i] for i in range(count)]
