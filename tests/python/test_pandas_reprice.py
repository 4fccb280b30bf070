"""The pandas repricing reference (tests/bench/pandas_reprice.py) against `cargoquote reprice`:
identical totals, row by row and in sum, on general-cargo books synthesized from the sample rates
(`book synth --general-only`), on each row's ready date and on a fixed rating date across the
sample's FX change of 2026-11-01. Also the exact-integer helpers against Python integers.
"""
from __future__ import annotations

import random
import sys

import numpy as np
import pandas as pd
import pytest

from conftest import CLI, SOURCE

sys.path.insert(0, str(SOURCE / "tests" / "bench"))

import pandas_reprice  # noqa: E402
import reprice_vs_pandas  # noqa: E402


@pytest.mark.parametrize("window, as_of", [
    (["--from", "2026-09-20", "--days", "60"], None),  # summer and winter sheets, both FX tables
    ([], "2026-11-20"),
])
def test_pandas_totals_equal_the_engines(sample_db, tmp_path, window, as_of):
    book = str(tmp_path / "book.csv")
    reprice_vs_pandas.synthesize_book(CLI, sample_db, 2000, 11, book, window)
    engine_out = str(tmp_path / "engine.csv")
    reprice_vs_pandas.run_engine(CLI, sample_db, book, engine_out, 2, as_of)
    _, result = reprice_vs_pandas.run_pandas(sample_db, book, str(tmp_path / "pandas.csv"), as_of)

    report = reprice_vs_pandas.compare(engine_out, result)
    assert report["rows"] == 2000
    assert report["priced"] > 1900
    assert report["status_mismatches"] == 0
    assert report["amount_mismatches"] == 0, report["first_mismatches"]
    assert report["sums_equal"], report["sums"]
    # Several currencies, FX and customer margins are really exercised.
    assert len(report["sums"]["sell_total"]) >= 3
    assert (result["margin"].dropna() > 0).all()


def test_rows_outside_general_cargo_online_are_skipped(sample_db, tmp_path):
    book = pd.DataFrame({
        "shipment_id": ["G", "S", "I", "V"], "origin": "PVG", "destination": "FRA",
        "pieces": "1x100x80x60@120", "ready": "2026-11-26T10:00", "carrier": "Q1",
        "commodity": ["GEN", "2199", "GEN", "GEN"], "customer": "",
        "routing": ["", "", "Q1:PVG-NRT;X4:NRT-FRA", ""],
        "declared_value": ["", "", "", "50000 EUR"]})
    result = pandas_reprice.reprice(book, sample_db)
    assert result["status"].tolist() == ["priced", "skipped", "skipped", "skipped"]


def test_mul_div_half_up_is_exact_where_int64_products_overflow():
    rng = random.Random(5)
    a = [rng.randrange(0, 10**13) for _ in range(2000)]  # amounts up to 10 million, in micros
    b = [rng.randrange(0, 2 * 10**11) for _ in range(2000)]  # FX rates up to 200, in nanos
    e = [rng.choice([10, 13, 15]) for _ in range(2000)]
    got = pandas_reprice.mul_div_half_up(np.array(a), np.array(b), np.array(e))
    want = [(x * y * 2 + 10**k) // (2 * 10**k) for x, y, k in zip(a, b, e)]
    assert got.tolist() == want


def test_decimals_parse_and_print_as_the_engine_does():
    text = pd.Series(["120.5", "12", "0.00005", "3.14159", "7.", "0.4"])
    assert pandas_reprice.decimal_to_int(text, 4).tolist() == \
        [1205000, 120000, 1, 31416, 70000, 4000]
    with pytest.raises(ValueError):
        pandas_reprice.decimal_to_int(pd.Series(["1.2.3"]), 2)
    values = np.array([1234500000, 5, -10000, 0, 9_000_000_000_000_000_000])
    printed = pandas_reprice.format_scaled(values, 6, np.array([2, 2, 0, 0, 2]))
    assert printed.tolist() == ["1234.50", "0.000005", "-0.01", "0", "9000000000000.00"]
    assert pandas_reprice.format_scaled(np.array([750000, 500, 1234567]), 3, 1).tolist() == \
        ["750.0", "0.5", "1234.567"]
