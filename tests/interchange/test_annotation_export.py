"""Web Annotation export: every annotation and the collection pass the W3C Web Annotation
test suite's JSON schemas (vendored in tests/vendor), and exported notes and flags come
back on the same sentences of a store with the same documents."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from claimdesk.store.exports import Selection
from claimdesk.tui.cli import cli
from tests.interchange.conftest import make_store

VENDOR = Path(__file__).resolve().parent.parent / "vendor" / "web-annotation-tests"

FORMATS = FormatChecker(formats=())


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", value))


@FORMATS.checks("date-time")
def _is_date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value):
        return False
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


def _registry() -> Registry:
    resources = []
    for path in VENDOR.rglob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
        )
    return Registry().with_resources(resources)


REGISTRY = _registry()


def must_assertions(test_file: str) -> list[tuple[str, dict]]:
    """The schemas a ``*Musts.test`` file lists, with the result each expects."""
    listed = json.loads((VENDOR / test_file).read_text(encoding="utf-8"))["assertions"]
    return [(name, json.loads((VENDOR / name).read_text(encoding="utf-8"))) for name in listed]


def failures(document: dict, test_file: str) -> list[str]:
    out = []
    for name, schema in must_assertions(test_file):
        validator = Draft4Validator(schema, registry=REGISTRY, format_checker=FORMATS)
        valid = validator.is_valid(document)
        if valid != (schema.get("expectedResult", "valid") == "valid"):
            out.append(f"{name}: {schema.get('errorMessage', '')}")
    return out


def implemented(document: dict, name: str) -> bool:
    schema = json.loads((VENDOR / name).read_text(encoding="utf-8"))
    return Draft4Validator(schema, registry=REGISTRY, format_checker=FORMATS).is_valid(document)


def test_the_schemas_catch_a_broken_annotation():
    broken = {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "not a uri", "type": "Annotation",
              "created": "yesterday", "target": {"source": "urn:x:y", "selector": {"type": "TextPositionSelector", "start": -1}}}  # fmt: skip
    found = failures(broken, "annotations/annotationMusts.test")
    assert any("annotationIdValidated" in f for f in found)
    assert any("annotationCreatedValidated" in f for f in found)
    assert any("TextDataPositionSelectorValid" in f for f in found)


def test_every_annotation_and_the_collection_pass_the_w3c_schemas(desk):
    collection = json.loads(desk.export("annotations"))
    annotations = collection["first"]["items"]
    assert collection["total"] == len(annotations) == 7
    assert failures(collection, "collections/collectionMusts.test") == []
    for annotation in annotations:
        assert failures(annotation, "annotations/annotationMusts.test") == []
        for feature in (
            "annotations/3.3.1-annotationCreatorImplemented.json",
            "annotations/3.3.1-annotationCreatedImplemented.json",
            "annotations/3.3.5-annotationMotivationImplemented.json",
            "annotations/specificResource/4.2.4-textQuoteSelector.json",
            "annotations/specificResource/4.2.5-textPositionSelector.json",
        ):
            assert implemented(annotation, feature), feature
    motivations = sorted((a["motivation"], a["body"]["value"]) for a in annotations)
    assert motivations == [
        ("assessing", "false"),
        ("assessing", "unverifiable"),
        ("assessing", "verified"),
        ("commenting", "=SUM(A1) is not a formula here"),
        ("commenting", 'Matches the coroner\'s list; "40" confirmed by phone.'),
        ("commenting", "The second mention, not the first."),
        ("tagging", "needs-check"),
    ]


def test_selectors_point_at_the_claim(desk):
    collection = json.loads(desk.export("annotations", Selection(everything=True)))
    texts = {d.id: desk.document(d.id) for d in desk.documents()}
    for annotation in collection["first"]["items"]:
        target = annotation["target"]
        quote, position = target["selector"]
        document = next(
            d for d in texts.values()
            if target["source"] in (d.url, f"urn:claimdesk:doc:{d.sha256}")
        )  # fmt: skip
        assert document.text[position["start"] : position["end"]] == quote["exact"]
        assert document.text[: position["start"]].endswith(quote["prefix"])
        assert document.text[position["end"] :].startswith(quote["suffix"])


def _placements(store):
    """Every sentence's (document hash, offsets) -> (status, note), for reviewed ones."""
    out = {}
    for document in store.documents():
        for s in store.sentences(document.id):
            if s.status != "unreviewed" or s.note:
                out[(document.sha256, s.start, s.end)] = (s.status, s.note)
    return out


