"""Hypothesis properties through the bindings: the chargeable weight follows the IATA formula
exactly (so it is never below the gross or the volume weight), and on one lane the price of a
given itinerary, and each carrier's cheapest on-line option, never fall as the weight grows."""
from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import cargoquote as cq


# Centimetres with one decimal and kilograms with three: the precision rate sheets use.
tenths_cm = st.integers(min_value=1, max_value=3000).map(lambda n: Decimal(n) / 10)
grams_as_kg = st.integers(min_value=1, max_value=2_000_000).map(lambda g: Decimal(g) / 1000)
pieces = st.lists(
    st.builds(lambda count, l, w, h, kg: {"count": count, "length": l, "width": w, "height": h, "weight": kg},
              st.integers(min_value=1, max_value=20), tenths_cm, tenths_cm, tenths_cm, grams_as_kg),
    min_size=1, max_size=4)


# No example database: runs from the source tree must not leave a .hypothesis directory behind.
SETTINGS = settings(deadline=None, database=None)


def round_up(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_CEILING) * step


@settings(SETTINGS, max_examples=300)
@given(pieces=pieces, divisor=st.sampled_from([5000, 6000, 7000]),
       step=st.sampled_from([Decimal("0.5"), Decimal("1"), Decimal("0.1")]))
def test_chargeable_weight_is_the_iata_formula(pieces, divisor, step):
    w = cq.chargeable_weight(pieces, divisor=divisor, step_kg=step)
    whole_cm = lambda x: x.to_integral_value(rounding=ROUND_HALF_UP)  # noqa: E731
    volume = sum(whole_cm(p["length"]) * whole_cm(p["width"]) * whole_cm(p["height"]) * p["count"]
                 for p in pieces)
    gross = sum(p["weight"] * p["count"] for p in pieces)
    assert w["volume_cm3"] == volume
    assert Decimal(str(w["gross_weight"])) == round_up(gross, step)
    assert Decimal(str(w["volume_weight"])) == round_up(volume / divisor, step)
    chargeable = Decimal(str(w["chargeable_weight"]))
    assert chargeable == max(round_up(gross, step), round_up(volume / divisor, step))
    assert chargeable >= gross and chargeable >= volume / divisor


def prices_by_itinerary(engine: cq.Engine, kg: Decimal) -> dict[tuple[str, ...], Decimal]:
    shipment = cq.Shipment(origin="PVG", destination="FRA", ready_time="2026-11-26T10:00",
                           customer="ACME-DE",
                           pieces=[cq.Piece(count=2, length=100, width=80, height=60, weight=kg)])
    # One currency for every option and no SLA, so every priced itinerary is compared.
    result = engine.quote(shipment, sla="none", currency="CNY", quote_date="2026-11-25")
    return {tuple(q.flights): q.sell_total for q in result.quotes}


def cheapest_online_by_carrier(prices: dict[tuple[str, ...], Decimal]) -> dict[str, Decimal]:
    cheapest: dict[str, Decimal] = {}
    for flights, price in prices.items():
        carriers = {flight.split()[0] for flight in flights}
        if len(carriers) == 1:
            carrier = carriers.pop()
            cheapest[carrier] = min(price, cheapest.get(carrier, price))
    return cheapest


@settings(SETTINGS, max_examples=25)
@given(light=st.integers(min_value=1, max_value=1_500_000), extra=st.integers(min_value=1, max_value=1_500_000))
def test_price_never_falls_as_weight_grows(engine, light, extra):
    lighter = prices_by_itinerary(engine, Decimal(light) / 1000)
    heavier = prices_by_itinerary(engine, Decimal(light + extra) / 1000)
    common = lighter.keys() & heavier.keys()
    assert common
    for flights in common:
        assert heavier[flights] >= lighter[flights], flights
    light_cheapest, heavy_cheapest = cheapest_online_by_carrier(lighter), cheapest_online_by_carrier(heavier)
    for carrier in light_cheapest.keys() & heavy_cheapest.keys():
        assert heavy_cheapest[carrier] >= light_cheapest[carrier], carrier
