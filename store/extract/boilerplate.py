"""Page furniture that is never a claim: copyright lines, share prompts, credits, datelines.

A saved news page carries more than the report: "All rights reserved.", "Follow WTOL:",
"(Photo: File/The Tennessean)", "KNIGHTSTOWN, Ind.", "(Published Wednesday, Jan. 21,
2015)", "Home Address – 1608 Bay St.", "(WXYZ) -", "...", "PTI reports:", "Read more →".
:func:`boilerplate_class` names the class of such a sentence (see :data:`CLASSES`); the
extractor keeps it as a sentence (offsets stay the truth) but never lists it as a claim,
and the reader can still promote it. Lines a source repeats in many of its documents are
found at ingest (:mod:`claimdesk.store.database.source_lines`).

>>> [boilerplate_class(s) for s in ("Copyright 2016 WTOL.", "Follow WTOL:", "KNIGHTSTOWN, Ind.")]
['copyright', 'prompt', 'dateline']
>>> boilerplate_class("Police said 3 people were shot in Gary on Monday.")
''
"""

from __future__ import annotations

import re

from claimdesk.store.extract.headlines import has_news_verb, headline_states_fact
from claimdesk.store.extract.wordlists import word_list, words_pattern

CLASSES: dict[str, str] = {
    "copyright": "a copyright or rights line",
    "prompt": "a follow, share, subscribe or app prompt",
    "credit": "a photo or video credit or caption",
    "byline": "a byline or contributor line",
    "dateline": "a dateline on its own",
    "stamp": "a published or updated stamp",
    "address": "an address, a contact number or an appeal to call one",
    "field": "a form field (label and value)",
    "call-sign": "a station call sign or agency tag",
    "ellipsis": "an ellipsis or punctuation only",
    "lead-in": "a lead-in that says nothing itself",
    "navigation": "a navigation or menu remnant",
    "source-repeat": "a line repeated verbatim in other documents of the same source",
}
"""Every boilerplate class, with the phrase the reader and ``claimdesk show`` print for it."""

MAX_WORDS = 16
"""Longer sentences are never boilerplate by their wording (only credits and copyright)."""

_HAS_WORD = re.compile(r"[^\W_]")
_COPYRIGHT = re.compile(
    r"^\W{0,3}(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d)|all rights reserved"
    r"|may not be (?:re)?published, broadcast|rewritten,? or redistributed",
    re.IGNORECASE,
)
_COPYRIGHT_KEYS = ("copyright", "©", "(c)", "rights reserved", "redistributed", "broadcast,")
_CREDIT_KEYS = (
    "photo",
    "image",
    "video",
    "file",
    "credit",
    "courtesy",
    "pictured",
    "caption",
    "getty",
    "shutterstock",
)
MAX_CAPTION_WORDS = 6
"""A sentence with a photo credit is a credit when at most this many words are left without it
(a name caption); a longer caption describes what happened and stays text."""

