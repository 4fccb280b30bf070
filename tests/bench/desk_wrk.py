#!/usr/bin/env python3
"""The desk server under load: `wrk` POSTs the demo inquiry to /v1/inquiries at several
connection counts, and the same run measures the in-process quote (the C++ benchmark binary) so
the server's cost per inquiry is reported as a ratio measured side by side on one noisy machine.

    make release   # and, for the OpenFlights-scale run, `cargoquote network synth ... --db /tmp/of.db`
    /usr/bin/python3 tests/bench/desk_wrk.py [--rates DB] [--connections 1,16,64] [--duration 10]

Every inquiry is a real one: quoted, its options and sell views stored, committed with
synchronous = FULL (an fsync per inquiry) and answered with the staff document. Prints one
Markdown table row per connection count. Needs Debian's `wrk`."""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
RELEASE = SOURCE / "build" / "release"


def demo_request(customer: bool) -> dict:
    shipment = {
        "origin": "PVG", "destination": "FRA", "commodity": "GEN",
        "readyTime": "2027-01-14T10:00",
        "pieces": [{"count": 3,
                    "dimensions": {"length": "120", "width": "80", "height": "100", "unit": "CMT"},
                    "grossWeight": {"value": "250", "unit": "KGM"}}],
    }
    if customer:
        shipment["customer"] = "ACME-DE"
    return {"schema": "cargoquote.quote_request/1", "shipment": shipment,
            "quoteDate": "2027-01-13"}


def start_server(cli: Path, rates: Path, desk: Path) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen([str(cli), "serve", "--db", str(rates), "--desk", str(desk),
                                "--listen", "127.0.0.1:0"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    match = re.search(r"127\.0\.0\.1:(\d+)", line)
    if not match:
        process.kill()
        sys.exit(f"server did not start: {line}{process.stderr.read()}")
    port = int(match.group(1))
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=1).read()
            return process, port
        except OSError:
            time.sleep(0.05)
    process.kill()
    sys.exit("server never answered /v1/health")


def lua_script(body: str, token: str) -> str:
    return (f'wrk.method = "POST"\n'
            f'wrk.headers["Content-Type"] = "application/json"\n'
            f'wrk.headers["Authorization"] = "Bearer {token}"\n'
            f'wrk.body = [==[{body}]==]\n')


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * UNITS[unit]


def run_wrk(url: str, script: Path, connections: int, duration: int) -> dict:
    threads = min(2, connections)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s",
                          "--latency", "-s", str(script), url],
                         capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
              "requests": int(re.search(r"(\d+) requests in", out).group(1))}
    for pct in ("50", "99"):
        result[f"p{pct}"] = ms(re.search(rf"\s{pct}%\s+(\S+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    result["non2xx"] = int(non2xx.group(1)) if non2xx else 0
    result["socket"] = dict(zip(("connect", "read", "write", "timeout"),
                                map(int, sock.groups()))) if sock else {}
    result["errors"] = result["non2xx"] + sum(result["socket"].values())
    return result


def in_process_quote_ms(bench: Path) -> dict:
    """The demo quote in process, and with its result document, from the C++ benchmark."""
    out = subprocess.run([str(bench), "--benchmark_filter=BM_QuoteLane(WithDocument)?$",
                          "--benchmark_format=json", "--benchmark_min_time=1"],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "CARGOQUOTE_SOURCE_DIR": str(SOURCE)}).stdout
    times = {b["name"]: b["real_time"] * {"ns": 1e-6, "us": 1e-3, "ms": 1.0}[b["time_unit"]]
             for b in json.loads(out)["benchmarks"]}
    return {"quote": times["BM_QuoteLane"], "document": times["BM_QuoteLaneWithDocument"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", type=Path, default=RELEASE / "cli" / "cargoquote")
    parser.add_argument("--bench", type=Path,
                        default=RELEASE / "tests" / "bench" / "cargoquote_bench_pricing")
    parser.add_argument("--rates", type=Path, help="rate database (default: the sample rates)")
    parser.add_argument("--no-customer", action="store_true",
                        help="quote without customer ACME-DE (databases without it)")
    parser.add_argument("--connections", default="1,16,64")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk not found: apt-get install wrk (make deps installs it)")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        rates = args.rates
        if rates is None:
            rates = tmp / "sample.db"
            subprocess.run([str(args.cli), "rates", "import", str(SOURCE / "rates" / "sample"),
                            "--db", str(rates)], check=True, capture_output=True)
        desk = tmp / "desk.db"
        token = subprocess.run([str(args.cli), "desk", "user", "add", "--desk", str(desk),
                                "--role", "staff", "--name", "Bench Agent"],
                               check=True, capture_output=True, text=True).stdout.strip()
        body = json.dumps(demo_request(not args.no_customer))
        script = tmp / "inquiry.lua"
        script.write_text(lua_script(body, token))
        process, port = start_server(args.cli, rates, desk)
        try:
            url = f"http://127.0.0.1:{port}/v1/inquiries"
            check = urllib.request.Request(url, data=body.encode(), method="POST", headers={
                "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
            options = len(json.loads(urllib.request.urlopen(check).read())["result"]
                          ["bookingOptions"])
            rows = [(c, run_wrk(url, script, c, args.duration))
                    for c in map(int, args.connections.split(","))]
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        inquiries = subprocess.run(
            ["sqlite3", str(desk), "SELECT count(*) FROM inquiries"],
            capture_output=True, text=True).stdout.strip() if shutil.which("sqlite3") else "?"
    peer = in_process_quote_ms(args.bench) if args.bench.exists() else None

    print(f"rates: {rates if args.rates else 'sample'}; options per inquiry: {options}; "
          f"inquiries stored: {inquiries}")
    if peer:
        print(f"in process: quote {peer['quote']:.3f} ms, quote + result document "
              f"{peer['document']:.3f} ms")
    print("| connections | inquiries/s | p50 ms | p99 ms | errors | server ms per inquiry | "
          "÷ quote | ÷ quote + document |")
    print("|---|---|---|---|---|---|---|---|")
    for c, r in rows:
        # At one connection the latency is the server's time per inquiry; under load, the
        # throughput's inverse times the two cores is the CPU time each one costs.
        per = r["p50"] if c == 1 else 2000.0 / r["rps"]
        ratios = (f"{per / peer['quote']:.1f}× | {per / peer['document']:.1f}×" if peer
                  else "— | —")
        kinds = [f"{n} {k}" for k, n in (("non-2xx", r["non2xx"]), *r["socket"].items()) if n]
        errors = f"{r['errors']} ({', '.join(kinds)})" if kinds else "0"
        print(f"| {c} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {errors} | "
              f"{per:.3f} | {ratios} |")


if __name__ == "__main__":
    main()
