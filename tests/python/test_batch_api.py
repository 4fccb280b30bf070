"""The batch API takes what engine.quote takes and says what is wrong: missing columns named before
any pricing, weights as a dict, dates as date objects, numpy integer counts, a tqdm bar; error rows
keep their shipment_id (in Python and in the CLI's errors file) and reprice_batch has the CLI's
change_percent."""
from __future__ import annotations

import csv
import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cargoquote as cq
from conftest import run_cli

QUOTE_DATE = "2026-10-01"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("batch_api")


@pytest.fixture(scope="module")
def book_path(workdir, sample_db) -> Path:
    path = workdir / "book.csv"
    run_cli("book", "synth", "--db", str(sample_db), "--rows", "300", "--seed", "11", "--out",
            str(path), "--previous")
    return path


@pytest.fixture(scope="module")
def book(book_path) -> pd.DataFrame:
    return pd.read_csv(book_path, dtype=str, keep_default_na=False)


def bad_rows() -> pd.DataFrame:
    return pd.DataFrame({
        "shipment_id": ["OK", "BADNUM", "AIRPORT"],
        "origin": ["PVG", "PVG", "PVG"],
        "destination": ["FRA", "FRA", "XXX"],
        "pieces": ["1x100x100x100@200", "1x10x10x10@abc", "1x10x10x10@1"],
        "ready": ["2026-11-26T10:00"] * 3,
        "carrier": ["Q1", "Q1", "Q1"],
    })


def never_called(done, total):
    raise AssertionError("a row was priced")


@pytest.mark.parametrize("column", ["shipment_id", "origin", "destination", "pieces", "ready"])
def test_a_missing_required_column_is_a_key_error_before_pricing(engine, column):
    rows = bad_rows().drop(columns=[column])
    with pytest.raises(KeyError, match=f"'{column}'"):
        engine.reprice_batch(rows, progress=never_called)
    with pytest.raises(KeyError, match=f"'{column}'"):
        engine.quote_batch(rows, progress=never_called)


def test_reprice_needs_a_carrier_or_a_routing(engine):
    rows = bad_rows().drop(columns=["carrier"])
    with pytest.raises(KeyError, match="'carrier'"):
        engine.reprice_batch(rows)
    engine.quote_batch(rows)  # a requote searches afresh: no carrier needed
    rows["routing"] = "Q1:PVG-FRA"
    assert engine.reprice_batch(rows)["status"].iloc[0] == "priced"


def test_error_rows_keep_their_shipment_id(engine):
    result = engine.reprice_batch(bad_rows())
    assert list(result["status"]) == ["priced", "error", "error"]
    assert list(result["shipment_id"]) == ["OK", "BADNUM", "AIRPORT"]


def test_the_cli_errors_file_names_the_shipment(engine, workdir, sample_db):
    book_file = workdir / "bad.csv"
    bad_rows().to_csv(book_file, index=False)
    errors_file = workdir / "bad.errors.csv"
    run_cli("reprice", str(book_file), "--db", str(sample_db), "--out", str(workdir / "o.csv"),
            "--errors", str(errors_file))
    with open(errors_file, newline="") as f:
        errors = list(csv.DictReader(f))
    assert [e["shipment_id"] for e in errors] == ["BADNUM", "AIRPORT"]
    assert [(e["line"], e["column"], e["field"], e["code"]) for e in errors] == [
        ("3", "4", "pieces", "invalid_piece_spec"), ("4", "3", "destination", "unknown_airport")]


def expected_percent(sell_total: Decimal, previous: Decimal) -> Decimal | None:
    if previous == 0:
        return None
    return ((sell_total - previous) * 100 / previous).quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_change_percent_is_the_change_over_the_previous_total(engine, book):
    result = engine.reprice_batch(book)
    compared = result[result["previous_total"].notna()]
    assert len(compared) > 0.8 * len(book)
    for _, row in compared.iterrows():
        assert row["change"] == row["sell_total"] - row["previous_total"]
        assert row["change_percent"] == expected_percent(row["sell_total"],
                                                         row["previous_total"])
        assert isinstance(row["change_percent"], Decimal)
    assert result.loc[result["previous_total"].isna(), "change_percent"].isna().all()


