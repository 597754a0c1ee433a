"""The reader's one way to write: a queue of store writes run one at a time, in order.

Each write (a flag, a note, an undo) is queued and run by a single worker, so
two quick flags reach the store in the order they were made. After each write,
and whenever the store's watcher says some other process committed, the
changes since the reader's last position are read in the same queue and posted
as one :class:`~claimdesk.tui.messages.StoreChanged`: the panes always move
forward to the newest state, never back to an older one.

The worker only runs while there is work; the reader's quit waits for it (its
group is ``"write"``).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from textual.message import Message
from textual.message_pump import MessagePump

from claimdesk.store import Store
from claimdesk.store.changes import Watcher
from claimdesk.store.models import ChangePosition
from claimdesk.tui import messages
from claimdesk.tui.store_calls import failure_text

WRITE_GROUP = "write"
"""The worker group of the writer (the app waits for it before quitting)."""

_BEGIN = object()
"""The first job: note where the store is."""

_CHECK = object()
"""A queued "has anyone else written?" look at the store."""


class OrderedWriter:
    """Runs ``store`` writes for ``target`` in the order they were asked, and reports changes.

    ``target`` receives the messages (and owns the worker).
    """

    def __init__(self, target: MessagePump, store: Store):
        self.target = target
        self.store = store
        self._jobs: deque[Any] = deque()
        self._lock = threading.Lock()
        self._running = False
        self._checking = False
        self._position: ChangePosition | None = None
        self._watcher: Watcher | None = None

    def start(self, since: ChangePosition | None = None) -> None:
        """Begin watching: changes after ``since`` (default: now) are reported."""
        self._position = since
        self._put(_BEGIN)

    def write(self, call: Callable[..., Message | None], *args: Any) -> None:
        """Queue ``call(*args)`` (a :mod:`~claimdesk.tui.store_calls` write returning a message)."""
        self._put((call, args))

    def check(self) -> None:
        """Queue a look for other processes' changes (skipped if one is already queued)."""
        with self._lock:
            if self._checking:
                return
            self._checking = True
        self._put(_CHECK)

    def _put(self, job: Any) -> None:
        with self._lock:
            self._jobs.append(job)
            if self._running:
                return
            self._running = True
        self.target.run_worker(
            self._drain, thread=True, group=WRITE_GROUP, exclusive=False, exit_on_error=False
        )

    # on the worker thread ----------------------------------------------------------
    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._running = False
                    return
                job = self._jobs.popleft()
                if job is _CHECK:
                    self._checking = False
            try:
                self._run(job)
            except Exception as exc:  # any store failure becomes a visible message
                self.target.post_message(messages.StoreFailed("write", failure_text(exc)))

    def _run(self, job: Any) -> None:
        if job is _BEGIN:
            self._begin()
            return
        if job is _CHECK:
            if self._watcher is None or self._watcher.changed():
                self._report(external=True)
            return
        call, args = job
        try:
            message = call(*args)
        except Exception as exc:  # shown, and whatever did change is still reported
            message = messages.StoreFailed("write", failure_text(exc))
        if message is not None:
            self.target.post_message(message)
        self._report(external=False)

    def _begin(self) -> None:
        self._watcher = self.store.watch()
        if self._position is None:
            self._position = self.store.change_position()
        else:  # what was written between ``since`` and the watcher's first look
            self._report(external=True)

    def _report(self, external: bool) -> None:
        if self._position is None:
            self._begin()
            return
        changes = self.store.changes_since(self._position)
        if changes.empty:
            return
        self._position = changes.position
        self.target.post_message(messages.StoreChanged(changes, self.store.summary(), external))

    def close(self) -> None:
        """Let go of the watcher's connection (the reader is closing)."""
        if self._watcher is not None:
            self._watcher.close()
