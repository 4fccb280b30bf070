"""QuoteResult.to_frame / charges_frame / rejections_frame against the properties they read,
exact Decimal money by default and float64 with money="float", the HTML views Jupyter shows, and
Quote as a value (pickle, ==, hash)."""
from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import pandas as pd
import pytest

import cargoquote as cq

SHIPMENT = {
    "origin": "PVG", "destination": "FRA",
    "pieces": [{"count": 3, "dimensions": {"length": 120, "width": 80, "height": 100},
                "grossWeight": {"value": 250}}],
    "readyTime": "2026-11-26T10:00", "customer": "ACME-DE",
}


@pytest.fixture(scope="module")
def result(engine) -> cq.QuoteResult:
    """Options inside the SLA, and rejections of both kinds."""
    return engine.quote(cq.Shipment.from_dict(SHIPMENT), sla="standard", quote_date="2026-11-25")


@pytest.fixture(scope="module")
def only_rejections(result) -> cq.QuoteResult:
    document = result.to_dict()
    document["bookingOptions"] = []
    return cq.QuoteResult.from_dict(document)


def routing(quote: cq.Quote) -> str:
    return "-".join([quote.legs[0].origin, *(leg.destination for leg in quote.legs)])


def test_one_row_per_option_with_its_properties(result):
    frame = result.to_frame()
    assert frame.index.name == "rank" and list(frame.index) == [q.rank for q in result.quotes]
    assert len(frame) == len(result) > 1
    for quote in result.quotes:
        row = frame.loc[quote.rank]
        assert row["carrier"] == quote.carrier and row["carrier_name"] == quote.carrier_name
        assert row["sell_total"] == quote.sell_total and row["buy_total"] == quote.buy_total
        assert row["margin"] == quote.margin and row["currency"] == quote.currency
        assert row["chargeable_kg"] == quote.chargeable_weight
        assert row["transit_minutes"] == quote.transit_minutes
        assert row["flights"] == " / ".join(quote.flights) and row["routing"] == routing(quote)
        assert row["reliability"] == quote.reliability and row["risk"] == quote.risk
        assert row["co2e_kg"] == quote.co2e_kg
        assert row["price"] == quote.criteria["price"]
        assert row["transit"] == quote.criteria["transitMinutes"]
        assert row["legs"] == len(quote.legs) and row["interline"] == quote.criteria["interline"]
        assert row["all_freighter"] == quote.criteria["allFreighter"]
        assert row["score"] == quote.score and row["pareto"] == quote.pareto


def test_one_row_per_charge_line(result):
    frame = result.charges_frame()
    lines = [(q, line) for q in result.quotes for line in q.charges]
    assert len(frame) == len(lines)
    for (quote, line), row in zip(lines, frame.itertuples(index=False)):
        assert (row.rank, row.carrier) == (quote.rank, quote.carrier)
        assert (row.code, row.kind, row.description, row.basis) == (
            line.code, line.kind, line.description, line.basis)
        assert (row.amount, row.currency) == (line.amount, line.currency)
        assert (row.margin_applies, row.sector) == (line.margin_applies, line.sector)
    # Exact: the lines of each option add up to its buy total.
    for quote in result.quotes:
        assert sum(frame.loc[frame["rank"] == quote.rank, "amount"], Decimal(0)) == quote.buy_total


def test_charge_columns_follow_the_line_attributes(result, monkeypatch):
    """A pricing-currency amount on ChargeLine becomes a column without changing the frames."""
    has_pricing_amount = hasattr(cq.ChargeLine, "pricing_amount")
    assert ("pricing_amount" in result.charges_frame().columns) == has_pricing_amount
    monkeypatch.setattr(cq.ChargeLine, "pricing_amount", property(lambda line: line.amount),
                        raising=False)
    monkeypatch.setattr(cq.ChargeLine, "pricing_currency", property(lambda line: line.currency),
                        raising=False)
    frame = result.charges_frame(money="float")
    assert list(frame.columns[-2:]) == ["pricing_amount", "pricing_currency"]
    assert frame["pricing_amount"].dtype == "float64"
    assert (frame["pricing_amount"] == frame["amount"]).all()


def test_one_row_per_rejection(result):
    frame = result.rejections_frame()
    assert len(frame) == len(result.rejections)
    assert set(frame["kind"]) == {"sla", "pricing"}
    for rejection, row in zip(result.rejections, frame.itertuples(index=False)):
        assert (row.kind, row.carrier, row.reason_code, row.reason) == (
            rejection.kind, rejection.carrier, rejection.reason_code, rejection.reason)
        assert row.itinerary == rejection.itinerary and row.nearest_miss == rejection.nearest_miss
        limits = [b["limit"] for b in rejection.breaches]
        assert row.breaches.split(", ") == limits if limits else row.breaches == ""
        if rejection.option is None:
            assert row.sell_total is None and pd.isna(row.transit_minutes)
            assert row.carrier_name is None
        else:
            assert row.carrier_name == rejection.option.carrier_name
            assert row.sell_total == rejection.option.sell_total
            assert row.transit_minutes == rejection.option.transit_minutes


