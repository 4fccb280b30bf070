"""cq.Shipment and cq.Piece: keyword and dict construction, the request schema round trip, value
semantics, and InputError codes with the JSON Pointer of the bad argument."""
from __future__ import annotations

import copy
import datetime
import pickle
from decimal import Decimal

import pytest

import cargoquote as cq

SHIPMENT_DICT = {
    "origin": "PVG", "destination": "FRA",
    "pieces": [{"count": 3, "dimensions": {"length": 120, "width": "80", "height": 100.5},
                "grossWeight": {"value": "250", "unit": "KGM"}},
               {"dimensions": {"length": "60.25", "width": 40, "height": 35, "unit": "CMT"},
                "grossWeight": {"value": 18.4}}],
    "readyTime": "2026-11-26T10:00",
    "customer": "ACME-DE",
    "declaredValue": {"amount": "50000", "currency": "EUR"},
}

# SHIPMENT_DICT as the engine writes it back: decimal strings, units, commodity and count filled in.
NORMALIZED = {
    "origin": "PVG", "destination": "FRA",
    "pieces": [{"count": 3, "dimensions": {"length": "120", "width": "80", "height": "100.5", "unit": "CMT"},
                "grossWeight": {"value": "250.0", "unit": "KGM"}},
               {"count": 1, "dimensions": {"length": "60.25", "width": "40", "height": "35", "unit": "CMT"},
                "grossWeight": {"value": "18.4", "unit": "KGM"}}],
    "commodity": "GEN",
    "readyTime": "2026-11-26T10:00",
    "customer": "ACME-DE",
    "declaredValue": {"amount": "50000.00", "currency": "EUR"},
}


def keyword_shipment() -> cq.Shipment:
    return cq.Shipment(
        origin="PVG", destination="FRA", ready_time="2026-11-26T10:00", customer="ACME-DE",
        declared_value="50000 EUR",
        pieces=[cq.Piece(count=3, length=120, width=80, height=Decimal("100.5"), weight=250),
                {"length": "60.25", "width": 40, "height": 35, "weight": 18.4}])


def error_of(call) -> cq.InputError:
    with pytest.raises(cq.InputError) as caught:
        call()
    assert isinstance(caught.value, ValueError)
    return caught.value


def test_dict_round_trip_gives_the_normalized_schema():
    shipment = cq.Shipment.from_dict(copy.deepcopy(SHIPMENT_DICT))
    assert shipment.to_dict() == NORMALIZED
    assert cq.Shipment.from_dict(shipment.to_dict()) == shipment


def test_keyword_and_dict_construction_agree():
    shipment = keyword_shipment()
    assert shipment == cq.Shipment.from_dict(SHIPMENT_DICT)
    assert hash(shipment) == hash(cq.Shipment.from_dict(SHIPMENT_DICT))
    assert shipment != cq.Shipment.from_dict({**SHIPMENT_DICT, "customer": "OTHER"})
    assert shipment != "not a shipment"


def test_attributes_are_exact():
    shipment = keyword_shipment()
    assert (shipment.origin, shipment.destination, shipment.commodity) == ("PVG", "FRA", "GEN")
    assert shipment.ready_time == "2026-11-26T10:00"
    assert shipment.customer == "ACME-DE"
    assert shipment.declared_value == "50000.00 EUR"
    first, second = shipment.pieces
    assert first.count == 3 and second.count == 1
    assert first.height == Decimal("100.5") and isinstance(first.height, Decimal)
    assert second.length == Decimal("60.25")
    assert second.weight == Decimal("18.4")  # a float argument keeps its decimal value
    assert cq.Shipment(origin="PVG", destination="FRA", pieces=[first],
                       ready_time="2026-11-26T10:00").customer is None


def test_values_are_immutable_comparable_and_picklable():
    shipment = keyword_shipment()
    with pytest.raises(AttributeError):
        shipment.origin = "HKG"
    assert pickle.loads(pickle.dumps(shipment)) == shipment
    piece = cq.Piece.from_spec("3x120x80x100@250")
    assert piece == cq.Piece(count=3, length=120, width=80, height=100, weight="250.000")
    assert pickle.loads(pickle.dumps(piece)) == piece
    assert len({piece, cq.Piece.from_dict(piece.to_dict())}) == 1


def test_repr_evaluates_to_an_equal_value():
    shipment = keyword_shipment()
    assert eval(repr(shipment), {"Shipment": cq.Shipment, "Piece": cq.Piece}) == shipment


def test_ready_time_accepts_a_naive_datetime():
    shipment = cq.Shipment(origin="PVG", destination="FRA", pieces=[cq.Piece.from_spec("1x10x10x10@1")],
                           ready_time=datetime.datetime(2026, 11, 26, 10, 0))
    assert shipment.ready_time == "2026-11-26T10:00"


