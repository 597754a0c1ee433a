"""Claim extraction: split a document into sentences and describe each one.

>>> [s.text for s in extract("Zelensky said 3,000 soldiers died. What preceded")]
['Zelensky said 3,000 soldiers died.', 'What preceded']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .textnorm import fold

CLAIM_THRESHOLD = 0.5


@dataclass(frozen=True)
class ExtractedSentence:
    """One sentence with its features; ``start``/``end`` index the document text."""

    start: int
    end: int
    text: str
    norm: str
    is_claim: bool
    score: float
    kind: str = ""
    source: str = ""
    cue: str = ""
    hedge: str = ""
    numbers: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)


_SENT = re.compile(r"[^\n.!?]+(?:[.!?]+[\"'”’]?|$)", re.M)


def extract(text: str) -> list[ExtractedSentence]:
    """Split ``text`` into sentences and score each for check-worthiness."""
    out = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        sent = text[s:e]
        score = 0.7 if re.search(r"\d", sent) else 0.3
        out.append(
            ExtractedSentence(
                start=s,
                end=e,
                text=sent,
                norm=fold(sent),
                is_claim=score >= CLAIM_THRESHOLD,
                score=score,
            )
        )
    return out
