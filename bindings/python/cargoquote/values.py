"""A Quote as a value: it compares, hashes and pickles by its JSON document.

A Quote is a view into its result's document; what identifies it is its option's document
(`to_dict()`) and, outside the SLA, the criteria it was judged on (kept beside the option in
slaRejections[]). Pickling stores just that, not the whole result, and unpickles through
`QuoteResult.from_dict`.
"""
from __future__ import annotations

import json
from typing import Any

from ._cargoquote import Quote, QuoteResult


def quote_state(quote: Quote) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The option's document, and its criteria when it is outside the SLA (None inside, where
    the document carries them)."""
    outside_sla = quote.rank is None
    return quote.to_dict(), (quote.criteria if outside_sla else None)


def quote_from_state(option: dict[str, Any], outside_criteria: dict[str, Any] | None) -> Quote:
    """The Quote of `quote_state`, read from a one-option document."""
    document: dict[str, Any] = {"request": {}, "bookingOptions": [], "slaRejections": [],
                                "rejections": []}
    if outside_criteria is None:
        document["bookingOptions"].append(option)
        return QuoteResult.from_dict(document).quotes[0]
    document["slaRejections"].append({"option": option, "criteria": outside_criteria,
                                      "breaches": [], "nearestMiss": False})
    return QuoteResult.from_dict(document).rejections[0].option


def canonical_text(quote: Quote) -> str:
    """The state as JSON with sorted keys: equal exactly when the documents are."""
    return json.dumps(quote_state(quote), sort_keys=True, separators=(",", ":"))


def _eq(self: Quote, other: object) -> bool:
    if not isinstance(other, Quote):
        return NotImplemented
    return canonical_text(self) == canonical_text(other)


def _hash(self: Quote) -> int:
    return hash(canonical_text(self))


def _reduce(self: Quote):
    return quote_from_state, quote_state(self)


def attach() -> None:
    """Quote compares by value, hashes consistently with that, and pickles."""
    Quote.__eq__ = _eq
    Quote.__hash__ = _hash
    Quote.__reduce__ = _reduce
