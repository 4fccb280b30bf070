"""Batch pricing of pandas DataFrames: ``engine.quote_batch`` and ``engine.reprice_batch``.

The DataFrame holds one shipment per row in the shipment book format (docs/shipment-book-format.md): shipment_id,
origin, destination, pieces ("3x120x80x100@250+1x40x30x20@8"), ready, and optionally commodity,
customer, declared_value, carrier, routing, currency, previous_total, previous_currency. The C++
engine prices every row on every core with the GIL released; no Python loop runs per row.

The result has one row per shipment and rank (``top_k`` in quote_batch), in input order:
``status`` is "priced", "rejected" (``reason_code``/``reason`` say why) or "error" (the row could
not be read: ``reason_code`` is the stable error name, ``error_field`` the column; the row keeps
its ``shipment_id``). Every input row appears at least once. Amounts are exact ``decimal.Decimal``
values in ``currency``; ``change_percent`` is the change against ``previous_total`` in percent,
two decimals rounded half away from zero, as the CLI writes it.

Arguments take what ``engine.quote`` takes: weights as "price=0.4,..." or a dict, dates as
"YYYY-MM-DD", ``datetime.date``, ``datetime.datetime`` or ``pd.Timestamp`` (its calendar date), and
counts as any integer, numpy's included.
"""
from __future__ import annotations

import datetime
import numbers
import operator
from collections.abc import Mapping
from typing import Callable, Optional, Union

import numpy as np
import pandas as pd

from ._cargoquote import Engine

ProgressCallback = Callable[[int, int], None]
Progress = Union[bool, ProgressCallback, None]
DateLike = Union[str, datetime.date, pd.Timestamp, np.datetime64, None]
WeightsLike = Union[str, Mapping[str, Union[float, str]], None]

_RESULT_ORDER = ["shipment_id", "rank", "status", "reason_code", "reason", "error_field",
                 "carrier", "routing", "flights", "transit_minutes", "score", "currency",
                 "chargeable_kg", "weight_charge", "surcharges", "valuation", "buy_total",
                 "margin", "sell_total", "previous_total", "change", "change_percent"]

# The columns a row cannot be priced without (docs/shipment-book-format.md); reprice also needs the
# booked carrier, which a routing names as well.
_REQUIRED = ("shipment_id", "origin", "destination", "pieces", "ready")


def _column(series: pd.Series):
    """One column as a numpy object array (no copy into a list), missing values as None."""
    if series.hasnans:
        series = series.astype(object).where(series.notna(), None)
    return series.to_numpy(dtype=object)


def _columns(df: pd.DataFrame, requires_carrier: bool = False) -> dict:
    """The DataFrame as {column: object array}, once every required column is there: a frame
    without one would otherwise price nothing and report every row as an error."""
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    names = {str(name) for name in df.columns}
    missing = [c for c in _REQUIRED if c not in names]
    if requires_carrier and "carrier" not in names and "routing" not in names:
        missing.append("carrier")
    if missing:
        raise KeyError(f"the DataFrame has no {', '.join(repr(c) for c in missing)} column"
                       f"{'s' if len(missing) > 1 else ''} (docs/shipment-book-format.md)")
    return {str(name): _column(df[name]) for name in df.columns}


def _frame(result: dict, index: pd.Index) -> pd.DataFrame:
    rows = result.pop("row")  # positions in input order (the engine merges errors in)
    out = pd.DataFrame(result, columns=_RESULT_ORDER, index=index[rows] if len(rows) else index[:0])
    out["transit_minutes"] = out["transit_minutes"].astype("Int64")
    return out


def _count(value, name: str) -> int:
    """An integer argument as a Python int: numpy integers pass, floats and bools do not."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, np.integer)):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    return operator.index(value)


def _threads(threads) -> int:
    if threads is None:
        return 0
    threads = _count(threads, "threads")
    if threads < 0:
        raise ValueError("threads must be positive (None = every core)")
    return threads


def _top_k(top_k) -> int:
    top_k = _count(top_k, "top_k")
    if top_k < 1:
        raise ValueError("top_k must be at least 1")
    return top_k


def _date(value: DateLike, name: str) -> Optional[str]:
    """A date argument as "YYYY-MM-DD"; a date-time gives its calendar date, as written."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, datetime.datetime):  # pd.Timestamp included
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{name} must be 'YYYY-MM-DD', a date or a datetime, "
                    f"got {type(value).__name__}")


