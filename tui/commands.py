"""The command palette (ctrl+p): every action of the reader, every document by title, and the
exports (each format of this document, of the status filter, of the store).

Document titles are data: hits show them as literal :class:`~textual.content.Content`,
never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from claimdesk.store.exports import FORMATS
from claimdesk.store.models import STATUSES
from claimdesk.tui.bindings import APP_BINDINGS, MAIN_BINDINGS, display_keys
from claimdesk.tui.documents_order import SORTS, DocumentsOrder
from claimdesk.tui.export_scopes import FORMAT_LABELS, export_scopes
from claimdesk.tui.filters import SCORE_STEPS, ClaimFilter
from claimdesk.tui.widgets.documents_list import one_line

MAX_DOCUMENT_HITS = 200
"""At most this many documents are offered for one query."""


class ClaimdeskCommands(Provider):
    """Actions (with their keys) and "open document" commands."""

    def _screen(self):
        return self.app.main_screen

    def actions(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        """(name, callback, help) for every action and filter."""
        screen = self._screen()
        for binding in APP_BINDINGS + MAIN_BINDINGS:
            keys = display_keys(self.app, binding)
            target = self.app if binding in APP_BINDINGS else screen
            yield (binding.description, partial(target.run_action, binding.action), f"key: {keys}")
        for status in STATUSES:
            yield (
                f"Filter: status {status}",
                partial(self._filter, lambda f, s=status: f.with_status(s)),
                "show only claims with this status",
            )
        yield ("Filter: with notes", partial(self._filter, ClaimFilter.toggled_notes), "toggle")
        yield (
            "Filter: conflicts only",
            partial(self._filter, ClaimFilter.toggled_conflicts),
            "toggle",
        )
        for score in SCORE_STEPS[1:]:
            yield (
                f"Filter: minimum score {score}",
                partial(
                    self._filter,
                    lambda f, v=score: ClaimFilter(f.status, f.with_notes, v, f.conflicts_only),
                ),
                "hide claims below this check-worthiness",
            )
        yield ("Filter: clear", partial(screen.apply_filter, ClaimFilter()), "show every claim")
        for sort, (label, _) in SORTS.items():
            yield (
                f"Documents: sort {label}",
                partial(self._order, lambda o, s=sort: o.sorted_by(s)),
                "again: the other way round",
            )
        for name, label in (
            ("with_notes", "with notes"),
            ("flagged_only", "flagged"),
            ("new_only", "new since the last update"),
        ):
            yield (
                f"Documents: only {label}",
                partial(self._order, lambda o, n=name: o.toggled(n)),
                "toggle",
            )
        yield (
            "Documents: show all, as added",
            partial(self._order, lambda o: DocumentsOrder()),
            "clear the documents' sort and filters",
        )
        yield ("Search claims", screen.action_search, "search every claim in the store")
        doc_id = screen.document.id if screen.document is not None else None
        for kind in FORMATS:
            for scope in export_scopes(kind, doc_id, screen.claim_filter):
                yield (
                    f"Export {FORMAT_LABELS[kind]}: {scope.label}",
                    partial(screen.export, kind, scope),
                    "asks for the file to write",
                )

    def _filter(self, change: Callable[[ClaimFilter], ClaimFilter]) -> None:
        screen = self._screen()
        screen.apply_filter(change(screen.claim_filter))

    def _order(self, change: Callable[[DocumentsOrder], DocumentsOrder]) -> None:
        screen = self._screen()
        screen.documents_order = change(screen.documents_order)

    async def discover(self) -> Hits:
        """The actions, before anything is typed."""
        for name, callback, help_text in self.actions():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        """Actions and documents matching ``query``."""
        matcher = self.matcher(query)
        for name, callback, help_text in self.actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, Content(name), callback, text=name, help=help_text)
        screen = self._screen()
        found = 0
        for document in screen.documents:
            title = f"Open document: {one_line(document.title)}"
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, Content(title), partial(screen.open_place, document.id, None), text=title
                )
                found += 1
                if found >= MAX_DOCUMENT_HITS:
                    return
