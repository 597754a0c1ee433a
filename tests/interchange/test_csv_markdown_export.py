"""CSV (one row a claim, spreadsheet-safe) and the Markdown dossier."""

from __future__ import annotations

import csv
import io
import json

from claimdesk.store.exports import Selection
from claimdesk.store.exports.csv_export import COLUMNS


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_csv_one_row_a_claim_with_who_and_when(desk):
    found = rows(desk.export("csv"))
    assert len(found) == 4 and list(found[0]) == list(COLUMNS)
    died = next(r for r in found if r["claim"].startswith("The harbour master"))
    assert (died["document"], died["source"], died["url"], died["published"]) == (
        "Harbour flood toll rises", "Coastal Ledger", "https://ledger.example/flood", "2025-03-02",
    )  # fmt: skip
    assert died["status"] == "verified" and died["note"].startswith("Matches")
    assert died["who"] and died["when"].startswith("20")
    assert died["attributed_to"] == "The harbour master"
    related = died["related"].splitlines()
    assert related and all(": [" in line for line in related)
    assert any("at least 55" in line for line in related)
    formula = next(r for r in found if r["note"].endswith("is not a formula here"))
    assert formula["note"].startswith("'=SUM")


def test_csv_bom_and_filters(desk):
    text = desk.export("csv", Selection(status="false"), bom=True)
    assert text.startswith("\ufeffdoc_id,")
    assert [r["status"] for r in rows(text)] == ["false"]
    assert len(rows(desk.export("csv", Selection(notes=True)))) == 3
    assert len(rows(desk.export("csv", Selection(everything=True)))) == len(desk.claims())


def test_csv_lists_known_factchecks(desk, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"@type": "ClaimReview", "url": "https://checks.example/kelp",
        "claimReviewed": "The ferry company's boats run on kelp fuel.",
        "author": {"name": "Bay Checks"}, "reviewRating": {"alternateName": "Unproven"}}))  # fmt: skip
    desk.import_factchecks(feed)
    kelp = next(r for r in rows(desk.export("csv")) if "kelp" in r["claim"])
    assert kelp["fact_checks"] == "Bay Checks: Unproven https://checks.example/kelp"


def test_markdown_dossier_by_document_reads_as_text(desk):
    text = desk.export("markdown", title="Harbour flood")
    assert text.startswith("# Dossier: Harbour flood\n")
    assert "## Harbour flood toll rises" in text
    assert "- **Status:** verified" in text
    assert '- **Note:** Matches the coroner\'s list; "40" confirmed by phone.' in text
    assert "- **Attributed to:** The harbour master" in text
    assert "- **Figures:** 40 people" in text
    # data is escaped, never markup
    assert 'A \\*new\\* levee = "the plan"' in text
    assert "<https://ledger.example/flood>" in text
    for line in text.splitlines():
        assert "\x1b" not in line


def test_markdown_dossier_by_status_shows_relations_generically(desk):
    text = desk.export("markdown", by="status")
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections == [
        "## needs-check (1)",
        "## verified (1)",
        "## false (1)",
        "## unverifiable (1)",
    ]
    relations = {
        line.split(":**")[0][4:]
        for line in text.splitlines()
        if line.startswith("- **") and line.endswith(":**")
    }
    known = {"Agrees", "Conflicts", "Differs", "Contradicts"}
    assert relations and relations <= known | {r.capitalize() for r in relations}


def test_markdown_dossier_lists_known_factchecks(desk, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"@type": "ClaimReview", "url": "https://checks.example/kelp",
        "claimReviewed": "The ferry company's boats run on kelp fuel.", "datePublished": "2025-02-11",
        "author": {"name": "Bay Checks"}, "reviewRating": {"alternateName": "Unproven"}}))  # fmt: skip
    before = desk.export("markdown")
    assert "Known fact-checks" not in before
    desk.import_factchecks(feed)
    text = desk.export("markdown")
    section = text[text.index("kelp fuel") :]
    assert "\n#" not in section[: section.index("- **Known fact-checks:**")]  # under the claim
    assert (
        "  - Bay Checks: Unproven, 2025-02-11 (<https://checks.example/kelp>):"
        " The ferry company's boats run on kelp fuel." in text
    )
    assert text.count("- **Known fact-checks:**") == 1  # only the claim it reviewed
