"""Batch pricing of pandas DataFrames: ``engine.quote_batch`` and ``engine.reprice_batch``.

The DataFrame holds one shipment per row in the shipment book format (docs/shipment-book-format.md): shipment_id,
origin, destination, pieces ("3x120x80x100@250+1x40x30x20@8"), ready, and optionally commodity,
customer, declared_value, carrier, routing, currency, previous_total, previous_currency. The C++
engine prices every row on every core with the GIL released; no Python loop runs per row.

The result has one row per shipment and rank (``top_k`` in quote_batch), in input order:
``status`` is "priced", "rejected" (``reason_code``/``reason`` say why) or "error" (the row could
not be read: ``reason_code`` is the stable error name, ``error_field`` the column). Every input
row appears at least once. Amounts are exact ``decimal.Decimal`` values in ``currency``.
"""
from __future__ import annotations

from typing import Callable, Optional

import pandas as pd

from ._cargoquote import Engine

ProgressCallback = Callable[[int, int], None]

_RESULT_ORDER = ["shipment_id", "rank", "status", "reason_code", "reason", "error_field",
                 "carrier", "routing", "flights", "transit_minutes", "score", "currency",
                 "chargeable_kg", "weight_charge", "surcharges", "valuation", "buy_total",
                 "margin", "sell_total", "previous_total", "change"]


def _column(series: pd.Series):
    """One column as a numpy object array (no copy into a list), missing values as None."""
    if series.hasnans:
        series = series.astype(object).where(series.notna(), None)
    return series.to_numpy(dtype=object)


def _columns(df: pd.DataFrame) -> dict:
    """The DataFrame as {column: object array}."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    return {str(name): _column(df[name]) for name in df.columns}


def _frame(result: dict, index: pd.Index) -> pd.DataFrame:
    rows = result.pop("row")  # positions in input order (the engine merges errors in)
    out = pd.DataFrame(result, columns=_RESULT_ORDER, index=index[rows] if len(rows) else index[:0])
    out["transit_minutes"] = out["transit_minutes"].astype("Int64")
    return out


def _threads(threads: Optional[int]) -> int:
    if threads is not None and threads < 0:
        raise ValueError("threads must be positive (None = every core)")
    return threads or 0


def quote_batch(engine: Engine, df: pd.DataFrame, threads: Optional[int] = None, top_k: int = 1,
                sla: Optional[str] = None, method: Optional[str] = None,
                weights: Optional[str] = None, quote_date: Optional[str] = None,
                progress: Optional[ProgressCallback] = None) -> pd.DataFrame:
    """Quote every shipment of ``df`` afresh (search, pricing, SLA, ranking).

    Args:
        df: shipments in the shipment book format; carrier and routing are ignored.
        threads: worker threads, None for every core.
        top_k: options kept per shipment, best first (rank 1..top_k).
        sla, method, weights: selection overrides for every row (else each customer's).
        quote_date: "YYYY-MM-DD" the quotes are made (offers run from it).
        progress: called as progress(done, total) about every 100 ms.
    Returns:
        A DataFrame indexed like ``df`` (one row per shipment and rank).
    """
    result = engine._price_book(_columns(df), "requote", quote_date, top_k, sla, method, weights,
                                _threads(threads), progress)
    return _frame(result, df.index)


def reprice_batch(engine: Engine, df: pd.DataFrame, as_of: Optional[str] = None,
                  threads: Optional[int] = None,
                  progress: Optional[ProgressCallback] = None) -> pd.DataFrame:
    """Reprice every shipment of ``df`` on its booked carrier and routing.

    Args:
        df: shipments in the shipment book format with a carrier (and optionally a routing) per row.
        as_of: "YYYY-MM-DD" whose rates apply; None = each row's ready date.
        threads: worker threads, None for every core.
        progress: called as progress(done, total) about every 100 ms.
    Returns:
        A DataFrame indexed like ``df``, one row per shipment, with the new price, its
        breakdown, and ``change`` against ``previous_total`` when the row has one.
    """
    result = engine._price_book(_columns(df), "reprice", as_of, 1, None, None, None,
                                _threads(threads), progress)
    return _frame(result, df.index)


Engine.quote_batch = quote_batch
Engine.reprice_batch = reprice_batch
