"""The typed facts of a sentence: what each number is, what it counts, when and where."""

from __future__ import annotations

import pytest

from claimdesk.store.extract.facts import nearest_each, read_facts


def figures(sentence: str, published: str = "") -> list[dict]:
    return read_facts(sentence, published=published)[0]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police said it happened around 6 p.m. on Friday.", [("around 6", "clock")]),
        ("UPDATED at 3:05 p.m.: a 16-year-old was shot.", [("3", "clock"), ("16", "age")]),
        (
            "The convoy waited about 15 minutes on Interstate 75.",
            [("about 15", "duration"), ("75", "identifier")],
        ),
        ("A 54-year-old man shot his 42-year-old wife.", [("54", "age"), ("42", "age")]),
        ("Officers went to the 1200 block of Sherman Street.", [("1200", "identifier")]),
        (
            "Flight 370 and a Boeing 737 were searched.",
            [("370", "identifier"), ("737", "identifier")],
        ),
        (
            "The senator said Bill 42 is on page 12 of case No. 7.",
            [("42", "identifier"), ("12", "identifier"), ("7", "identifier")],
        ),
        ("Call 301 - 772 - 4925 with tips.", [("301 - 772", "identifier"), ("4925", "identifier")]),
        ("The F-16 and an AK-47 were shown.", [("16", "identifier"), ("47", "identifier")]),
        ("It was built in 2016 by 2,016 workers.", [("2,016", "people")]),
        ("Turnout was 61 percent.", [("61 percent", "percent")]),
        ("The bailout is worth $158 billion.", [("$158 billion", "money")]),
        ("A 6.1-magnitude quake struck.", [("6.1", "measure")]),
    ],
)
def test_what_each_number_is(sentence, expected):
    assert [(f["text"], f["unit"]) for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Twenty-one soldiers died.", 21),
        ("Two hundred and fifty people fled.", 250),
        ("About 1.5 million people fled.", 1_500_000),
        ("A dozen miners were rescued.", 12),
        ("Three thousand residents fled.", 3000),
        ("Some 12 000 soldiers arrived.", 12000),
        ("Half a million people fled.", 500_000),
        ("It cost $158 billion.", 158e9),
    ],
)
def test_number_words_and_mixed_forms(sentence, value):
    (figure,) = figures(sentence)
    assert figure["value"] == value


@pytest.mark.parametrize(
    ("sentence", "bound", "low", "high"),
    [
        ("At least 100 were killed.", "at_least", 100, None),
        ("No fewer than 30 were killed.", "at_least", 30, None),
        ("More than 3,000 were killed.", "more_than", 3000, None),
        ("Up to 50 were killed.", "at_most", 0, 50),
        ("As many as 1,100 were killed.", "at_most", 0, 1100),
        ("At most 20 were killed.", "at_most", 0, 20),
        ("About 50 were killed.", "approx", 45, 55),
        ("Between 30 and 40 were killed.", "range", 30, 40),
    ],
)
def test_the_qualifier_is_an_interval(sentence, bound, low, high):
    (figure,) = figures(sentence)
    assert (figure["bound"], figure["low"], figure["high"]) == (bound, low, high)


def test_what_is_counted():
    low, more = figures(
        "At least 100 North Korean soldiers had been killed and another 1,000 wounded in Kursk."
    )
    assert (low["thing"], low["modifiers"], low["outcome"]) == (
        "soldier",
        ["north korean"],
        ["death"],
    )
    assert (more["thing"], more["modifiers"], more["outcome"]) == (
        "soldier",
        ["north korean"],
        ["injury"],
    )
    assert low["place"] == more["place"] == "Kursk"
    (losses,) = figures("He has put North Korean losses at more than 3,000 killed or wounded.")
    assert (losses["modifiers"], losses["outcome"]) == (["north korean"], ["death", "injury"])
    (agents,) = figures("Two men are accused of killing the mother.")
    assert agents["outcome"] == []  # they killed; nobody counted here died


@pytest.mark.parametrize(
    ("sentence", "window"),
    [
        ("On December 14-15, units lost 30 soldiers.", "day:2024-12-14..2024-12-15"),
        ("Since October, 400 soldiers were killed.", "since:october"),
        ("So far 3,000 soldiers have been killed.", "total"),
        ("In total 3,000 soldiers were killed.", "total"),
        ("About 50 were killed on those two days.", "span:on those two days"),
        ("Police said 3 people were shot on Saturday.", "day:2024-12-28..2024-12-28"),
        ("Police said 3 people were shot yesterday.", "day:2024-12-27..2024-12-27"),
        ("Officials said on Thursday that 100 were killed.", ""),  # when it was said
    ],
)
def test_the_time_window_a_figure_covers(sentence, window):
    (figure,) = [f for f in figures(sentence, published="2024-12-28") if f["unit"] == "people"]
    assert figure["window"] == window


def test_a_date_says_when_its_event_happened():
    _, dates = read_facts(
        "The soldier was taken prisoner on December 27 and died the following day.",
        published="2024-12-28",
    )
    assert [(d["day"], d["event"]) for d in dates] == [("2024-12-27", "capture"), ("", "")]


def test_offsets_slice_to_the_text():
    sentence = "Officials in Kyiv said about 12,000 soldiers and 500 officers arrived on 3 March."
    found, dates = read_facts(sentence, offset=7)
    text = "Intro. " + sentence
    for item in (*found, *dates):
        assert text[item["start"] : item["end"]] == item["text"]


def test_pairing_by_position_walks_both_lists_once():
    spans = [(0, 3), (20, 25), (60, 62)]
    items = [(5, 9, "a"), (30, 35, "b"), (90, 95, "c")]
    assert [i[2] for i in nearest_each(spans, items)] == ["a", "b", "b"]
    assert [i[2] for i in nearest_each(spans, items, after_first=True)] == ["a", "b", "c"]
    assert nearest_each(spans, []) == [None, None, None]
