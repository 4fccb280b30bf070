"""What a quote costs from Python, against the same quote in C++.

Quotes the demo shipment of cargoquote_bench_pricing's BM_QuoteLane (3 x 120x80x100 cm @ 250 kg,
PVG->FRA, GEN, customer ACME-DE, no SLA) on the sample database, and prints per-call times:

  C++ QuoteEngine::quote               timed in C++ by the extension (Engine._time_quotes)
  C++ quote + result document text     the same, plus quote_result_text (JsonWriter, no tree)
  C++ quote + result document tree     the same, plus to_json (the tree Python's views read)
  engine.quote(shipment)               Python call -> cq.QuoteResult (GIL released inside; the
                                       document is built only when first read)
  ... + reading every quote's price    the usual next step (read from the engine's result)
  ... + the best quote's details       its legs and charge lines (that option's document only)
  ... + result.to_dict()               the full document as Python dicts
  engine.quote(request dict) -> dict   the dict API

Usage (release build for real numbers; see BENCHMARKS.md):
  PYTHONPATH=$PWD/build/release/python /usr/bin/python3 tests/bench/python_overhead.py
Without PYTHONPATH the package is taken from build/release/python. The sample database is built
with the `cargoquote` command of the same build (or $CARGOQUOTE_CLI).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(os.environ.get("CARGOQUOTE_SOURCE_DIR", Path(__file__).resolve().parents[2]))

try:
    import cargoquote as cq
except ImportError:
    sys.path.insert(0, str(ROOT / "build" / "release" / "python"))
    import cargoquote as cq

SHIPMENT = {
    "origin": "PVG", "destination": "FRA",
    "pieces": [{"count": 3, "dimensions": {"length": 120, "width": 80, "height": 100},
                "grossWeight": {"value": 250}}],
    "commodity": "GEN", "readyTime": "2026-11-26T10:00", "customer": "ACME-DE",
}


def sample_engine(scratch: Path) -> cq.Engine:
    build = Path(cq.__file__).resolve().parents[2]
    cli = os.environ.get("CARGOQUOTE_CLI", str(build / "cli" / "cargoquote"))
    db = scratch / "sample.db"
    subprocess.run([cli, "rates", "import", str(ROOT / "rates" / "sample"), "--db", str(db)],
                   check=True, capture_output=True)
    return cq.Engine.open(db)


def per_call(body, repeat: int) -> float:
    """Seconds per call over `repeat` calls."""
    start = time.perf_counter()
    for _ in range(repeat):
        body()
    return (time.perf_counter() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000, help="calls per measurement")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds, each measuring every row once (interleaved, so a change in "
                             "machine load hits every row alike)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cargoquote-bench-") as scratch:
        engine = sample_engine(Path(scratch))
        shipment = cq.Shipment.from_dict(SHIPMENT)
        request = {"shipment": SHIPMENT, "sla": "none"}
        options = len(engine.quote(shipment, sla="none").quotes)

        def read_prices():
            return [q.sell_total for q in engine.quote(shipment, sla="none").quotes]

        def read_best_detail():
            best = engine.quote(shipment, sla="none").best
            return best.legs, best.charges

        python_rows = {
            "engine.quote(shipment) -> QuoteResult": lambda: engine.quote(shipment, sla="none"),
            "... + every quote's sell_total": read_prices,
            "... + the best quote's legs and charge lines": read_best_detail,
            "... + result.to_dict()": lambda: engine.quote(shipment, sla="none").to_dict(),
            "engine.quote(request dict) -> dict": lambda: engine.quote(request),
        }
        names = ["C++ QuoteEngine::quote", "C++ quote + result document text",
                 "C++ quote + result document tree", *python_rows]
        figures: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(args.rounds):
            cpp = engine._time_quotes(shipment, args.repeat, sla="none")
            figures[names[0]].append(cpp["quote"])
            figures[names[1]].append(cpp["quote_to_json"])
            figures[names[2]].append(cpp["quote_to_tree"])
            for name, body in python_rows.items():
                figures[name].append(per_call(body, args.repeat))

    base = statistics.median(figures[names[0]])
    print(f"package {Path(cq.__file__).parent}")
    print(f"{options} options per quote; {args.rounds} rounds of {args.repeat} calls per row\n")
    print("| call | median per call | fastest round | median vs C++ quote |")
    print("|---|---|---|---|")
    for name in names:
        median = statistics.median(figures[name])
        print(f"| {name} | {median * 1e6:.1f} µs | {min(figures[name]) * 1e6:.1f} µs | "
              f"{median / base:.1f}× |")
    # The fastest rounds are the least disturbed by other work on the machine.
    quote, text, tree, from_python = (min(figures[name]) for name in names[:4])
    print(f"\nfastest rounds: the document text costs {(text - quote) / quote:.2f}× the quote it "
          f"describes, the tree {(tree - quote) / quote:.2f}×; engine.quote(shipment) is "
          f"{from_python / quote:.2f}× the C++ quote")


if __name__ == "__main__":
    main()
