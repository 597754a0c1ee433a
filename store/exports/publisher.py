"""Who publishes an export: the desk's organisation and where its reviews live.

Set in the config file's ``[organisation]`` table (``name``, ``url``, ``review_url``);
``review_url`` is a base to which each claim's stable slug is added, or a template
with ``{slug}``, ``{sha256}``, ``{start}``, ``{end}`` or ``{claim_id}``.

>>> org = Organisation(name="Harbour Desk", review_url="https://desk.example/checks/")
>>> org.review_url_of("ab" * 32, 10, 52, 7)
'https://desk.example/checks/abababababab-10-52'
>>> Organisation(review_url="https://desk.example/c/{claim_id}").review_url_of("ab" * 32, 1, 2, 7)
'https://desk.example/c/7'
"""

from __future__ import annotations

from dataclasses import dataclass


def document_urn(sha256: str) -> str:
    """The stable name of a document's text, whatever store holds it: ``urn:claimdesk:doc:<sha256>``."""
    return f"urn:claimdesk:doc:{sha256}"


def claim_slug(sha256: str, start: int, end: int) -> str:
    """A claim's stable slug: its document's hash (12 hex digits) and its offsets."""
    return f"{sha256[:12]}-{start}-{end}"


@dataclass(frozen=True)
class Organisation:
    """The reviewing organisation named in ClaimReview exports (all optional)."""

    name: str = ""
    url: str = ""
    review_url: str = ""

    def review_url_of(self, sha256: str, start: int, end: int, claim_id: int) -> str:
        """The review URL of one claim, or the claim's URN-like name without a base."""
        slug = claim_slug(sha256, start, end)
        if not self.review_url:
            return f"{document_urn(sha256)}#claim-{start}-{end}"
        if "{" in self.review_url:
            return self.review_url.format(
                slug=slug, sha256=sha256, start=start, end=end, claim_id=claim_id
            )
        return self.review_url.rstrip("/") + "/" + slug
