"""The Python bindings: quotes as dicts in the CLI's JSON schema, errors with stable codes,
chargeable weight and the MCDM methods against the published reference cases, and concurrent
quotes from several threads."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import cargoquote as cq

from conftest import REFERENCE


def demo_request(**extra) -> dict:
    request = {
        "shipment": {
            "origin": "PVG", "destination": "FRA",
            "pieces": [{"count": 3, "dimensions": {"length": 120, "width": 80, "height": 100},
                        "grossWeight": {"value": 250}}],
            "readyTime": "2026-11-26T10:00", "customer": "ACME-DE",
        },
        "quoteDate": "2026-11-25",
    }
    request.update(extra)
    return request


def test_quote_round_trip_matches_the_cli(engine):
    result = engine.quote(demo_request(sla="none"))
    assert result["schema"] == "cargoquote.quote_result/1"
    # The echoed request quotes the same again (test_quote_result compares with the CLI).
    again = engine.quote(result["request"])
    assert again["bookingOptions"] == result["bookingOptions"]
    first = result["bookingOptions"][0]
    lines = sum(round(float(l["amount"]["amount"]) * 100) for l in first["price"]["ratelines"])
    assert lines == round(float(first["price"]["buyTotal"]["amount"]) * 100)


def test_errors_carry_codes_and_fields(engine):
    with pytest.raises(cq.InputError) as bad:
        engine.quote(demo_request(shipment={**demo_request()["shipment"], "origin": "XYZ"}))
    assert isinstance(bad.value, ValueError)
    assert bad.value.code == 12 and bad.value.field == "/shipment/origin"
    with pytest.raises(cq.InputError) as weights:
        engine.quote(demo_request(weights="speed=1"))
    assert weights.value.code == 10 and weights.value.field == "/weights"
    with pytest.raises(cq.RateStoreError) as missing:
        cq.Engine.open("/nonexistent/rates.db")
    assert isinstance(missing.value, RuntimeError) and missing.value.code == 30


def test_chargeable_weight_reference_cases():
    cases = json.loads((REFERENCE / "rating_cases.json").read_text())["chargeable_weight"]
    checked = 0
    for case in cases:
        if "pieces" not in case:
            continue
        w = cq.chargeable_weight(case["pieces"], divisor=case["divisor"])
        for key, value in case["expect"].items():
            assert w[key] == value, (case["id"], key)
        checked += 1
    assert checked == 3


def test_mcdm_reference_cases():
    cases = json.loads((REFERENCE / "mcdm_cases.json").read_text())
    for case in cases["topsis"]:
        c = cq.mcdm.topsis(case["matrix"], case["weights"], case["types"], case["normalization"])
        assert np.round(c["closeness"], case["decimals"]).tolist() == case["expect_closeness"]
    for case in cases["weighted_sum"]:
        scores = cq.mcdm.weighted_sum(case["matrix"], case["weights"], case["types"], "sum")
        assert np.round(scores, case["decimals"]).tolist() == case["expect_scores"]
    drinks = next(c for c in cases["ahp"] if c["id"] == "saaty-drinks")
    n = len(drinks["upper_triangle_rows"]) + 1
    m = np.ones((n, n))
    for i, row in enumerate(drinks["upper_triangle_rows"]):
        for k, value in enumerate(row):
            m[i][i + 1 + k] = value
            m[i + 1 + k][i] = 1 / value
    ahp = cq.mcdm.ahp_weights(m.tolist())
    assert ahp["consistent"]
    assert ahp["lambda_max"] == pytest.approx(7.1766, abs=1e-4)


def test_concurrent_quotes_agree(engine):
    expected = engine.quote(demo_request(sla="none"))["bookingOptions"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: engine.quote(demo_request(sla="none"))["bookingOptions"], range(8)))
    assert all(r == expected for r in results)
