"""Subtitle and transcript ingest: cues joined into sentences, each sentence's cue time kept."""

from __future__ import annotations

from click.testing import CliRunner

from claimdesk.tui.cli import cli

SRT = """1
00:03:05,120 --> 00:03:07,900
The governor told reporters that

2
00:03:08,000 --> 00:03:11,400
at least 37 people had died
in the floods.

3
00:03:12,010 --> 00:03:15,000
Rescue teams found 12 survivors on Wednesday.

4
00:03:25,000 --> 00:03:29,000
- How many were evacuated?
"""

VTT = """WEBVTT - Regional briefing, 19 December

NOTE recorded live from the press room

STYLE
::cue { color: yellow }

intro
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v Governor Ruiz>Good morning. The administration can confirm

00:00:04.000 --> 00:00:07.500
<v Governor Ruiz>that 37 people died &amp; 112 were injured.

00:00:12.000 --> 00:00:15.000
<v Reporter>How many people were evacuated?

00:00:15.500 --> 00:00:18.000
<v Governor Ruiz>About 4,200 people.
"""


def _sentences_with_times(store, doc_id):
    return [(s.text, store.location(doc_id, s.start, s.end)) for s in store.sentences(doc_id)]


def test_srt_cues_join_into_sentences_that_keep_their_cue_time(store, tmp_path):
    path = tmp_path / "briefing.srt"
    path.write_text(SRT, encoding="utf-8")
    result = store.add_file(path)
    assert result.added, result.reason
    doc = store.document(result.doc_id)
    assert doc.text == (
        "The governor told reporters that at least 37 people had died in the floods. "
        "Rescue teams found 12 survivors on Wednesday.\n\nHow many were evacuated?"
    )
    assert doc.title == "briefing"
    assert _sentences_with_times(store, doc.id) == [
        (
            "The governor told reporters that at least 37 people had died in the floods.",
            "at 00:03:05",
        ),
        ("Rescue teams found 12 survivors on Wednesday.", "at 00:03:12"),
        ("How many were evacuated?", "at 00:03:25"),
    ]
    assert store.origin(doc.id).kind == "subtitles"


def test_webvtt_voices_headers_and_notes(store):
    result = store.add_bytes(VTT.encode("utf-8"), name="briefing.vtt")
    doc = store.document(result.doc_id)
    assert doc.title == "Regional briefing, 19 December"
    assert doc.text == (
        "Governor Ruiz: Good morning. The administration can confirm that 37 people died & 112 "
        "were injured.\n\nReporter: How many people were evacuated?\n\n"
        "Governor Ruiz: About 4,200 people."
    )
    times = dict(_sentences_with_times(store, doc.id))
    assert times["The administration can confirm that 37 people died & 112 were injured."] == (
        "at 00:00:01"
    )
    assert times["Governor Ruiz: About 4,200 people."] == "at 00:00:15"
    for sentence in store.sentences(doc.id):
        assert doc.text[sentence.start : sentence.end] == sentence.text


def test_rolling_captions_are_not_repeated(store):
    rolling = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nthe mayor said that\n\n"
        "00:00:03.000 --> 00:00:05.000\nthe mayor said that\n40 people died\n\n"
        "00:00:05.000 --> 00:00:07.000\n40 people died\nin the flood.\n"
    )
    doc = store.document(store.add_bytes(rolling.encode(), name="auto.vtt").doc_id)
    assert doc.text == "the mayor said that 40 people died in the flood."


def test_subtitles_are_known_by_their_content(store, tmp_path):
    path = tmp_path / "captions.txt"
    path.write_text(SRT, encoding="utf-8")
    assert store.origin(store.add_file(path).doc_id).kind == "subtitles"


def test_show_says_when_a_sentence_was_said(tmp_path):
    db = tmp_path / "cli.db"
    (tmp_path / "briefing.srt").write_text(SRT, encoding="utf-8")
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["--db", str(db), "add", str(tmp_path / "briefing.srt")]).exit_code == 0
    )
    shown = runner.invoke(cli, ["--db", str(db), "show", "2"])
    assert shown.exit_code == 0, shown.output
    assert "at 00:03:12" in shown.output
