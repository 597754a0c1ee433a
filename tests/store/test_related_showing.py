"""What the related pane shows: other reports of the same incident, not look-alikes.

The reports below are invented: two of a shooting in Harwinton, one of another shooting
told in the same words in another town, one of the Harwinton shooting two years on, and
wire copies that repeat a sentence word for word.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimdesk.store import Store
from claimdesk.store.related import incident
from claimdesk.tui.cli import cli

FIRST = (
    "Man, 63, shot dead in driveway in Harwinton\n"
    "Police said Dale Morrow, 63, was shot in the chest on Friday evening in the driveway of"
    " his home on Birchwood Lane in Harwinton.\n"
    "A neighbour, Rita Vance, said she heard two shots before 7 p.m.\n"
    "Morrow worked for 30 years at the Tillman tool plant."
)
SECOND = (
    "Neighbour charged in Harwinton shooting\n"
    "Police charged Brent Kessler, 35, with manslaughter after Dale Morrow, 63, was shot in the"
    " chest on Friday evening outside his home in Harwinton.\n"
    "Kessler lived down the street on Birchwood Lane, Rita Vance said.\n"
    "Kessler is held on $500,000 bail."
)
ELSEWHERE = (
    "Teen wounded in Larkspur shooting\n"
    "Police said a 17-year-old boy was shot in the chest on Friday evening near a bus stop on"
    " Quarry Road in Larkspur.\n"
    "Officers found four shell casings near the Delancey market.\n"
    "The boy was taken to Larkspur General Hospital in stable condition."
)
YEARS_LATER = (
    "Two years after the Harwinton shooting\n"
    "Dale Morrow, 63, was shot in the chest on Friday evening outside his home in Harwinton,"
    " and Brent Kessler was later convicted.\n"
    "Rita Vance still lives on Birchwood Lane."
)
WIRE = (
    "Harwinton man charged\n"
    "Brent Kessler, 35, was charged on Saturday after Dale Morrow was shot dead in Harwinton.\n"
    "Kessler is held on $500,000 bail."
)


def add(store: Store, text: str, published: str) -> int:
    """Add a report; returns its document id."""
    return store.add_text(text, title=text.split("\n")[0], published=published).doc_id


def sentence(store: Store, doc_id: int, starts: str) -> int:
    """The id of the sentence of ``doc_id`` that starts with ``starts``."""
    return next(s.id for s in store.sentences(doc_id) if s.text.startswith(starts))


@pytest.fixture
def reports(store):
    """The store with the invented reports; their document ids by name."""
    return {
        "first": add(store, FIRST, "2016-10-22"),
        "second": add(store, SECOND, "2016-10-23"),
        "elsewhere": add(store, ELSEWHERE, "2014-03-02"),
        "years_later": add(store, YEARS_LATER, "2018-10-25"),
    }


def test_another_report_of_the_incident_is_shown_and_a_look_alike_is_weaker(store, reports):
    claim = sentence(store, reports["first"], "Police said Dale Morrow")
    shown = store.related(claim)
    assert {h.claim.doc_id for h in shown} == {reports["second"]}
    assert shown[0].shown and shown[0].evidence > incident.model().threshold
    assert "birchwood" in shown[0].evidence_why and "1 day apart" in shown[0].evidence_why
    weaker = {h.claim.doc_id: h for h in store.related(claim, weaker=True) if not h.shown}
    # the same words about a boy in another town, two years before
    assert reports["elsewhere"] in weaker
    assert weaker[reports["elsewhere"]].evidence < 0.05
    assert "no shared names" in weaker[reports["elsewhere"]].evidence_why


def test_reports_published_more_than_a_year_apart_are_not_one_incident(store, reports):
    claim = sentence(store, reports["first"], "Police said Dale Morrow")
    later = next(
        h for h in store.related(claim, weaker=True) if h.claim.doc_id == reports["years_later"]
    )
    assert not later.shown
    assert "733 days apart" in later.evidence_why


def test_claims_of_the_same_document_are_only_weaker(store, reports):
    claim = sentence(store, reports["second"], "Kessler lived")
    every = store.related(claim, weaker=True, include_sentences=True)
    same = [h for h in every if h.same_document]
    assert same and not any(h.shown for h in same)
    assert all(not h.same_document for h in store.related(claim, include_sentences=True))


def test_identical_sentences_are_one_row(store, reports):
    add(store, WIRE, "2016-10-23")
    add(store, WIRE.replace("Harwinton man charged", "Charge in Harwinton death"), "2016-10-24")
    claim = sentence(store, reports["second"], "Kessler is held")
    hits = store.related(claim, weaker=True, include_sentences=True)
    texts = [h.claim.text for h in hits]
    assert texts.count("Kessler is held on $500,000 bail.") == 1
    row = next(h for h in hits if h.claim.text == "Kessler is held on $500,000 bail.")
    assert row.shown and row.also_in == 1 and len(row.copies) == 1
    assert row.to_json()["also_in"] == 1


def test_one_shared_word_is_never_enough(store):
    one = add(store, "Officials said the storm was totally unexpected on Monday.", "2020-01-02")
    two = add(store, "The mayor said the result was totally fair in Leeds.", "2020-01-02")
    hits = store.related(store.sentences(one)[0].id, weaker=True, include_sentences=True)
    assert [(h.claim.doc_id, h.shown) for h in hits] in ([], [(two, False)])


def test_marking_a_link_wrong_hides_it_until_undone(store, reports):
    claim = sentence(store, reports["first"], "Police said Dale Morrow")
    other = store.related(claim)[0]
    assert store.mark_link(claim, other.claim.id, "wrong", relation=other.relation)
    assert other.claim.id not in {h.claim.id for h in store.related(claim, weaker=True)}
    hidden = {h.claim.id: h for h in store.related(claim, hidden=True)}
    assert (hidden[other.claim.id].feedback, hidden[other.claim.id].shown) == ("wrong", False)
    # the other side's pane hides it too
    assert claim not in {h.claim.id for h in store.related(other.claim.id, weaker=True)}
    event = store.history(claim)[-1]
    assert (event.kind, event.other_id, event.old, event.new) == (
        "link",
        other.claim.id,
        "",
        "wrong",
    )
    assert store.history(other.claim.id)[-1].id == event.id
    assert not store.mark_link(claim, other.claim.id, "wrong")  # no change, no event
    undo = store.undo()
    assert undo is not None and undo.undo_of == event.id and undo.other_id == other.claim.id
    assert store.related(claim)[0].claim.id == other.claim.id
    assert store.link_feedback() == []


def test_a_link_marked_right_is_shown_even_when_weaker(store, reports):
    claim = sentence(store, reports["first"], "Police said Dale Morrow")
    weaker = next(h for h in store.related(claim, weaker=True) if not h.shown)
    store.mark_link(claim, weaker.claim.id, "right", relation=weaker.relation, score=weaker.score)
    marked = next(h for h in store.related(claim) if h.claim.id == weaker.claim.id)
    assert marked.shown and marked.feedback == "right"
    [feedback] = store.link_feedback()
    assert (feedback.verdict, feedback.relation, feedback.score) == (
        "right",
        weaker.relation,
        weaker.score,
    )


def test_verdicts_are_checked(store, reports):
    claim = sentence(store, reports["first"], "Police said Dale Morrow")
    with pytest.raises(ValueError, match="unknown verdict"):
        store.mark_link(claim, claim + 1, "maybe")
    with pytest.raises(ValueError, match="itself"):
        store.mark_link(claim, claim, "wrong")
    assert store.history(claim) == []


def test_wrong_links_leave_the_conflicts_report_and_confirmed_ones_join_it(store):
    low = store.add_text(
        "At least 100 soldiers were killed near Velmora on Monday, Colonel Arvid Hesk said.",
        title="Velmora report",
        published="2024-12-16",
    ).doc_id
    high = store.add_text(
        "More than 3,000 soldiers were killed near Velmora on Monday, Colonel Arvid Hesk said.",
        title="Second Velmora report",
        published="2024-12-17",
    ).doc_id
    a, b = store.sentences(low)[0].id, store.sentences(high)[0].id
    assert [(p.claim.id, p.other.claim.id) for p in store.conflicts()] == [(a, b)]
    store.mark_link(b, a, "wrong")
    assert store.conflicts() == []
    store.mark_link(b, a, "contradicts")
    assert len(store.conflicts()) == 1


def test_cli_related_weaker_all_link_and_feedback(tmp_path):
    db = str(tmp_path / "cli.db")
    store = Store.open(db)
    first = add(store, FIRST, "2016-10-22")
    add(store, SECOND, "2016-10-23")
    add(store, ELSEWHERE, "2014-03-02")
    claim = sentence(store, first, "Police said Dale Morrow")
    store.close()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--db", db, *args])
        assert result.exit_code == 0, result.output
        return result.output

    shown = [json.loads(line) for line in run("related", str(claim), "--json").splitlines()]
    assert shown and all(h["shown"] for h in shown)
    weaker = [json.loads(x) for x in run("related", str(claim), "--weaker", "--json").splitlines()]
    assert len(weaker) > 1 and not all(h["shown"] for h in weaker)
    assert "(weaker)" in run("related", str(claim), "--weaker")
    for hit in shown:
        assert "marked wrong" in run("link", str(claim), str(hit["id"]), "wrong")
    assert "no related claims shown" in run("related", str(claim))
    other = shown[0]["id"]
    for hit in shown[1:]:
        run("link", str(claim), str(hit["id"]), "clear")
    every = [json.loads(x) for x in run("related", str(claim), "--all", "--json").splitlines()]
    assert {h["feedback"] for h in every if h["id"] == other} == {"wrong"}
    [row] = [json.loads(line) for line in run("feedback", "--json").splitlines()]
    assert row["label"] == "unrelated" and row["verdict"] == "wrong"
    assert row["a"]["text"].startswith("Police said Dale Morrow")
    assert row["b"]["published"] == "2016-10-23"
    assert "cleared" in run("link", str(claim), str(other), "clear")
    assert run("feedback") == "no feedback yet\n"
    history = run("history", str(claim))
    assert "link to claim" in history


def test_train_related_fits_and_writes_a_model(tmp_path):
    data = tmp_path / "eval"
    sets = {
        "gvc-dev": [
            ("h1", "harwinton", FIRST, "2016-10-22"),
            ("h2", "harwinton", SECOND, "2016-10-23"),
            ("l1", "larkspur", ELSEWHERE, "2014-03-02"),
            ("w1", "harwinton", WIRE, "2016-10-23"),
        ],
        "ecbplus-dev": [
            ("e1", "t1:a", FIRST.replace("Harwinton", "Oakridge"), ""),
            ("e2", "t1:a", SECOND.replace("Harwinton", "Oakridge"), ""),
            ("e3", "t1:b", ELSEWHERE, ""),
        ],
    }
    for name, docs in sets.items():
        folder = data / "crossdoc" / name
        folder.mkdir(parents=True)
        rows = [
            {"id": i, "group": "g", "title": t.split("\n")[0], "text": t, "date": d, "incident": n}
            for i, n, t, d in docs
        ]
        (folder / "docs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "model.json"
    result = CliRunner().invoke(cli, ["train", "related", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text())
    assert set(record["weights"]) == set(incident.FEATURES)
    assert record["weights"]["names"] > 0
    assert 0 < record["threshold"] < 1
    assert set(record["cross_validation_by_group"]) == {"gvc-dev", "ecbplus-dev"}
    assert "threshold:" in result.output
