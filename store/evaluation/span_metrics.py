"""Metrics over text spans: cross-document related claims and attribution sources.

Defined exactly as the evaluation sets' reference scorer defines them;
:mod:`claimdesk.store.evaluation.metrics` re-exports both functions.

>>> gold = [{"doc": "a", "start": 0, "end": 4, "cluster": "c"},
...         {"doc": "b", "start": 0, "end": 4, "cluster": "c"}]
>>> preds = [{"doc": "a", "start": 0, "end": 9, "related": [{"doc": "b", "start": 0, "end": 9}]}]
>>> crossdoc_metrics(gold, preds)["hit@1"]
1.0
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from claimdesk.store.evaluation.metrics import prf


def _overlap(s1: int, e1: int, s2: int, e2: int) -> bool:
    return s1 < e2 and s2 < e1


class _Mentions:
    """Gold mentions of clusters that appear in two or more documents, by document."""

    def __init__(self, mentions: Sequence[Mapping[str, Any]]):
        docs_of: dict[Any, set[str]] = defaultdict(set)
        for m in mentions:
            docs_of[m["cluster"]].add(str(m["doc"]))
        self.clusters = {c for c, docs in docs_of.items() if len(docs) >= 2}
        self.by_doc: dict[str, list[tuple[int, int, Any]]] = defaultdict(list)
        for m in mentions:
            if m["cluster"] in self.clusters:
                self.by_doc[str(m["doc"])].append((int(m["start"]), int(m["end"]), m["cluster"]))

    def clusters_at(self, doc: str, start: int, end: int) -> set[Any]:
        """Clusters with a mention in ``doc`` that overlaps ``[start, end)``."""
        return {c for s, e, c in self.by_doc.get(doc, ()) if _overlap(start, end, s, e)}

    def rank_of(self, claim: Mapping[str, Any], targets: set[Any]) -> int | None:
        """Rank of the first related span in another document that mentions a target cluster."""
        doc = str(claim["doc"])
        for rank, rel in enumerate(claim.get("related") or [], 1):
            rdoc = str(rel["doc"])
            if rdoc == doc:
                continue  # same-document spans use up a rank but never count
            if self.clusters_at(rdoc, int(rel["start"]), int(rel["end"])) & targets:
                return rank
        return None


def crossdoc_metrics(
    mentions: Sequence[Mapping[str, Any]], predictions: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Claim-level and mention-level hit@1, hit@10 and MRR of related spans in other documents.

    Claim level: every predicted span overlapping a gold mention of a multi-document cluster.
    Mention level: every such gold mention, through its best overlapping predicted span;
    mentions that no predicted span overlaps are misses.
    """
    gold = _Mentions(mentions)
    claims_by_doc: dict[str, list[int]] = defaultdict(list)
    for i, pred in enumerate(predictions):
        claims_by_doc[str(pred["doc"])].append(i)
    c_n = c_h1 = c_h10 = 0
    c_rr = 0.0
    for pred in predictions:
        targets = gold.clusters_at(str(pred["doc"]), int(pred["start"]), int(pred["end"]))
        if not targets:
            continue
        rank = gold.rank_of(pred, targets)
        c_n += 1
        c_h1 += rank == 1
        c_h10 += rank is not None and rank <= 10
        c_rr += 1.0 / rank if rank else 0.0
    m_n = m_h1 = m_h10 = missing = 0
    m_rr = 0.0
    cache: dict[tuple[int, Any], int | None] = {}
    for doc, doc_mentions in gold.by_doc.items():
        for start, end, cluster in doc_mentions:
            m_n += 1
            covering = [
                i
                for i in claims_by_doc.get(doc, ())
                if _overlap(start, end, int(predictions[i]["start"]), int(predictions[i]["end"]))
            ]
            if not covering:
                missing += 1
                continue
            best = None
            for i in covering:
                if (i, cluster) not in cache:
                    cache[(i, cluster)] = gold.rank_of(predictions[i], {cluster})
                rank = cache[(i, cluster)]
                if rank is not None and (best is None or rank < best):
                    best = rank
            m_h1 += best == 1
            m_h10 += best is not None and best <= 10
            m_rr += 1.0 / best if best else 0.0
    return {
        "claims_scored": c_n,
        "claims_total": len(predictions),
        "hit@1": c_h1 / c_n if c_n else 0.0,
        "hit@10": c_h10 / c_n if c_n else 0.0,
        "mrr": c_rr / c_n if c_n else 0.0,
        "gold_mentions": m_n,
        "missing": missing,
        "mention_hit@1": m_h1 / m_n if m_n else 0.0,
        "mention_hit@10": m_h10 / m_n if m_n else 0.0,
        "mention_mrr": m_rr / m_n if m_n else 0.0,
        "docs_without_predictions": len(set(gold.by_doc) - set(claims_by_doc)),
        "clusters": len(gold.clusters),
    }


