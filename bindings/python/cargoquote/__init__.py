"""cargoquote: air-freight carrier selection and quoting (Python bindings).

    import cargoquote as cq
    engine = cq.Engine.open("build/dev/sample.db")
    shipment = cq.Shipment(origin="PVG", destination="FRA", ready_time="2026-11-26T10:00",
                           pieces=[cq.Piece(count=3, length=120, width=80, height=100, weight=250)])
    result = engine.quote(shipment, sla="standard")    # a QuoteResult: .quotes, .rejections
    result.best.sell_total, result.to_dict()            # Decimal; the CLI's --json document
    engine.quote({"shipment": {...}})                   # the CLI's JSON request schema, as a dict
    cq.chargeable_weight([{"count": 1, "length": 30, "width": 45, "height": 65, "weight": 14}])
    cq.mcdm.topsis(df, {"price": 0.5, ...}, {"price": "cost", ...})  # DataFrames keep labels
    cq.calibrate.fit_weights(history)                   # weights learned from booking history
    result.to_frame(), result.charges_frame(), result.rejections_frame()  # pandas DataFrames
    engine.quote_batch(df) / engine.reprice_batch(df)   # DataFrames of shipments, every core
    cq.dask.reprice(ddf, db_path)                       # the same on a Dask cluster (import cargoquote.dask)
"""
from ._cargoquote import (
    ChargeLine,
    Engine,
    InputError,
    Leg,
    Piece,
    Quote,
    QuoteResult,
    RateStoreError,
    Rejection,
    Shipment,
    chargeable_weight,
)
from . import batch, calibrate, display, frames, mcdm, values
from ._signatures import add_constructor_signature as _add_constructor_signature
from ._signatures import add_signatures as _add_signatures, with_signature as _with_signature
from ._version import __version__

chargeable_weight = _with_signature(chargeable_weight)
_add_signatures(Engine, ["open", "quote"])
_add_signatures(Piece, ["from_dict", "from_spec", "to_dict"])
_add_signatures(Shipment, ["from_dict", "to_dict"])
for _cls in (Piece, Shipment):
    _add_constructor_signature(_cls)
del _cls

frames.attach()
display.attach()
values.attach()

__all__ = [
    "ChargeLine",
    "Engine",
    "InputError",
    "Leg",
    "Piece",
    "Quote",
    "QuoteResult",
    "RateStoreError",
    "Rejection",
    "Shipment",
    "batch",
    "calibrate",
    "chargeable_weight",
    "frames",
    "mcdm",
]
