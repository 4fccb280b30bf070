"""pandas DataFrames of a quote result: its options, their charge lines and its rejections.

    result.to_frame()               # one row per option inside the SLA, indexed by rank
    result.charges_frame()          # one row per charge line of every option
    result.rejections_frame()       # one row per option left out, and why
    result.to_frame(money="float")  # money as float64, for describe(), nlargest(), plots

Money columns (and the chargeable weight) hold exact `decimal.Decimal` values (object dtype) by
default, as the properties do. `money="float"` makes them float64, to explore and plot
(`describe`, `nlargest`, `quantile`, `plot`); sum money exactly with the default. The frames
read the properties of `Quote`, `ChargeLine` and `Rejection`, so a column means what the property
of that name means.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Iterable

import pandas as pd

from ._cargoquote import ChargeLine, QuoteResult

MONEY_MODES = ("decimal", "float")

# Criteria of an option's assessment: frame column -> key in Quote.criteria.
CRITERIA = {
    "price": "price",
    "transit": "transitMinutes",
    "reliability": "reliability",
    "risk": "risk",
    "co2e_kg": "co2eKg",
    "legs": "legs",
    "interline": "interline",
    "all_freighter": "allFreighter",
}

OPTION_COLUMNS = (
    "rank", "carrier", "carrier_name", "sell_total", "buy_total", "margin", "currency",
    "chargeable_kg", "transit_minutes", "flights", "routing", *CRITERIA, "score", "pareto",
)
OPTION_MONEY = ("sell_total", "buy_total", "margin", "chargeable_kg")

# ChargeLine attributes shown as columns, in order; the optional ones only where the extension
# defines them (the pricing-currency amount of a line).
CHARGE_ATTRIBUTES = ("code", "kind", "description", "basis", "amount", "currency",
                     "margin_applies", "sector")
OPTIONAL_CHARGE_ATTRIBUTES = ("pricing_amount", "pricing_currency")
CHARGE_MONEY = ("amount", "pricing_amount")

REJECTION_COLUMNS = ("kind", "carrier", "carrier_name", "reason_code", "reason", "itinerary",
                     "nearest_miss", "breaches", "sell_total", "currency", "transit_minutes")
REJECTION_MONEY = ("sell_total",)


def _money_converter(money: str) -> Callable[[Decimal | None], Any]:
    if money == "decimal":
        return lambda amount: amount
    if money == "float":
        return lambda amount: float("nan") if amount is None else float(amount)
    raise ValueError(f"money must be one of {MONEY_MODES}, not {money!r}")


def _frame(rows: list[dict[str, Any]], columns: Iterable[str], money_columns: Iterable[str],
           money: str) -> pd.DataFrame:
    """A DataFrame of `rows` with exactly `columns`; money columns object (Decimal) or float64,
    with those dtypes even when there are no rows."""
    columns = list(columns)
    to_money = _money_converter(money)
    data = {name: [row[name] for row in rows] for name in columns}
    for name in money_columns:
        if name in data:
            data[name] = pd.Series([to_money(v) for v in data[name]],
                                   dtype="float64" if money == "float" else "object")
    return pd.DataFrame(data, columns=columns)


def _option_row(quote) -> dict[str, Any]:
    # Every value here comes from the engine's result without writing the option's document
    # (to_dict, legs and charges would), so hundreds of options take milliseconds.
    criteria = quote.criteria or {}
    row = {
        "rank": quote.rank,
        "carrier": quote.carrier,
        "carrier_name": quote.carrier_name,
        "sell_total": quote.sell_total,
        "buy_total": quote.buy_total,
        "margin": quote.margin,
        "currency": quote.currency,
        "chargeable_kg": quote.chargeable_weight,
        "transit_minutes": quote.transit_minutes,
        "flights": " / ".join(quote.flights),
        "routing": "-".join(quote.airports),
        "score": quote.score,
        "pareto": quote.pareto,
    }
    row.update({column: criteria.get(key) for column, key in CRITERIA.items()})
    return row


def to_frame(result, *, money: str = "decimal") -> pd.DataFrame:
    """One row per option inside the SLA, indexed by rank: carrier, totals, chargeable weight,
    transit, flights and routing, the criteria the ranking used, score and Pareto flag."""
    rows = [_option_row(q) for q in result.quotes]
    frame = _frame(rows, OPTION_COLUMNS, OPTION_MONEY, money)
    if not rows:
        frame = frame.astype({"rank": "int64"})
    return frame.set_index("rank")


def charge_attributes() -> tuple[str, ...]:
    """The ChargeLine attributes this build of the extension has, in column order."""
    optional = tuple(name for name in OPTIONAL_CHARGE_ATTRIBUTES
                     if getattr(ChargeLine, name, None) is not None)
    return CHARGE_ATTRIBUTES + optional


def charges_frame(result, *, money: str = "decimal") -> pd.DataFrame:
    """One row per charge line of every option inside the SLA, best option first: the option's
    rank and carrier, then the line's attributes (code, kind, description, basis, amount,
    currency, margin_applies, sector, and the pricing-currency amount where the engine gives it)."""
    attributes = charge_attributes()
    rows = []
    for quote in result.quotes:
        rank, carrier = quote.rank, quote.carrier
        for line in quote.charges:
            row = {name: getattr(line, name, None) for name in attributes}
            row["rank"], row["carrier"] = rank, carrier
            rows.append(row)
    return _frame(rows, ("rank", "carrier", *attributes), CHARGE_MONEY, money)


def _breaches_text(breaches: list[dict[str, Any]]) -> str:
    """'max_transit_hours, min_reliability': the SLA limits broken (`reason` has the values)."""
    return ", ".join(b["limit"] for b in breaches)


def rejections_frame(result, *, money: str = "decimal") -> pd.DataFrame:
    """One row per option left out: kind ('sla' or 'pricing'), carrier, reason code and text,
    itinerary, the nearest-miss flag, the SLA limits broken, and for an option outside the SLA
    its carrier's name, price, currency and transit."""
    rows = []
    for rejection in result.rejections:
        option = rejection.option
        rows.append({
            "kind": rejection.kind,
            "carrier": rejection.carrier,
            "carrier_name": option.carrier_name if option is not None else None,
            "reason_code": rejection.reason_code,
            "reason": rejection.reason,
            "itinerary": rejection.itinerary,
            "nearest_miss": rejection.nearest_miss,
            "breaches": _breaches_text(rejection.breaches),
            "sell_total": option.sell_total if option is not None else None,
            "currency": option.currency if option is not None else None,
            "transit_minutes": option.transit_minutes if option is not None else None,
        })
    return _frame(rows, REJECTION_COLUMNS, REJECTION_MONEY, money)


def attach() -> None:
    """The frames as QuoteResult methods."""
    QuoteResult.to_frame = to_frame
    QuoteResult.charges_frame = charges_frame
    QuoteResult.rejections_frame = rejections_frame
