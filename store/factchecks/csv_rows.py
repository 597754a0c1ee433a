"""Reading fact-checks from CSV (or tab-separated) files with a header row.

Headers are matched to fact-check fields by name, in any case and spacing
(``Claim``, ``claim_text``, ``claimReviewed`` and ``text`` are all the claim;
``textualRating``, ``verdict`` and ``rating`` the rating); ``columns`` maps a
field to a header explicitly. Rows without a claim are skipped.

>>> rows = read_csv_text("id,text,title,verdict\\n7,Bananas cure flu,Do bananas cure flu?,False\\n")
>>> [(r.identifier, r.claim, r.title, r.rating) for r in rows.checks]
[('7', 'Bananas cure flu', 'Do bananas cure flu?', 'False')]
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from claimdesk.store.factchecks.records import FIELDS, FactCheckInput

HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "claim": ("claim", "claimreviewed", "claimtext", "text", "statement", "vclaim"),
    "claimant": ("claimant", "claimauthor", "speaker", "saidby", "attributedto"),
    "claim_date": ("claimdate", "dateclaimed", "claimdatepublished"),
    "title": ("title", "headline", "reviewtitle", "articletitle", "name"),
    "reviewer": ("reviewer", "publisher", "factchecker", "organisation", "organization",
                 "publishername", "author"),
    "reviewer_url": ("reviewerurl", "publishersite", "publisherurl", "site"),
    "rating": ("rating", "textualrating", "verdict", "ruling", "label", "alternatename"),
    "rating_value": ("ratingvalue", "score"),
    "best_rating": ("bestrating",),
    "worst_rating": ("worstrating",),
    "url": ("url", "reviewurl", "factcheckurl", "link", "articleurl"),
    "review_date": ("reviewdate", "datepublished", "date", "published"),
    "language": ("language", "languagecode", "lang", "inlanguage"),
    "appearance": ("appearance", "claimurl", "sourceurl", "firstappearance"),
    "identifier": ("id", "identifier", "vclaimid", "factcheckid"),
}  # fmt: skip
"""Header names (lower case, letters and digits only) recognised for each field."""

_NUMBERS = {"rating_value", "best_rating", "worst_rating"}


def _plain(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


@dataclass
class CsvRead:
    """The fact-checks of a CSV file, the header used for each field, and rows skipped."""

    checks: list[FactCheckInput] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    skipped: int = 0


def header_mapping(headers: list[str], columns: dict[str, str] | None = None) -> dict[str, str]:
    """``field -> header`` for ``headers``: the explicit ``columns`` first, then known names.

    Raises ``ValueError`` for an unknown field or a header the file does not have.
    """
    mapping: dict[str, str] = {}
    for name, header in (columns or {}).items():
        if name not in FIELDS:
            raise ValueError(f"unknown fact-check field {name!r}; fields: {', '.join(FIELDS)}")
        if header not in headers:
            raise ValueError(f"no column {header!r} in the file (columns: {', '.join(headers)})")
        mapping[name] = header
    taken = set(mapping.values())
    by_plain: dict[str, str] = {}
    for header in headers:
        by_plain.setdefault(_plain(header), header)
    for name, known in HEADER_NAMES.items():
        if name in mapping:
            continue
        for candidate in known:
            found = by_plain.get(candidate)
            if found is not None and found not in taken:
                mapping[name] = found
                taken.add(found)
                break
    return mapping


def _number(text: str) -> float | None:
    try:
        return float(text.strip()) if text and text.strip() else None
    except ValueError:
        return None


def read_csv_text(text: str, columns: dict[str, str] | None = None) -> CsvRead:
    """Parse CSV ``text`` (comma, tab or semicolon separated, sniffed from the header)."""
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers = list(reader.fieldnames or [])
    mapping = header_mapping(headers, columns)
    if "claim" not in mapping:
        raise ValueError(
            "no claim column: name one with --column claim=HEADER"
            f" (columns: {', '.join(headers) or 'none'})"
        )
    out = CsvRead(mapping=mapping)
    for row in reader:
        values = {name: (row.get(header) or "").strip() for name, header in mapping.items()}
        if not values.get("claim"):
            out.skipped += 1
            continue
        numbers = {k: _number(values.pop(k)) for k in _NUMBERS if k in values}
        given: dict[str, Any] = {**values, **numbers}
        out.checks.append(FactCheckInput(**given))
    return out