def _weights(weights: WeightsLike) -> Optional[str]:
    """The engine's "price=0.4,time=0.3" form; a mapping's values as their str() (exact for
    Decimal and for a float's shortest repr)."""
    if weights is None or isinstance(weights, str):
        return weights
    if isinstance(weights, Mapping):
        return ",".join(f"{criterion}={value}" for criterion, value in weights.items())
    raise TypeError("weights must be 'price=0.4,time=0.3,...' or a dict {criterion: weight}, "
                    f"got {type(weights).__name__}")


def _priced(engine: Engine, df: pd.DataFrame, mode: str, date: Optional[str], top_k: int,
            sla: Optional[str], method: Optional[str], weights: Optional[str], threads: int,
            progress: Progress) -> pd.DataFrame:
    columns = _columns(df, requires_carrier=mode == "reprice")
    if progress is True:
        bar = _progress_bar(len(df), mode)
        try:
            result = engine._price_book(columns, mode, date, top_k, sla, method, weights, threads,
                                        lambda done, total: bar.update(done - bar.n))
        finally:
            bar.close()
    else:
        if progress is False:
            progress = None
        if progress is not None and not callable(progress):
            raise TypeError("progress must be True, False, None or a callable(done, total)")
        result = engine._price_book(columns, mode, date, top_k, sla, method, weights, threads,
                                    progress)
    return _frame(result, df.index)


def _progress_bar(total: int, mode: str):
    try:
        from tqdm import tqdm
    except ImportError:
        raise ImportError("progress=True needs tqdm (Debian: python3-tqdm); pass a "
                          "callable(done, total) instead") from None
    return tqdm(total=total, unit="row", desc=mode)


def quote_batch(engine: Engine, df: pd.DataFrame, threads: Optional[int] = None, top_k: int = 1,
                sla: Optional[str] = None, method: Optional[str] = None,
                weights: WeightsLike = None, quote_date: DateLike = None,
                progress: Progress = None) -> pd.DataFrame:
    """Quote every shipment of ``df`` afresh (search, pricing, SLA, ranking).

    Args:
        df: shipments in the shipment book format; carrier and routing are ignored.
        threads: worker threads, None for every core.
        top_k: options kept per shipment, best first (rank 1..top_k).
        sla, method, weights: selection overrides for every row (else each customer's); weights
            as "price=0.4,time=0.3,..." or {"price": 0.4, ...}.
        quote_date: the day the quotes are made (offers run from it): "YYYY-MM-DD" or a date.
        progress: True for a tqdm bar, or called as progress(done, total) about every 100 ms.
    Returns:
        A DataFrame indexed like ``df`` (one row per shipment and rank).
    Raises:
        KeyError: a required column is missing (before any row is priced).
    """
    return _priced(engine, df, "requote", _date(quote_date, "quote_date"), _top_k(top_k), sla,
                   method, _weights(weights), _threads(threads), progress)


def reprice_batch(engine: Engine, df: pd.DataFrame, as_of: DateLike = None,
                  threads: Optional[int] = None, progress: Progress = None) -> pd.DataFrame:
    """Reprice every shipment of ``df`` on its booked carrier and routing.

    Args:
        df: shipments in the shipment book format with a carrier (and optionally a routing) per row.
        as_of: the day whose rates apply ("YYYY-MM-DD" or a date); None = each row's ready date.
        threads: worker threads, None for every core.
        progress: True for a tqdm bar, or called as progress(done, total) about every 100 ms.
    Returns:
        A DataFrame indexed like ``df``, one row per shipment, with the new price, its
        breakdown, and ``change`` and ``change_percent`` against ``previous_total`` when the row
        has one.
    Raises:
        KeyError: a required column is missing (carrier, unless a routing names it).
    """
    return _priced(engine, df, "reprice", _date(as_of, "as_of"), 1, None, None, None,
                   _threads(threads), progress)


Engine.quote_batch = quote_batch
Engine.reprice_batch = reprice_batch
