"""cargoquote: air-freight carrier selection and quoting (Python bindings).

    import cargoquote as cq
    engine = cq.Engine.open("build/dev/sample.db")
    result = engine.quote({"shipment": {...}})          # the CLI's JSON request schema, as a dict
    cq.chargeable_weight([{"count": 1, "length": 30, "width": 45, "height": 65, "weight": 14}])
    cq.mcdm.topsis(matrix, weights, types)
"""
from ._cargoquote import Engine, InputError, RateStoreError, chargeable_weight, mcdm

__all__ = ["Engine", "InputError", "RateStoreError", "chargeable_weight", "mcdm"]
