"""The related claims and known fact-checks that CSV and Markdown exports show beside a claim.

Related claims are grouped by their ``relation`` as the matcher names it (``agrees``,
``conflicts``, or any other), never by a fixed list; plain ``related`` items (same
topic, nothing compared) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimdesk.store.factchecks.records import KnownCheck
from claimdesk.store.models import RelatedClaim

if TYPE_CHECKING:  # the Store imports this module to call it
    from claimdesk.store.store import Store

RELATED_LIMIT = 10
"""How many related claims are looked at per exported claim."""

SHOWN_PER_RELATION = 3
"""At most this many related claims of each relation are exported."""

KNOWN_CHECKS_LIMIT = 3
"""At most this many known fact-checks are exported per claim."""

PLAIN_RELATION = "related"
"""The relation that says nothing was compared: not exported."""


@dataclass(frozen=True)
class Surroundings:
    """What an export shows beside a claim: related claims by relation, known fact-checks."""

    by_relation: dict[str, list[RelatedClaim]]
    known_checks: list[KnownCheck]


def surroundings(store: Store, claim_id: int, *, related: bool = True) -> Surroundings:
    """The related claims (other documents first) and confident known fact-checks of a claim."""
    by_relation: dict[str, list[RelatedClaim]] = {}
    if related:
        for hit in store.related(claim_id, limit=RELATED_LIMIT):
            if hit.relation == PLAIN_RELATION:
                continue
            group = by_relation.setdefault(hit.relation, [])
            if len(group) < SHOWN_PER_RELATION:
                group.append(hit)
    checks = store.checked_before(claim_id, KNOWN_CHECKS_LIMIT) if store.factcheck_count() else []
    return Surroundings(by_relation=by_relation, known_checks=list(checks))
