"""Multi-criteria decision methods on array-likes: lists, numpy arrays and pandas DataFrames.

A decision matrix has one row per alternative and one column per criterion, whatever its type: a
DataFrame is read as it prints (``np.asarray(df)``), never by iterating it, which in pandas walks
the column names. The compute is the C++ library's (``_cargoquote.mcdm``); this module checks
shapes and values first, so a wrong input is a ``ValueError`` saying what is wrong instead of
weights computed from a matrix read sideways.

Labels survive: with a DataFrame (or a Series of weights) in, weights come out as a Series indexed
by the criteria (the columns) and scores as Series indexed by the alternatives (the rows); with
lists or arrays in, numpy arrays come out as before. ``types`` gives each criterion's direction,
+1 (or "benefit") where more is better and -1 (or "cost") where less is: a sequence in column
order, or a dict keyed by column name. ``weights`` is a sequence in column order or a dict/Series
keyed by column name.

    df = pd.DataFrame({"price": [...], "days": [...], "reliability": [...]}, index=carriers)
    cq.mcdm.topsis(df, {"price": 0.5, "days": 0.3, "reliability": 0.2},
                   {"price": "cost", "days": "cost", "reliability": "benefit"})["closeness"]
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Union

import numpy as np
import pandas as pd

from ._cargoquote import mcdm as _native

__all__ = ["ahp_weights", "entropy_weights", "pareto_front", "topsis", "vikor", "weighted_sum"]

MatrixLike = Union[pd.DataFrame, np.ndarray, Sequence[Sequence[float]]]
TypesLike = Union[Sequence[Union[int, str]], Mapping[Any, Union[int, str]]]
WeightsLike = Union[Sequence[float], np.ndarray, Mapping[Any, float], pd.Series]

_TYPE_NAMES = {"benefit": 1, "cost": -1, "+": 1, "-": -1}


class _Matrix:
    """A decision matrix as float rows, with the row and column labels it came with (or None)."""

    def __init__(self, matrix: MatrixLike, name: str = "matrix") -> None:
        self.rows = matrix.index if isinstance(matrix, pd.DataFrame) else None
        self.columns = matrix.columns if isinstance(matrix, pd.DataFrame) else None
        try:
            values = np.asarray(matrix, dtype=float)
        except (TypeError, ValueError) as e:
            raise ValueError(f"{name} must be numeric: {e}") from None
        if values.ndim != 2:
            raise ValueError(f"{name} must be 2-dimensional (rows = alternatives, columns = "
                             f"criteria), got shape {values.shape}")
        if values.shape[0] == 0 or values.shape[1] == 0:
            raise ValueError(f"{name} is empty (shape {values.shape})")
        if not np.isfinite(values).all():
            row, column = np.argwhere(~np.isfinite(values))[0]
            raise ValueError(f"{name} has a NaN or infinite value at row {self._row(row)}, "
                             f"column {self._column(column)}")
        self.values = values

    @property
    def n_criteria(self) -> int:
        return self.values.shape[1]

    @property
    def labelled(self) -> bool:
        return self.columns is not None

    def _row(self, i: int) -> Any:
        return repr(self.rows[i]) if self.rows is not None else i

    def _column(self, j: int) -> Any:
        return repr(self.columns[j]) if self.columns is not None else j

    def by_criterion(self, values: Any, name: str) -> list:
        """`values` (a sequence in column order, or a mapping keyed by column) in column order."""
        if isinstance(values, Mapping) or (isinstance(values, pd.Series) and self.labelled):
            if self.columns is None:
                raise ValueError(f"{name} given by name needs a DataFrame with named columns")
            keys = list(values.keys())
            missing = [c for c in self.columns if c not in keys]
            extra = [k for k in keys if k not in set(self.columns)]
            if missing or extra:
                raise ValueError(f"{name} must name every column exactly: "
                                 f"missing {missing}, unknown {extra}")
            return [values[c] for c in self.columns]
        if isinstance(values, (str, bytes)):
            raise ValueError(f"{name} must be a sequence or a mapping, not a string")
        listed = list(np.asarray(values, dtype=object).ravel()) if np.ndim(values) else None
        if listed is None or len(listed) != self.n_criteria:
            got = "a scalar" if listed is None else f"{len(listed)} values"
            raise ValueError(f"{name} must have one value per criterion (column): "
                             f"{self.n_criteria} expected, got {got}")
        return listed

    def weights(self, weights: WeightsLike) -> list[float]:
        listed = self.by_criterion(weights, "weights")
        try:
            out = [float(w) for w in listed]
        except (TypeError, ValueError):
            raise ValueError(f"weights must be numbers, got {listed!r}") from None
        if not all(np.isfinite(out)):
            raise ValueError(f"weights must be finite numbers, got {out}")
        return out

    def types(self, types: TypesLike) -> list[int]:
        out = []
        for j, t in enumerate(self.by_criterion(types, "types")):
            value = _TYPE_NAMES.get(t.lower()) if isinstance(t, str) else t
            if value is None or isinstance(value, bool) or value not in (1, -1):
                raise ValueError(f"types[{self._column(j)}] must be +1/'benefit' or -1/'cost', "
                                 f"got {t!r}")
            out.append(int(value))
        return out

    def per_alternative(self, values: Any, name: str | None = None) -> Any:
        """Scores of the rows: a Series on the DataFrame's index, else a numpy array."""
        if self.rows is None:
            return values
        return pd.Series(np.asarray(values), index=self.rows, name=name)

    def per_criterion(self, values: Any, name: str | None = None) -> Any:
        """Weights of the columns: a Series on the DataFrame's columns, else a numpy array."""
        if self.columns is None:
            return values
        return pd.Series(np.asarray(values), index=self.columns, name=name)


