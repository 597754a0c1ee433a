"""Known fact-checks: importing published reviews and finding those that checked a claim before.

Imports read schema.org ClaimReview JSON-LD (objects, lists, ``@graph``,
``DataFeed``), fact-check search results and CSV (:mod:`factcheck_files`); each
fact-check is stored once, a re-import updates it (:mod:`factcheck_table`), its
rating mapped to a claimdesk status where that is clear (:mod:`ratings`).
:func:`known_checks` finds the fact-checks of a claim with the related-claims
matcher and its abstain rule (:mod:`checked_before`).

    >>> from claimdesk.store import Store
    >>> store = Store.open(":memory:")
    >>> store.factcheck_count()
    0
"""

from claimdesk.store.factchecks.checked_before import known_checks
from claimdesk.store.factchecks.factcheck_files import import_file
from claimdesk.store.factchecks.records import FactCheck, FactCheckInput, ImportReport, KnownCheck

__all__ = [
    "FactCheck",
    "FactCheckInput",
    "ImportReport",
    "KnownCheck",
    "import_file",
    "known_checks",
]
