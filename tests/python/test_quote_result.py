"""engine.quote(cq.Shipment) and cq.QuoteResult: the same document as the dict API and the CLI's
--json, exact Decimal amounts, rejections of both kinds, SLA limits and error codes."""
from __future__ import annotations

import gc
import json
import pickle
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import cargoquote as cq

from conftest import CLI

SHIPMENT = {
    "origin": "PVG", "destination": "FRA",
    "pieces": [{"count": 3, "dimensions": {"length": 120, "width": 80, "height": 100},
                "grossWeight": {"value": 250}}],
    "readyTime": "2026-11-26T10:00", "customer": "ACME-DE",
}


@pytest.fixture(scope="module")
def db(sample_db) -> Path:
    return sample_db


@pytest.fixture(scope="module")
def shipment() -> cq.Shipment:
    return cq.Shipment.from_dict(SHIPMENT)


def request_dict(**selection) -> dict:
    return {"shipment": SHIPMENT, "quoteDate": "2026-11-25", **selection}


def test_result_matches_the_dict_api_and_the_cli(engine, shipment, db, tmp_path):
    result = engine.quote(shipment, sla="standard", quote_date="2026-11-25", explain=True)
    document = result.to_dict()
    assert document == engine.quote(request_dict(sla="standard", explain=True))
    request_file = tmp_path / "request.json"
    request_file.write_text(json.dumps(request_dict(sla="standard", explain=True)))
    cli = subprocess.run([CLI, "quote", "--request", str(request_file), "--db", str(db), "--json"],
                         check=True, capture_output=True, text=True)
    assert json.loads(cli.stdout) == document
    assert cq.Shipment.from_dict(document["request"]["shipment"]) == shipment


def test_quotes_read_their_options(engine, shipment):
    result = engine.quote(shipment, sla="none", quote_date="2026-11-25")
    options = result.to_dict()["bookingOptions"]
    assert len(result) == len(result.quotes) == len(options) > 1
    assert [q.rank for q in result] == list(range(1, len(options) + 1))
    for quote, option in zip(result.quotes, options):
        assert quote.to_dict() == option
        assert quote.carrier == option["carrier"]["code"] and quote.carrier_name == option["carrier"]["name"]
        assert isinstance(quote.sell_total, Decimal) and isinstance(quote.buy_total, Decimal)
        assert quote.sell_total == Decimal(option["quoted"]["sellTotal"]["amount"])
        assert quote.currency == result.currency == "CNY"
        assert quote.transit_minutes == option["totalTransitMinutes"]
        assert quote.flights == [leg.flight_number for leg in quote.legs] and quote.flights
        assert quote.airports == [quote.legs[0].origin, *(leg.destination for leg in quote.legs)]
        assert quote.legs[0].origin == "PVG" and quote.legs[-1].destination == "FRA"
        assert isinstance(quote.pareto, bool) and isinstance(quote.score, float)
        assert quote.criteria["transitMinutes"] == quote.transit_minutes
        assert 0 < quote.reliability <= 1 and quote.co2e_kg > 0
        # Fixed point all the way: the lines sum to the buy total, the margin makes the sell total.
        assert sum(line.amount for line in quote.charges) == quote.buy_total
        assert quote.buy_total + quote.margin == quote.sell_total
        assert all(line.currency == "CNY" and line.code for line in quote.charges)
    assert result.best.to_dict() == options[0]
    assert any(q.pareto for q in result.quotes)


def test_currency_and_selection_arguments(engine, shipment):
    in_eur = engine.quote(shipment, sla="none", currency="EUR", quote_date="2026-11-25")
    assert in_eur.currency == "EUR" and all(q.currency == "EUR" for q in in_eur.quotes)
    by_dict = engine.quote(shipment, sla="none", method="topsis", weights={"price": 1, "time": 0})
    by_text = engine.quote(shipment, sla="none", method="topsis", weights="price=1,time=0")
    assert by_dict.to_dict() == by_text.to_dict()
    assert by_text.selection["method"] == "topsis" and by_text.selection["methodSource"] == "request"
    explained = engine.quote(shipment, sla="none", explain=True)
    assert explained.best.why and explained.sensitivity
    assert engine.quote(shipment, sla="none").best.why is None


