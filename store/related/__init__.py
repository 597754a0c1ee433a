"""Related claims: find the claims that say the same thing as a claim, or contradict it.

Two stages. Candidates come from FTS5: the rows holding the claim's rarest
informative terms, their spelling variants found in the store's vocabulary and
their aliases, ranked by the bm25 idf of the terms each row holds. A final score
combines bm25 over every word with an idf-weighted overlap, a fuzzy similarity of
the normalised texts and figure agreement. A related claim is shown only when it is
probably from another report of the same incident (shared names of the two documents,
publication dates; :mod:`~claimdesk.store.related.incident`, :mod:`~claimdesk.store.related.showing`);
the rest are weaker matches. See docs/MATCHING.md.

Public API: the :class:`Engine` that each :class:`~claimdesk.store.Store` owns
(``store.related_engine``; ``Store.related``, ``Store.related_text`` and
``Store.conflicts`` call into it) and :func:`similarity`:

    >>> from claimdesk.store import Store
    >>> from claimdesk.store.related import similarity
    >>> store = Store.open(":memory:")
    >>> _ = store.add_text("Zelensky said 3,000 soldiers were killed in Kursk.", title="A")
    >>> _ = store.add_text("Zelenskyy said that 3000 soldiers had been killed in Kursk.", title="B")
    >>> hits = store.related(store.claims()[0].id)
    >>> hits[0].claim.text, hits[0].relation, hits[0].evidence_why
    ('Zelenskyy said that 3000 soldiers had been killed in Kursk.', 'agrees', 'names kursk')
    >>> sorted(h.claim.doc_id for h in store.related_text("Zelenskyy: 3,000 soldiers killed"))
    [1, 2]
    >>> similarity("at least 100 killed", "At least 100 people were killed") > 60
    True
"""

from __future__ import annotations

from claimdesk.store.related.engine import Engine
from claimdesk.store.related.similarity import similarity

__all__ = ["Engine", "similarity"]
