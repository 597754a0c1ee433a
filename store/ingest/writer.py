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
    >>> [(r.added, r.reason) for r in add_parsed(store.connections, docs)]
    [(True, ''), (True, ''), (False, 'already in the store')]
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from claimdesk.store.database import documents
from claimdesk.store.database.connections import Connections
from claimdesk.store.database.document_extras import DocumentExtras
from claimdesk.store.database.sentence_rows import ClaimRow, claim_rows
from claimdesk.store.extract.extractor import ExtractedSentence, extract
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

ALREADY_STORED = "already in the store"
"""The reason given for a text that is stored already (same content hash)."""


def refused(path: str, reason: str) -> AddResult:
    """The result for an input that will not be stored."""
    return AddResult(doc_id=None, added=False, reason=reason, path=path)


def extract_or_reason(text: str) -> list[ExtractedSentence] | str:
    """``extract(text)``, or a one-line reason if extraction fails (a top-level function: it is pickled)."""
    try:
        return extract(text)
    except Exception as exc:  # one pathological document must not stop a large ingest
        return f"could not extract claims: {type(exc).__name__}: {exc}"


def claim_rows_or_reason(text: str) -> list[ClaimRow] | str:
    """The claim rows of ``text`` (:func:`claimdesk.store.database.sentence_rows.claim_rows`), or why extraction failed.

    What a worker process returns: rows pickle and unpickle much faster than
    the sentence objects, and the writer then only inserts.
    """
    sentences = extract_or_reason(text)
    return sentences if isinstance(sentences, str) else claim_rows(sentences)


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


@dataclass
class _Pending:
    position: int
    parsed: ParsedDocument
    text: str
    digest: str
    repeat: bool  # same text as an earlier input of this ingest: no extraction needed
    marks: tuple[Mark, ...] = ()  # page or cue starts in ``text``
    rows: list[ClaimRow] | str | None = None  # claim rows, or the reason extraction failed

    @property
    def to_extract(self) -> bool:
        return self.rows is None and not self.repeat


@dataclass
class _Batch:
    items: list[_Pending] = field(default_factory=list)
    futures: list[Future[list[ClaimRow] | str]] | None = None


def default_workers(total: int) -> int:
    """How many extraction processes to use for ``total`` inputs (1 means in-process)."""
    if total < PARALLEL_MIN_DOCUMENTS:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


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
        pool: Executor | None,
    ) -> None:
        self.connections = connections
        self.total = total
        self.progress = progress
        self.batch_size = batch_size
        self.pool = pool
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
        parsed, rows = (item.parsed, item.rows) if isinstance(item, Extracted) else (item, None)
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
        if len(self.current.items) >= self.batch_size:
            self.rotate()

    def rotate(self) -> None:
        """Start extracting the current batch; write the oldest one if enough are queued."""
        batch, self.current = self.current, _Batch()
        if self.pool is not None:
            batch.futures = [
                self.pool.submit(claim_rows_or_reason, p.text) for p in batch.items if p.to_extract
            ]
        else:
            for p in batch.items:
                if p.to_extract:
                    p.rows = claim_rows_or_reason(p.text)
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
                if p.to_extract:
                    p.rows = next(extracted)
        new: list[_Pending] = []
        for p in batch.items:
            if isinstance(p.rows, str):
                self.failed[p.digest] = p.rows
            elif not p.repeat:
                new.append(p)
        db = self.connections.db
        with db.atomic():
            inserted = documents.insert_documents(db, [_new_document(p) for p in new])
        written: dict[int, AddResult] = {}
        for p, result in zip(new, inserted, strict=True):
            assert result.doc_id is not None  # inserted documents have an id
            self.stored[p.digest] = result.doc_id
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


def _already_stored(doc_id: int, parsed: ParsedDocument) -> AddResult:
    return AddResult(doc_id, False, parsed.title, reason=ALREADY_STORED, path=parsed.path)


def _new_document(p: _Pending) -> documents.NewDocument:
    parsed = p.parsed
    assert isinstance(p.rows, list)  # extracted (a failure is refused before this)
    return documents.NewDocument(
        p.text,
        p.rows,
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
        writer = _Writer(connections, total, progress, max(1, batch_size), pool)
        count = 0
        for position, item in enumerate(with_attachments(items)):
            writer.add(position, item)
            count += 1
        writer.close()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return [writer.results[i] for i in range(count)]


def add_document(connections: Connections, item: ParsedDocument | Extracted) -> AddResult:
    """Store one document: :func:`add_parsed`'s one-document case (``Store.add_text`` uses it)."""
    return add_parsed(connections, [item])[0]