def test_rejections_of_both_kinds(engine, shipment):
    result = engine.quote(shipment, sla="standard", quote_date="2026-11-25")
    document = result.to_dict()
    sla = [r for r in result.rejections if r.kind == "sla"]
    pricing = [r for r in result.rejections if r.kind == "pricing"]
    assert len(sla) == len(document["slaRejections"]) > 0
    assert len(pricing) == len(document["rejections"]) > 0
    limits = result.sla_limits
    assert limits["tier"] == "standard" and result.selection["sla"] == "standard"
    for rejection, entry in zip(sla, document["slaRejections"]):
        assert rejection.to_dict() == entry and rejection.reason_code == "outside_sla"
        assert rejection.option.rank is None and rejection.option.score is None
        assert rejection.carrier == rejection.option.carrier
        assert rejection.itinerary.startswith(rejection.option.flights[0])
        for breach in rejection.breaches:
            assert breach["limit"] in rejection.reason
            if breach["limit"] == "min_reliability":
                assert rejection.option.reliability < limits["min_reliability"]
            if breach["limit"] == "max_transit_hours":
                assert rejection.option.transit_minutes > 60 * limits["max_transit_hours"]
    for rejection, entry in zip(pricing, document["rejections"]):
        assert rejection.to_dict() == entry
        assert (rejection.carrier, rejection.reason_code, rejection.reason) == (
            entry["carrier"], entry["reason"], entry["message"])
        assert rejection.option is None and rejection.breaches == []
    assert engine.quote(shipment, sla="none").sla_limits is None


def test_results_are_values(engine, shipment):
    result = engine.quote(shipment, sla="standard")
    again = pickle.loads(pickle.dumps(result))
    assert again.to_dict() == result.to_dict() and again.sla_limits == result.sla_limits
    wrapped = cq.QuoteResult.from_dict(result.to_dict())
    assert wrapped.to_dict() == result.to_dict() and wrapped.sla_limits is None
    best = result.best
    expected = best.to_dict()
    del result, again, wrapped
    gc.collect()
    assert best.to_dict() == expected  # a Quote keeps its document alive
    with pytest.raises(ValueError):
        cq.QuoteResult.from_dict({"schema": "something else"})


def test_errors_carry_codes_and_request_pointers(engine, shipment):
    unknown = cq.Shipment.from_dict({**SHIPMENT, "origin": "XYZ"})
    with pytest.raises(cq.InputError) as airport:
        engine.quote(unknown)
    assert (airport.value.code, airport.value.field) == (12, "/shipment/origin")
    with pytest.raises(cq.InputError) as customer:
        engine.quote(cq.Shipment.from_dict({**SHIPMENT, "customer": "NOBODY"}))
    assert (customer.value.code, customer.value.field) == (16, "/shipment/customer")
    with pytest.raises(cq.InputError) as weights:
        engine.quote(shipment, weights="speed=1")
    assert (weights.value.code, weights.value.field) == (10, "/weights")
    with pytest.raises(cq.InputError) as tier:
        engine.quote(shipment, sla="platinum")
    assert tier.value.field == "/sla"
    with pytest.raises(cq.InputError) as date:
        engine.quote(shipment, quote_date="25.11.2026")
    assert (date.value.code, date.value.field) == (15, "/quote_date")
    with pytest.raises(cq.RateStoreError) as missing:
        cq.Engine.open(Path("/nonexistent/rates.db"))
    assert isinstance(missing.value, RuntimeError) and missing.value.code == 30


QUOTE_FIELDS = ("rank", "carrier", "carrier_name", "score", "pareto", "why", "sell_total",
                "buy_total", "currency", "margin", "chargeable_weight", "transit_minutes",
                "flights", "airports", "reliability", "risk", "co2e_kg", "criteria")
