"""The relation between two claims (``claimdesk eval relations``).

Gold lines are ``{"id", "a": {"text", "title"?, "published"?}, "b": {...}, "label"}`` with
label ``contradicts``, ``differs``, ``agrees`` or ``unrelated``; each pair gets the relation
the engine gives claim ``b`` for claim ``a`` (the facts of each read by the ingest
functions, with its title and published date), and the explanation. Figures are those of
the reference scorer: accuracy, per-label precision, recall and F1, macro F1 and
``false_alarms`` (unrelated pairs given a relation); a prediction ``related`` asserts
nothing, so it counts as ``unrelated``, and ``conflicts`` (older versions) as ``contradicts``.

>>> rows = [{"id": "1", "label": "contradicts",
...          "a": {"text": "As many as 1,100 North Korean soldiers were killed in Kursk, Seoul said."},
...          "b": {"text": "More than 3,000 North Korean soldiers were killed in Kursk, Kyiv said."}}]
>>> preds = predict_relations(rows)
>>> preds[0]["relation"]
'contradicts'
>>> relations_metrics(rows, {p["id"]: p["relation"] for p in preds})["accuracy"]
1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from claimdesk.store.evaluation.metrics import prf
from claimdesk.store.evaluation.retrieve import Progress

if TYPE_CHECKING:
    from claimdesk.store.related.sides import Side

LABELS: tuple[str, ...] = ("contradicts", "differs", "agrees", "unrelated")
"""The gold labels, in the reference scorer's order."""

_AS_LABEL = {"conflicts": "contradicts", "related": "unrelated", "": "unrelated"}


def as_label(relation: str) -> str:
    """A predicted relation as a gold label (``related`` asserts nothing: ``unrelated``)."""
    return _AS_LABEL.get(relation, relation)


def _side(item: dict[str, Any] | str) -> Side:
    from claimdesk.store.related.sides import side_of_text

    if isinstance(item, str):
        return side_of_text(item)
    return side_of_text(
        str(item.get("text") or ""),
        title=str(item.get("title") or ""),
        published=str(item.get("published") or ""),
    )


def predict_relations(
    rows: Sequence[dict[str, Any]], *, progress: Progress | None = None
) -> list[dict[str, Any]]:
    """One prediction ``{"id", "relation", "why", "score"}`` per pair, in input order."""
    from claimdesk.store.related.similarity import relation_of_texts

    out = []
    for row in rows:
        relation, why, score = relation_of_texts(_side(row["a"]), _side(row["b"]))
        out.append({"id": str(row["id"]), "relation": relation, "why": why, "score": score})
        if progress:
            progress(1)
    return out


def relations_metrics(rows: Sequence[dict[str, Any]], predicted: dict[str, str]) -> dict[str, Any]:
    """The reference scorer's figures for gold ``rows`` and ``{id: relation}``; ``confusion``
    maps ``"gold->predicted"`` to a count."""
    gold = {str(r["id"]): str(r["label"]) for r in rows}
    confusion = Counter((g, as_label(predicted.get(k, ""))) for k, g in gold.items())
    result: dict[str, Any] = {
        "pairs": len(gold),
        "missing": sum(1 for k in gold if k not in predicted),
        "accuracy": sum(n for (g, p), n in confusion.items() if g == p) / len(gold)
        if gold
        else 0.0,
    }
    f1s = []
    for label in LABELS:
        tp = confusion[(label, label)]
        fp = sum(n for (g, p), n in confusion.items() if p == label and g != label)
        fn = sum(n for (g, p), n in confusion.items() if g == label and p != label)
        precision, recall, f1 = prf(tp, fp, fn)
        result[f"{label}_precision"], result[f"{label}_recall"] = precision, recall
        result[f"{label}_f1"] = f1
        f1s.append(f1)
    result["macro_f1"] = sum(f1s) / len(f1s)
    unrelated = sum(n for (g, _), n in confusion.items() if g == "unrelated")
    alarms = sum(n for (g, p), n in confusion.items() if g == "unrelated" and p != "unrelated")
    result["false_alarms"] = alarms / unrelated if unrelated else 0.0
    result["confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}
    return result


def confusion_table(result: dict[str, Any]) -> list[str]:
    """The confusion matrix as text lines: gold labels down, predicted across."""
    counts = result["confusion"]
    lines = ["gold \\ predicted".ljust(18) + "".join(f"{p:>13}" for p in LABELS)]
    for g in LABELS:
        lines.append(g.ljust(18) + "".join(f"{counts.get(f'{g}->{p}', 0):>13}" for p in LABELS))
    return lines
