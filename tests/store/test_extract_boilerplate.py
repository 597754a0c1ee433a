"""Page furniture on real-looking pages: every boilerplate class stays a sentence, never a claim.

The pages are written for these tests (invented places, people and stations), in the
shape saved news pages have: a headline, a dateline, the report, then credits, prompts,
copyright and navigation.
"""

from __future__ import annotations

import pytest

from claimdesk.store.extract.boilerplate import CLASSES, boilerplate_class
from claimdesk.store.extract.extractor import extract

STATION_PAGE = """Two hurt in warehouse fire on Dock Street
DOCKTON, Ore. (KXYZ) -
Two workers were hurt when a fire broke out at a warehouse on Dock Street on Tuesday night, fire officials said.
The fire started in a storage room around 9:40 p.m., Battalion Chief Ana Ruiz said.
Both workers were taken to Mercy Hospital with minor burns.
Anyone with information is asked to call Dockton police at (555) 201 - 3344.
VIDEO: Harbour webcams
(Photo: Dockton Fire Department)
Stay with KXYZ 7 for the latest.
Follow KXYZ:
Download our app here.
Like this: Like Loading ...
Try disabling any ad blocking extensions running on your browser.
KXYZ News reporter Jo Lee went live from the scene with the latest on the fire.
Crisis Hotlines Dockton County Crisis Line: 555 - 226 - 4433
This is a developing story and KXYZ 7 will update this page as new information becomes available.
RELATED ARTICLES: Dockton man charged after warehouse blaze last spring | Council to vote on fire station budget | Ferry service resumes after storm damage repaired
Copyright 2024 KXYZ. All rights reserved.
"""

PAPER_PAGE = """# Council approves ferry subsidy
By Mara Lind, Staff Writer
(Published Monday, March 3, 2025)
Updated 4:15 PM
HARBOUR CITY, Wash.
The Harbour City council voted 7-2 on Monday to pay $1.2 million a year to keep the night ferry running.
The ferry carried 41,000 passengers last year, according to the port authority.
Ben Okafor and Lea Stone (Photo: Harbour City Council)
...
Read more →
Tagged ferry, council, budget
News | Weather | Sports | Opinion
Comments
Mara Lind is a Ledger staff writer.
HRN's Tom Vale reports.
"""

FORM_PAGE = """Burglary on Pier Road
A shop on Pier Road was burgled overnight and two laptops were taken, police said.
Incident Information
Date – March 2, 2025
Type – Burglary
Investigating Agency – Harbour City Police
Address – 120 Pier Road
Home Address – 44 Elm St.
Age – 34
120 Pier Road, Harbour City
Crime line: (555) 201 - 3344
Harbour Radio reports:
According to local media and the port authority
…
"""

PAGES = {"station": STATION_PAGE, "paper": PAPER_PAGE, "form": FORM_PAGE}

EXPECTED = {
    "station": {
        "DOCKTON, Ore.": "dateline",
        "(KXYZ) -": "call-sign",
        "Anyone with information is asked to call Dockton police at (555) 201 - 3344.": "address",
        "VIDEO: Harbour webcams": "navigation",
        "Try disabling any ad blocking extensions running on your browser.": "prompt",
        "KXYZ News reporter Jo Lee went live from the scene with the latest on the fire.": "byline",
        "Crisis Hotlines Dockton County Crisis Line: 555 - 226 - 4433": "address",
        "This is a developing story and KXYZ 7 will update this page as new information "
        "becomes available.": "prompt",
        "RELATED ARTICLES: Dockton man charged after warehouse blaze last spring | Council to "
        "vote on fire station budget | Ferry service resumes after storm damage repaired": (
            "navigation"
        ),
        "(Photo: Dockton Fire Department)": "credit",
        "Stay with KXYZ 7 for the latest.": "prompt",
        "Follow KXYZ:": "prompt",
        "Download our app here.": "prompt",
        "Like this: Like Loading ...": "prompt",
        "Copyright 2024 KXYZ.": "copyright",
        "All rights reserved.": "copyright",
    },
    "paper": {
        "By Mara Lind, Staff Writer": "byline",
        "(Published Monday, March 3, 2025)": "stamp",
        "Updated 4:15 PM": "stamp",
        "HARBOUR CITY, Wash.": "dateline",
        "Ben Okafor and Lea Stone (Photo: Harbour City Council)": "credit",
        "...": "ellipsis",
        "Read more →": "navigation",
        "Tagged ferry, council, budget": "navigation",
        "News | Weather | Sports | Opinion": "navigation",
        "Comments": "navigation",
        "Mara Lind is a Ledger staff writer.": "byline",
        "HRN's Tom Vale reports.": "byline",
    },
    "form": {
        "Date – March 2, 2025": "field",
        "Type – Burglary": "field",
        "Investigating Agency – Harbour City Police": "field",
        "Address – 120 Pier Road": "address",
        "Home Address – 44 Elm St.": "address",
        "Age – 34": "field",
        "120 Pier Road, Harbour City": "address",
        "Crime line: (555) 201 - 3344": "address",
        "Harbour Radio reports:": "lead-in",
        "According to local media and the port authority": "lead-in",
        "…": "ellipsis",
    },
}

