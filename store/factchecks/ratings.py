"""Published ratings as claimdesk statuses, where the mapping is clear.

Fact-checkers rate in their own words ("Pants on Fire", "Mixture", "Missing context",
"Falso"). A rating maps to a status only when its first phrase is one of the known
wordings below; numeric ratings map only at the ends of their scale (the best is
``verified``, the worst ``false``). Anything else stays unmapped (``""``): the rating
as written is always kept and shown.

>>> verdict_of("Pants on Fire!"), verdict_of("Mostly True"), verdict_of("False. The photo is old.")
('false', 'verified', 'false')
>>> verdict_of("Labeled Satire"), verdict_of("", 1, 5, 1), verdict_of("", 3, 5, 1)
('', 'false', '')
"""

from __future__ import annotations

import re

from claimdesk.store.folding import fold
from claimdesk.store.related.matching_form import strip_diacritics

_WORDINGS: dict[str, tuple[str, ...]] = {
    "verified": (
        "true", "mostly true", "correct", "mostly correct", "accurate", "correct attribution",
        "verified", "confirmed", "legit", "real", "geppetto checkmark",
        "verdadero", "verdadeiro", "vero", "vrai", "wahr", "waar", "richtig", "correcto",
    ),
    "false": (
        "false", "mostly false", "pants on fire", "fake", "incorrect", "wrong", "fabricated",
        "hoax", "not true", "untrue", "four pinocchios", "bogus", "baseless", "debunked",
        "scam", "fiction", "misattributed", "falso", "falsa", "faux", "fausse", "falsch",
        "onwaar", "fake news", "false headline",
    ),
    "misleading": (
        "misleading", "missing context", "lacks context", "needs context", "out of context",
        "miscaptioned", "exaggerated", "exaggeration", "partly false", "partially false",
        "half true", "half-true", "mixture", "cherry picks", "distorts the facts",
        "spins the facts", "three pinocchios", "two pinocchios",
        "enganoso", "engañoso", "fuorviante", "trompeur", "irrefuhrend", "irreführend",
        "misleidend", "parcialmente falso", "en partie faux", "teilweise falsch",
    ),
    "disputed": ("disputed", "contested", "contradictory", "flip flop", "full flop"),
    "unverifiable": (
        "unproven", "unverified", "unverifiable", "unsupported", "unsubstantiated",
        "no evidence", "research in progress", "cannot be verified", "can't be verified",
        "not verifiable", "sin evidencia", "sem evidencias", "non verificabile",
        "invérifiable", "inverifiable", "nicht belegt",
    ),
}  # fmt: skip
"""Known rating wordings per status (folded, diacritics removed when looked up)."""


def _key(wording: str) -> str:
    text = strip_diacritics(fold(wording)).replace("-", " ")
    return " ".join(re.sub(r"[^\w' ]+", " ", text).split())


_STATUS_OF = {_key(w): status for status, words in _WORDINGS.items() for w in words}

_FIRST_PHRASE = re.compile(r"[.:;!?,()\[\]\u2013\u2014/|]| - ")


def verdict_of(
    rating: str,
    value: float | None = None,
    best: float | None = None,
    worst: float | None = None,
) -> str:
    """The claimdesk status that ``rating`` clearly means, or ``""``.

    The whole rating is looked up first, then its first phrase ("False. The video
    is from 2015." is ``false``). Without a known wording, a numeric ``value`` at the
    ``best`` end of its scale is ``verified`` and at the ``worst`` end ``false``.
    """
    rating = (rating or "").strip()
    if rating:
        found = _STATUS_OF.get(_key(rating))
        if found is None:
            first = _FIRST_PHRASE.split(rating, maxsplit=1)[0]
            found = _STATUS_OF.get(_key(first))
        if found:
            return found
    if value is not None and best is not None and worst is not None and best != worst:
        if value == best:
            return "verified"
        if value == worst:
            return "false"
    return ""