# -- attribution -----------------------------------------------------------------

_STOP = {"the", "a", "an", "of", "s", "and", "to", "in", "for", "on", "at", "by", "with", "from"}


def _norm(text: str) -> str:
    return " ".join((text or "").lower().split())


def _tokens(text: str) -> set[str]:
    toks = re.findall(r"\w+", (text or "").lower())
    content = [t for t in toks if t not in _STOP]
    return set(content or toks)


def match_counts(gold: Sequence[str], predicted: Sequence[str]) -> tuple[int, int]:
    """One-to-one ``(exact, lenient)`` matches between gold and predicted strings.

    Exact compares lower-cased, whitespace-normalised strings; lenient adds, among the
    strings left over, pairs that share a content token (greedy by Jaccard overlap).

    >>> match_counts(["Donald Trump", "aides"], ["donald  trump", "Trump aides"])
    (1, 2)
    """
    used_g: set[int] = set()
    used_p: set[int] = set()
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(gold):
        by_text[_norm(text)].append(i)
    for j, text in enumerate(predicted):
        if by_text.get(_norm(text)):
            used_g.add(by_text[_norm(text)].pop())
            used_p.add(j)
    exact = len(used_p)
    gold_tokens = [_tokens(x) for x in gold]
    pred_tokens = [_tokens(x) for x in predicted]
    candidates = []
    for i, a in enumerate(gold_tokens):
        for j, b in enumerate(pred_tokens):
            if i not in used_g and j not in used_p and a & b:
                candidates.append((len(a & b) / len(a | b), i, j))
    candidates.sort(key=lambda x: (-x[0], x[1], x[2]))
    lenient = exact
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            lenient += 1
    return exact, lenient


def attribution_metrics(
    gold: Sequence[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """Source (and, when predicted, cue) precision/recall/F1, exact and lenient.

    ``gold`` rows have ``id`` and ``attributions``; ``predictions`` maps unit ids to rows
    with ``attributions``. Gold attributions without a source are left out.
    """
    fields = ["source"]
    if any("cue" in a for p in predictions.values() for a in (p.get("attributions") or [])):
        fields.append("cue")
    totals: dict[str, Counter[str]] = {f: Counter() for f in fields}
    missing = no_source = 0
    for row in gold:
        pred = predictions.get(str(row["id"]))
        missing += pred is None
        for f in fields:
            gold_strings = [a.get(f) or "" for a in row.get("attributions", [])]
            if f == "source":
                no_source += sum(1 for x in gold_strings if not x.strip())
            gold_strings = [x for x in gold_strings if x.strip()]
            pred_strings = [a.get(f) or "" for a in ((pred or {}).get("attributions") or [])]
            pred_strings = [x for x in pred_strings if str(x).strip()]
            exact, lenient = match_counts(gold_strings, pred_strings)
            totals[f].update(
                gold=len(gold_strings), pred=len(pred_strings), exact=exact, lenient=lenient
            )
    result: dict[str, Any] = {
        "units": len(gold),
        "missing": missing,
        "extra": len(set(predictions) - {str(r["id"]) for r in gold}),
        "gold_attributions_without_source": no_source,
    }
    for f in fields:
        t = totals[f]
        for mode in ("exact", "lenient"):
            p, r, f1 = prf(t[mode], t["pred"] - t[mode], t["gold"] - t[mode])
            result.update({f"{f}_{mode}_precision": p, f"{f}_{mode}_recall": r})
            result[f"{f}_{mode}_f1"] = f1
        result[f"{f}_gold"] = t["gold"]
        result[f"{f}_pred"] = t["pred"]
    return result
