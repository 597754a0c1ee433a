"""Extraction work grows linearly with a line's length, whatever the line holds.

Work is counted, not timed: the Python lines run to extract a hostile line of n
and of 4n characters (a quadratic step shows as 16 times the work, a linear one
as 4). Work done inside one regular expression is invisible to that count, so
the inputs that once made a pattern quadratic also run in a child process that
must finish well within its deadline (they took minutes to hours before).
"""

from __future__ import annotations

import base64
import random
import subprocess
import sys
import textwrap

import pytest

from claimdesk.store.extract.extractor import extract

LINEAR = 6.0
"""Most work 4 times the input may take (a little above 4 for fixed costs)."""


def words(n: int) -> str:
    rng = random.Random(1)
    vocab = [
        "the",
        "army",
        "said",
        "that",
        "officials",
        "reported",
        "soldiers",
        "died",
        "near",
        "river",
        "on",
        "monday",
    ]
    out: list[str] = []
    size = 0
    while size < n:
        out.append(rng.choice(vocab))
        size += len(out[-1]) + 1
    return " ".join(out)[:n]


def no_spaces(n: int) -> str:
    return ("abcdefghij" * (n // 10 + 1))[:n]


def base64_image(n: int) -> str:
    data = base64.b64encode(random.Random(2).randbytes(n * 3 // 4)).decode()
    return f"Officials said 40 died.\n\n![chart](data:image/png;base64,{data})\n\nThe ministry said 12 fled.\n"


def according(n: int) -> str:
    return " ".join(["According to the ministry"] * (n // 26)) + " 40 people died."


def reporting_cues(n: int) -> str:
    unit = "Officials, saying it continued, said Anna Berg, a pilot, told reporters "
    return (unit * (n // len(unit) + 1))[:n] + "."


def wrapped_paragraph(n: int) -> str:
    line = "the harbour pilot said that the fog was thick and the ships waited outside,"
    return "\n".join([line] * (n // len(line) + 1))


def stops(n: int) -> str:
    return "Officials said 40 died" + "." * n + " Then 3 fled."


def names(n: int) -> str:
    return ", ".join(f"Kx{i}" for i in range(n // 8)) + " said 4 died."


def years(n: int) -> str:
    return "In " + " ".join(str(1000 + i % 1100) for i in range(n // 5)) + " prices rose 5 percent."


def lines_run(text: str) -> int:
    """How many Python lines :func:`extract` runs on ``text``."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def call(frame, event, arg):
        return local

    sys.settrace(call)
    try:
        extract(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    "make",
    [words, no_spaces, base64_image, according, reporting_cues, wrapped_paragraph, stops, names],
)
def test_extraction_work_is_linear_in_line_length(make):
    extract(make(1000))  # load the models before counting
    small, large = lines_run(make(3000)), lines_run(make(12000))
    assert large / small < LINEAR, f"{make.__name__}: {small} -> {large} lines for 4x the text"


def test_a_long_run_of_years_is_linear():
    extract(years(1000))
    small, large = lines_run(years(3000)), lines_run(years(12000))
    assert large / small < LINEAR, f"{small} -> {large} lines for 4x the text"


HANG_GUARD_SECONDS = 30
"""Each of these took minutes or hours before; now a few seconds at most."""


@pytest.mark.parametrize(
    "expression",
    [
        "no_spaces(1_000_000)",  # 5 MB lines once ran for hours (the link pattern)
        "base64_image(300_000)",  # 100 KB took 23 s, 300 KB about 4 minutes
        "according(500_000)",  # 4,600 "According to" took 4.6-17 s; 20,000 about 5 minutes
        "words(2_000_000)",  # a 1 MB sentence took 13-31 s; 2 MB about 2 minutes
        "wrapped_paragraph(1_000_000)",  # a hard-wrapped 1 MB paragraph took 72 s
        "names(1_000_000)",  # 400 KB of distinct names took 15 s, 1 MB about 90 s
    ],
)
def test_hostile_lines_finish(expression):
    program = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(__import__("pathlib").Path(__file__).parent)!r})
        from test_linear_extraction import *
        from claimdesk.store.extract.extractor import extract
        extract({expression})
        """
    )
    subprocess.run([sys.executable, "-c", program], check=True, timeout=HANG_GUARD_SECONDS)
