"""What the reader has open: a document and its sentences, and the moves that work on them.

Pure data, so the main screen can hold it in one reactive attribute and every
pane can be refreshed from it.

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> doc = store.add_text("Officials said 40 died. Why? Rescuers said 12 were missing.", title="t")
    >>> reading = Reading(store.document(doc.doc_id), tuple(store.sentences(doc.doc_id)))
    >>> [c.text for c in reading.visible(ClaimFilter())]
    ['Officials said 40 died.', 'Rescuers said 12 were missing.']
    >>> first, question, last = reading.sentences
    >>> reading.claim_after(first.id, 1).text, reading.sentence_after(first.id, 1).text
    ('Rescuers said 12 were missing.', 'Why?')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from claimdesk.store.locations import Locator
from claimdesk.store.models import Claim, Document, DocumentOrigin, Mark
from claimdesk.tui.filters import ClaimFilter


@dataclass(frozen=True)
class Reading:
    """An open document (with its text) and every sentence of it, claims or not, with where
    its pages or cues start (``marks``) and how it came in (``origin``)."""

    document: Document
    sentences: tuple[Claim, ...]
    marks: tuple[Mark, ...] = ()
    origin: DocumentOrigin | None = None

    @cached_property
    def locator(self) -> Locator:
        """The marks sorted once for :meth:`location`."""
        return Locator(self.marks)

    def location(self, claim: Claim | None) -> str:
        """Where ``claim`` sits in the source: ``"p. 4"``, ``"at 00:03:12"``, or ``""``."""
        if claim is None or not self.marks:
            return ""
        return self.locator.location(claim.start, claim.end)

    def sentence(self, claim_id: int | None) -> Claim | None:
        """The sentence ``claim_id`` of this document, if it is one."""
        return next((s for s in self.sentences if s.id == claim_id), None)

    def visible(self, claim_filter: ClaimFilter, conflicting: frozenset[int] = frozenset()):
        """The claims that ``claim_filter`` lets through, in reading order."""
        accepts = claim_filter.accepts
        return [s for s in self.sentences if s.is_claim and accepts(s, conflicting)]

    def claim_after(
        self,
        claim_id: int | None,
        step: int,
        claim_filter: ClaimFilter | None = None,
        conflicting: frozenset[int] = frozenset(),
    ) -> Claim | None:
        """The next (``step`` > 0) or previous visible claim from ``claim_id``; at either end,
        the last or first one; ``None`` when no claim is visible."""
        visible = self.visible(claim_filter or ClaimFilter(), conflicting)
        if not visible:
            return None
        current = self.sentence(claim_id)
        ordinal = current.ordinal if current else -1
        if step > 0:
            after = [c for c in visible if c.ordinal > ordinal]
            return after[0] if after else visible[-1]
        before = [c for c in visible if c.ordinal < ordinal]
        return before[-1] if before else visible[0]

    def sentence_after(self, claim_id: int | None, step: int) -> Claim | None:
        """The sentence ``step`` sentences away from ``claim_id`` (claims or not), kept in range."""
        if not self.sentences:
            return None
        index = next((i for i, s in enumerate(self.sentences) if s.id == claim_id), -1)
        return self.sentences[max(0, min(index + step, len(self.sentences) - 1))]

    def with_claims(self, changed: Iterable[Claim]) -> Reading:
        """This reading with the changed sentences of its document swapped in."""
        mine = {c.id: c for c in changed if c.doc_id == self.document.id}
        if not mine:
            return self
        sentences = tuple(mine.get(s.id, s) for s in self.sentences)
        return replace(self, sentences=sentences)

    def with_document(self, document: Document) -> Reading:
        """This reading with fresher document details (note, counts); the text is kept."""
        if document.id != self.document.id:
            return self
        return replace(self, document=replace(document, text=self.document.text))
