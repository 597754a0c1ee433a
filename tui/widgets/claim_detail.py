"""The detail pane: everything known about the current claim and where it comes from.

The claim in full, its status and score, where it sits in its source (the PDF
page, the time it was said), its note (wrapped), the figures with
their qualifiers, the dates, who said it, and the document's title, source, date
and URL, with the keys that open the URL and copy the claim with its citation.
Every value is data and shown as plain ``Text``.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from claimdesk.store.models import Claim, DateMention, Document, Figure
from claimdesk.store.safe_text import display_safe
from claimdesk.tui.bindings import binding_for, display_keys
from claimdesk.tui.filters import shown_score
from claimdesk.tui.widgets.css import css_beside
from claimdesk.tui.widgets.documents_list import one_line
from claimdesk.tui.widgets.status_styles import STATUS_GLYPHS, StatusStyled


def describe_figure(figure: Figure) -> str:
    """A figure as a reader would check it (a vague one has no value: "several").

    >>> describe_figure(Figure(3000.0, "more than 3,000", "more than", "soldiers"))
    '"more than 3,000" = 3,000 soldiers (more than)'
    >>> describe_figure(Figure(0.0, "several", "several", "soldiers"))
    '"several" soldiers (vague)'
    """
    if not figure.value and not any(ch.isdigit() for ch in figure.text):
        counts = f" {one_line(figure.counts)}" if figure.counts else ""
        return f'"{one_line(figure.text)}"{counts} (vague)'
    parts = [f'"{one_line(figure.text)}" = {figure.value:,g}']
    if figure.counts:
        parts.append(one_line(figure.counts))
    text = " ".join(parts)
    return f"{text} ({one_line(figure.qualifier)})" if figure.qualifier else text


def describe_date(date: DateMention) -> str:
    """A date as found and as understood.

    >>> describe_date(DateMention("Monday", relative=True)), describe_date(DateMention("26 Dec", "--12-26"))
    ('"Monday" (relative to the report)', '"26 Dec" = --12-26')
    """
    if date.value:
        return f'"{one_line(date.text)}" = {date.value}'
    return f'"{one_line(date.text)}"' + (" (relative to the report)" if date.relative else "")


def attribution(claim: Claim) -> str:
    """Who the claim is attributed to and how (empty when it is not attributed).

    >>> from dataclasses import replace
    >>> c = Claim(1, 1, 0, 0, 4, "text", True, True, 0.5, "", "Officials", "said", "reportedly")
    >>> attribution(c)
    'Officials (said), hedged: reportedly'
    """
    said = one_line(claim.source)
    if said and claim.cue:
        said += f" ({one_line(claim.cue)})"
    if claim.hedge:
        said = (
            f"{said}, hedged: {one_line(claim.hedge)}"
            if said
            else f"hedged: {one_line(claim.hedge)}"
        )
    return said


class ClaimDetail(StatusStyled, VerticalScroll, can_focus=True):
    """Scrolls when the claim and its note do not fit."""

    DEFAULT_CSS = css_beside(__file__)

    def __init__(
        self,
        claim: Claim | None = None,
        document: Document | None = None,
        location: str = "",
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.claim = claim
        self.document = document
        self.location = location

    def compose(self):
        """One static holding the details."""
        yield Static(Text("no claim selected"), id="detail-body")

    def on_mount(self) -> None:
        """Show the claim it was made with."""
        self.redraw()

    def show(self, claim: Claim | None, document: Document | None, location: str = "") -> None:
        """Show ``claim`` of ``document`` (``None``: nothing selected) and where it sits in
        its source (``location``: "p. 4", "at 00:03:12" or ``""``)."""
        if (claim, document, location) == (self.claim, self.document, self.location):
            return
        self.claim, self.document, self.location = claim, document, location
        if self.is_mounted:
            self.redraw()

    def redraw(self) -> None:
        """Rebuild the details from the claim and its document."""
        body = self.query_one("#detail-body", Static)
        if self.claim is None:
            body.update(Text("no claim selected", style=self.muted_style()))
            return
        body.update(self.render_details(self.claim, self.document))
        self.border_title = "Claim" if self.claim.is_claim else "Sentence"

    def render_details(self, claim: Claim, document: Document | None) -> RenderableType:
        """The whole pane: heading, text, note, features, document and keys."""
        muted = self.muted_style()
        head = Text()
        head.append(
            f"{STATUS_GLYPHS.get(claim.status, '·')} {claim.status}",
            style=self.status_style(claim.status),
        )
        head.append(f"  score {shown_score(claim)}  ", style="bold")
        head.append(
            f"claim {claim.id}" if claim.is_claim else f"sentence {claim.id}, not a claim",
            style=muted,
        )
        if self.location:
            head.append(f"  {one_line(self.location)}", style="bold")
        text = Text(display_safe(claim.text, tab_size=1), style="bold")
        note = Text()
        if claim.note.strip():
            note.append("✎ ", style=self.status_style("needs-check"))
            note.append(display_safe(claim.note, tab_size=1))
        else:
            keys = display_keys(self.app, binding_for("note"))
            note.append(f"no note ({keys} writes one)", style=muted)
        facts = Table.grid(padding=(0, 1), expand=True)
        facts.add_column(style=muted, no_wrap=True)
        facts.add_column(ratio=1, overflow="fold")
        for label, value in self.facts(claim, document):
            facts.add_row(Text(label), Text(value))
        keys = Text(style=muted)
        for binding_id, what in (
            ("open-url", "open the URL"),
            ("copy-claim", "copy with citation"),
        ):
            keys.append(display_keys(self.app, binding_for(binding_id)), style="bold")
            keys.append(f" {what}   ")
        return Group(head, text, note, Text(""), facts, keys)

    def facts(self, claim: Claim, document: Document | None) -> list[tuple[str, str]]:
        """(label, value) rows of what the claim holds and where it comes from."""
        rows = []
        if claim.numbers:
            rows.append(("figures", "; ".join(describe_figure(f) for f in claim.numbers)))
        if claim.dates:
            rows.append(("dates", "; ".join(describe_date(d) for d in claim.dates)))
        said = attribution(claim)
        if said:
            rows.append(("said by", said))
        if claim.entities:
            rows.append(("names", ", ".join(one_line(e) for e in claim.entities)))
        if document is not None:
            rows.append(("document", one_line(document.title) or "(untitled)"))
            where = " · ".join(one_line(v) for v in (document.source, document.published[:10]) if v)
            if where:
                rows.append(("", where))
            rows.append(("URL", one_line(document.url) or "none"))
        return rows