RESULT_FIELDS = ("currency", "rating_date", "quote_date", "ready_time", "selection",
                 "sensitivity", "dominated_options", "request")


def shown(quote: cq.Quote) -> dict:
    values = {name: getattr(quote, name) for name in QUOTE_FIELDS}
    values["repr"] = repr(quote)
    values["legs"] = [leg.to_dict() for leg in quote.legs]
    values["charges"] = [line.to_dict() for line in quote.charges]
    return values


@pytest.mark.parametrize("selection", [
    {"sla": "none"}, {"sla": "express"}, {"sla": "standard", "currency": "EUR"},
    {"sla": "economy", "method": "topsis", "explain": True}, {"currency": "USD", "method": "vikor"},
])
@pytest.mark.parametrize("lane", [("PVG", "FRA"), ("HKG", "FRA"), ("PVG", "JFK"), ("AMS", "ORD")])
def test_values_read_from_the_engine_equal_those_read_from_the_document(engine, lane, selection):
    """Quotes read their prices, ranks and criteria from the engine's result without writing the
    document; a QuoteResult made from the document (from_dict) reads every value from the JSON.
    Both must show the same values, types included."""
    shipment = cq.Shipment.from_dict({**SHIPMENT, "origin": lane[0], "destination": lane[1]})
    try:
        result = engine.quote(shipment, **selection)
    except cq.InputError:
        pytest.skip(f"{lane} is not in the sample rates")
    fresh = engine.quote(shipment, **selection)
    # Read before the document exists (fresh), and through the document only (wrapped).
    before = [shown(q) for q in fresh.quotes]
    outside = [shown(r.option) for r in fresh.rejections if r.option is not None]
    wrapped = cq.QuoteResult.from_dict(result.to_dict())
    assert [shown(q) for q in wrapped.quotes] == before
    assert [shown(r.option) for r in wrapped.rejections if r.option is not None] == outside
    for name in RESULT_FIELDS:
        assert getattr(fresh, name) == getattr(wrapped, name), name
    assert len(fresh) == len(wrapped) == len(before)
    for a, b in zip(before, [shown(q) for q in wrapped.quotes]):
        assert {k: type(v) for k, v in a.items()} == {k: type(v) for k, v in b.items()}


@pytest.mark.parametrize("currency", [None, "EUR", "USD", "CNY"])
def test_every_amount_is_in_the_quote_currency_and_adds_up(engine, shipment, currency):
    result = engine.quote(shipment, sla="none", quote_date="2026-11-25", currency=currency)
    assert len(result) > 1
    rounding_lines = 0
    for quote in result:
        assert quote.currency == result.currency
        assert quote.buy_total + quote.margin == quote.sell_total
        assert sum(c.amount for c in quote.charges) == quote.buy_total
        assert {c.currency for c in quote.charges} == {quote.currency}
        document = quote.to_dict()
        for line in quote.charges:
            if line.kind == "rounding":
                rounding_lines += 1
                assert line.code == "RD" and line.pricing_amount is None and line.basis is None
            else:
                assert line.pricing_currency == document["price"]["currency"]
                assert isinstance(line.pricing_amount, Decimal)
                if line.pricing_currency == quote.currency:
                    assert line.amount == line.pricing_amount
    if currency == "EUR":
        # The sample prices PVG-FRA in CNY: per-line cents miss some converted totals
        # (Q1: the lines sum to 3028.88 EUR, the buy total is 3028.87 EUR).
        assert rounding_lines > 0
        q1 = next(q for q in result if q.carrier == "Q1" and len(q.flights) == 1)
        assert [str(c.amount) for c in q1.charges] == [
            "2026.62", "6.23", "7.47", "101.33", "793.84", "93.39", "-0.01"]
        assert (q1.buy_total, q1.margin, q1.sell_total) == (
            Decimal("3028.87"), Decimal("190.01"), Decimal("3218.88"))
    if currency in (None, "CNY"):
        assert rounding_lines == 0
