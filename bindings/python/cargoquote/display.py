"""HTML views of a QuoteResult and a Quote, for Jupyter (`_repr_html_`).

Every piece of text from the result (carrier names, descriptions, reasons) is escaped: rate
sheets are data, not markup.
"""
from __future__ import annotations

from html import escape
from typing import Any, Iterable, Sequence

from ._cargoquote import Quote, QuoteResult

# Long results show their first options only; the frames have them all.
MAX_ROWS = 20


def _cell(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "",
           numeric: Sequence[str] = ()) -> str:
    """An HTML table; the `numeric` columns right-aligned so amounts line up."""
    opening = ["<td style='text-align:right'>" if name in numeric else "<td>" for name in header]
    head = "".join(f"<th>{escape(name)}</th>" for name in header)
    body = "".join("<tr>" + "".join(f"{td}{_cell(v)}</td>" for td, v in zip(opening, row)) + "</tr>"
                   for row in rows)
    caption_html = (f"<caption style='text-align:left'>{escape(caption)}</caption>"
                    if caption else "")
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def transit_text(minutes: int | None) -> str:
    """'31 h 05 min'; empty without schedules."""
    if minutes is None:
        return ""
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _option_cells(quote) -> list[Any]:
    reliability = quote.reliability
    score = quote.score
    return [
        quote.rank, quote.carrier_name, quote.carrier, " / ".join(quote.flights),
        f"{quote.sell_total} {quote.currency}", transit_text(quote.transit_minutes),
        "" if reliability is None else f"{reliability:.1%}",
        "" if score is None else f"{score:.3f}", "yes" if quote.pareto else "",
    ]


OPTION_HEADER = ("rank", "carrier", "code", "flights", "sell total", "transit", "reliability",
                 "score", "Pareto")


def result_html(result) -> str:
    """The options inside the SLA as a table (the first MAX_ROWS), and the rejections counted."""
    quotes = result.quotes
    rejections = result.rejections
    shipment = (result.request or {}).get("shipment", {})
    lane = f"{shipment.get('origin', '?')} → {shipment.get('destination', '?')}"
    title = (f"{lane}: {len(quotes)} option(s)"
             + (f" in {result.currency}" if result.currency else "")
             + f", {len(rejections)} rejection(s)")
    shown = quotes[:MAX_ROWS]
    more = len(quotes) - len(shown)
    parts = [f"<div><strong>{escape(title)}</strong>"]
    if shown:
        caption = (f"first {len(shown)} of {len(quotes)}: result.to_frame() has them all"
                   if more else "")
        parts.append(_table(OPTION_HEADER, (_option_cells(q) for q in shown), caption,
                            numeric=("rank", "sell total", "transit", "reliability", "score")))
    if rejections:
        by_reason: dict[str, int] = {}
        for r in rejections:
            by_reason[r.reason_code] = by_reason.get(r.reason_code, 0) + 1
        counted = ", ".join(f"{code} {count}" for code, count in by_reason.items())
        parts.append(f"<p>Rejected: {escape(counted)} (result.rejections_frame())</p>")
    parts.append("</div>")
    return "".join(parts)


def quote_html(quote) -> str:
    """One option: its totals and flights, then its charge lines."""
    rank = "outside the SLA" if quote.rank is None else f"#{quote.rank}"
    title = (f"{rank} {quote.carrier_name} ({quote.carrier}): {quote.sell_total} {quote.currency}"
             f", transit {transit_text(quote.transit_minutes) or 'unscheduled'}")
    legs = _table(("flight", "from", "departure", "to", "arrival", "aircraft"),
                  ((leg.flight_number, leg.origin, leg.departure, leg.destination, leg.arrival,
                    leg.aircraft_type) for leg in quote.legs))
    lines = [(c.code, c.description, c.basis, c.amount, c.currency) for c in quote.charges]
    # The margin is in the currency of the lines it applies to.
    margin_currency = lines[0][4] if lines else ""
    lines.append(("", "customer margin", "", quote.margin, margin_currency))
    charges = _table(("code", "description", "basis", "amount", "currency"), lines,
                     numeric=("amount",))
    totals = _table(("buy total", "sell total", "currency"),
                    [(quote.buy_total, quote.sell_total, quote.currency)],
                    numeric=("buy total", "sell total"))
    return f"<div><strong>{escape(title)}</strong>{legs}{charges}{totals}</div>"


def attach() -> None:
    """Jupyter shows results and quotes as these tables."""
    QuoteResult._repr_html_ = result_html
    Quote._repr_html_ = quote_html
