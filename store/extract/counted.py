"""What a figure counts: the counted thing, its restricting modifiers and the outcome.

Read from a few words after the figure, and from a few before it when the count is
named first ("the death toll rose to 30", "put North Korean losses at 3,000"):

    >>> counted(" North Korean soldiers had been killed and another", "")
    ('North Korean soldiers', 'soldier', ('north korean',), ('death',))
    >>> counted("killed or wounded.", "has put North Korean losses at")
    ('killed', '', ('north korean',), ('death', 'injury'))
    >>> counted("Yemeni pirates were freed", "")
    ('Yemeni pirates', 'pirate', ('yemeni',), ())

Outcomes merge their synonyms (killed = died = dead = lost their lives); casualties
and losses stand for deaths and injuries together.
"""

from __future__ import annotations

import re

from claimdesk.store.extract.wordlists import word_list

STOP = frozenset(
    word_list(
        "had have has were was is are be been being will would could should may might can did do "
        "does and or but for from in on at by with to into than that which who whom whose as of "
        "the a an this these those its their his her our your including among after before since "
        "during while when where if because according said says say told reported more less "
        "per each more other others further additional another all some them they it"
    )
)
"""Words that end the counted phrase after a number."""

OUTCOMES: dict[str, str] = {
    **dict.fromkeys(
        word_list(
            "killed kill killing dead died die dying death deaths fatalities fatality fatally "
            "perished slain murdered lives"
        ),
        "death",
    ),
    **dict.fromkeys(word_list("wounded wounding injured injuring injuries injury hurt"), "injury"),
    **dict.fromkeys(word_list("casualties casualty losses"), "casualty"),
    **dict.fromkeys(word_list("missing unaccounted"), "missing"),
    **dict.fromkeys(word_list("captured capturing prisoner prisoners"), "capture"),
    **dict.fromkeys(word_list("arrested arresting detained detaining custody"), "arrest"),
    **dict.fromkeys(word_list("displaced fled homeless"), "displacement"),
    **dict.fromkeys(word_list("evacuated evacuating"), "evacuation"),
    **dict.fromkeys(word_list("infected infections cases"), "infection"),
    **dict.fromkeys(word_list("shot"), "shot"),
    **dict.fromkeys(word_list("rescued"), "rescue"),
}
"""Outcome words and the outcome each names."""

_COMBINED = {"casualty": ("death", "injury")}

THING_SYNONYMS: dict[str, str] = {
    "troop": "soldier", "serviceman": "soldier", "servicemen": "soldier", "serviceperson": "soldier",
    "person": "people", "persons": "people", "individual": "people", "peoples": "people",
    "children": "child", "kid": "child", "minor": "child", "men": "man", "women": "woman",
    "policeman": "officer", "policemen": "officer", "cop": "officer", "police": "officer",
    "civilians": "civilian", "fighter": "militant", "insurgent": "militant",
}  # fmt: skip
"""Counted nouns that name the same thing (stems as keys)."""

GENERIC_THINGS = frozenset({"", "people", "victim", "casualty"})
"""Counted things that may be the whole of a more specific count (30 people, 12 children)."""

PEOPLE = frozenset(
    word_list(
        "people soldier civilian child man woman officer militant pirate hostage prisoner "
        "resident student worker migrant refugee protester demonstrator passenger patient "
        "victim citizen teenager adult boy girl baby infant member fan voter employee "
        "firefighter journalist doctor nurse teacher general volunteer sailor pilot crew "
        "miner tourist guard inmate suspect"
    )
)
"""Counted things (stems, synonyms merged) that are people."""

RESTRICTING = frozenset(
    word_list(
        "civilian military foreign local unarmed armed young elderly female male adult "
        "underage injured wounded dead innocent first last final remaining initial early later"
    )
)
"""Lower-case words before a counted noun that make the count a part of a larger one."""

_WORD = re.compile(r"\s*-?\s*([^\W\d_][\w'’-]*)")
_TAIL_VERB = re.compile(r"(?:\b(?:and|while|but)\s+|,\s*)?\b([a-z]+)\s*$")
_PHRASES = (
    (re.compile(r"\blost (?:their|his|her) li(?:fe|ves)\b"), " died "),
    (re.compile(r"\btaken (?:into custody)\b"), " detained "),
    (re.compile(r"\btaken prisoner\b"), " captured "),
    (re.compile(r"\bunaccounted for\b"), " missing "),
    (re.compile(r"\b(?:fled|forced (?:out )?(?:from|of)|driven from) (?:their|his|her) homes?\b"), " displaced "),
    (re.compile(r"\bdeath toll\b"), " deaths "),
)  # fmt: skip
_PHRASE_WORDS = ("lost", "taken", "unaccounted", "fled", "forced", "driven", "death toll")
_BEFORE = re.compile(
    r"(?P<mods>(?:[A-Z][\w'’-]*\s+){0,3})"
    r"(?P<noun>losses|casualties|death toll|toll|deaths|dead|injuries|tally)"
    r"(?:\s+[a-z]+){0,2}\s+(?:at|of|to|reached|was|were|is|are|stood at|stands at)\s*$"
)
_BEFORE_VERB = re.compile(r"\b([a-z]+)(?:\s+(?:at least|more than|about|some|nearly|over))?\s*$")
_PART_BEFORE = re.compile(r"\b(first|last|final|remaining|other|initial|past|next)\s+$", re.I)
_KIN_BEFORE = re.compile(
    r"\b(?:mother|father|parent|mom|dad|grandmother|grandfather|grandparents|parents)\s+of\s+$",
    re.I,
)
AFTER_WORDS = 10
"""How many words after a figure may name its outcome ("100 soldiers had been killed")."""