def test_chargeable_weight_takes_pieces():
    w = cq.chargeable_weight(keyword_shipment().pieces)
    assert w["gross_weight"] == 768.5 and w["volume_cm3"] == 3 * 120 * 80 * 101 + 60 * 40 * 35


def test_quantities_past_their_range_are_errors_not_wrapped_numbers():
    def piece(**overrides):
        values = {"count": 1, "length": 10, "width": 10, "height": 10, "weight": 5, **overrides}
        return lambda: cq.Piece(**values)

    for overrides, field in [({"count": 2**70}, "/count"), ({"count": 100_001}, "/count"),
                             ({"weight": 9223372036854}, "/weight"), ({"length": "5000.1"}, "/length")]:
        error = error_of(piece(**overrides))
        assert (error.code, error.field) == (24, field), overrides
    assert cq.Piece(count=100_000, length=5000, width=1, height=1, weight=250_000).count == 100_000
    many = [cq.Piece(count=60_000, length=10, width=10, height=10, weight=1)] * 2
    totals = error_of(lambda: cq.Shipment(origin="PVG", destination="FRA", pieces=many,
                                          ready_time="2026-11-26T10:00"))
    assert (totals.code, totals.field) == (24, "/pieces")


def test_piece_errors():
    negative = error_of(lambda: cq.Piece(count=1, length=10, width=10, height=10, weight=-5))
    assert (negative.code, negative.field) == (13, "/weight")
    assert error_of(lambda: cq.Piece(count=0, length=1, width=1, height=1, weight=1)).code == 13
    not_a_number = error_of(lambda: cq.Piece(length="ten", width=1, height=1, weight=1))
    assert (not_a_number.code, not_a_number.field) == (20, "/length")
    assert error_of(lambda: cq.Piece(length=None, width=1, height=1, weight=1)).field == "/length"
    assert error_of(lambda: cq.Piece(count=2.5, length=1, width=1, height=1, weight=1)).field == "/count"
    spec = error_of(lambda: cq.Piece.from_spec("3x120x80@250"))
    assert spec.code == 11


def test_shipment_keyword_errors_name_the_argument():
    piece = cq.Piece.from_spec("1x10x10x10@1")
    base = dict(origin="PVG", destination="FRA", pieces=[piece], ready_time="2026-11-26T10:00")
    cases = [
        ({"origin": "P1"}, 18, "/origin"),
        ({"pieces": []}, 19, "/pieces"),
        ({"pieces": [piece, {"length": 1, "width": 1, "height": 1}]}, 19, "/pieces/1/weight"),
        ({"pieces": [{"length": 1, "width": 1, "height": 1, "weight": 0}]}, 13, "/pieces/0/weight"),
        ({"pieces": [{"length": 1, "width": 1, "height": 1, "weight": 1, "colour": "red"}]}, 10,
         "/pieces/0/colour"),
        ({"commodity": "SAND"}, 18, "/commodity"),
        ({"ready_time": "26/11/2026"}, 15, "/ready_time"),
        ({"ready_time": datetime.datetime(2026, 11, 26, 10, tzinfo=datetime.timezone.utc)}, 15,
         "/ready_time"),
        ({"declared_value": "50000"}, 20, "/declared_value"),
    ]
    for change, code, field in cases:
        error = error_of(lambda: cq.Shipment(**{**base, **change}))
        assert (error.code, error.field) == (code, field), change


def test_dict_errors_are_json_pointers_into_the_dict():
    def from_dict(change: dict) -> cq.InputError:
        return error_of(lambda: cq.Shipment.from_dict({**copy.deepcopy(SHIPMENT_DICT), **change}))

    missing = error_of(lambda: cq.Shipment.from_dict({k: v for k, v in SHIPMENT_DICT.items() if k != "readyTime"}))
    assert (missing.code, missing.field) == (19, "/readyTime")
    bad_weight = copy.deepcopy(SHIPMENT_DICT["pieces"])
    bad_weight[1]["grossWeight"]["value"] = "heavy"
    assert (from_dict({"pieces": bad_weight}).code, from_dict({"pieces": bad_weight}).field) == (
        20, "/pieces/1/grossWeight/value")
    negative = copy.deepcopy(SHIPMENT_DICT["pieces"])
    negative[0]["count"] = -1
    assert (from_dict({"pieces": negative}).code, from_dict({"pieces": negative}).field) == (13, "/pieces/0/count")
    assert from_dict({"pieces": []}).code == 19
    assert (from_dict({"weight": 1}).code, from_dict({"weight": 1}).field) == (10, "/weight")
    currency = from_dict({"declaredValue": {"amount": "1", "currency": "EURO"}})
    assert currency.field == "/declaredValue/currency"
