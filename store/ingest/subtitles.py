"""Subtitles and transcripts (.srt, .vtt): cues joined into running text, each cue's time kept.

Cue numbers, timings, styling tags and WebVTT headers, notes and styles are
not text. Cues are joined with a space, so a sentence spoken across three cues
is one sentence; a new speaker (WebVTT ``<v Name>``, a leading ``-`` or ``>>``)
or a long pause after a full stop starts a new paragraph. Rolling captions,
which repeat the previous cue's line, are not repeated. Every cue's start is
a mark, so any sentence can say when it was said ("at 00:03:12").

    >>> doc = read_subtitles(
    ...     "1\\n00:03:12,000 --> 00:03:14,000\\nThe governor said 37 people\\n\\n"
    ...     "2\\n00:03:14,200 --> 00:03:16,000\\n<i>died on Tuesday.</i>\\n", "talk.srt")
    >>> doc.text, [(m.start, m.label) for m in doc.marks]
    ('The governor said 37 people died on Tuesday.', [(0, '00:03:12'), (28, '00:03:14')])
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from claimdesk.store.ingest.marked_text import CUE, MarkedText
from claimdesk.store.ingest.parsed import ParsedDocument, RefusedError

PAUSE_SECONDS = 4.0
"""A silence at least this long after a full stop starts a new paragraph."""

PARAGRAPH_CHARS = 1200
"""A paragraph this long ends at the next full stop, so the reader gets breaks."""

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[,.](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>", re.I)
_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_SPEAKER_TURN = re.compile(r"^(?:-|>>|–|—)\s*")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Cue:
    """One timed piece of text: ``start``/``end`` in seconds, ``speaker`` from a WebVTT voice."""

    start: float
    end: float
    lines: tuple[str, ...]
    speaker: str = ""
    turn: bool = False


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str | None) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis or 0) / 1000


def clock(seconds: float) -> str:
    """``192.5`` as ``00:03:12``.

    >>> clock(3725.9)
    '01:02:05'
    """
    whole = int(seconds)
    return f"{whole // 3600:02}:{whole // 60 % 60:02}:{whole % 60:02}"


def parse_cues(text: str) -> list[Cue]:
    """Every cue of an SRT or WebVTT text, in order (headers, notes and styles skipped)."""
    cues: list[Cue] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.strip("\n").split("\n")
        timing_at = next((i for i, line in enumerate(lines) if _TIMING.match(line)), None)
        if timing_at is None or timing_at > 1:
            continue
        times = _TIMING.match(lines[timing_at]).groups()  # type: ignore[union-attr]  # matched above
        speaker, turn, cleaned = "", False, []
        for raw in lines[timing_at + 1 :]:
            voice = _VOICE.search(raw)
            if voice and not speaker:
                speaker = " ".join(voice.group(1).split())
            line = " ".join(html.unescape(_TAG.sub("", raw)).split())
            if _SPEAKER_TURN.match(line):
                turn = True
                line = _SPEAKER_TURN.sub("", line)
            if line:
                cleaned.append(line)
        cues.append(Cue(_seconds(*times[:4]), _seconds(*times[4:]), tuple(cleaned), speaker, turn))
    return cues


def _title(text: str, name: str) -> str:
    header = re.match(r"\ufeff?WEBVTT[ \t]+[-–—:]?[ \t]*(\S[^\n]*)", text)
    if header:
        return header.group(1).strip()
    return Path(name).stem.replace("_", " ").strip() if name else ""


def read_subtitles(text: str, name: str = "") -> ParsedDocument:
    """The running text of a subtitle file with a cue mark at every cue's first word."""
    out = MarkedText()
    previous: tuple[str, ...] = ()
    speaker = ""
    paragraph_start = 0
    last_end = 0.0
    for cue in parse_cues(text):
        lines = list(cue.lines)
        while lines and previous and lines[0] == previous[-1]:
            lines.pop(0)  # a rolling caption repeats the line before
        if not lines:
            continue
        previous = cue.lines
        words = " ".join(lines)
        new_speaker = bool(cue.speaker and cue.speaker != speaker)
        sentence_done = _TERMINAL.search(out.text[-5:]) is not None
        if len(out):
            long_pause = cue.start - last_end >= PAUSE_SECONDS and sentence_done
            long_paragraph = len(out) - paragraph_start > PARAGRAPH_CHARS and sentence_done
            if new_speaker or cue.turn or long_pause or long_paragraph:
                out.add("\n\n")
                paragraph_start = len(out)
            else:
                out.add(" ")
        out.mark(CUE, clock(cue.start))
        out.add(f"{cue.speaker}: {words}" if new_speaker else words)
        speaker = cue.speaker or speaker
        last_end = cue.end
    if not out.text.strip():
        raise RefusedError("no cues with text found")
    return ParsedDocument(
        text=out.text,
        title=_title(text, name),
        path=name,
        kind="subtitles",
        marks=tuple(out.marks),
    )
