"""Repricing a Dask DataFrame past one machine: ``cq.dask.reprice(ddf, db_path)``.

Each partition is repriced by ``engine.reprice_batch`` on whichever worker holds it; every
worker process opens the rate database once and keeps the engine for later partitions (and
later calls). The result is a Dask DataFrame with the columns of ``reprice_batch``.
"""
from __future__ import annotations

import threading
from typing import Optional

import pandas as pd

from ._cargoquote import Engine
from . import batch as _batch  # noqa: F401  (adds reprice_batch to Engine)

_engines: dict = {}
_engines_lock = threading.Lock()


def engine_for(db_path: str) -> Engine:
    """The engine of this process for ``db_path``, opened on first use."""
    with _engines_lock:
        engine = _engines.get(db_path)
        if engine is None:
            engine = Engine.open(db_path)
            _engines[db_path] = engine
        return engine


def _meta() -> pd.DataFrame:
    """The empty frame describing reprice_batch's columns and dtypes."""
    columns = {name: pd.Series(dtype=object) for name in _batch._RESULT_ORDER}
    columns["rank"] = pd.Series(dtype="int64")
    columns["transit_minutes"] = pd.Series(dtype="Int64")
    columns["score"] = pd.Series(dtype="float64")
    return pd.DataFrame(columns)


def _reprice_partition(part: pd.DataFrame, db_path: str, as_of: Optional[str],
                       threads: Optional[int]) -> pd.DataFrame:
    if len(part) == 0:
        return _meta()
    return engine_for(db_path).reprice_batch(part, as_of=as_of, threads=threads)


def reprice(ddf, db_path: str, as_of: Optional[str] = None, threads: Optional[int] = None):
    """Reprice a Dask DataFrame of shipments (the shipment book format) partition by partition.

    Args:
        ddf: a dask.dataframe.DataFrame with the shipment book columns.
        db_path: the rate database, readable at this path on every worker.
        as_of: "YYYY-MM-DD" whose rates apply; None = each row's ready date.
        threads: threads per partition on a worker, None for every core.
    Returns:
        A lazy Dask DataFrame; ``.compute()`` gives the same rows as ``reprice_batch`` on the
        whole book.
    """
    return ddf.map_partitions(_reprice_partition, db_path, as_of, threads, meta=_meta())
