"""Cross-check of the itinerary search against networkx on the OpenFlights route graph.

The engine's network is synthesized from the real OpenFlights routes (`cargoquote network synth`).
This test reads the same database with Python's sqlite3 and checks, for a sample of
origin-destination pairs:

1. every airport sequence the engine returns is a path of the route graph (no repeated airport,
   at most three legs);
2. every one-stop airport sequence networkx finds whose legs can be connected under the schedule
   (days of operation, effective dates, cut-off, minimum connection time, seven-day horizon) is
   found by the engine. Feasibility is recomputed here independently, with zoneinfo (departures
   within seven days of the ready time, connections of at most 48 hours).
"""
from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import networkx as nx
import pytest

from conftest import CLI
READY = "2026-11-26T08:00"
HORIZON = dt.timedelta(days=7)
MAX_CONNECTION = dt.timedelta(hours=48)

@pytest.fixture(scope="module")
def network_db(tmp_path_factory, openflights) -> Path:
    db = tmp_path_factory.mktemp("net") / "openflights.db"
    subprocess.run([CLI, "network", "synth", "--openflights", str(openflights), "--db", str(db),
                    "--seed", "7"], check=True, capture_output=True, text=True)
    return db


class Schedule:
    """The synthesized schedule, read straight from SQLite."""

    def __init__(self, db: Path):
        con = sqlite3.connect(db)
        self.zone = {code: ZoneInfo(tz) for code, tz in con.execute("SELECT code, time_zone FROM airports")}
        self.legs: dict[tuple[str, str], list[tuple]] = {}
        for row in con.execute(
                "SELECT carrier, origin, destination, departure_minute, arrival_minute, "
                "arrival_day_offset, days_mask, effective_from, effective_to FROM flight_legs"):
            self.legs.setdefault((row[1], row[2]), []).append(row)
        self.mct_default = (120, 240)
        self.mct = {}
        for airport, online, interline in con.execute(
                "SELECT airport, online_minutes, interline_minutes FROM connection_times"):
            if airport is None:
                self.mct_default = (online, interline)
            else:
                self.mct[airport] = (online, interline)
        self.handling = {(c, a): cut for c, a, cut in con.execute(
            "SELECT carrier, airport, cutoff_minutes FROM handling_times")}
        con.close()
        self.graph = nx.DiGraph(list(self.legs))

    def cutoff(self, carrier: str, airport: str) -> int:
        for key in ((carrier, airport), (carrier, None), (None, airport), (None, None)):
            if key in self.handling:
                return self.handling[key]
        return 180

    def earliest(self, leg, not_before: dt.datetime, latest: dt.datetime):
        """First (departure, arrival) in UTC at or after not_before, departing by latest."""
        carrier, origin, dest, dep_min, arr_min, offset, days, eff_from, eff_to = leg
        local = not_before.astimezone(self.zone[origin])
        day = local.date() - dt.timedelta(days=1)
        first, last = dt.date.fromisoformat(eff_from), dt.date.fromisoformat(eff_to)
        while day <= last:
            if day >= first and days & (1 << (day.isoweekday() - 1)):
                dep = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=dep_min)
                dep = dep.replace(tzinfo=self.zone[origin], fold=0).astimezone(dt.timezone.utc)
                if dep >= not_before:
                    if dep > latest:
                        return None
                    arr = dt.datetime.combine(day + dt.timedelta(days=offset), dt.time()) + \
                        dt.timedelta(minutes=arr_min)
                    return dep, arr.replace(tzinfo=self.zone[dest], fold=0).astimezone(dt.timezone.utc)
            day += dt.timedelta(days=1)
        return None

    def one_stop_feasible(self, a: str, x: str, b: str, ready: dt.datetime) -> bool:
        latest = ready + HORIZON
        for first in self.legs[(a, x)]:
            leg1 = self.earliest(first, ready + dt.timedelta(minutes=self.cutoff(first[0], a)), latest)
            if leg1 is None:
                continue
            online, interline = self.mct.get(x, self.mct_default)
            for second in self.legs[(x, b)]:
                mct = online if second[0] == first[0] else interline
                depart_by = min(latest, leg1[1] + MAX_CONNECTION)
                if self.earliest(second, leg1[1] + dt.timedelta(minutes=mct), depart_by) is not None:
                    return True
        return False


def engine_sequences(db: Path, a: str, b: str) -> list[list[str]]:
    out = subprocess.run([CLI, "network", "search", "--db", str(db), "--from", a, "--to", b,
                          "--ready", READY, "--piece", "1x50x50x50@20", "--all", "--json"],
                         check=True, capture_output=True, text=True)
    return [it["airports"] for it in json.loads(out.stdout)["itineraries"]]


def test_engine_paths_exist_and_feasible_one_stops_are_found(network_db):
    schedule = Schedule(network_db)
    busiest = sorted(schedule.graph.nodes, key=lambda n: -schedule.graph.degree(n))[:200]
    rng = random.Random(11)
    pairs = [tuple(rng.sample(busiest, 2)) for _ in range(25)]
    checked_one_stops = 0
    for a, b in pairs:
        ready = dt.datetime.fromisoformat(READY).replace(tzinfo=schedule.zone[a]).astimezone(dt.timezone.utc)
        found = engine_sequences(network_db, a, b)
        for seq in found:
            assert 2 <= len(seq) <= 4, seq
            assert len(set(seq)) == len(seq), f"airport repeated in {seq}"
            assert nx.is_path(schedule.graph, seq), f"{seq} is not a path of the route graph"
            assert seq[0] == a and seq[-1] == b
        found_set = {tuple(s) for s in found}
        for path in nx.all_simple_paths(schedule.graph, a, b, cutoff=2):
            if len(path) != 3:
                continue
            if schedule.one_stop_feasible(*path, ready):
                checked_one_stops += 1
                assert tuple(path) in found_set, f"feasible one-stop {path} not found by the engine"
    assert checked_one_stops > 50, "the sample should exercise many one-stop sequences"
