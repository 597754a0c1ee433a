"""The related pane: known fact-checks of the current claim ("checked before") first, then
claims in other reports of the same incident that agree with, differ from, contradict or
relate to the current one.

A known fact-check takes three lines too, under a "checked before" label: who reviewed
it, its rating as written and the review date; the claim it reviewed; its URL (``O`` or
enter opens it). Only confident matches are shown: the pane abstains otherwise.

Three lines an item: relation (contradicts in the theme's error colour, reversed and
bold; differs in the warning colour), score and source document; the claim; the
explanation and the same-incident evidence. Only the matches the store shows come first;
``m`` lists the weaker ones after them (marked "weaker"). ``w`` marks a link wrong, ``y``
right, ``c`` confirms a contradiction: the screen records the verdict and reloads the pane. The item under the cursor
is shown whole: the claim and the reason wrapped to the pane's width. Each part is
built by its own method (:meth:`RelatedList.head`, ``body``, ``reason``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console
from rich.text import Text
from textual.binding import BindingType
from textual.message import Message

from claimdesk.store.factchecks.records import KnownCheck
from claimdesk.store.models import RelatedClaim, relation_name
from claimdesk.tui.bindings import RELATED_BINDINGS
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.status_styles import STATUS_GLYPHS, StatusStyled
from claimdesk.tui.widgets.virtual_list import VirtualList

RELATION_LABELS: dict[str, str] = {
    "contradicts": " ✗ CONTRADICTS ",
    "differs": "≠ differs",
    "agrees": "= agrees",
    "related": "~ related",
}
"""How each relation is labelled."""

INDENT = "  "
"""Claim and reason lines start under the relation label."""


def wrapped(
    text: Text, width: int, console: Console, indent: str = INDENT, first: str | None = None
) -> list[Text]:
    """``text`` wrapped to ``width`` cells: the first line starts with ``first`` (default:
    ``indent``), the others with ``indent``.

    >>> from rich.console import Console
    >>> [line.plain for line in wrapped(Text("one two three"), 9, Console())]
    ['  one two', '  three']
    >>> [line.plain for line in wrapped(Text("one two three"), 9, Console(), first="")]
    ['one two', '  three']
    """
    first = indent if first is None else first
    lines = text.wrap(console, max(1, width - max(len(indent), len(first))), overflow="fold")
    return [Text.assemble(first if i == 0 else indent, line) for i, line in enumerate(lines)] or [
        Text(first)
    ]


VERDICT_LABELS: dict[str, str] = {
    "right": " ✓ marked right",
    "contradicts": " ✓ contradiction confirmed",
    "wrong": " ✗ marked wrong",
}
"""How a reader's verdict on a link is shown after the relation."""


CHECKED_LABEL = " ✓ CHECKED BEFORE "
"""The label that sets a known fact-check apart from the related claims."""


def pane_title(items: list[RelatedClaim], show_weaker: bool, checked: int = 0) -> str:
    """The pane's border title: how many known fact-checks and related claims are shown,
    and the weaker ones behind ``m``.

    >>> pane_title([], False), pane_title([], False, checked=2)
    ('Related 0', 'Checked before 2 · Related 0')
    """
    shown = sum(1 for i in items if i.shown)
    weaker = len(items) - shown
    head = f"Checked before {checked} · " if checked else ""
    if not weaker:
        return f"{head}Related {shown}"
    return f"{head}Related {shown} + {weaker} weaker" + ("" if show_weaker else " (m)")


def item_key(item: RelatedClaim | KnownCheck) -> tuple[str, int]:
    """What identifies an item of the pane across reloads."""
    if isinstance(item, KnownCheck):
        return ("check", item.factcheck.id)
    return ("claim", item.claim.id)


