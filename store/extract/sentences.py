"""Fast sentence segmentation with exact offsets.

A regex finds every candidate boundary (``.``, ``!``, ``?`` or ``…`` followed by
optional closing quotes/brackets and a space); a few cheap rules then reject
the ones after abbreviations, titles, initials and month names. Line breaks end
a sentence unless the text looks hard-wrapped. Markdown heading markers,
bullets and list numbers are left outside the sentence span.

>>> text = 'Lt. Gen. Smith said on Dec. 14 that 3.5 million left the U.S. capital. "Go," he said.'
>>> [text[s.start:s.end] for s in split_sentences(text)]
['Lt. Gen. Smith said on Dec. 14 that 3.5 million left the U.S. capital.', '"Go," he said.']
>>> [(s.text, s.is_heading) for s in split_sentences("What preceded\\n\\nTroops left.")]
[('What preceded', True), ('Troops left.', False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from claimdesk.store.extract.wordlists import word_list

TITLES = frozenset(
    word_list(
        "mr mrs ms dr prof gen lt col sgt capt cpt maj adm cmdr gov sen rep rev fr st mt pres supt "
        "insp det cpl pvt brig ft jr sr hon amb messrs mme mlle no nos vs v fig art sec ch vol pp "
        "approx est dept univ assn bros ave blvd rd hwy gen. sgt. ex e.g i.e cf al ca"
    )
)
"""Titles and abbreviations that are almost never the end of a sentence."""
MONTHS_ABBR = frozenset(word_list("jan feb mar apr jun jul aug sep sept oct nov dec"))
"""Month abbreviations: no boundary when a number follows ("Dec. 14")."""
ENDERS = frozenset(word_list("etc inc corp ltd co llc plc jr sr am pm a.m p.m"))
"""Abbreviations that may end a sentence: a boundary only if a typical sentence starter follows."""
SENTENCE_STARTERS = frozenset(
    word_list(
        "the a an he she it they we i you his her its their our this that these those there here "
        "but and or so yet if when while after before as in on at for from with by to of not no "
        "mr mrs ms dr what who why how where which some many most all one two three both each "
        "however meanwhile later earlier still also then now"
    )
)
"""Words that typically start a sentence (after an abbreviation, they confirm a boundary)."""

_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_LEADING_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*•+‣▪–—][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]*)*")
_TERMINAL = re.compile(r"[.!?…:;](?:\s*[\"'”’»)\]`])*$")
_ONLY_CLOSERS = re.compile(r"[\"'”’»)\]`]+")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]?$")
_LINE = re.compile(r"[^\n]+")
_WRAP_WIDTH = 55
_TAIL = 400  # characters of a block's end that decide whether the next line joins it


class Span(NamedTuple):
    """One sentence: ``text == document[start:end]``; ``paragraph`` counts blocks from 0.

    An immutable record (a named tuple: cheap to build, one per sentence).
    """

    start: int
    end: int
    text: str
    paragraph: int
    is_heading: bool = False
    line_start: bool = False


def _is_boundary(text: str, pos: int, end: int) -> bool:
    """Whether the punctuation run ``text[pos:end]`` ends a sentence."""
    nxt = end
    n = len(text)
    while nxt < n and text[nxt] in " \t\u00a0":
        nxt += 1
    if nxt >= n or text[nxt] == "\n":
        return True
    follow = text[nxt]
    if follow.islower():
        return False
    if text[pos] != ".":
        return follow not in ",;"
    if end - pos > 1 and text[pos + 1] == ".":
        return True  # ellipsis "..." before a capital
    if pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in ".'’-_"):
        return True
    chunk = text[max(0, pos - 40) : pos].rsplit(None, 1)
    word = chunk[-1].lstrip("\"“‘'’([«").rstrip("'’") if chunk else ""
    low = word.lower()
    if low in TITLES:
        return False
    if low in MONTHS_ABBR:
        return not follow.isdigit()
    if follow in ",;:":
        return False
    next_word = _next_word(text, nxt)
    if low in ENDERS or low.replace(".", "") in ("am", "pm"):
        return next_word in SENTENCE_STARTERS
    if _INITIALS.match(word + "."):
        # "J." or "U.S.": a boundary only before a typical sentence starter.
        return next_word in SENTENCE_STARTERS
    return True


def _next_word(text: str, pos: int) -> str:
    """The lower-cased word starting at ``pos`` after any opening quotes."""
    j = pos
    n = len(text)
    while j < n and text[j] in "\"'“‘«([":
        j += 1
    k = j
    while k < n and (text[k].isalnum() or text[k] in "'’"):
        k += 1
    return text[j:k].lower()


def _joins_next_line(line: str, next_line: str) -> bool:
    """Whether a single line break is a soft wrap inside one sentence."""
    if not next_line or not line:
        return False
    if _TERMINAL.search(line) or len(line) < _WRAP_WIDTH:
        return False
    first = next_line.lstrip()[:1]
    if not first or _LEADING_MARKER.match(next_line).end():  # type: ignore[union-attr]  # matches ""
        return False
    return first.islower() or first.isdigit() or line[-1] in ",(-–—"


def _blocks(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, paragraph)`` for every line, joining soft-wrapped lines."""
    lines = _LINE.finditer(text)
    line = next(lines, None)
    paragraph = -1
    while line is not None:
        s, e = line.span()
        line = next(lines, None)
        while line is not None and line.start() == e + 1:
            ns, ne = line.span()
            # the end of the block is enough (and keeps long wrapped paragraphs linear)
            if not _joins_next_line(text[max(s, e - _TAIL) : e].rstrip(), text[ns:ne]):
                break
            e = ne
            line = next(lines, None)
        paragraph += 1
        yield s, e, paragraph


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans; whitespace and list markers stay outside the spans."""
    return [span for block in iter_blocks(text) for span in block]


def iter_blocks(text: str) -> Iterator[list[Span]]:
    """The sentence spans of ``text`` one block (a paragraph or a line) at a time, so that
    a long document need not be held as spans all at once."""
    for block_start, block_end, paragraph in _blocks(text):
        out: list[Span] = []
        lead = _LEADING_MARKER.match(text, block_start, block_end)
        assert lead is not None  # the pattern matches the empty string
        marker = text[block_start : lead.end()].strip()
        start = lead.end()
        first_in_block = len(out)
        for m in _CANDIDATE.finditer(text, start, block_end):
            if _is_boundary(text, m.start(), m.end()):
                _append(out, text, start, m.end(), paragraph)
                start = m.end()
        _append(out, text, start, block_end, paragraph)
        if len(out) == first_in_block + 1:
            only = out[-1]
            heading = marker.startswith("#") or (
                not marker and not _TERMINAL.search(only.text) and len(only.text.split()) <= 20
            )
            out[-1] = only._replace(is_heading=heading, line_start=True)
        elif len(out) > first_in_block:
            first = out[first_in_block]
            out[first_in_block] = first._replace(line_start=True)
        if out:
            yield out


def _append(out: list[Span], text: str, start: int, end: int, paragraph: int) -> None:
    """Add ``text[start:end]`` without surrounding whitespace, if anything is left.

    Closing quotes or brackets left alone after a full stop (``said. "`` in text whose
    quotes are spaced out) are no sentence: they join the sentence they close.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if out and out[-1].paragraph == paragraph and _ONLY_CLOSERS.fullmatch(text, start, end):
        out[-1] = out[-1]._replace(end=end, text=text[out[-1].start : end])
        return
    out.append(Span(start, end, text[start:end], paragraph))