def topsis(matrix: MatrixLike, weights: WeightsLike, types: TypesLike,
           normalization: str = "vector") -> dict[str, Any]:
    """TOPSIS: ``closeness`` = D- / (D+ + D-) (higher is better), ``d_plus`` and ``d_minus``, the
    distances to the ideal and anti-ideal points; per alternative."""
    m = _Matrix(matrix)
    out = _native.topsis(m.values, m.weights(weights), m.types(types), normalization)
    return {key: m.per_alternative(value, key) for key, value in out.items()}


def weighted_sum(matrix: MatrixLike, weights: WeightsLike, types: TypesLike,
                 normalization: str = "minmax") -> Any:
    """Weighted sum of normalized values per alternative (weights applied as given)."""
    m = _Matrix(matrix)
    scores = _native.weighted_sum(m.values, m.weights(weights), m.types(types), normalization)
    return m.per_alternative(scores, "score")


def vikor(matrix: MatrixLike, weights: WeightsLike, types: TypesLike,
          v: float = 0.5) -> dict[str, Any]:
    """VIKOR: group utility ``S``, individual regret ``R`` and compromise ``Q`` per alternative
    (lower is better); ``v`` weighs the majority's utility against the worst regret."""
    m = _Matrix(matrix)
    out = _native.vikor(m.values, m.weights(weights), m.types(types), float(v))
    return {key: m.per_alternative(value, key) for key, value in out.items()}


def ahp_weights(matrix: MatrixLike, ri: str = "saaty1980") -> dict[str, Any]:
    """AHP weights from a square reciprocal pairwise matrix (``matrix[i][j]`` = how much more
    criterion i matters than j): ``weights`` (principal eigenvector, summing to 1), ``lambda_max``,
    the consistency index ``ci`` and ratio ``cr``, and ``consistent`` (cr < 0.10).

    With a DataFrame the weights are a Series indexed by its columns; its index must name the same
    criteria in the same order (a pairwise matrix compares each criterion with every other)."""
    m = _Matrix(matrix)
    n_rows, n_columns = m.values.shape
    if n_rows != n_columns:
        raise ValueError(f"an AHP pairwise matrix must be square, got {n_rows} rows x "
                         f"{n_columns} columns")
    labels = _pairwise_labels(m)
    out = dict(_native.ahp_weights(m.values, ri))
    if labels is not None:
        out["weights"] = pd.Series(out["weights"], index=labels, name="weight")
    return out


def entropy_weights(matrix: MatrixLike) -> Any:
    """Entropy weights of the criteria (columns): criteria whose values differ more between the
    alternatives get more weight. Values must be non-negative (they are read as shares)."""
    m = _Matrix(matrix)
    return m.per_criterion(_native.entropy_weights(m.values), "weight")


def pareto_front(matrix: MatrixLike, types: TypesLike) -> Any:
    """True for each non-dominated alternative (row): a list of bools, or a boolean Series on the
    DataFrame's index."""
    m = _Matrix(matrix)
    front = _native.pareto_front(m.values, m.types(types))
    return front if m.rows is None else pd.Series(front, index=m.rows, name="pareto", dtype=bool)


def _pairwise_labels(m: _Matrix) -> pd.Index | None:
    """The criteria a pairwise DataFrame names: its columns, or its index when only that is named
    (a default 0..n-1 index or columns are no names); both named must agree, order included."""
    if not m.labelled:
        return None
    rows_named, columns_named = not _is_default(m.rows), not _is_default(m.columns)
    if rows_named and columns_named and list(m.rows) != list(m.columns):
        raise ValueError("an AHP pairwise matrix's rows and columns must name the same criteria "
                         f"in the same order: rows {list(m.rows)}, columns {list(m.columns)}")
    return m.rows if rows_named and not columns_named else m.columns


def _is_default(labels: pd.Index) -> bool:
    return isinstance(labels, pd.RangeIndex) and labels.equals(pd.RangeIndex(len(labels)))
