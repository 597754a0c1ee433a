"""Re-attaching exported notes and flags (W3C Web Annotations) to a store with the same documents.

Each annotation's target names a document (its URL, or ``urn:claimdesk:doc:<sha256>``)
and a span (``TextPositionSelector``, ``TextQuoteSelector``). The document is found by
URN or URL; the span by its position when the text there is the quote, else by the
quote's occurrence whose prefix, suffix and position fit best. The sentence holding
the span receives the note or status. A claim that already has the same note or
status is left alone, so importing a file twice changes nothing; one with a
different note or status keeps it (reported as a conflict) unless ``replace``.

>>> from claimdesk.store import Store
>>> from claimdesk.store.exports.annotation_export import annotation_collection
>>> from claimdesk.store.exports.selection import Selection, select
>>> a, b = Store.open(":memory:"), Store.open(":memory:")
>>> for s in (a, b):
...     _ = s.add_text("Officials said 40 people died. The bridge closed.", title="Flood")
>>> _ = a.set_status(a.claims()[0].id, "false")
>>> exported = annotation_collection(select(a, Selection()))
>>> import_annotations(b, exported).placed, b.claims()[0].status
(1, 'false')
>>> import_annotations(b, exported).unchanged
1
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimdesk.store.models import STATUSES, Claim, Document

if TYPE_CHECKING:  # the Store imports this module to call it
    from claimdesk.store.store import Store

_MOTIVATIONS = ("commenting", "assessing", "tagging")


@dataclass
class ImportOutcome:
    """What importing annotations did: placed (changed a claim), unchanged, conflicts, unplaced."""

    placed: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of ``claimdesk import annotations --json``."""
        return {
            "placed": self.placed,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "unplaced": self.unplaced,
        }


def annotations_in(data: Any) -> list[dict[str, Any]]:
    """The annotations of a collection (its pages' items), a page, a list or one annotation."""
    if isinstance(data, list):
        return [a for item in data for a in annotations_in(item)]
    if not isinstance(data, dict):
        return []
    kind = data.get("type")
    if kind == "AnnotationCollection":
        found: list[dict[str, Any]] = []
        page = data.get("first")
        while isinstance(page, dict):
            found.extend(annotations_in(page))
            page = page.get("next")
        return found
    if kind == "AnnotationPage":
        return [a for a in data.get("items") or [] if isinstance(a, dict)]
    return [data] if kind == "Annotation" else []


def _selectors(target: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    selectors = target.get("selector") or []
    if isinstance(selectors, dict):
        selectors = [selectors]
    quote: dict[str, Any] = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), {})
    position: dict[str, Any] = next(
        (s for s in selectors if s.get("type") == "TextPositionSelector"), {}
    )
    return quote, position


def _documents(store: Store, source: str) -> list[Document]:
    if source.startswith("urn:claimdesk:doc:"):
        sha = source.rsplit(":", 1)[-1]
        rows = store.db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchall()
    else:
        rows = store.db.execute("SELECT id FROM documents WHERE url = ?", [source]).fetchall()
    return [store.document(r[0]) for r in rows]


def locate(text: str, quote: dict[str, Any], position: dict[str, Any]) -> tuple[int, int] | None:
    """The span of ``text`` the selectors point at, or ``None`` if the quote is not there.

    >>> locate("a b a b", {"exact": "a", "prefix": "b "}, {})
    (4, 5)
    """
    exact = quote.get("exact") or ""
    start, end = position.get("start"), position.get("end")
    in_text = isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
    if in_text and (not exact or text[start:end] == exact):
        return start, end  # type: ignore[return-value]  # in_text: both are ints
    if not exact:
        return None
    prefix, suffix = quote.get("prefix") or "", quote.get("suffix") or ""
    best, best_fit = None, None
    at = text.find(exact)
    while at != -1:
        fit = (
            text[max(0, at - len(prefix)) : at] == prefix,
            text[at + len(exact) : at + len(exact) + len(suffix)] == suffix,
            -abs(at - start) if isinstance(start, int) else 0,
        )
        if best_fit is None or fit > best_fit:
            best, best_fit = at, fit
        at = text.find(exact, at + 1)
    return None if best is None else (best, best + len(exact))


def _sentence(sentences: list[Claim], start: int, end: int) -> Claim | None:
    """The sentence holding most of ``start:end``."""
    best, most = None, 0
    for sentence in sentences:
        shared = min(end, sentence.end) - max(start, sentence.start)
        if shared > most or (shared == most == 0 and sentence.start <= start < sentence.end):
            best, most = sentence, shared
    return best


def _body_value(annotation: dict[str, Any]) -> str:
    body = annotation.get("body")
    if isinstance(body, list):
        body = body[0] if body else {}
    if isinstance(body, dict):
        return str(body.get("value") or "")
    return str(annotation.get("bodyValue") or "")


def import_annotations(store: Store, data: Any, *, replace: bool = False) -> ImportOutcome:
    """Re-attach the annotations in ``data`` (parsed JSON) to ``store``'s sentences."""
    outcome = ImportOutcome()
    sentences_of: dict[int, list[Claim]] = {}
    for annotation in annotations_in(data):
        motivation = annotation.get("motivation")
        value = _body_value(annotation)
        target = annotation.get("target")
        target = target[0] if isinstance(target, list) and target else target
        quote, position = _selectors(target) if isinstance(target, dict) else ({}, {})
        label = (quote.get("exact") or str(annotation.get("id", "")))[:80]
        if motivation not in _MOTIVATIONS or not isinstance(target, dict):
            outcome.unplaced.append(f"{label}: not a claimdesk note or flag")
            continue
        if motivation != "commenting" and value not in STATUSES:
            outcome.unplaced.append(f"{label}: unknown status {value!r}")
            continue
        placed = None
        for document in _documents(store, str(target.get("source") or "")):
            span = locate(document.text or "", quote, position)
            if span is None:
                continue
            if document.id not in sentences_of:
                sentences_of[document.id] = store.sentences(document.id)
            placed = _sentence(sentences_of[document.id], *span)
            if placed is not None:
                break
        if placed is None:
            outcome.unplaced.append(f"{label}: no document holds this quote")
            continue
        field_name = "note" if motivation == "commenting" else "status"
        current = placed.note if field_name == "note" else placed.status
        if current == value:
            outcome.unchanged += 1
            continue
        if current not in ("", "unreviewed") and not replace:
            outcome.conflicts.append(
                f"claim {placed.id}: keeps {field_name} {current!r}, not {value!r}"
            )
            continue
        if field_name == "note":
            store.set_note(placed.id, value)
        else:
            store.set_status(placed.id, value)
        outcome.placed += 1
    return outcome