def test_money_is_decimal_by_default_and_float64_on_request(result):
    exact, approximate = result.to_frame(), result.to_frame(money="float")
    for column in ("sell_total", "buy_total", "margin", "chargeable_kg"):
        assert exact[column].dtype == object
        assert all(isinstance(v, Decimal) for v in exact[column])
        assert approximate[column].dtype == "float64"
        assert list(approximate[column]) == [float(v) for v in exact[column]]
    assert result.charges_frame()["amount"].dtype == object
    assert result.charges_frame(money="float")["amount"].dtype == "float64"
    assert result.rejections_frame(money="float")["sell_total"].dtype == "float64"
    # What float columns are for.
    summary = approximate["sell_total"].describe()
    assert summary["count"] == len(result) and summary["min"] == float(min(exact["sell_total"]))
    dearest = approximate.nlargest(2, "sell_total")
    assert list(dearest["sell_total"]) == sorted(approximate["sell_total"], reverse=True)[:2]
    assert approximate["sell_total"].quantile(0.5) == pytest.approx(
        float(pd.Series(exact["sell_total"]).astype(float).median()))
    with pytest.raises(ValueError, match="money"):
        result.to_frame(money="cents")


def test_results_without_options_or_rejections(result, only_rejections):
    options = only_rejections.to_frame()
    assert options.empty and options.index.name == "rank"
    assert list(options.columns) == list(result.to_frame().columns)
    assert options["sell_total"].dtype == object
    assert only_rejections.to_frame(money="float")["sell_total"].dtype == "float64"
    charges = only_rejections.charges_frame()
    assert charges.empty and list(charges.columns) == list(result.charges_frame().columns)
    assert len(only_rejections.rejections_frame()) == len(result.rejections)
    assert "0 option(s)" in only_rejections._repr_html_()
    bare = cq.QuoteResult.from_dict({"request": {}, "bookingOptions": [], "slaRejections": [],
                                     "rejections": []})
    assert bare.to_frame().empty and bare.rejections_frame().empty
    assert "0 option(s)" in bare._repr_html_()

    document = result.to_dict()
    document["slaRejections"], document["rejections"] = [], []
    nothing_rejected = cq.QuoteResult.from_dict(document)
    rejections = nothing_rejected.rejections_frame()
    assert rejections.empty and list(rejections.columns) == list(result.rejections_frame().columns)


def test_html_shows_the_rows(result):
    page = result._repr_html_()
    assert page.count("<tr>") == len(result) + 1  # header and one row per option
    for quote in result.quotes:
        assert quote.carrier_name in page and str(quote.sell_total) in page
    best = result.best._repr_html_()
    for line in result.best.charges:
        assert line.description in best and str(line.amount) in best
    assert str(result.best.sell_total) in best


def test_html_escapes_the_text(result):
    markup = "<script>alert('x')</script> & Sons"
    document = result.to_dict()
    option = document["bookingOptions"][0]
    option["carrier"]["name"] = markup
    option["price"]["ratelines"][0]["description"] = markup
    wrapped = cq.QuoteResult.from_dict(document)
    for page in (wrapped._repr_html_(), wrapped.best._repr_html_()):
        assert "<script>" not in page and "&amp; Sons" in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_quotes_are_values(result):
    first, second = result.quotes[0], result.quotes[1]
    again = pickle.loads(pickle.dumps(first))
    assert again == first and hash(again) == hash(first) and again is not first
    assert again != second and first != second and first != first.to_dict()
    assert again.to_dict() == first.to_dict()
    assert (again.rank, again.sell_total, again.flights, again.score, again.reliability) == (
        first.rank, first.sell_total, first.flights, first.score, first.reliability)
    assert [line.to_dict() for line in again.charges] == [line.to_dict() for line in first.charges]
    assert copy.deepcopy(first) == first and len({first, again, second}) == 2
    # The same option read again from the result is the same value.
    assert result.quotes[0] == first


def test_a_quote_outside_the_sla_stays_outside(result):
    outside = next(r.option for r in result.rejections if r.option is not None)
    again = pickle.loads(pickle.dumps(outside))
    assert again == outside and again.rank is None and again.score is None
    assert again.criteria == outside.criteria and again.reliability == outside.reliability
    assert again not in result.quotes
