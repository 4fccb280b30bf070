#!/usr/bin/python3
"""The baseline an analyst would reach for: networkx all_simple_paths(cutoff=3) on the static
route graph of the synthesized OpenFlights network, over the same origin-destination pairs as
cargoquote_bench_network (written there with CARGOQUOTE_PAIRS_OUT).

It only enumerates airport sequences of at most three legs: no schedule, no times, no pricing.

    python3 tests/bench/networkx_baseline.py NETWORK.db PAIRS.csv
"""
import sqlite3
import statistics
import sys
import time

import networkx as nx


def main(db_path: str, pairs_path: str) -> None:
    con = sqlite3.connect(db_path)
    start = time.perf_counter()
    graph = nx.DiGraph(con.execute("SELECT DISTINCT origin, destination FROM flight_legs").fetchall())
    load_s = time.perf_counter() - start
    pairs = [line.strip().split(",") for line in open(pairs_path) if line.strip()]
    micros, paths = [], 0
    for a, b in pairs:
        t0 = time.perf_counter()
        paths += sum(1 for _ in nx.all_simple_paths(graph, a, b, cutoff=3))
        micros.append((time.perf_counter() - t0) * 1e6)
    micros.sort()
    q = lambda f: micros[int(f * (len(micros) - 1))]
    print(f"graph: {graph.number_of_nodes()} airports, {graph.number_of_edges()} routes, built in {load_s:.2f} s")
    print(f"pairs: {len(pairs)}, paths enumerated: {paths} ({paths / len(pairs):.0f} per pair)")
    print(f"all_simple_paths(cutoff=3) per pair: p50 {q(0.5):.0f} us, p99 {q(0.99):.0f} us, "
          f"mean {statistics.mean(micros):.0f} us, total {sum(micros) / 1e6:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
