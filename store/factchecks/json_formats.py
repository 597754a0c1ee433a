"""Reading published fact-checks from JSON: schema.org ClaimReview and fact-check search results.

ClaimReview comes as JSON-LD in many shapes: a single object, a list, an ``@graph``,
a ``DataFeed`` whose ``dataFeedElement`` items hold the reviews (what fact-check
feeds publish), or reviews nested inside other objects. Every object typed
``ClaimReview`` anywhere in the file is read; terms may carry a ``schema:`` prefix.
The fact-check search API's JSON is a ``claims`` list, each claim with its
``claimReview`` list (publisher, url, title, reviewDate, textualRating,
languageCode): one fact-check per review.

>>> feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [
...     {"@type": "DataFeedItem", "item": [{"@type": "ClaimReview",
...      "claimReviewed": "The moon is cheese.", "url": "https://checks.example/moon",
...      "author": {"@type": "Organization", "name": "Desk"},
...      "reviewRating": {"@type": "Rating", "alternateName": "False"}}]}]}
>>> [(c.claim, c.reviewer, c.rating) for c in read_json_document(feed)]
[('The moon is cheese.', 'Desk', 'False')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimdesk.store.factchecks.records import FactCheckInput


def _plain(key: str) -> str:
    for prefix in ("schema:", "http://schema.org/", "https://schema.org/"):
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _get(obj: Any, *keys: str) -> Any:
    """The first of ``keys`` that ``obj`` (a dict) has, ignoring ``schema:`` prefixes."""
    if not isinstance(obj, dict):
        return None
    plain = {_plain(k): v for k, v in obj.items()}
    for key in keys:
        value = plain.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _types(obj: dict[str, Any]) -> set[str]:
    found = obj.get("@type", obj.get("type", ()))
    if isinstance(found, str):
        found = [found]
    return {_plain(str(t)) for t in found} if isinstance(found, list) else set()


def _text(value: Any) -> str:
    """A string from a JSON-LD value: a string, ``{"@value"}``, a named object, or a list's first."""
    if isinstance(value, list):
        return next((t for t in map(_text, value) if t), "")
    if isinstance(value, dict):
        return _text(_get(value, "@value", "name", "alternateName", "url", "@id"))
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip()


def _url(value: Any) -> str:
    if isinstance(value, list):
        return next((u for u in map(_url, value) if u), "")
    if isinstance(value, dict):
        return _text(_get(value, "url", "@id"))
    return _text(value)


def _number(value: Any) -> float | None:
    text = _text(value)
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in ``node`` (depth first), not descending into ClaimReviews."""
    if isinstance(node, list):
        for item in node:
            yield from _walk(item)
    elif isinstance(node, dict):
        yield node
        if "ClaimReview" in _types(node):
            return
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value)


def from_claim_review(review: dict[str, Any]) -> FactCheckInput | None:
    """One ClaimReview object as a :class:`FactCheckInput` (``None`` without a claim)."""
    item = _get(review, "itemReviewed")
    if isinstance(item, list):
        item = item[0] if item else None
    claim = _text(_get(review, "claimReviewed")) or _text(_get(item, "text", "name"))
    if not claim:
        return None
    rating = _get(review, "reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    author = _get(review, "author", "publisher")
    identifier = _text(review.get("@id", ""))
    language = _get(review, "inLanguage")
    return FactCheckInput(
        claim=claim,
        claimant=_text(_get(item, "author", "creator")),
        claim_date=_text(_get(item, "datePublished", "dateCreated")),
        title=_text(_get(review, "name", "headline")),
        reviewer=_text(author),
        reviewer_url=_url(_get(author, "url", "sameAs")) if isinstance(author, dict) else "",
        rating=_text(_get(rating, "alternateName", "name", "ratingExplanation")),
        rating_value=_number(_get(rating, "ratingValue")),
        best_rating=_number(_get(rating, "bestRating")),
        worst_rating=_number(_get(rating, "worstRating")),
        url=_url(_get(review, "url")),
        review_date=_text(_get(review, "datePublished", "dateCreated", "dateModified")),
        language=_text(_get(language, "alternateName", "name") or language),
        appearance=_url(_get(item, "appearance", "firstAppearance")),
        identifier="" if identifier.startswith("_:") else identifier,
    )


def from_search_results(data: dict[str, Any]) -> list[FactCheckInput]:
    """The fact-check search API's ``claims`` list: one fact-check per ``claimReview``."""
    found = []
    for claim in data.get("claims") or []:
        if not isinstance(claim, dict):
            continue
        text = _text(claim.get("text"))
        if not text:
            continue
        for review in claim.get("claimReview") or []:
            if not isinstance(review, dict):
                continue
            publisher = review.get("publisher") or {}
            found.append(
                FactCheckInput(
                    claim=text,
                    claimant=_text(claim.get("claimant")),
                    claim_date=_text(claim.get("claimDate")),
                    title=_text(review.get("title")),
                    reviewer=_text(publisher.get("name")) or _text(publisher.get("site")),
                    reviewer_url=_text(publisher.get("site")),
                    rating=_text(review.get("textualRating")),
                    url=_text(review.get("url")),
                    review_date=_text(review.get("reviewDate")),
                    language=_text(review.get("languageCode")),
                )
            )
    return found


def read_json_document(data: Any) -> list[FactCheckInput]:
    """Every fact-check in a parsed JSON document (search results or ClaimReview JSON-LD)."""
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        return from_search_results(data)
    found = []
    for node in _walk(data):
        if "ClaimReview" in _types(node):
            check = from_claim_review(node)
            if check is not None:
                found.append(check)
    return found
