#!/usr/bin/python3
"""The engine and its peers on the same inputs, in one run, with the ratios.

On a shared, noisy machine absolute timings drift from run to run; a ratio measured in one run,
with both sides on the same inputs one after the other, stays meaningful. Each section prints its
absolute figures and the ratio; the summary at the end collects the ratios (BENCHMARKS.md records
them with this command):

  quote vs networkx      1,000 random pairs among the 200 busiest airports of the OpenFlights-scale
                         network: cargoquote's full quote (cargoquote_bench_network) against
                         networkx all_simple_paths(cutoff=3) on the static route graph
  reprice vs pandas      a general-cargo book: `cargoquote reprice` against the vectorized pandas
                         implementation of the same rules (every amount compared)
  requote reuse          a Zipf book on the OpenFlights-scale network: `reprice --mode requote`
                         with search reuse against the per-row search (outputs compared)
  reprice plan           the mixed sample book: `reprice` with pricing plans against the per-row
                         lookups (outputs compared)
  Python vs C++          engine.quote from Python against QuoteEngine::quote in C++, and the
                         result document against the quote it describes (python_overhead.py)

    make bench-compare            # release build, then this script
    /usr/bin/python3 tests/bench/compare.py --build build/release [--quick]

Sections that need ../shared/data (the OpenFlights network) say so and are skipped without it.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared" / "data" / "openflights"
sys.path.insert(0, str(HERE))


class Run:
    def __init__(self, build: Path, scratch: Path, quick: bool) -> None:
        self.build, self.scratch, self.quick = build, scratch, quick
        self.cli = str(build / "cli" / "cargoquote")
        self.ratios: list[tuple[str, str, str, str]] = []  # section, engine, peer, ratio

    def cargoquote(self, *args: str) -> None:
        done = subprocess.run([self.cli, *args], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"cargoquote {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")

    def timed(self, *args: str) -> float:
        started = time.perf_counter()
        self.cargoquote(*args)
        return time.perf_counter() - started

    def sample_db(self) -> str:
        db = self.scratch / "sample.db"
        if not db.exists():
            self.cargoquote("rates", "import", str(ROOT / "rates" / "sample"), "--db", str(db))
        return str(db)

    def network_db(self) -> str | None:
        if not SHARED.is_dir():
            return None
        db = self.scratch / "of.db"
        if not db.exists():
            self.cargoquote("network", "synth", "--openflights", str(SHARED), "--db", str(db),
                            "--seed", "42")
        return str(db)


def faster(ratio: float) -> str:
    """'2.3× faster' or '0.92× (slower)': the peer's time over the engine's."""
    return f"{ratio:.1f}× faster" if ratio >= 1 else f"{ratio:.2f}× (slower)"


def heading(title: str) -> None:
    print(f"\n## {title}\n", flush=True)


def quote_vs_networkx(run: Run) -> None:
    heading("Quote (search + pricing + ranking) vs networkx all_simple_paths(cutoff=3)")
    db = run.network_db()
    if db is None:
        print(f"skipped: OpenFlights data not found at {SHARED}")
        return
    import networkx as nx
    import sqlite3

    pairs_file = run.scratch / "pairs.csv"
    bench = run.build / "tests" / "bench" / "cargoquote_bench_network"
    env = dict(os.environ, CARGOQUOTE_NETWORK_DB=db, CARGOQUOTE_PAIRS_OUT=str(pairs_file))
    out = subprocess.run([str(bench), "--benchmark_filter=BM_QuoteRandomBusyPairs",
                          "--benchmark_format=json"], env=env, check=True, capture_output=True,
                         text=True).stdout
    result = json.loads(out)["benchmarks"][0]
    engine_total = result["real_time"] / 1e3  # ms -> s (one iteration over all pairs)
    pairs = [line.strip().split(",") for line in pairs_file.read_text().splitlines() if line]

    graph = nx.DiGraph(sqlite3.connect(db).execute(
        "SELECT DISTINCT origin, destination FROM flight_legs").fetchall())
    micros = []
    for a, b in pairs:
        t0 = time.perf_counter()
        sum(1 for _ in nx.all_simple_paths(graph, a, b, cutoff=3))
        micros.append((time.perf_counter() - t0) * 1e6)
    micros.sort()
    nx_p50, nx_p99 = micros[len(micros) // 2], micros[int(0.99 * (len(micros) - 1))]
    nx_total = sum(micros) / 1e6
    print(f"| {len(pairs)} pairs | p50 | p99 | total |\n|---|---|---|---|")
    print(f"| cargoquote quote | {result['p50_us'] / 1e3:.2f} ms | {result['p99_us'] / 1e3:.2f} ms "
          f"| {engine_total:.2f} s |")
    print(f"| networkx all_simple_paths | {nx_p50 / 1e3:.1f} ms | {nx_p99 / 1e3:.1f} ms "
          f"| {nx_total:.1f} s |")
    ratio = nx_total / engine_total
    print(f"\nnetworkx takes {ratio:.1f}× the engine's time in all (p50 {nx_p50 / result['p50_us']:.1f}×)")
    run.ratios.append(("quote vs networkx (1,000 busy pairs)", f"{engine_total:.2f} s",
                       f"{nx_total:.1f} s", faster(ratio)))


def reprice_vs_pandas(run: Run) -> None:
    import reprice_vs_pandas as rvp

    rows = 100_000 if run.quick else 300_000
    heading(f"reprice vs pandas, {rows:,} general-cargo rows")
    db = run.sample_db()
    book = str(run.scratch / "general.csv")
    rvp.synthesize_book(run.cli, db, rows, 1, book, [])
    engine_s = rvp.run_engine(run.cli, db, book, str(run.scratch / "general_out.csv"), 2, None)
    pandas_s, result = rvp.run_pandas(db, book, str(run.scratch / "general_pandas.csv"), None)
    report = rvp.compare(str(run.scratch / "general_out.csv"), result)
    same = (report["status_mismatches"] == 0 and report["amount_mismatches"] == 0
            and report["sums_equal"])
    print(f"cargoquote reprice --threads 2: {engine_s:.2f} s ({rows / engine_s:,.0f} rows/s)")
    print(f"pandas:                         {pandas_s:.2f} s ({rows / pandas_s:,.0f} rows/s)")
    print(f"every amount equal: {same}")
    run.ratios.append((f"reprice vs pandas ({rows:,} rows)", f"{rows / engine_s:,.0f} rows/s",
                       f"{rows / pandas_s:,.0f} rows/s", faster(pandas_s / engine_s)))


def alternate(run: Run, label: str, variants: dict[str, list[str]], rows: int,
              rounds: int) -> dict[str, float]:
    """Best wall time of each variant over `rounds` alternating runs; outputs must be equal."""
    best = {name: float("inf") for name in variants}
    for r in range(rounds):
        for name, args in variants.items():
            out = str(run.scratch / f"{label}_{name}.csv")
            best[name] = min(best[name], run.timed(*args, "--out", out))
    first, *others = variants
    for name in others:
        same = filecmp.cmp(run.scratch / f"{label}_{first}.csv",
                           run.scratch / f"{label}_{name}.csv", shallow=False)
        print(f"output of '{name}' byte-identical to '{first}': {same}")
    for name in variants:
        print(f"{name}: best of {rounds} {best[name]:.2f} s ({rows / best[name]:,.0f} rows/s)")
    return best


def requote_reuse(run: Run) -> None:
    rows = 2_000 if run.quick else 10_000
    heading(f"requote with search reuse vs the per-row search, {rows:,} rows, OpenFlights scale")
    db = run.network_db()
    if db is None:
        print(f"skipped: OpenFlights data not found at {SHARED}")
        return
    book = str(run.scratch / f"of{rows}.csv")
    run.cargoquote("book", "synth", "--db", db, "--rows", str(rows), "--seed", "5", "--out", book)
    common = ["reprice", book, "--db", db, "--mode", "requote", "--threads", "2"]
    best = alternate(run, "requote", {"reuse": [*common, "--search-reuse"], "per-row": common}, rows,
                     1 if run.quick else 2)
    ratio = best["per-row"] / best["reuse"]
    run.ratios.append((f"requote reuse vs per-row ({rows:,} rows)",
                       f"{rows / best['reuse']:,.0f} rows/s",
                       f"{rows / best['per-row']:,.0f} rows/s", faster(ratio)))


def reprice_plan(run: Run) -> None:
    rows = 200_000 if run.quick else 1_000_000
    heading(f"reprice with pricing plans vs per-row lookups, {rows:,} mixed rows")
    db = run.sample_db()
    book = str(run.scratch / "mixed.csv")
    run.cargoquote("book", "synth", "--db", db, "--rows", str(rows), "--seed", "1", "--previous",
                   "--out", book)
    common = ["reprice", book, "--db", db, "--threads", "2"]
    best = alternate(run, "reprice", {"plan": common, "per-row": [*common, "--no-pricing-plans"]}, rows, 3)
    ratio = best["per-row"] / best["plan"]
    run.ratios.append((f"reprice plan vs per-row ({rows:,} rows)",
                       f"{rows / best['plan']:,.0f} rows/s", f"{rows / best['per-row']:,.0f} rows/s",
                       faster(ratio)))


def python_vs_cpp(run: Run) -> None:
    heading("engine.quote from Python vs QuoteEngine::quote in C++ (python_overhead.py)")
    env = dict(os.environ, PYTHONPATH=str(run.build / "python"), CARGOQUOTE_CLI=run.cli)
    rounds, repeat = ("2", "50") if run.quick else ("5", "1000")
    out = subprocess.run([sys.executable, str(HERE / "python_overhead.py"), "--rounds", rounds,
                          "--repeat", repeat], env=env, check=True, capture_output=True,
                         text=True).stdout
    print(out)
    medians = {}
    for line in out.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 4 and cells[1].endswith("µs"):
            medians[cells[0]] = float(cells[1].split()[0])
    quote = medians["C++ QuoteEngine::quote"]
    text = medians["C++ quote + result document text"]
    python = medians["engine.quote(shipment) -> QuoteResult"]
    reading = medians["... + every quote's sell_total"]
    run.ratios.append(("result document text vs the quote", f"{text - quote:.1f} µs",
                       f"{quote:.1f} µs", f"{(text - quote) / quote:.2f}×"))
    run.ratios.append(("engine.quote (Python) vs C++ quote", f"{python:.1f} µs", f"{quote:.1f} µs",
                       f"{python / quote:.2f}×"))
    run.ratios.append(("... + reading every sell_total", f"{reading:.1f} µs", f"{quote:.1f} µs",
                       f"{reading / quote:.2f}×"))


SECTIONS = {
    "networkx": quote_vs_networkx,
    "pandas": reprice_vs_pandas,
    "requote": requote_reuse,
    "reprice": reprice_plan,
    "python": python_vs_cpp,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build" / "release",
                        help="a release build directory (default: build/release)")
    parser.add_argument("--quick", action="store_true", help="smaller inputs (a smoke run)")
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append",
                        help="run only these sections (repeatable)")
    args = parser.parse_args()
    if not (args.build / "cli" / "cargoquote").exists():
        print(f"no cargoquote command in {args.build}: build it first (make release)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cargoquote-compare-") as scratch:
        run = Run(args.build, Path(scratch), args.quick)
        print(f"# cargoquote against its peers ({time.strftime('%Y-%m-%d %H:%M')}, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})")
        for name in args.only or SECTIONS:
            SECTIONS[name](run)
        heading("Ratios measured in this run")
        print("| comparison | cargoquote | peer | ratio |\n|---|---|---|---|")
        for row in run.ratios:
            print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