def stem(word: str) -> str:
    """Lower case, plural ``s`` dropped, synonyms merged: ``Troops`` -> ``soldier``.

    >>> stem("Troops"), stem("casualties"), stem("people"), stem("children")
    ('soldier', 'casualty', 'people', 'child')
    """
    low = word.lower().strip("'’-")
    if low in THING_SYNONYMS:
        return THING_SYNONYMS[low]
    if low.endswith("ies") and len(low) > 4:
        low = low[:-3] + "y"
    elif low.endswith(("ches", "shes", "xes")):
        low = low[:-2]
    elif low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "us", "is")):
        low = low[:-1]
    return THING_SYNONYMS.get(low, low)


def phrase_after(sentence: str, pos: int) -> list[str]:
    """The counted phrase after a number (up to four words): ``['North', 'Korean', 'soldiers']``."""
    words: list[str] = []
    while len(words) < 4:
        m = _WORD.match(sentence, pos)
        if not m or m.group(1).lower() in STOP:
            break
        if words and words[-1][0].islower() and m.group(1)[0].isupper():
            break
        words.append(m.group(1))
        pos = m.end()
        if not words[-1][0].isupper() and not words[-1].endswith(("-", "ed")):
            break  # a lower-case noun ends the phrase: "soldiers"
    return words


def outcomes_in(text: str, suffered: bool = False) -> tuple[str, ...]:
    """The outcomes named in ``text``, in a fixed order (casualties = deaths and injuries).
    ``suffered``: only what the counted people suffered (after a figure, "killing" says what
    they did: "two men accused of killing", so it is left out).

    >>> outcomes_in("killed or wounded"), outcomes_in("lost their lives"), outcomes_in("arrived")
    (('death', 'injury'), ('death',), ())
    >>> outcomes_in("men accused of killing a mother", suffered=True)
    ()
    """
    low = f" {text.lower()} "
    if any(w in low for w in _PHRASE_WORDS):
        for phrase, word in _PHRASES:
            low = phrase.sub(word, low)
    found: set[str] = set()
    for word in re.findall(r"[a-z]+", low):
        if suffered and word.endswith("ing"):
            continue
        outcome = OUTCOMES.get(word)
        if outcome:
            found.update(_COMBINED.get(outcome, (outcome,)))
    if "shot" in found and found & {"death", "injury"}:
        found.discard("shot")  # "shot and killed", "shot and wounded": how, not what
    return tuple(sorted(found))


def _own_window(after: str) -> str:
    """``after`` without a trailing verb that names the next figure's outcome
    ("... people and injured" before "50": "injured" is the 50's)."""
    tail = _TAIL_VERB.search(after)
    if tail and tail.group(1) in OUTCOMES:
        return after[: tail.start()]
    return after


def counted(
    after: str, before: str, next_figure: bool = False
) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
    """``(phrase as written, thing, modifiers, outcomes)`` of a figure.

    ``after``: the text from the end of the figure to the next figure (``next_figure``) or a
    short window; ``before``: a short window before the figure (its qualifier excluded).
    """
    words = phrase_after(after, 0)
    phrase = " ".join(words)
    thing = ""
    modifiers: list[str] = []
    if words:
        words = list(words)
        head = words[-1]
        if head.lower() in OUTCOMES:
            words = words[:-1]  # "1,000 wounded": an outcome, nothing named
        elif not head[0].isupper():
            thing = stem(head)
            words = words[:-1]
        # else "12 Somali", "23 Palestinians": who, not what; the thing is said elsewhere
        modifiers = _modifiers(words)
    window = " ".join((_own_window(after) if next_figure else after).split()[:AFTER_WORDS])
    outcome = outcomes_in(window, suffered=True)
    part = _PART_BEFORE.search(before)
    if part:  # "his first 17 passes", "the last 5 games": a part of all of them
        modifiers.append(part.group(1).lower())
    kin = _KIN_BEFORE.search(before)
    if kin:  # "a mother of 12": her children, not a count of the event
        return phrase, "child", tuple(modifiers), ()
    m = _BEFORE.search(before)
    if m:
        modifiers = modifiers or _modifiers(m.group("mods").split())
        outcome = outcome or outcomes_in(m.group("noun"))
    elif not outcome:
        verb = _BEFORE_VERB.search(before)
        if verb and verb.group(1) in OUTCOMES:  # "killing 3", "the attack killed 30"
            outcome = outcomes_in(verb.group(1))
    return phrase, thing, tuple(modifiers), outcome


def _modifiers(words: list[str]) -> list[str]:
    """Restricting words of a counted phrase: names and nationalities (one modifier per run of
    capitalised words) and the lower-case words of :data:`RESTRICTING`."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if word[:1].isupper() and word.lower() not in OUTCOMES:
            run.append(word.lower().replace("’", "'").removesuffix("'s"))
            continue
        if run:
            out.append(" ".join(run))
            run = []
        if word.lower() in RESTRICTING:
            out.append(word.lower())
    return out
