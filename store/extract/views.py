"""Sentences that are not reported facts: reactions, views, questions and fragments.

News about an incident quotes neighbours, relatives and officials at length, and most of
what they say is how they feel ("It's unbelievable," said a neighbour), what someone was
like ("He was so nice with me always") or an appeal. The check-worthiness model scores
such sentences low but not always below the claim threshold, so they filled the claim
list. A sentence without a figure or a date is *not a reported fact* (:func:`view_class`)
when it

* ``question``: asks something ("How many more deaths do we need?" Worthy said);
* ``reaction``: inside a quotation that names nothing but its speaker, scores below
  :data:`QUOTED_LOW`, or below :data:`QUOTED_VIEW_MAX` when it speaks in the first or
  second person, gives an opinion or says how someone feels (``I``, ``we``, ``you``;
  ``should``; ``devastated``, ``unbelievable``);
* ``feeling``: reports, outside a quotation, only how people feel ("Neighbours remain in
  shock.") with a score below :data:`FEELING_MAX`;
* ``fragment``: has at most :data:`FRAGMENT_WORDS` words and no verb ("Police lights.").

A sentence with an event verb, or a past-tense verb of action (a witness's account: "I
heard two bangs and saw a man run"), is never a view.

Such a sentence stays a sentence (the reader shows it, ``promote`` makes it a claim); it
is only not extracted as a claim. The affect and person words are trigger families, so
finding them costs nothing beyond the one scan every sentence gets.

>>> import claimdesk.store.extract.extractor  # registers every trigger family
>>> from claimdesk.store.extract import trigger_words
>>> def cls(text, score=0.1, quoted=False):
...     return view_class(text, score, trigger_words.scan(text), quoted=quoted)
>>> cls('"It is just unbelievable," said neighbour Ann Moss.', quoted=True)
'reaction'
>>> cls("Why was the gate left open?")
'question'
>>> cls("Officers found the gun in a bag.")
''
"""

from __future__ import annotations

import re

from claimdesk.store.extract import trigger_words
from claimdesk.store.extract.attribution_tails import CUES as REPORTING_VERBS
from claimdesk.store.extract.wordlists import word_list

CLASSES: dict[str, str] = {
    "question": "a question",
    "reaction": "a quoted reaction or view",
    "feeling": "how people feel",
    "fragment": "a fragment without a verb",
}
"""View classes and the phrase the reader shows for each."""

PERSON_WORDS = word_list("I me my mine myself we us our ours ourselves you your yours yourself")
"""First- and second-person words: in a quotation, the speaker's own view or appeal."""
AFFECT_WORDS = word_list(
    "unbelievable unreal unusual shock shocked shocking devastated devastating heartbroken "
    "heartbreaking sad saddened sadness tragic tragedy terrible horrible horrific awful "
    "furious disturbing disturbed scary scared frightened afraid pray prayers praying grieve "
    "grieving grief love loved loves miss thank thanks thankful blessed nice kind sweet "
    "cute wonderful amazing beautiful senseless crazy insane stunned upset angry heart "
    "forgotten heartbreak excited happy proud troubling disappointed flabbergasted horrified "
    "outraged disgusted saddened"
)
"""Words that say how someone feels or what someone was like, not what happened."""
_AFFECT = frozenset(AFFECT_WORDS)
trigger_words.register("person", PERSON_WORDS)
trigger_words.register("affect", AFFECT_WORDS)

QUESTION_MAX = 0.5
"""A "question" scored at least this is usually a statement cut at a lost character ("a?")."""
QUOTED_LOW = 0.1
"""A quotation that names nothing and scores below this is a reaction, whatever its words."""
QUOTED_VIEW_MAX = 0.3
"""A quoted reaction scored at least this by the model is kept (it reads as a statement)."""
FEELING_MAX = 0.2
"""An unquoted sentence about feelings scored at least this is kept."""
FRAGMENT_WORDS = 4
"""A verbless line this short is a fragment ("Cute baby, real cute.")."""
FRAGMENT_QUOTED_WORDS = 2
"""A quotation this short before its attribution, without a verb, is a fragment."""

