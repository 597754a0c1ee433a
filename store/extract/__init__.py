"""Claim extraction: sentences, figures, dates, attribution, headlines, features and
check-worthiness, from a document's text. No database here.

    >>> from claimdesk.store.extract import extract
    >>> [s.is_claim for s in extract("Officials said 40 people died on Monday.")]
    [True]
"""

from claimdesk.store.extract.checkworthy import score as checkworthiness
from claimdesk.store.extract.dates import find_dates
from claimdesk.store.extract.extractor import ExtractedSentence, extract
from claimdesk.store.extract.figures import find_figures
from claimdesk.store.extract.reported_speech import Attribution, find_attributions
from claimdesk.store.extract.sentences import Span, split_sentences

__all__ = [
    "Attribution",
    "ExtractedSentence",
    "Span",
    "checkworthiness",
    "extract",
    "find_attributions",
    "find_dates",
    "find_figures",
    "split_sentences",
]