def test_change_percent_equals_the_cli_output(engine, book, book_path, workdir, sample_db):
    out = workdir / "repriced.csv"
    run_cli("reprice", str(book_path), "--db", str(sample_db), "--out", str(out))
    with open(out, newline="") as f:
        cli = [row["change_percent"] for row in csv.DictReader(f)]
    mine = engine.reprice_batch(book)["change_percent"]
    assert [str(p) if p is not None else "" for p in mine] == cli


def test_weights_as_a_dict_equal_the_string(engine, book):
    sample = book.head(40)
    as_text = engine.quote_batch(sample, weights="price=0.7,time=0.1,reliability=0.1,risk=0.1",
                                 top_k=2, quote_date=QUOTE_DATE)
    as_dict = engine.quote_batch(sample, weights={"price": 0.7, "time": 0.1, "reliability": 0.1,
                                                  "risk": Decimal("0.1")},
                                 top_k=2, quote_date=QUOTE_DATE)
    pd.testing.assert_frame_equal(as_dict, as_text)
    other = engine.quote_batch(sample, weights={"price": 0.1, "time": 0.9}, top_k=2,
                               quote_date=QUOTE_DATE)
    assert not other["carrier"].equals(as_text["carrier"]) or not other["score"].equals(
        as_text["score"])


@pytest.mark.parametrize("day", [datetime.date(2026, 10, 1), datetime.datetime(2026, 10, 1, 15, 30),
                                 pd.Timestamp("2026-10-01 08:00"), np.datetime64("2026-10-01")],
                         ids=["date", "datetime", "Timestamp", "datetime64"])
def test_dates_as_date_objects(engine, book, day):
    sample = book.head(40)
    pd.testing.assert_frame_equal(engine.quote_batch(sample, quote_date=day),
                                  engine.quote_batch(sample, quote_date=QUOTE_DATE))
    pd.testing.assert_frame_equal(engine.reprice_batch(sample, as_of=day),
                                  engine.reprice_batch(sample, as_of=QUOTE_DATE))


def test_engine_quote_takes_the_same_dates(engine):
    shipment = cq.Shipment(origin="PVG", destination="FRA", ready_time="2026-11-26T10:00",
                           pieces=[cq.Piece(count=1, length=100, width=100, height=100,
                                            weight=200)])
    expected = engine.quote(shipment, quote_date="2026-11-25").to_dict()
    for day in (datetime.date(2026, 11, 25), datetime.datetime(2026, 11, 25, 23, 59),
                pd.Timestamp("2026-11-25 06:00")):
        assert engine.quote(shipment, quote_date=day).to_dict() == expected


def test_dates_of_another_type_are_type_errors(engine, book):
    with pytest.raises(TypeError, match="as_of"):
        engine.reprice_batch(book.head(2), as_of=20261001)


def test_numpy_integer_counts(engine, book):
    sample = book.head(40)
    expected = engine.quote_batch(sample, threads=2, top_k=3)
    for kind in (np.int64, np.int32, np.uint8):
        pd.testing.assert_frame_equal(
            engine.quote_batch(sample, threads=kind(2), top_k=kind(3)), expected)
    pd.testing.assert_frame_equal(engine.reprice_batch(sample, threads=np.int64(1)),
                                  engine.reprice_batch(sample, threads=1))
    with pytest.raises(TypeError, match="threads"):
        engine.reprice_batch(sample, threads=2.0)
    with pytest.raises(ValueError, match="top_k"):
        engine.quote_batch(sample, top_k=np.int64(0))


def test_progress_true_shows_a_bar(engine, book, capsys):
    pytest.importorskip("tqdm")
    result = engine.reprice_batch(book, progress=True)
    bar = capsys.readouterr().err
    assert f"{len(book)}/{len(book)}" in bar and "reprice" in bar
    pd.testing.assert_frame_equal(result, engine.reprice_batch(book))


def test_progress_callable_still_works_and_false_is_none(engine, book):
    seen = []
    engine.quote_batch(book.head(50), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (50, 50)
    engine.quote_batch(book.head(5), progress=False)
    with pytest.raises(TypeError, match="progress"):
        engine.quote_batch(book.head(5), progress="yes")
