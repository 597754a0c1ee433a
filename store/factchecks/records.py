"""What a known fact-check holds: the claim it reviewed, who reviewed it, the rating and where.

>>> check = FactCheckInput(claim="Bananas cure the flu.", reviewer="Desk", rating="False")
>>> check.key().startswith("claim:desk|")
True
>>> FactCheckInput(claim="x", url="https://Example.org/check/").key()[:30]
'url:https://example.org/check|'
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from claimdesk.store.folding import fold

FIELDS: tuple[str, ...] = (
    "claim",
    "claimant",
    "claim_date",
    "title",
    "reviewer",
    "reviewer_url",
    "rating",
    "rating_value",
    "best_rating",
    "worst_rating",
    "url",
    "review_date",
    "language",
    "appearance",
    "identifier",
)
"""Every field an imported fact-check can set (CSV headers map onto these)."""


def canonical_url(url: str) -> str:
    """``url`` without its fragment and trailing slash, scheme and host in lower case."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _digest(text: str) -> str:
    return hashlib.sha1(" ".join(fold(text).split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class FactCheckInput:
    """One fact-check as read from a file, before it is stored."""

    claim: str
    claimant: str = ""
    claim_date: str = ""
    title: str = ""
    reviewer: str = ""
    reviewer_url: str = ""
    rating: str = ""
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    url: str = ""
    review_date: str = ""
    language: str = ""
    appearance: str = ""
    identifier: str = ""

    def key(self) -> str:
        """What makes a re-import of the same review an update: the review's own identifier,
        else its URL with the claim (one article may review several claims), else the
        reviewer with the claim."""
        if self.identifier.strip():
            return "id:" + self.identifier.strip()
        if self.url.strip():
            return f"url:{canonical_url(self.url)}|{_digest(self.claim)}"
        return f"claim:{fold(self.reviewer.strip())}|{_digest(self.claim)}"


@dataclass(frozen=True)
class FactCheck:
    """A stored known fact-check; ``verdict`` is the rating as a claimdesk status, or ``""``."""

    id: int
    claim: str
    claimant: str
    claim_date: str
    title: str
    reviewer: str
    reviewer_url: str
    rating: str
    verdict: str
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    url: str
    review_date: str
    language: str
    appearance: str
    origin: str
    key: str

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk factchecks ... --json``."""
        out = asdict(self)
        out["text"] = out.pop("claim")
        return out


@dataclass(frozen=True)
class KnownCheck:
    """A known fact-check found for a claim or a text ("checked before"), score 0..100.

    ``confident``: it passes the abstain rule (see :mod:`claimdesk.store.factchecks.checked_before`).
    """

    factcheck: FactCheck
    score: float
    why: str
    confident: bool = True

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk checked --json``."""
        check = self.factcheck
        return {
            "id": check.id,
            "text": check.claim,
            "rating": check.rating,
            "verdict": check.verdict,
            "reviewer": check.reviewer,
            "url": check.url,
            "review_date": check.review_date,
            "claimant": check.claimant,
            "title": check.title,
            "score": round(self.score, 1),
            "confident": self.confident,
            "why": self.why,
        }


@dataclass(frozen=True)
class ImportReport:
    """What ``factchecks add`` did with one file."""

    path: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    format: str = ""
    problems: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape used by ``claimdesk factchecks add --json``."""
        return asdict(self) | {"problems": list(self.problems)}
