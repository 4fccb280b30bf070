"""Reprices one general-cargo book with `cargoquote reprice` and with the pandas implementation
(pandas_reprice.py), checks that every amount agrees to the micro-unit, row by row and in sum, and
prints both speeds. Both timings are wall clock and include reading the book and writing the
output CSV.

    /usr/bin/python3 tests/bench/reprice_vs_pandas.py --cli build/release/cli/cargoquote \\
        --db /tmp/sample.db --rows 100000 --seed 1

--book FILE reprices an existing book instead of synthesizing one with `book synth --general-only`
(rows that are not general cargo on-line without declared value are left out of the check).
Exit status 0 when everything matches, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pandas_reprice  # noqa: E402

COMPARED = pandas_reprice.AMOUNT_COLUMNS


def synthesize_book(cli: str, db: str, rows: int, seed: int, path: str, window: list[str]) -> None:
    subprocess.run([cli, "book", "synth", "--db", db, "--rows", str(rows), "--seed", str(seed),
                    "--general-only", "--out", path, *window], check=True)


def run_engine(cli: str, db: str, book: str, out: str, threads: int, as_of: str | None) -> float:
    command = [cli, "reprice", book, "--db", db, "--out", out, "--threads", str(threads),
               "--errors", out + ".errors.csv"]
    if as_of:
        command += ["--as-of", as_of]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def run_pandas(db: str, book: str, out: str, as_of: str | None) -> tuple[float, pd.DataFrame]:
    started = time.perf_counter()
    result = pandas_reprice.reprice(pandas_reprice.read_book(book), db, as_of)
    pandas_reprice.write_output(result, out)
    return time.perf_counter() - started, result


def _micros(text: pd.Series) -> np.ndarray:
    negative = text.str.startswith("-").to_numpy()
    value = pandas_reprice.decimal_to_int(text.str.lstrip("-"), 6)
    return np.where(negative, -value, value)


def compare(engine_csv: str, result: pd.DataFrame) -> dict:
    """Row-by-row and summed differences between the engine's output and the pandas result, over
    the rows the pandas implementation rates (status not 'skipped')."""
    engine = pd.read_csv(engine_csv, dtype=str, keep_default_na=False)
    if len(engine) != len(result):
        raise SystemExit(f"the engine wrote {len(engine)} rows for {len(result)} book rows "
                         "(rows with errors go to the errors file)")
    rated = (result["status"] != "skipped").to_numpy()
    engine, mine = engine[rated].reset_index(drop=True), result[rated].reset_index(drop=True)
    report = {"rows": int(rated.sum()), "priced": int((mine["status"] == "priced").sum())}
    same_status = ((engine["status"] == mine["status"])
                   & (engine["reason_code"] == mine["reason_code"])
                   & (engine["shipment_id"] == mine["shipment_id"]))
    report["status_mismatches"] = int((~same_status).sum())
    both = (same_status & (mine["status"] == "priced")).to_numpy()
    e, m = engine[both], mine[both]
    mismatched = np.zeros(len(e), bool)
    mismatched |= (e["currency"] != m["currency"]).to_numpy()
    engine_grams = pandas_reprice.decimal_to_int(e["chargeable_kg"], 3)
    mismatched |= engine_grams != m["chargeable_g"].to_numpy(np.int64)
    sums = {}
    for column in COMPARED:
        engine_micros = _micros(e[column])
        mine_micros = m[column].to_numpy(np.int64)
        mismatched |= engine_micros != mine_micros
        by_currency = pd.DataFrame({"ccy": m["currency"].to_numpy(), "engine": engine_micros,
                                    "pandas": mine_micros}).groupby("ccy").sum()
        sums[column] = {c: (int(r.engine), int(r.pandas)) for c, r in by_currency.iterrows()}
    report["amount_mismatches"] = int(mismatched.sum())
    report["sums"] = sums
    report["sums_equal"] = all(a == b for per in sums.values() for a, b in per.values())
    report["first_mismatches"] = e[mismatched].head(5)["shipment_id"].tolist()
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True, help="the cargoquote binary")
    parser.add_argument("--db", required=True)
    parser.add_argument("--book", help="an existing book (default: synthesize one)")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--from", dest="start", help="book synth --from")
    parser.add_argument("--days", type=int, help="book synth --days")
    parser.add_argument("--as-of", help="rating date of every row (default: its ready date)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="reprice_vs_pandas_") as scratch:
        book = args.book
        if book is None:
            book = os.path.join(scratch, "book.csv")
            window = (["--from", args.start] if args.start else []) + \
                     (["--days", str(args.days)] if args.days else [])
            synthesize_book(args.cli, args.db, args.rows, args.seed, book, window)
        engine_seconds = run_engine(args.cli, args.db, book, os.path.join(scratch, "engine.csv"),
                                    args.threads, args.as_of)
        pandas_seconds, result = run_pandas(args.db, book, os.path.join(scratch, "pandas.csv"),
                                            args.as_of)
        report = compare(os.path.join(scratch, "engine.csv"), result)

    rows = report["rows"]
    print(f"rows compared: {rows} ({report['priced']} priced by both)")
    print(f"status mismatches: {report['status_mismatches']}, amount mismatches: "
          f"{report['amount_mismatches']}, sums equal: {report['sums_equal']}")
    for column, per_currency in report["sums"].items():
        text = ", ".join(f"{c} {e / 1e6:,.2f}" + ("" if e == p else f" (pandas {p / 1e6:,.2f})")
                         for c, (e, p) in per_currency.items())
        print(f"  sum {column:<13} {text}")
    if report["first_mismatches"]:
        print("first mismatching shipments:", ", ".join(report["first_mismatches"]))
    book_rows = len(result)
    print(f"cargoquote reprice --threads {args.threads}: {engine_seconds:.3f} s, "
          f"{book_rows / engine_seconds:,.0f} rows/s")
    print(f"pandas:                        {pandas_seconds:.3f} s, "
          f"{book_rows / pandas_seconds:,.0f} rows/s")
    print(f"speed ratio (pandas time / engine time): {pandas_seconds / engine_seconds:.1f}x")
    ok = (report["status_mismatches"] == 0 and report["amount_mismatches"] == 0
          and report["sums_equal"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