_CREDIT = re.compile(
    r"\((?:photo|image|video|file|credit|courtesy|pictured)s?\b[^)]*\)|buy photo|"
    r"^(?:photos?|images?|file photo|pictured|caption|credit|courtesy)\s*(?::|/|\||by\b)|"
    r"\|\s*(?:facebook|twitter|instagram|file|submitted|provided)\s+photo|"
    r"\b(?:getty images|ap photo|shutterstock|photo illustration)\b|"
    r"^(?:view full caption|hide caption|toggle caption|enlarge this image|image \d+ of \d+)",
    re.IGNORECASE,
)
# A portrait caption: a name, an age and who supplied the picture.
_NAME_CAPTION = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}?[A-Z][\w.'’-]*,\s*\d{1,3}\s*\([^)]{2,80}\)\.?$"
)
_PROMPT_LEAD = re.compile(
    words_pattern(
        word_list(
            "follow subscribe share like sign download click tap stay join visit email "
            "e-mail tweet comment contact send watch listen get please enable try disable "
            "refresh"
        )
    )
)
_ALWAYS_PROMPT = re.compile(r"^(?:[Ss]ubscribe|[Ff]ollow us|[Ss]ign up|[Dd]ownload|[Cc]lick)\b")
_PROMPT_OBJECT = re.compile(
    r"\b(?:us|our|app|apps|newsletters?|inbox|facebook|twitter|instagram|youtube|tiktok|"
    r"the latest|for updates|for more|here|below|above|javascript|browser|ad block\w*|alerts|"
    r"notifications|this:|loading)\b",
    re.IGNORECASE,
)
_BY = re.compile(
    r"^(?:[Bb]y|BY|(?:[Pp]osted|[Ww]ritten|[Ss]tory|[Rr]eporting|[Ee]dited|[Ee]diting|"
    r"[Cc]ompiled|[Aa]dditional reporting) by|[Cc]ontributing:|[Cc]ontributors?:)\s+(?P<rest>.*)$"
)
_NAME_OR_ROLE = re.compile(
    r"^(?:[A-Z][\w.'’-]*|and|of|the|by|in|staff|writer|reporter|editor|correspondent|"
    r"contributor|[,;|/&]|-|–|—|@\w+|\S+@\S+)$"
)
_CONTRIBUTED = re.compile(
    r"contributed to this (?:report|story|article)|"
    r"^(?!(?:The|This|That|She|He|It|Our|His|Her) )(?:[A-Z][\w.'’-]+ ){1,3}is an? "
    r"(?:[\w.'’&-]+ ){0,5}(?:staff writer|reporter|correspondent|columnist|editor|"
    r"contributing writer|freelance writer)\b(?: (?:for|at|with) .*)?\.?$|^(?:[\w.&'’-]+\s+){0,3}[\w.&-]+(?:'s|’s)\s+"
    r"(?:[A-Z][\w.'’-]*\s+){1,3}reports?\.?$"
)
_STATION = (
    r"(?:[KW][A-Z]{2,3}(?:-?(?:TV|FM|AM|DT|CD))?|AP|CNN|NBC|ABC|CBS|FOX|BBC|UPI|AFP|PTI|IANS|"
    r"ANI|Reuters)"
)
_CALL_SIGN = re.compile(
    rf"^[\s(\[]*{_STATION}(?:[\s/&,]+{_STATION})*(?:\s*\d{{1,3}}(?:\.\d)?)?(?:\s+News)?"
    r"[\s)\]]*[-–—:.]*\s*$"
)
_PLACE_WORD = r"[A-Z][A-Z.'’]+(?:\s*-\s*[A-Z][A-Z.'’]+)?"
_DATELINE = re.compile(
    rf"^{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
    r"(?P<state>\s*,\s*[A-Z][A-Za-z.]{1,14}(?:\s+[A-Z][A-Za-z.]{1,14})?)?\.?"
    rf"(?P<station>\s*\(\s*{_STATION}[^)]*\))?\s*(?P<dash>[-–—:]*)\s*$"
)
_DATE_WORDS = word_list(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april "
    "june july august september october november december mon tue wed thu fri sat sun "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday"
)
_STAMP = re.compile(
    r"^\W{0,2}(?:[Pp]ublished|[Uu]pdated|[Pp]osted|[Ll]ast [Uu]pdated|[Ll]ast [Mm]odified|"
    r"[Mm]odified|[Ff]irst [Pp]ublished|[Oo]riginally [Pp]ublished|[Ff]iled|PUBLISHED|UPDATED|"
    r"POSTED)\b\s*(?:$|:|on\b|at\b|\||\d|" + words_pattern(_DATE_WORDS) + ")"
)
_STAMP_WORDS = frozenset(
    _DATE_WORDS
    + word_list(
        "am pm a m p gmt utc bst est edt cst cdt pst pdt et st nd rd th hrs uk on at of "
        "updated posted published edited modified release released last first time"
    )
)
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_STREET = (
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|"
    r"Hwy|Highway|Pkwy|Parkway|Cir|Circle|Ter|Terrace|Sq|Square)"
)
_ADDRESS_LABEL = re.compile(r"^[\w/ ]{0,25}\b[Aa]ddress\s*[-–—:]\s*\S")
MAX_CONTACT_WORDS = 45
"""A sentence with a phone number and a call to use it is a contact appeal up to this length."""
_CONTACT = re.compile(
    r"\b(?:call|calling|contact|contacting|text|dial|reach|hotlines?|helplines?|tip line|"
    r"crisis lines?|"
    r"crime ?stoppers)\b",
    re.IGNORECASE,
)
_APPEAL_OPENING = re.compile(
    r"^\W*(?:anyone|those|people|residents|witnesses)\b[^.;]{0,120}?"
    r"\b(?:asked|urged|encouraged|requested|can|should|may)\s+(?:to\s+)?(?:call|contact|text|dial)\b",
    re.IGNORECASE,
)
_EVENT_NOUN = re.compile(
    r"\b(?:shooting|killing|stabbing|fire|crash|collision|death|murder|homicide|incident|"
    r"accident|attack|robbery|burglary|explosion|assault|disappearance)s?\b",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\(?\d{3}\)?\s*[-.]?\s*\d{3}\s*[-.]\s*\d{4}|\b1\s*-\s*800\b")
_STREET_ADDRESS = re.compile(
    rf"^\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’]*\s+){{1,3}}{_STREET}\b\.?(?:,[^.]*)?$"
)
# A spaced en or em dash: " - " is a hyphen in token-joined text ("20 - 13", "out - of - cycle").
_FIELD = re.compile(r"^(?P<label>[A-Z][\w/&'’() ]{0,40}?)\s+[–—]\s+(?P<value>\S.{0,60})$")
_LEAD_IN_END = re.compile(r":\s*[\"“”']?\s*$")
_ACCORDING = re.compile(r"^(?:[Aa]ccording to|[Cc]iting|[Aa]s reported by)\s[^,;:.!?\d]*$")
_NAVIGATION = frozenset(
    word_list(
        "more comments comment print email e-mail share tweet pinterest google facebook "
        "twitter linkedin reddit whatsapp home next previous prev back top menu search close "
        "advertisement sponsored related trending recommended popular loading skip continue"
    )
)
_NAVIGATION_PHRASES = frozenset(
    (
        "read more",
        "read next",
        "more stories",
        "related stories",
        "related articles",
        "related coverage",
        "see also",
        "also read",
        "you may also like",
        "recommended for you",
        "most read",
        "most popular",
        "top stories",
        "back to top",
        "skip to content",
        "skip to main content",
        "share this",
        "share this story",
        "leave a comment",
        "view comments",
        "show comments",
    )
)
# Link labels: "VIDEO: ...", "READ MORE: ...", "Related: ..." introduce another page.
_LINK_LABEL = re.compile(
    r"^(?:(?:read more|read next|more|related|see also|also read|watch|video|photos|gallery|"
    r"slideshow|listen|audio|live|more from [^:]{1,40})\s*(?::|→|»)|"
    r"(?:related (?:coverage|content|stories|articles|links)|more coverage)\b)",
    re.IGNORECASE,
)
MAX_PROMO_WORDS = 25
"""Longest newsroom promotion of its own coverage ("... went live with the latest")."""
_PROMO = re.compile(r"\b(?:went|goes|is|was|will be) live\b|\b(?:has|with) the latest\b", re.I)
_NEWSROOM = re.compile(r"\b(?:News|Reporter|TV|Radio|Channel|[A-Z]{3,5}(?:-TV)?)\b")
# A running story's notice to come back later, however long.
_DEVELOPING = re.compile(
    r"^(?:this is an? (?:developing|breaking|ongoing) (?:news )?story|"
    r"this (?:story|article|report|page) (?:is developing|will be updated|may be updated)|"
    r"check back (?:here |later |soon )*for (?:updates|more))\b",
    re.IGNORECASE,
)
_TAG_LIST = re.compile(
    r"^(?:tagged|tags|filed under|categories|topics|previous years|share this|"
    r"\d+ (?:pending )?comments?\b)",
    re.IGNORECASE,
)
_ARROWS = "→»›>"


def boilerplate_class(sentence: str) -> str:
    """The :data:`CLASSES` key that ``sentence`` belongs to, or ``""`` for ordinary text."""
    text = sentence.strip()
    if not _HAS_WORD.search(text):
        return "ellipsis"
    low = text.lower()
    # Cheap substring tests first: these two regexes would otherwise scan every sentence.
    if any(k in low for k in _COPYRIGHT_KEYS) and _COPYRIGHT.search(text):
        return "copyright"
    if any(k in low for k in _CREDIT_KEYS) and _is_credit(text):
        return "credit"
    if _NAME_CAPTION.match(text):
        return "credit"
    words = text.split()
    if _is_contact(text, words):
        return "address"
    if "|" in text and _LINK_LABEL.match(text):
        return "navigation"  # "RELATED ARTICLES: headline | headline | headline"
    if low.startswith(("this", "check")) and _DEVELOPING.match(text):
        return "prompt"
    if (
        len(words) <= MAX_PROMO_WORDS
        and ("live" in low or "latest" in low)
        and _PROMO.search(text)
        and _NEWSROOM.search(text)
    ):
        return "byline"  # "KXYZ News reporter Jo Lee went live from the scene with the latest"
    if len(words) > MAX_WORDS:
        return ""
    return _short_class(text, words)


def _is_credit(text: str) -> bool:
    """A credit, or a caption that is little more than one (at most :data:`MAX_CAPTION_WORDS`
    words besides it)."""
    return bool(_CREDIT.search(text)) and len(_CREDIT.sub(" ", text).split()) <= MAX_CAPTION_WORDS


def _is_contact(text: str, words: list[str]) -> bool:
    """A helpline or an appeal to call a number. A sentence that only appeals ("Anyone with
    information about the shooting is asked to call ... at 209-937-8377") is one even when
    it names the event; one that also reports ("The fire marshal is investigating, and
    anyone with knowledge is asked to call ...") stays a claim.

    >>> _is_contact("Anyone with information about the shooting is asked to call 555-123-4567.", [])
    True
    >>> _is_contact("Police said the shooting was reported at 9 p.m. Call 555-123-4567.", [])
    False
    """
    if len(words) > MAX_CONTACT_WORDS or not _DIGIT.search(text):
        return False
    if not _PHONE.search(text) or not _CONTACT.search(text):
        return False
    if _APPEAL_OPENING.search(text):
        return True
    return not (has_news_verb(text) or _EVENT_NOUN.search(text))


def _short_class(text: str, words: list[str]) -> str:
    """The class of a short sentence (at most :data:`MAX_WORDS` words)."""
    if _CALL_SIGN.match(text):
        return "call-sign"
    if _is_dateline(text):
        return "dateline"
    if _STAMP.match(text) or _only_dates(text):
        return "stamp"
    if _is_byline(text):
        return "byline"
    if _ADDRESS_LABEL.match(text) or _STREET_ADDRESS.match(text.rstrip()):
        return "address"
    if _PHONE.search(text) and not has_news_verb(text) and len(words) <= 10:
        return "address"  # a hotline or a contact number
    if _navigation(text, words):
        return "navigation"
    if _PROMPT_LEAD.match(text) and (len(words) <= 3 or _PROMPT_OBJECT.search(text)):
        return "prompt"
    if _ALWAYS_PROMPT.match(text) and len(words) <= 10:
        return "prompt"
    if _is_field(text):
        return "field"
    if _is_lead_in(text, words):
        return "lead-in"
    return ""


def _is_dateline(text: str) -> bool:
    """A place in capitals, with a state or country, an agency tag or a dash after it."""
    found = _DATELINE.match(text)
    if not found or not (found.group("state") or found.group("station") or found.group("dash")):
        return False
    return not headline_states_fact(text)


def _only_dates(text: str) -> bool:
    """Whether every word is a date, time or number word, and there is a digit."""
    if not _DIGIT.search(text):
        return False
    return all(w.lower() in _STAMP_WORDS for w in _WORDS.findall(text))


def _is_byline(text: str) -> bool:
    """ "By Jane Doe, Staff Writer", "NBC 7's Omari Fleming reports.", "... contributed to this story."."""
    if _CONTRIBUTED.search(text):
        return True
    found = _BY.match(text.rstrip(" ."))
    if not found:
        return False
    rest = re.sub(r"([,;])", r" \1 ", found.group("rest")).split()
    return 0 < len(rest) <= 10 and all(_NAME_OR_ROLE.match(w) for w in rest)


def _navigation(text: str, words: list[str]) -> bool:
    """Menu words, share buttons, "Read more →", link labels and pipe-separated lists."""
    if text.count("|") >= 2 and len(words) <= 12:
        return True
    bare = " ".join(text.strip(" .:-–—" + _ARROWS).lower().split())
    if bare in _NAVIGATION or bare in _NAVIGATION_PHRASES:
        return True
    if _TAG_LIST.match(text):
        return True
    label = _LINK_LABEL.match(text)
    if label:  # a link to another page, unless its headline reports something itself
        return not headline_states_fact(text[label.end() :])
    return len(words) <= 4 and text.rstrip().endswith(tuple(_ARROWS))


def _is_field(text: str) -> bool:
    """A form line "Label – value" whose value states nothing ("Age – 17", "Type – Shooting")."""
    found = _FIELD.match(text.rstrip(" ."))
    if not found:
        return False
    label, value = found.group("label"), found.group("value")
    if len(label.split()) > 7 or len(value.split()) > 8 or has_news_verb(value):
        return False
    return len(value.split()) <= 3 or not has_news_verb(label)


def _is_lead_in(text: str, words: list[str]) -> bool:
    """A short line that only introduces what follows ("PTI reports:", "Original story:"), or
    an attribution with nothing attributed ("According to international media")."""
    if _LEAD_IN_END.search(text) and len(words) <= 8:
        return True
    return (
        len(words) <= 10 and bool(_ACCORDING.match(text.rstrip(" ."))) and not has_news_verb(text)
    )