# The question mark ends the sentence or its quotation ('?" Worthy said.').
_QUESTION = re.compile(r"\?[\"'”’»)\s]*(?:$|[,—–-]?\s*[\"'”’»]?\s*[\w.'’ -]{0,60}$)")
# A verb of any kind: an auxiliary, a past form, a 3rd-person -s after a name or pronoun.
_VERB = re.compile(
    r"\b(?:is|are|was|were|am|be|been|being|has|have|had|do|does|did|will|would|can|could|"
    r"may|might|must|shall|should|[a-z]{2,}ed|said|says|got|went|came|saw|told|took|made|"
    r"ran|left|found|heard|knew|thought|felt|kept|held|gave|put)\b|['’](?:s|re|m|ve|ll|d)\b|n['’]t\b",
    re.IGNORECASE,
)
# A past-tense verb of action: "I saw", "we put the table": a witness's account, kept.
_NARRATIVE = re.compile(
    r"\b(?:[a-z]{3,}ed|saw|heard|went|came|took|ran|got|put|found|left|knew|"
    r"hit|shot|fell|began|brought|caught|drove|threw|sent|stood|broke)\b"
)
_WORD = re.compile(r"[^\W_][\w'’-]*")
_IRREGULAR_PAST = frozenset(
    word_list(
        "saw heard went came took ran got put found left knew hit shot fell began brought "
        "caught drove threw sent stood broke"
    )
)
# An -ed verb counts as an account right after its subject: "who pulled", "she then called".
_SUBJECT = re.compile(r"\b(?:I|we|he|she|they|who|you)\s+(?:[a-z]+ly\s+|then\s+)?$", re.I)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+)?$")
# "to see a child be killed": the event is not reported as having happened.
_IRREALIS = re.compile(r"\b(?:to|be|being)\s+(?:[a-z]+ly\s+)?$")
_CLOSING_ATTRIBUTION = re.compile(
    r"(?<=\w)[,.!?]\s*(?:[\"”]|['’](?=\s))\s*(?:[\w.'’-]+\s+){0,5}"
    r"(?:said|says|added|asked|wrote|recalled|explained|told)\b(?:[\s,]+[\w.'’-]+){0,9}[.!]?\s*$"
)


def _is_account(sentence: str) -> bool:
    """Whether a past-tense verb of action occurs: not a reporting verb ("said") and not a
    feeling ("I was just furious and devastated")."""
    for m in _NARRATIVE.finditer(sentence):
        word = m.group()
        if word in REPORTING_VERBS or word in _AFFECT:
            continue
        lo = max(0, m.start() - 24)
        if word in _IRREGULAR_PAST or _SUBJECT.search(sentence, lo, m.start()):
            return True
        if _PASSIVE.search(sentence, lo, m.start()):
            return True  # "No foul play is suspected," "He was arrested": a report
    return False


def _content(sentence: str) -> str:
    """``sentence`` without a closing attribution (``Better parenting," Davis said.``)."""
    found = _CLOSING_ATTRIBUTION.search(sentence)
    return sentence[: found.start()] if found else sentence


def view_class(
    sentence: str,
    score: float,
    hits: trigger_words.Hits,
    *,
    quoted: bool,
    has_facts: bool = False,
    names: tuple[str, ...] = (),
) -> str:
    """The :data:`CLASSES` key when ``sentence`` is a view rather than a fact, else ``""``.

    ``hits`` is the sentence's :func:`claimdesk.store.extract.trigger_words.scan`;
    ``quoted`` says it is spoken inside a quotation (it opens with a quote, or continues
    one opened by an earlier sentence of the paragraph); ``has_facts`` that it holds a
    figure or a date, which makes it checkable whatever else it says; ``names`` are the
    names it holds besides its speaker's: a quotation about someone or something named
    ("I am so excited to be hosting the Oscars") says what it is about, and is kept.
    """
    if "?" in sentence and score < QUESTION_MAX and _QUESTION.search(sentence):
        return "question"
    if has_facts:
        return ""
    if any(not _IRREALIS.search(sentence, max(0, a - 12), a) for a, _ in hits.get("event", ())):
        return ""  # "They killed my brother," she said: an allegation of what happened
    words = _WORD.findall(sentence)
    content = _WORD.findall(_content(sentence))
    if len(words) <= FRAGMENT_WORDS and len(words) >= 3 and all(w[0].isupper() for w in words):
        return ""  # a Title Case run is a headline cut at an abbreviation ("Gunman Kills L.")
    if _is_account(sentence):
        return ""  # "I saw him run", "the man who pulled the trigger": an account
    named = bool(names)
    if quoted and score < QUOTED_LOW and not named:
        return "reaction"  # "It was like a big family," she said.
    viewed = "affect" in hits or "opinion" in hits or "person" in hits
    if quoted and score < QUOTED_VIEW_MAX and not named and viewed:
        return "reaction"
    if not quoted and score < FEELING_MAX and "affect" in hits:
        return "feeling"
    if len(words) <= FRAGMENT_WORDS and not _VERB.search(sentence):
        return "fragment"
    if 0 < len(content) <= FRAGMENT_QUOTED_WORDS and not _VERB.search(" ".join(content)):
        return "fragment"  # Better parenting," Davis said.
    return ""


def opens_quotation(sentence: str) -> bool:
    """Whether ``sentence`` starts with an opening quotation mark (it is spoken)."""
    return sentence.lstrip()[:1] in "\"“«‘'`"