REPORTS = {
    "station": [
        "Two hurt in warehouse fire on Dock Street",
        "Two workers were hurt when a fire broke out at a warehouse on Dock Street on Tuesday "
        "night, fire officials said.",
        "The fire started in a storage room around 9:40 p.m., Battalion Chief Ana Ruiz said.",
        "Both workers were taken to Mercy Hospital with minor burns.",
    ],
    "paper": [
        "Council approves ferry subsidy",
        "The Harbour City council voted 7-2 on Monday to pay $1.2 million a year to keep the "
        "night ferry running.",
        "The ferry carried 41,000 passengers last year, according to the port authority.",
    ],
    "form": [
        "Burglary on Pier Road",
        "A shop on Pier Road was burgled overnight and two laptops were taken, police said.",
    ],
}


@pytest.mark.parametrize("page", sorted(PAGES))
def test_boilerplate_on_a_page_is_never_a_claim(page):
    text = PAGES[page]
    sentences = extract(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    found = {s.text: s.boilerplate for s in sentences if s.role == "boilerplate"}
    assert found == EXPECTED[page]
    assert not any(s.is_claim for s in sentences if s.role == "boilerplate")
    assert [s.text for s in sentences if s.is_claim] == REPORTS[page]


def test_every_boilerplate_class_is_exercised_by_a_page():
    seen = {cls for page in EXPECTED.values() for cls in page.values()}
    assert seen == set(CLASSES) - {"source-repeat"}  # learnt from the store: test_source_lines


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time police arrived, the man had died.",
        "Like many port towns, Dockton has 40 shootings on record.",
        "Paris jewellery heist – four men arrested",
        "Shares of the ferry company fell 3% on Monday.",
        "According to police the man died at the scene.",
        "Police: Boy accidentally shoots, kills himself",
        "The victim is a reporter for the Daily Ledger.",
        "COUNCIL APPROVES NEW BUDGET",
        "Colts beat Chiefs 20 - 13 to clinch playoff berth",
        "40 people on Main Street lost power.",
        "Police said the man called 911 at 10 p.m. from a phone on Dock Street.",
        "VIDEO: Ferry runs aground in fog off Dock Street",
        "The fire marshal is investigating the cause of the fire, and anyone with knowledge"
        " of it is asked to call Sgt. Ann Holt at 555 - 201 - 3344.",
    ],
)
def test_reports_that_look_like_furniture_stay_text(sentence):
    assert boilerplate_class(sentence) == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Anyone who saw the fire is asked to call Dockton police at (555) 201 - 3344.",
        "Anyone with information about the shooting is urged to call the Dockton Police"
        " Department at 555 - 937 - 8377.",
        "Anyone with any information about the incident is asked to call the Rice County"
        " Sheriff's Office at 555 - 334 - 4391.",
    ],
)
def test_an_appeal_to_call_a_number_is_furniture_even_when_it_names_the_event(sentence):
    assert boilerplate_class(sentence) == "address"
    assert not [s for s in extract(f"Two men were hurt on Dock Street. {sentence}") if s.is_claim][
        1:
    ]


def test_a_long_caption_that_reports_stays_a_claim():
    text = (
        "Buy Photo Dockton firefighters work at the warehouse on Dock Street after an "
        "overnight fire that hurt two workers. (Photo: Dockton Fire Department)"
    )
    (sentence,) = [s for s in extract(text) if "firefighters" in s.text]
    assert sentence.role == "" and sentence.is_claim


def test_a_lone_attribution_tail_joins_the_sentence_it_closes():
    text = "The boat sank near the pier at dawn. Sheriff Dana Moss said.\nIt was raining."
    first, second = extract(text)
    assert first.text == "The boat sank near the pier at dawn. Sheriff Dana Moss said."
    assert first.is_claim and first.source == "Sheriff Dana Moss"
    assert second.text == "It was raining."


def test_a_tail_after_a_quote_joins_the_quote():
    text = '"It is a miracle nobody died. " said Pat Moss with the harbour committee.'
    assert [s.text for s in extract(text)] == [text]


def test_two_headline_lines_are_two_sentences():
    text = (
        "Ferry runs aground in fog off Dock Street, all 40 passengers rescued by lifeboat crews\n"
        "14 passengers treated for cold at Mercy Hospital after the night ferry grounding\n"
        "The ferry ran aground at 5 a.m., the port authority said."
    )
    sentences = extract(text)
    assert [s.text for s in sentences] == text.split("\n")
    assert [s.role for s in sentences] == ["heading", "heading", ""]


def test_hard_wrapped_text_still_joins_its_lines():
    text = (
        "The port authority said on Monday that the ferry had run aground in fog\n"
        "near the pier, and that all of its forty passengers had been rescued by\n"
        "lifeboat crews before dawn.\n"
    )
    (sentence,) = extract(text)
    assert sentence.text == text.strip()