class RelatedList(StatusStyled, VirtualList):
    """Known fact-checks, then related claims, of the current claim; enter or a click opens
    one (a fact-check's URL, a related claim in its document)."""

    DEFAULT_CSS = css_beside(__file__)
    BINDINGS: ClassVar[list[BindingType]] = list(RELATED_BINDINGS)
    item_height = 3
    expand_cursor = True

    class Verdict(Message):
        """The reader judged the link to ``item``: ``wrong``, ``right`` or ``contradicts``."""

        def __init__(self, item: RelatedClaim, verdict: str):
            super().__init__()
            self.item = item
            self.verdict = verdict

    def __init__(self, empty_text: str = "", **kwargs) -> None:
        super().__init__(empty_text=empty_text, **kwargs)
        self.all_items: list[RelatedClaim] = []
        self.known: list[KnownCheck] = []
        self.show_weaker = False
        self._empty = empty_text

    def show_related(
        self,
        items: list[RelatedClaim],
        empty_text: str = "",
        *,
        keep_cursor: bool = False,
        known: tuple[KnownCheck, ...] | list[KnownCheck] = (),
    ) -> None:
        """Show the ``known`` fact-checks, then ``items`` (shown and weaker ones; the weaker
        only after ``m``).

        ``keep_cursor``: the same claim's list again (after a verdict), so the cursor stays
        on its item, or where it was when that item is gone.
        """
        keep = self.current if keep_cursor else None
        self.all_items = list(items)
        self.known = [k for k in known if k.confident]
        self._empty = empty_text
        self._refill(keep, self.cursor if keep_cursor else 0, keep_cursor)

    @property
    def related_items(self) -> list[RelatedClaim]:
        """The related claims shown (the known fact-checks left out)."""
        return [i for i in self.items if isinstance(i, RelatedClaim)]

    @property
    def current_check(self) -> KnownCheck | None:
        """The known fact-check under the cursor, else the first one shown, else ``None``."""
        item = self.current
        if isinstance(item, KnownCheck):
            return item
        return self.known[0] if self.known else None

    def _refill(
        self, keep: RelatedClaim | KnownCheck | None, fallback: int = 0, keep_scroll: bool = False
    ) -> None:
        related = [i for i in self.all_items if i.shown or self.show_weaker]
        weaker = len(self.all_items) - sum(1 for i in self.all_items if i.shown)
        empty = self._empty
        if not related and weaker:
            empty = f"no other report of this incident · m: {weaker} weaker match{'es' if weaker != 1 else ''}"
        visible: list[RelatedClaim | KnownCheck] = [*self.known, *related]
        keys = [item_key(i) for i in visible]
        wanted = item_key(keep) if keep is not None else None
        cursor = keys.index(wanted) if wanted in keys else fallback
        self.set_items(visible, cursor=cursor, empty_text=empty, keep_scroll=keep_scroll)
        self.border_title = pane_title(self.all_items, self.show_weaker, len(self.known))

    def action_toggle_weaker(self) -> None:
        """Show or hide the weaker matches."""
        self.show_weaker = not self.show_weaker
        self._refill(self.current, self.cursor, True)

    def action_mark(self, verdict: str) -> None:
        """Ask the screen to record ``verdict`` on the link under the cursor."""
        item = self.current
        if isinstance(item, RelatedClaim):
            self.post_message(self.Verdict(item, verdict))
        elif item is not None:
            self.notify("a known fact-check is not a link to mark", severity="warning")

    def check_head(self, known: KnownCheck) -> Text:
        """The "checked before" label, score, reviewer, rating as written and review date."""
        check = known.factcheck
        head = Text(CHECKED_LABEL, style=self.palette.label)
        head.append(f" {known.score:3.0f} ", style="bold")
        head.append(one_line(check.reviewer) or "unknown reviewer", style="bold")
        head.append(": ")
        rating = one_line(check.rating) or "no rating"
        head.append(rating, style=self.status_style(check.verdict) if check.verdict else "")
        if check.review_date:
            head.append(f" · {one_line(check.review_date[:10])}", style=self.muted_style())
        return head

    def check_body(self, known: KnownCheck) -> Text:
        """The claim the fact-check reviewed (its title when it names no claim)."""
        check = known.factcheck
        return Text(one_line(check.claim or check.title))

    def check_link(self, known: KnownCheck) -> Text:
        """The review's URL (or that it has none)."""
        url = one_line(known.factcheck.url)
        return Text(url or "no URL given", style=self.muted_style())

    def head(self, item: RelatedClaim) -> Text:
        """Relation, score, the related claim's status and where it is."""
        head = Text()
        relation = relation_name(item.relation)
        head.append(RELATION_LABELS.get(relation, relation), style=self.relation_style(relation))
        head.append(f" {item.score:3.0f} ", style="bold")
        if not item.shown:
            head.append("weaker ", style=self.muted_style())
        head.append(
            STATUS_GLYPHS.get(item.claim.status, "·") + " ",
            style=self.status_style(item.claim.status),
        )
        where = "this document" if item.same_document else one_line(item.doc_title)
        head.append(where, style=self.muted_style())
        if item.also_in:
            plural = "s" if item.also_in != 1 else ""
            head.append(f" (also in {item.also_in} document{plural})", style=self.muted_style())
        if item.feedback:
            head.append(VERDICT_LABELS.get(item.feedback, item.feedback), style="bold")
        return head

    def body(self, item: RelatedClaim) -> Text:
        """The related claim's text."""
        return Text(one_line(item.claim.text))

    def reason(self, item: RelatedClaim) -> Text:
        """Why it was found, and the same-incident evidence."""
        why = "; ".join(p for p in (item.why, item.evidence_why) if p)
        return Text(one_line(why), style=self.muted_style())

    def render_item(self, item: RelatedClaim | KnownCheck, width: int) -> list[Text]:
        """Relation, score and document; claim text; why and the evidence (each cut at the
        pane's edge). A known fact-check: label, reviewer and rating; its claim; its URL."""
        if isinstance(item, KnownCheck):
            return [
                self.check_head(item),
                Text.assemble(INDENT, self.check_body(item)),
                Text.assemble(INDENT, self.check_link(item)),
            ]
        return [
            self.head(item),
            Text.assemble(INDENT, self.body(item)),
            Text.assemble(INDENT, self.reason(item)),
        ]

    def render_expanded(self, item: RelatedClaim | KnownCheck, width: int) -> list[Text]:
        """The item under the cursor whole: the claim and the reason wrapped."""
        console = self.app.console
        if isinstance(item, KnownCheck):
            lines = wrapped(self.check_head(item), width, console, first="")
            lines += wrapped(self.check_body(item), width, console)
            lines += wrapped(self.check_link(item), width, console)
            if item.why:
                lines += wrapped(Text(one_line(item.why), style=self.muted_style()), width, console)
            return lines
        lines = wrapped(self.head(item), width, console, first="")
        lines += wrapped(self.body(item), width, console)
        lines += wrapped(self.reason(item), width, console)
        return lines
