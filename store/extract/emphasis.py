"""Markdown emphasis inside a line, read as structure when text is shown.

A sentence's text is the document's text between its offsets, so inline emphasis
(``**100**`` soldiers, ``*not*``) stays in ``Claim.text``; lists and the review queue show
it through :func:`without_emphasis`, which drops the markers and keeps the words.
Emphasis around a whole line is already left outside the sentence span
(:mod:`claimdesk.store.extract.sentences`).

>>> without_emphasis("At least **100** soldiers were *not* evacuated, the __agency__ said.")
'At least 100 soldiers were not evacuated, the agency said.'
>>> without_emphasis("3 * 4 * 5 = 60, snake_case_name and 2**10 stay.")
'3 * 4 * 5 = 60, snake_case_name and 2**10 stay.'
"""

from __future__ import annotations

import re

_STRONG = re.compile(r"(?<![\w*_])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_EM = re.compile(r"(?<![\w*_])([*_])(?=[^\s*_])([^\n]+?)(?<=[^\s*_])\1(?![\w*_])")


def without_emphasis(text: str) -> str:
    """``text`` without paired Markdown emphasis markers (``**``, ``__``, ``*``, ``_``)."""
    if "*" not in text and "_" not in text:
        return text
    return _EM.sub(r"\2", _STRONG.sub(r"\2", text))
