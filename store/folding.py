"""Text normalisation shared by ingest, search and matching.

Stored document text is NFC-normalised once at ingest; every offset points into
that stored text. Matching and search use a separate *normalised form* (case
folded, apostrophes and quotes unified, digit groups joined) that never feeds
back into offsets.

    >>> nfc("Korea\u02bcs")
    'Koreaʼs'
    >>> fold("Korea\u02bcs “significant” 3,000")
    'korea\\'s "significant" 3000'
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\uff07\u055a"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_TRANSLATE = str.maketrans(
    {
        **{c: "'" for c in APOSTROPHES},
        **{c: '"' for c in DOUBLE_QUOTES},
        **{c: "-" for c in DASHES},
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)
_DIGIT_GROUP = re.compile(r"(?<=\d)[,\u00a0\u202f\u2009 ](?=\d{3}\b)")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the form every stored document has."""
    return unicodedata.normalize("NFC", text)


def unify_punctuation(text: str) -> str:
    """Map typographic apostrophes, quotes, dashes and odd spaces to ASCII, one for one.

    The result has the same length as the input, so offsets stay valid.
    """
    return text.translate(_TRANSLATE)


def fold(text: str) -> str:
    """The form used for search and matching: unified punctuation, case folded, ``3,000`` -> ``3000``."""
    return _DIGIT_GROUP.sub("", unify_punctuation(text)).casefold()
