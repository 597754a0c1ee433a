"""Every key binding of the reader, with a stable id that a config file can remap.

Bindings are plain :class:`textual.binding.Binding` objects with ``id`` set;
Textual's keymap (``App.set_keymap``) swaps their keys at run time, so a user's
``[keys]`` table in the config file needs nothing more than ``id = "keys"``.

    >>> binding_for("search").key
    'slash'
    >>> "flag" in {b.id for b in MAIN_BINDINGS}
    True
"""

from __future__ import annotations

from textual.binding import Binding

from claimdesk.store.models import STATUSES

APP_BINDINGS: list[Binding] = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark,f1", "help", "Help", id="help"),
]
"""Bindings that work on every screen."""

MAIN_BINDINGS: list[Binding] = [
    Binding("slash", "search", "Search", id="search"),
    Binding("n", "search_step(1)", "Next result", id="search-next", show=False),
    Binding("N", "search_step(-1)", "Previous result", id="search-previous", show=False),
    Binding("j", "claim_step(1)", "Next claim", id="next-claim"),
    Binding("k", "claim_step(-1)", "Previous claim", id="previous-claim", show=False),
    Binding("J", "sentence_step(1)", "Next sentence", id="next-sentence", show=False),
    Binding("K", "sentence_step(-1)", "Previous sentence", id="previous-sentence", show=False),
    Binding("s", "flag", "Flag", id="flag"),
    Binding("e", "edit_note", "Note", id="note"),
    Binding("E", "edit_document_note", "Document note", id="document-note", show=False),
    Binding("h", "show_history", "History", id="history", show=False),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("p", "promote", "Promote sentence", id="promote", show=False),
    Binding("x", "dismiss_claim", "Not a claim", id="dismiss", show=False),
    Binding("f", "filter", "Filter", id="filter"),
    Binding("F", "clear_filter", "Clear filter", id="clear-filter", show=False),
    Binding("b,alt+left", "back", "Back", id="back", show=False),
    Binding("B,alt+right", "forward", "Forward", id="forward", show=False),
    Binding("r", "open_related", "Open related", id="open-related", show=False),
    Binding("i", "toggle_detail", "Details", id="details"),
    Binding("o", "open_url", "Open the document's URL", id="open-url", show=False),
    Binding(
        "O", "open_factcheck", "Open the known fact-check's URL", id="open-factcheck", show=False
    ),
    Binding("L", "open_linked", "Open the e-mail or attachment", id="open-linked", show=False),
    Binding("y", "copy_claim", "Copy the claim with its citation", id="copy-claim", show=False),
    Binding("v", "open_queue", "Queue", id="queue"),
    Binding("d", "toggle_documents", "Documents", id="toggle-documents", show=False),
    Binding("D", "order_documents", "Sort / filter documents", id="documents-order", show=False),
    Binding("a", "next_new_document", "Next new document", id="next-new-document", show=False),
    Binding("1", "focus_pane('documents')", "Documents pane", id="pane-documents", show=False),
    Binding("2", "focus_pane('document')", "Document pane", id="pane-document", show=False),
    Binding("3", "focus_pane('claims')", "Claims pane", id="pane-claims", show=False),
    Binding("4", "focus_pane('related')", "Related pane", id="pane-related", show=False),
    Binding("5", "focus_pane('detail')", "Detail pane", id="pane-detail", show=False),
]
"""Bindings of the main reading screen."""

RELATED_BINDINGS: list[Binding] = [
    Binding("w", "mark('wrong')", "Mark link wrong (hide it)", id="link-wrong"),
    Binding("y", "mark('right')", "Mark link right", id="link-right"),
    Binding("c", "mark('contradicts')", "Confirm contradiction", id="link-contradicts"),
    Binding("m", "toggle_weaker", "Show weaker matches", id="related-weaker"),
]
"""Bindings of the related pane (when it has the focus): the reader corrects the matcher."""

STATUS_KEYS: dict[str, str] = {
    "unreviewed": "u",
    "needs-check": "c",
    "verified": "v",
    "false": "f",
    "misleading": "m",
    "disputed": "d",
    "unverifiable": "w",
}
"""The default key that picks each status in the status chooser."""

STATUS_BINDINGS: list[Binding] = [
    Binding(STATUS_KEYS[s], f"choose('{s}')", s, id=f"status-{s}") for s in STATUSES
] + [Binding("escape", "cancel", "Cancel", id="status-cancel")]
"""Bindings of the status chooser: one key a status."""

