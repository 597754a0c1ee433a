"""Known fact-checks: each import format, re-imports that update, rating mapping, search."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimdesk.store.factchecks.ratings import verdict_of
from claimdesk.tui.cli import cli

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example/2024/tower-sold",
    "claimReviewed": "The Eiffel Tower was sold for scrap in 1925.",
    "datePublished": "2024-03-02",
    "name": "Was the Eiffel Tower sold for scrap?",
    "inLanguage": "en",
    "author": {"@type": "Organization", "name": "Harbour Checks", "url": "https://checks.example"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "A. Viral Poster"},
        "datePublished": "2024-02-28",
        "appearance": {"@type": "CreativeWork", "url": "https://social.example/p/1"},
    },
}

SECOND = {
    "@type": "schema:ClaimReview",
    "schema:url": "https://checks.example/2024/kelp-fuel",
    "schema:claimReviewed": "Ferries in the bay run on kelp fuel.",
    "schema:author": {"@type": "Organization", "schema:name": "Harbour Checks"},
    "schema:reviewRating": {"@type": "Rating", "schema:alternateName": "Unproven"},
}

SEARCH_RESULTS = {
    "claims": [
        {
            "text": "Owls can see through fog at 3 kilometres.",
            "claimant": "Birding forum",
            "claimDate": "2024-01-04T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "Field Notes Check", "site": "fieldnotes.example"},
                    "url": "https://fieldnotes.example/owls-fog",
                    "title": "No, owls cannot see through fog at 3 km",
                    "reviewDate": "2024-01-09T00:00:00Z",
                    "textualRating": "False",
                    "languageCode": "en",
                },
                {
                    "publisher": {"name": "Other Desk"},
                    "url": "https://other.example/owl",
                    "textualRating": "Pants on fire",
                    "languageCode": "en",
                },
            ],
        }
    ]
}


def store_checks(store):
    return {c.claim: c for c in store.factchecks()}


@pytest.mark.parametrize(
    "shape",
    [
        lambda a, b: a,
        lambda a, b: [a, b],
        lambda a, b: {"@context": "https://schema.org", "@graph": [a, b]},
        lambda a, b: {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "dataFeedElement": [
                {"@type": "DataFeedItem", "item": a},
                {"@type": "DataFeedItem", "item": [b]},
            ],
        },
    ],
    ids=["object", "list", "graph", "datafeed"],
)
def test_claimreview_shapes_import(store, tmp_path, shape):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(shape(REVIEW, SECOND)), encoding="utf-8")
    report = store.import_factchecks(path)
    assert report.format == "claimreview" and report.problems == ()
    check = store_checks(store)["The Eiffel Tower was sold for scrap in 1925."]
    assert (check.reviewer, check.rating, check.verdict) == (
        "Harbour Checks",
        "Mostly false",
        "false",
    )
    assert (check.claimant, check.claim_date, check.review_date) == (
        "A. Viral Poster",
        "2024-02-28",
        "2024-03-02",
    )
    assert (check.rating_value, check.best_rating, check.worst_rating) == (2, 5, 1)
    assert check.url == REVIEW["url"] and check.appearance == "https://social.example/p/1"
    assert check.title == "Was the Eiffel Tower sold for scrap?" and check.language == "en"
    if report.added == 2:
        assert store_checks(store)["Ferries in the bay run on kelp fuel."].verdict == "unverifiable"


def test_search_results_give_one_factcheck_per_review(store, tmp_path):
    path = tmp_path / "results.json"
    path.write_text(json.dumps(SEARCH_RESULTS), encoding="utf-8")
    report = store.import_factchecks(path)
    assert (report.format, report.added) == ("factcheck-search", 2)
    checks = sorted(store.factchecks(), key=lambda c: c.reviewer)
    assert [(c.reviewer, c.rating, c.verdict) for c in checks] == [
        ("Field Notes Check", "False", "false"),
        ("Other Desk", "Pants on fire", "false"),
    ]
    assert checks[0].claimant == "Birding forum" and checks[0].title.startswith("No, owls")


def test_csv_with_known_and_mapped_headers(store, tmp_path):
    path = tmp_path / "checks.csv"
    path.write_text(
        "\ufeffStatement;Verdict;Fact checker;Link\n"
        "Tea cures insomnia;Misleading;Cup Desk;https://cup.example/tea\n"
        ";False;Cup Desk;https://cup.example/empty\n",
        encoding="utf-8",
    )
    report = store.import_factchecks(path, columns={"claim": "Statement"})
    assert (report.format, report.added, report.skipped) == ("csv", 1, 1)
    (check,) = store.factchecks()
    assert (check.claim, check.rating, check.verdict, check.reviewer, check.url) == (
        "Tea cures insomnia",
        "Misleading",
        "misleading",
        "Cup Desk",
        "https://cup.example/tea",
    )


def test_a_csv_without_a_claim_column_is_refused(store, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    report = store.import_factchecks(path)
    assert report.added == 0 and "no claim column" in report.problems[0]


def test_reimport_updates_never_duplicates(store, tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([REVIEW, SECOND]), encoding="utf-8")
    assert store.import_factchecks(path).added == 2
    again = store.import_factchecks(path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    changed = json.loads(json.dumps(REVIEW))
    changed["reviewRating"]["alternateName"] = "False"
    path.write_text(json.dumps([changed]), encoding="utf-8")
    report = store.import_factchecks(path)
    assert (report.added, report.updated) == (0, 1)
    assert store.factcheck_count() == 2
    assert store_checks(store)[REVIEW["claimReviewed"]].rating == "False"


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        ("False", "false"),
        ("Pants on Fire!", "false"),
        ("Falso", "false"),
        ("Mostly True", "verified"),
        ("Missing context", "misleading"),
        ("Mixture", "misleading"),
        ("Unproven", "unverifiable"),
        ("False. The video was filmed in 2015.", "false"),
        ("Labeled Satire", ""),
        ("Outdated", ""),
        ("", ""),
    ],
)
def test_ratings_map_only_when_clear(rating, expected):
    assert verdict_of(rating) == expected


def test_numeric_ratings_map_only_at_the_ends():
    assert verdict_of("", 5, 5, 1) == "verified"
    assert verdict_of("", 1, 5, 1) == "false"
    assert verdict_of("", 3, 5, 1) == ""


def test_cli_add_list_search_and_checked(tmp_path):
    db = str(tmp_path / "cli.db")
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([REVIEW, SECOND]), encoding="utf-8")
    runner = CliRunner()

    def run(*args):
        return runner.invoke(cli, ["--db", db, *args], catch_exceptions=False)

    added = run("factchecks", "add", str(feed))
    assert added.exit_code == 0 and "2 added" in added.output
    assert "2 unchanged" in run("factchecks", "add", str(feed)).output
    listed = [json.loads(line) for line in run("factchecks", "list", "--json").output.splitlines()]
    assert {c["text"] for c in listed} == {REVIEW["claimReviewed"], SECOND["schema:claimReviewed"]}
    found = run("factchecks", "search", "eiffel tow", "--json").output.splitlines()
    assert [json.loads(line)["reviewer"] for line in found] == ["Harbour Checks"]
    checked = run("checked", "--text", "The Eiffel Tower was sold as scrap metal in 1925", "--json")
    lines = [json.loads(line) for line in checked.output.splitlines()]
    assert lines[0]["url"] == REVIEW["url"]
    assert set(lines[0]) >= {"text", "rating", "reviewer", "url"}
    assert run("checked", "--text", "Ferries in the bay run on kelp fuel", "--json").output
    nothing = run("checked", "--text", "Parliament passed the harbour budget", "--json")
    assert nothing.output == ""
    missing = run("factchecks", "add", str(tmp_path / "missing.json"))
    assert missing.exit_code == 1


def test_checked_finds_a_stored_claims_factcheck(store, tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([REVIEW, SECOND]), encoding="utf-8")
    store.import_factchecks(path)
    doc = store.add_text(
        "A viral post says the Eiffel Tower was sold for scrap in 1925.", title="t"
    )
    claim = store.claims(doc.doc_id)[0]
    (known,) = store.checked_before(claim.id)
    assert known.factcheck.url == REVIEW["url"] and known.confident
    assert "eiffel" in known.why
