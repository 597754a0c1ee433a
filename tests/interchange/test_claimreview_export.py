"""ClaimReview export: valid JSON-LD against the shipped schema.org context, and the fields
that search engines and fact-check databases read."""

from __future__ import annotations

import json
import re

import pytest
from pyld import jsonld

from claimdesk.store.exports import Organisation, Selection
from claimdesk.store.exports.claimreview_export import schemaorg_context

SCHEMA = "https://schema.org/"


def offline_loader(url, options=None):
    """Serve the shipped context for schema.org; refuse anything else (tests stay offline)."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None,
                "documentUrl": url, "document": schemaorg_context()}  # fmt: skip
    raise jsonld.JsonLdError(
        f"offline: {url}", "loading document failed", code="loading document failed"
    )


def expand(document):
    return jsonld.expand(document, {"documentLoader": offline_loader})


def _keys(node, found):
    if isinstance(node, list):
        for item in node:
            _keys(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key != "@context":
                found.add(key)
            _keys(value, found)
    return found


def _types(node, found):
    if isinstance(node, list):
        for item in node:
            _types(item, found)
    elif isinstance(node, dict):
        types = node.get("@type", [])
        found.update([types] if isinstance(types, str) else types)
        for value in node.values():
            _types(value, found)
    return found


def assert_valid_jsonld(document):
    """Every term expands to a schema.org IRI (an unknown term would be dropped silently),
    every type is a schema.org type, and the expanded graph keeps every value."""
    expanded = expand(document)
    iris = _keys(expanded, set())
    terms = _keys(document, set()) - {"@type", "@id"}
    missing = {t for t in terms if SCHEMA + t not in iris}
    assert missing == set(), f"terms not in the context: {missing}"
    assert all(t.startswith(SCHEMA) for t in _types(expanded, set()))
    compacted = jsonld.compact(expanded, "https://schema.org", {"documentLoader": offline_loader})
    assert len(json.dumps(compacted)) > 0.8 * len(json.dumps(document))


def test_the_validation_catches_an_unknown_term():
    with pytest.raises(AssertionError, match="ratingVlaue"):
        assert_valid_jsonld(
            {"@context": "https://schema.org", "@type": "Rating", "ratingVlaue": 3, "name": "x"}
        )


def test_export_is_valid_jsonld_with_every_verdict(desk):
    org = Organisation(name="Harbour Fact Desk", url="https://desk.example",
                       review_url="https://desk.example/checks/")  # fmt: skip
    feed = json.loads(desk.export("claimreview", organisation=org))
    assert_valid_jsonld(feed)
    assert feed["@type"] == "DataFeed"
    reviews = [element["item"] for element in feed["dataFeedElement"]]
    by_rating = {r["reviewRating"]["alternateName"]: r for r in reviews}
    assert set(by_rating) == {"True", "False", "Unverifiable"}  # needs-check is not a review
    true = by_rating["True"]
    assert true["reviewRating"] == {
        "@type": "Rating", "alternateName": "True", "ratingValue": 5, "bestRating": 5, "worstRating": 1,
    }  # fmt: skip
    assert by_rating["False"]["reviewRating"]["ratingValue"] == 1
    assert "ratingValue" not in by_rating["Unverifiable"]["reviewRating"]
    assert true["author"] == {"@type": "Organization", "name": "Harbour Fact Desk",
                              "url": "https://desk.example"}  # fmt: skip
    assert re.fullmatch(r"https://desk\.example/checks/[0-9a-f]{12}-0-\d+", true["url"])
    assert true["claimReviewed"].startswith("The harbour master said 40 people died")
    item = true["itemReviewed"]
    assert item["author"]["name"] == "The harbour master"
    assert item["datePublished"] == "2025-03-02"
    assert item["appearance"]["url"] == "https://ledger.example/flood"
    assert true["reviewBody"].startswith("Matches the coroner")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", true["datePublished"])
    # a document without a URL appears as its stable URN
    assert by_rating["False"]["itemReviewed"]["appearance"]["url"].startswith("urn:claimdesk:doc:")


def test_without_an_organisation_the_reviewer_is_the_person_who_flagged(desk):
    feed = json.loads(desk.export("claimreview"))
    review = feed["dataFeedElement"][0]["item"]
    assert review["author"]["@type"] == "Person" and review["author"]["name"]
    assert_valid_jsonld(feed)


def test_the_export_imports_back_as_known_factchecks(desk, tmp_path):
    path = tmp_path / "reviews.json"
    path.write_text(desk.export("claimreview", organisation=Organisation(name="Desk")))
    report = desk.import_factchecks(path)
    assert (report.added, report.format) == (3, "claimreview")
    assert {c.verdict for c in desk.factchecks()} == {"verified", "false", "unverifiable"}
    assert desk.import_factchecks(path).unchanged == 3


def test_filters_choose_the_claims(desk):
    only_false = json.loads(desk.export("claimreview", Selection(status="false")))
    assert [e["item"]["reviewRating"]["alternateName"] for e in only_false["dataFeedElement"]] == [
        "False"
    ]
    one_doc = json.loads(desk.export("claimreview", Selection(doc_id=1)))
    assert len(one_doc["dataFeedElement"]) == 1
    future = json.loads(desk.export("claimreview", Selection(since="2999-01-01")))
    assert future["dataFeedElement"] == []
