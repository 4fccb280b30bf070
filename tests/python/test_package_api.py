"""The package as analysts and tools see it: cargoquote.__version__ is the CMake project's and
inspect.signature works on the public functions and classes."""
from __future__ import annotations

import inspect
import re

import numpy as np
import pytest

import cargoquote as cq
from conftest import SOURCE


def test_version_is_the_cmake_projects():
    cmake = (SOURCE / "CMakeLists.txt").read_text()
    version = re.search(r"project\(cargoquote VERSION ([0-9.]+)", cmake).group(1)
    assert cq.__version__ == version


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_engine_methods_have_signatures():
    assert parameters(cq.Engine.open) == ["db_path"]
    quote = inspect.signature(cq.Engine.quote)
    assert list(quote.parameters)[:2] == ["self", "shipment"]
    assert quote.parameters["sla"].kind is inspect.Parameter.KEYWORD_ONLY
    assert quote.parameters["sla"].default is None
    assert quote.parameters["explain"].default is False
    assert quote.parameters["offer_validity_days"].default == 2
    assert parameters(cq.Engine.quote_batch)[:3] == ["engine", "df", "threads"]
    assert "as_of" in parameters(cq.Engine.reprice_batch)
    assert cq.Engine.quote.__doc__ == cq._cargoquote.Engine.quote.__doc__


def test_engine_wrappers_call_the_bindings(engine):
    shipment = cq.Shipment(origin="PVG", destination="FRA", ready_time="2026-11-26T10:00",
                           pieces=[cq.Piece(count=1, length=100, width=100, height=100,
                                            weight=200)])
    assert isinstance(engine.quote(shipment, sla="none"), cq.QuoteResult)
    assert isinstance(engine.quote({"shipment": shipment.to_dict()}), dict)
    with pytest.raises(TypeError):
        engine.quote(shipment, no_such_argument=1)


def test_shipment_and_piece_have_signatures():
    piece = inspect.signature(cq.Piece)
    assert list(piece.parameters) == ["count", "length", "width", "height", "weight"]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in piece.parameters.values())
    assert piece.parameters["count"].default == 1
    assert piece.parameters["length"].default is inspect.Parameter.empty
    shipment = inspect.signature(cq.Shipment)
    assert list(shipment.parameters)[:4] == ["origin", "destination", "pieces", "ready_time"]
    assert shipment.parameters["commodity"].default == "GEN"
    assert parameters(cq.Piece.from_spec) == ["spec"]
    assert parameters(cq.Shipment.from_dict) == ["d"]
    spec = cq.Piece.from_spec("3x120x80x100@250")
    assert spec == cq.Piece(count=3, length=120, width=80, height=100, weight=250)
    assert cq.Piece.from_dict(spec.to_dict()) == spec


def test_module_functions_have_signatures():
    weight = inspect.signature(cq.chargeable_weight)
    assert list(weight.parameters) == ["pieces", "divisor", "step_kg"]
    assert weight.parameters["divisor"].default == 6000
    assert cq.chargeable_weight([{"count": 1, "length": 30, "width": 45, "height": 65,
                                  "weight": 14}])["chargeable_weight"] == 15.0
    assert parameters(cq.mcdm.topsis) == ["matrix", "weights", "types", "normalization"]
    assert parameters(cq.mcdm.ahp_weights) == ["matrix", "ri"]
    for name in cq.mcdm.__all__:
        inspect.signature(getattr(cq.mcdm, name))
    assert parameters(cq.calibrate.fit_weights)[:2] == ["history", "criteria"]


def test_numpy_integers_are_counts_everywhere(engine):
    piece = cq.Piece(count=np.int64(3), length=120, width=80, height=100, weight=250)
    assert piece == cq.Piece(count=3, length=120, width=80, height=100, weight=250)
    assert cq.Piece.from_dict({"count": np.int32(2), "dimensions": {"length": 10, "width": 10,
                                                                    "height": 10, "unit": "CMT"},
                               "grossWeight": {"value": 5, "unit": "KGM"}}).count == 2
    as_dicts = [{"count": np.uint16(1), "length": 30, "width": 45, "height": 65, "weight": 14}]
    assert cq.chargeable_weight(as_dicts, divisor=np.int64(5000)) == cq.chargeable_weight(
        [{"count": 1, "length": 30, "width": 45, "height": 65, "weight": 14}], divisor=5000)
    shipment = cq.Shipment(origin="PVG", destination="FRA", ready_time="2026-11-26T10:00",
                           pieces=[piece])
    assert engine.quote(shipment, offer_validity_days=np.int64(3)).to_dict() == engine.quote(
        shipment, offer_validity_days=3).to_dict()
    for not_a_count in (True, np.float64(3.0), 3.0):
        with pytest.raises(cq.InputError, match="whole number"):
            cq.Piece(count=not_a_count, length=1, width=1, height=1, weight=1)
