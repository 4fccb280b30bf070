"""Throughput of engine.quote_batch and engine.reprice_batch on 1 thread against 2.

Both price a pandas DataFrame in C++ with the GIL released, so a second thread should nearly halve
the time; the parts that hold the GIL (DataFrame columns to text before pricing, results to
Python lists and Decimals after it, and building the result DataFrame) run on one thread whatever
`threads` says. The script prints shipments per second for each (best and median of --repeat
runs) and, for reprice_batch, where the time goes:

  columns to lists     cargoquote.batch: the DataFrame as {column: list}          (Python)
  lists to text        the extension copies every cell to C++ strings            (GIL held)
  pricing              the engine on `threads` threads                           (GIL released)
  results to Python    result columns as lists of str/int/Decimal                (GIL held)
  result DataFrame     cargoquote.batch builds the DataFrame                      (Python)

The split inside the extension comes from the progress callback (first call 100 ms after pricing
starts, last call when it ends), so it is good to about 0.1 s.

Books come from `cargoquote book synth` on the sample database (--previous for the reprice book,
so every row also computes a change). Reading the CSV with pandas is outside the timing.

Usage (release build for real numbers; see BENCHMARKS.md):
  PYTHONPATH=$PWD/build/release/python /usr/bin/python3 tests/bench/python_batch_bench.py
Without PYTHONPATH the package is taken from build/release/python. The `cargoquote` command is
$CARGOQUOTE_CLI, else the one of the build that holds the package.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(os.environ.get("CARGOQUOTE_SOURCE_DIR", Path(__file__).resolve().parents[2]))

try:
    import cargoquote as cq
except ImportError:
    sys.path.insert(0, str(ROOT / "build" / "release" / "python"))
    import cargoquote as cq
from cargoquote import batch

PROGRESS_PERIOD_S = 0.1  # how often the extension calls progress(done, total)


def cli() -> str:
    build = Path(cq.__file__).resolve().parents[2]
    return os.environ.get("CARGOQUOTE_CLI", str(build / "cli" / "cargoquote"))


def run(*args) -> None:
    subprocess.run([cli(), *map(str, args)], check=True, capture_output=True)


def synth_book(db: Path, out: Path, rows: int, seed: int, previous: bool) -> pd.DataFrame:
    run("book", "synth", "--db", db, "--rows", rows, "--seed", seed, "--out", out,
        *(["--previous"] if previous else []))
    return pd.read_csv(out, dtype=str, keep_default_na=False)


def cpu_seconds() -> float:
    """CPU time of this process, every thread."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(body_by_threads: dict, repeat: int) -> dict[int, list[tuple[float, float]]]:
    """(wall seconds, CPU seconds) of `repeat` calls of each body, taken in turns so that a change
    in machine load hits every thread count alike."""
    runs = {threads: [] for threads in body_by_threads}
    for _ in range(repeat):
        for threads, body in body_by_threads.items():
            wall, cpu = time.perf_counter(), cpu_seconds()
            body()
            runs[threads].append((time.perf_counter() - wall, cpu_seconds() - cpu))
    return runs


def phases(engine: cq.Engine, book: pd.DataFrame, threads: int) -> dict[str, float]:
    """reprice_batch split into its steps (see the module docstring), in seconds."""
    calls = []
    start = time.perf_counter()
    columns = batch._columns(book)
    listed = time.perf_counter()
    result = engine._price_book(columns, "reprice", None, 1, None, None, None, threads,
                                lambda done, total: calls.append(time.perf_counter()))
    returned = time.perf_counter()
    batch._frame(result, book.index)
    framed = time.perf_counter()
    # Pricing that ends within the first period is reported whole under "pricing".
    pricing_starts = max(calls[0] - PROGRESS_PERIOD_S, listed)
    return {"columns to lists": listed - start,
            "lists to text": pricing_starts - listed,
            "pricing": calls[-1] - pricing_starts,
            "results to Python": returned - calls[-1],
            "result DataFrame": framed - returned,
            "total": framed - start}


def report(name: str, rows: int, runs_by_threads: dict[int, list[tuple[float, float]]]) -> None:
    """Shipments per second, best and median; CPU time over wall time of the best run shows how
    many cores it kept busy (below the thread count when other processes took the cores)."""
    print(f"\n{name}, {rows:,} rows, {len(runs_by_threads[1])} runs each")
    print("| threads | best | median | best run: wall | CPU / wall |")
    print("|---|---|---|---|---|")
    for threads, runs in runs_by_threads.items():
        wall, cpu = min(runs)
        median = statistics.median(w for w, _ in runs)
        print(f"| {threads} | {rows / wall:,.0f} /s | {rows / median:,.0f} /s | {wall:.2f} s "
              f"| {cpu / wall:.2f} |")
    one, two = (min(runs_by_threads[t])[0] for t in (1, 2))
    print(f"2 threads against 1 (best runs): {one / two:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quote-rows", type=int, default=20_000)
    parser.add_argument("--reprice-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (best and median)")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    print(f"package {Path(cq.__file__).parent}")
    print(f"{os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="cargoquote-bench-") as scratch:
        db = Path(scratch) / "sample.db"
        run("rates", "import", ROOT / "rates" / "sample", "--db", db)
        engine = cq.Engine.open(db)
        quote_book = synth_book(db, Path(scratch) / "quote.csv", args.quote_rows, args.seed, False)
        reprice_book = synth_book(db, Path(scratch) / "reprice.csv", args.reprice_rows,
                                  args.seed, True)

        quote_times = timed({t: lambda t=t: engine.quote_batch(quote_book, threads=t)
                             for t in (1, 2)}, args.repeat)
        reprice_times = timed({t: lambda t=t: engine.reprice_batch(reprice_book, threads=t)
                               for t in (1, 2)}, args.repeat)
        split = {t: phases(engine, reprice_book, t) for t in (1, 2)}

    report("engine.quote_batch (search, pricing, ranking; top_k=1)", args.quote_rows, quote_times)
    report("engine.reprice_batch", args.reprice_rows, reprice_times)
    print(f"\nreprice_batch, {args.reprice_rows:,} rows, one run per column: seconds per step")
    print("| step | 1 thread | 2 threads |")
    print("|---|---|---|")
    for step in split[1]:
        print(f"| {step} | {split[1][step]:.2f} | {split[2][step]:.2f} |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