FILTER_BINDINGS: list[Binding] = [
    Binding(str(i + 1), f"status('{s}')", f"status {s}", id=f"filter-status-{s}")
    for i, s in enumerate(STATUSES)
] + [
    Binding("n", "toggle_notes", "with notes", id="filter-notes"),
    Binding("s", "cycle_score", "minimum score", id="filter-score"),
    Binding("c", "toggle_conflicts", "conflicts only", id="filter-conflicts"),
    Binding("0", "clear", "clear all", id="filter-clear"),
    Binding("escape,enter", "close", "Close", id="filter-close"),
]
"""Bindings of the filter chooser."""

QUEUE_BINDINGS: list[Binding] = [
    Binding("s", "cycle_status", "status", id="queue-status"),
    Binding("n", "toggle_notes", "notes", id="queue-notes"),
    Binding("c", "toggle_conflicts", "conflicts", id="queue-conflicts"),
    Binding("t", "cycle_since", "new since", id="queue-since"),
    Binding("o", "toggle_order", "sort", id="queue-order"),
    Binding("escape", "close", "Close", id="queue-close"),
]
"""Bindings of the review queue (enter opens the claim under the cursor)."""

DOCUMENTS_ORDER_BINDINGS: list[Binding] = [
    Binding("a", "sort('added')", "sort as added", id="documents-sort-added"),
    Binding("t", "sort('date')", "sort by date", id="documents-sort-date"),
    Binding("s", "sort('source')", "sort by source", id="documents-sort-source"),
    Binding("f", "sort('flagged')", "sort by flagged", id="documents-sort-flagged"),
    Binding("l", "sort('title')", "sort by title", id="documents-sort-title"),
    Binding("n", "toggle('with_notes')", "only with notes", id="documents-with-notes"),
    Binding("g", "toggle('flagged_only')", "only flagged", id="documents-flagged-only"),
    Binding("w", "toggle('new_only')", "only new since the update", id="documents-new-only"),
    Binding("0", "clear", "clear all", id="documents-clear"),
    Binding("escape,enter", "close", "Close", id="documents-close"),
]
"""Bindings of the documents' sort and filter chooser (tab reaches the source and date fields)."""

NOTE_BINDINGS: list[Binding] = [
    Binding("ctrl+s", "save", "Save", id="note-save", priority=True),
    Binding("escape", "cancel", "Cancel", id="note-cancel", priority=True),
]
"""Bindings of the note editor."""

CONFIRM_BINDINGS: list[Binding] = [
    Binding("y", "answer(True)", "Yes", id="confirm-yes"),
    Binding("n,escape", "answer(False)", "No", id="confirm-no"),
]
"""Bindings of a yes/no question."""

EXPORT_BINDINGS: list[Binding] = [
    Binding("escape", "cancel", "Cancel", id="export-cancel"),
]
"""Bindings of the export dialog (enter in the file name writes the file)."""

CLOSE_BINDINGS: list[Binding] = [
    Binding("escape", "close", "Close", id="close"),
]
"""Bindings of screens that only need closing (help, history)."""

ALL_BINDINGS: list[Binding] = (
    APP_BINDINGS
    + MAIN_BINDINGS
    + RELATED_BINDINGS
    + STATUS_BINDINGS
    + FILTER_BINDINGS
    + QUEUE_BINDINGS
    + DOCUMENTS_ORDER_BINDINGS
    + NOTE_BINDINGS
    + CONFIRM_BINDINGS
    + EXPORT_BINDINGS
    + CLOSE_BINDINGS
)
"""Every binding, for the help screen and the command palette."""

BINDING_IDS: frozenset[str] = frozenset(b.id for b in ALL_BINDINGS if b.id)
"""Ids that a config file may remap."""


def binding_for(binding_id: str) -> Binding:
    """The default binding with ``binding_id`` (``KeyError`` if unknown)."""
    for binding in ALL_BINDINGS:
        if binding.id == binding_id:
            return binding
    raise KeyError(binding_id)


def effective_keys(binding: Binding, keymap: dict[str, str]) -> str:
    """The keys that trigger ``binding`` once ``keymap`` (id -> keys) is applied."""
    return keymap.get(binding.id or "", binding.key)


def display_keys(app, binding: Binding) -> str:
    """How ``binding``'s keys (after the app's remapping) are shown, e.g. ``"s, F2"``."""
    keys = effective_keys(binding, getattr(app, "keymap", {}))
    shown = [app.get_key_display(binding.with_key(key.strip())) for key in keys.split(",")]
    return ", ".join(k for k in shown if k)
