"""Batch pricing from Python: reprice_batch against the CLI's `reprice` on the same book,
quote_batch against a loop of engine.quote calls, every row accounted for, several Python threads
at once, and cq.dask.reprice on a two-worker LocalCluster against the single-process result."""
from __future__ import annotations

import csv
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import cargoquote as cq

from conftest import run_cli


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("batch")


@pytest.fixture(scope="module")
def db(sample_db) -> str:
    return str(sample_db)


@pytest.fixture(scope="module")
def book_path(workdir, db) -> Path:
    path = workdir / "book.csv"
    run_cli("book", "synth", "--db", db, "--rows", "3000", "--seed", "7", "--out", str(path),
            "--previous")
    return path


@pytest.fixture(scope="module")
def book(book_path) -> pd.DataFrame:
    return pd.read_csv(book_path, dtype=str, keep_default_na=False)


def test_reprice_batch_equals_the_cli(engine, db, book, book_path, workdir):
    out = workdir / "repriced.csv"
    run_cli("reprice", str(book_path), "--db", db, "--out", str(out), "--threads", "2")
    with open(out, newline="") as f:
        cli_rows = list(csv.DictReader(f))
    result = engine.reprice_batch(book, threads=2)
    assert len(result) == len(cli_rows) == len(book)
    for (_, py_row), cli_row in zip(result.iterrows(), cli_rows):
        assert py_row["shipment_id"] == cli_row["shipment_id"]
        assert py_row["status"] == cli_row["status"]
        for column in ("weight_charge", "surcharges", "buy_total", "margin", "sell_total", "change"):
            expected = Decimal(cli_row[column]) if cli_row[column] else None
            assert py_row[column] == expected, (cli_row["line"], column)
    assert (result["status"] == "priced").mean() > 0.9
    assert result.loc[result["status"] == "priced", "change"].notna().all()


def test_every_row_is_accounted_for(engine):
    rows = pd.DataFrame({
        "shipment_id": ["OK", "BADNUM", "AIRPORT", "EMPTY", "NOCARRIER"],
        "origin": ["PVG", "PVG", "PVG", None, "PVG"],
        "destination": ["FRA", "FRA", "XXX", None, "FRA"],
        "pieces": ["1x100x100x100@200", "1x10x10x10@abc", "1x10x10x10@1", None, "1x10x10x10@1"],
        "ready": ["2026-11-26T10:00"] * 5,
        "carrier": ["Q1", "Q1", "Q1", None, None],
    }, index=[10, 11, 12, 13, 14])
    result = engine.reprice_batch(rows)
    assert list(result.index) == [10, 11, 12, 13, 14]
    assert list(result["status"]) == ["priced", "error", "error", "error", "error"]
    assert list(result["reason_code"][1:]) == ["invalid_piece_spec", "unknown_airport",
                                               "missing_field", "missing_field"]
    assert list(result["error_field"][1:]) == ["pieces", "destination", "origin", "carrier"]


def shipment_of(row: pd.Series) -> cq.Shipment:
    pieces = []
    for spec in row["pieces"].split("+"):
        dims, weight = spec.split("@")
        count, length, width, height = dims.split("x")
        pieces.append(cq.Piece(count=int(count), length=length, width=width, height=height,
                               weight=weight))
    return cq.Shipment(origin=row["origin"], destination=row["destination"], pieces=pieces,
                       ready_time=row["ready"], commodity=row["commodity"] or "GEN",
                       customer=row["customer"] or None,
                       declared_value=row["declared_value"] or None)


def test_quote_batch_equals_a_loop_of_quotes(engine, book):
    sample = book.head(60)
    batch = engine.quote_batch(sample, top_k=2, quote_date="2026-10-01")
    for index, row in sample.iterrows():
        single = engine.quote(shipment_of(row), quote_date="2026-10-01")
        mine = batch.loc[[index]]
        if not single.quotes:
            assert list(mine["status"]) == ["rejected"]
            continue
        expected = single.quotes[:2]
        assert list(mine["rank"]) == list(range(1, len(expected) + 1))
        assert list(mine["carrier"]) == [q.carrier for q in expected]
        assert list(mine["transit_minutes"]) == [q.transit_minutes for q in expected]
        assert [s for s in mine["sell_total"]] == [q.sell_total for q in expected], index


def test_quote_batch_from_several_threads_at_once(engine, book):
    sample = book.head(200)
    expected = engine.quote_batch(sample, threads=1)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: engine.quote_batch(sample, threads=2), range(4)))
    for result in results:
        pd.testing.assert_frame_equal(result, expected)


def test_progress_is_reported_and_reaches_the_total(engine, book):
    seen = []
    engine.reprice_batch(book, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (len(book), len(book))
    assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))


def test_bad_arguments_raise_input_error(engine, book):
    with pytest.raises(cq.InputError) as bad_date:
        engine.reprice_batch(book.head(3), as_of="2026-02-30")
    assert bad_date.value.code == 15
    with pytest.raises(TypeError):
        engine.reprice_batch({"shipment_id": ["x"]})


def test_dask_reprice_equals_the_single_process_result(engine, db, book):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import cargoquote.dask as cq_dask

    expected = engine.reprice_batch(book)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        ddf = dd.from_pandas(book, npartitions=6)
        result = cq_dask.reprice(ddf, db, threads=1).compute()
        # Each worker process opened the engine once, for all of its partitions.
        opened = client.run(lambda: sorted(cq_dask._engines))
        assert len(opened) == 2
    pd.testing.assert_frame_equal(result, expected)