def test_round_trip_puts_every_note_and_flag_back_on_the_same_sentence(desk, tmp_path):
    exported = json.loads(desk.export("annotations", Selection(everything=True)))
    fresh = make_store(tmp_path / "fresh.db")
    outcome = fresh.import_annotations(exported)
    assert (outcome.placed, outcome.unplaced, outcome.conflicts) == (7, [], [])
    assert _placements(fresh) == _placements(desk)
    again = fresh.import_annotations(exported)
    assert (again.placed, again.unchanged) == (0, 7)
    assert len(fresh.history()) == 7  # no duplicate events


def test_import_by_quote_when_positions_moved_and_reports_what_it_cannot_place(desk, tmp_path):
    exported = json.loads(desk.export("annotations"))
    for annotation in exported["first"]["items"]:
        annotation["target"]["selector"][1]["start"] += 3  # stale positions
        annotation["target"]["selector"][1]["end"] += 3
    stranger = {"type": "Annotation", "motivation": "commenting",
                "body": {"type": "TextualBody", "value": "lost"},
                "target": {"source": "urn:claimdesk:doc:" + "0" * 64,
                           "selector": [{"type": "TextQuoteSelector", "exact": "nowhere"}]}}  # fmt: skip
    exported["first"]["items"].append(stranger)
    fresh = make_store(tmp_path / "fresh.db")
    outcome = fresh.import_annotations(exported)
    assert outcome.placed == 7 and len(outcome.unplaced) == 1
    assert "nowhere" in outcome.unplaced[0]
    assert _placements(fresh) == _placements(desk)


def test_differing_notes_are_kept_unless_replaced(desk, tmp_path):
    exported = json.loads(desk.export("annotations"))
    fresh = make_store(tmp_path / "fresh.db")
    died = next(c for c in fresh.claims() if c.text.startswith("The harbour master"))
    fresh.set_note(died.id, "my own note")
    outcome = fresh.import_annotations(exported)
    assert len(outcome.conflicts) == 1 and fresh.claim(died.id).note == "my own note"
    assert fresh.import_annotations(exported, replace=True).placed == 1
    assert fresh.claim(died.id).note.startswith("Matches the coroner")


@pytest.mark.parametrize("fmt", ["claimreview", "annotations", "csv", "markdown"])
def test_cli_export_to_stdout_and_file(desk, tmp_path, fmt):
    runner = CliRunner()
    out = tmp_path / f"export.{fmt}"
    to_file = runner.invoke(cli, ["--db", desk.path, "export", fmt, "--out", str(out)])
    assert to_file.exit_code == 0, to_file.output
    to_stdout = runner.invoke(cli, ["--db", desk.path, "export", fmt])
    assert to_stdout.exit_code == 0
    if fmt in ("csv", "markdown"):
        assert out.read_text(encoding="utf-8").splitlines()[0] == to_stdout.output.splitlines()[0]


def test_cli_import_annotations(desk, tmp_path):
    runner = CliRunner()
    path = tmp_path / "notes.jsonld"
    runner.invoke(cli, ["--db", desk.path, "export", "annotations", "--out", str(path)])
    fresh = make_store(tmp_path / "fresh.db")
    fresh.close()
    first = runner.invoke(
        cli, ["--db", str(tmp_path / "fresh.db"), "import", "annotations", str(path)]
    )
    assert first.output.startswith("7 placed, 0 already there")
    second = runner.invoke(
        cli, ["--db", str(tmp_path / "fresh.db"), "import", "annotations", str(path), "--json"]
    )
    assert json.loads(second.output)["unchanged"] == 7
