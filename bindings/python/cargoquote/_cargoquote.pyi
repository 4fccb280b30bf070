"""Type stubs of the `_cargoquote` extension (bindings/python/src), written by hand.

Money and weights are `decimal.Decimal` (exact fixed point, never float); dicts follow the JSON
schema in README.md ("JSON schema"): cargoquote.quote_request/1 and cargoquote.quote_result/1.
"""
from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

_Number = int | float | str | Decimal
_JsonDict = dict[str, Any]

# --- errors -------------------------------------------------------------------------------------

class InputError(ValueError):
    """Bad input: fix the value and retry. `code` is the stable error code (the CLI's exit code),
    `field` the JSON Pointer of the value ("/shipment/origin", "/pieces/0/weight")."""

    code: int
    field: str

class RateStoreError(RuntimeError):
    """The rate database is missing (code 30), of another schema version (31) or unreadable."""

    code: int
    field: str

# --- shipments ----------------------------------------------------------------------------------

class Piece:
    """`count` identical pieces: dimensions in cm, weight in kg per piece. Immutable."""

    def __init__(
        self, *, count: int = 1, length: _Number, width: _Number, height: _Number, weight: _Number
    ) -> None:
        """InputError 13 when a value is not positive, 20 when it is not a number."""
    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> Piece:
        """A piece in the request schema: count, dimensions {length, width, height, unit},
        grossWeight {value, unit}."""
    @staticmethod
    def from_spec(spec: str) -> Piece:
        """The command line's COUNTxLxWxH@KG, e.g. "3x120x80x100@250" (InputError 11 if malformed)."""
    def to_dict(self) -> _JsonDict:
        """The piece in the request schema (decimal strings, units CMT and KGM)."""
    @property
    def count(self) -> int:
        """Number of pieces."""
    @property
    def length(self) -> Decimal:
        """cm"""
    @property
    def width(self) -> Decimal:
        """cm"""
    @property
    def height(self) -> Decimal:
        """cm"""
    @property
    def weight(self) -> Decimal:
        """kg per piece"""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Shipment:
    """What the customer wants to ship. Immutable; compares by value; picklable."""

    def __init__(
        self,
        *,
        origin: str,
        destination: str,
        pieces: Sequence[Piece | Mapping[str, _Number]],
        ready_time: str | datetime.datetime,
        commodity: str = "GEN",
        customer: str | None = None,
        declared_value: str | None = None,
    ) -> None:
        """ready_time is local at the origin ("2026-11-26T10:00" or a naive datetime);
        declared_value is "AMOUNT CURRENCY" such as "50000 EUR". InputError names the argument
        ("/origin", "/pieces/0/weight")."""
    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> Shipment:
        """The "shipment" object of a cargoquote.quote_request/1 document; error fields are JSON
        Pointers into `d`."""
    def to_dict(self) -> _JsonDict:
        """The shipment in the request schema, normalized."""
    @property
    def origin(self) -> str:
        """Origin airport (IATA)."""
    @property
    def destination(self) -> str:
        """Destination airport (IATA)."""
    @property
    def pieces(self) -> list[Piece]:
        """The pieces."""
    @property
    def commodity(self) -> str:
        """GEN, a 4-digit specific commodity item or a class code (AVI, DGR, ...)."""
    @property
    def ready_time(self) -> str:
        """Local time at the origin, 'YYYY-MM-DDTHH:MM'."""
    @property
    def customer(self) -> str | None:
        """Customer id, or None."""
    @property
    def declared_value(self) -> str | None:
        """Declared value for carriage, e.g. '50000.00 EUR', or None."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def chargeable_weight(
    pieces: Sequence[Piece | Mapping[str, _Number]], divisor: int = 6000, step_kg: _Number = 0.5
) -> dict[str, float]:
    """Chargeable weight per IATA rules: volume_cm3, volume_weight, gross_weight and
    chargeable_weight (kg), volume / divisor and gross rounded up to step_kg."""

# --- quote results ------------------------------------------------------------------------------

class ChargeLine:
    """One charge line of an option's price, in the quote currency; the lines of
    `Quote.charges` add up to `Quote.buy_total` (a line of kind "rounding" carries the
    difference when converting each line on its own misses the converted total)."""

    @property
    def code(self) -> str:
        """IATA charge code: WT, AW, MY, ...; RD for the rounding line."""
    @property
    def kind(self) -> str:
        """weight, surcharge, valuation or rounding."""
    @property
    def description(self) -> str:
        """What the charge is."""
    @property
    def basis(self) -> str | None:
        """weight, chargeable_kg, gross_kg, piece, shipment, freight_percent, value, ..."""
    @property
    def amount(self) -> Decimal:
        """Amount in `currency`, the quote currency."""
    @property
    def currency(self) -> str:
        """The quote currency."""
    @property
    def pricing_amount(self) -> Decimal | None:
        """The amount in `pricing_currency`, as rated; None for the rounding line."""
    @property
    def pricing_currency(self) -> str | None:
        """The rate line's currency the charge was priced in."""
    @property
    def margin_applies(self) -> bool | None:
        """Whether the customer margin's percentage applies to it."""
    @property
    def sector(self) -> int | None:
        """Index of the sector (interline) the line belongs to."""
    def to_dict(self) -> _JsonDict:
        """The priced line's JSON object (quantity, rate, fx, ...); the rounding line's own."""

class Leg:
    """One flight of an option (transportLegs[])."""

    @property
    def sequence(self) -> int:
        """1 for the first flight."""
    @property
    def carrier(self) -> str:
        """Operating carrier code."""
    @property
    def flight_number(self) -> str:
        """e.g. 'Q1 855'."""
    @property
    def origin(self) -> str:
        """Departure airport."""
    @property
    def destination(self) -> str:
        """Arrival airport."""
    @property
    def departure(self) -> str:
        """Local departure, ISO with offset."""
    @property
    def arrival(self) -> str:
        """Local arrival, ISO with offset."""
    @property
    def departure_utc(self) -> str:
        """UTC departure, ISO."""
    @property
    def arrival_utc(self) -> str:
        """UTC arrival, ISO."""
    @property
    def aircraft_type(self) -> str:
        """e.g. '77W'."""
    @property
    def aircraft_category(self) -> str:
        """freighter, widebody_belly or narrowbody_belly."""
    @property
    def connection_minutes(self) -> int:
        """Wait before this flight (0 for the first)."""
    def to_dict(self) -> _JsonDict:
        """The leg's JSON object."""

class Quote:
    """One priced option: a bookingOptions[] entry, or the option of an SLA rejection (no rank
    or score). Totals are in the quote currency."""

    @property
    def rank(self) -> int | None:
        """1 = best; None outside the SLA."""
    @property
    def carrier(self) -> str:
        """Carrier code (the first sector's)."""
    @property
    def carrier_name(self) -> str:
        """Carrier name."""
    @property
    def score(self) -> float | None:
        """Ranking score of the method used; None when not ranked."""
    @property
    def pareto(self) -> bool | None:
        """On the Pareto front of the ranked options; None when not ranked."""
    @property
    def why(self) -> str | None:
        """Why it ranks where it does (explain=True), else None."""
    @property
    def sell_total(self) -> Decimal:
        """Price to the customer in `currency`."""
    @property
    def buy_total(self) -> Decimal:
        """Carrier cost in `currency`."""
    @property
    def currency(self) -> str:
        """Quote currency."""
    @property
    def margin(self) -> Decimal:
        """Customer margin in `currency`: sell_total - buy_total."""
    @property
    def chargeable_weight(self) -> Decimal:
        """Chargeable weight in kg."""
    @property
    def transit_minutes(self) -> int | None:
        """Ready time to availability at destination; None without schedules."""
    @property
    def flights(self) -> list[str]:
        """Flight numbers in order, e.g. ['Q1 855']."""
    @property
    def airports(self) -> list[str]:
        """Origin, transfers and destination, e.g. ['PVG', 'DXB', 'FRA']."""
    @property
    def legs(self) -> list[Leg]:
        """The flights."""
    @property
    def charges(self) -> list[ChargeLine]:
        """The charge lines in `currency`; they add up to `buy_total`."""
    @property
    def criteria(self) -> _JsonDict | None:
        """price, transitMinutes, reliability, risk, co2eKg, legs, interline, allFreighter."""
    @property
    def reliability(self) -> float | None:
        """Probability of arriving as planned."""
    @property
    def risk(self) -> float | None:
        """Risk in [0, 1]."""
    @property
    def co2e_kg(self) -> float | None:
        """GLEC CO2e in kg."""
    def to_dict(self) -> _JsonDict:
        """This option's JSON document."""
    # Added by cargoquote.display and cargoquote.values on import of the package.
    def _repr_html_(self) -> str:
        """Totals, flights and charge lines as HTML tables (Jupyter)."""
    def __eq__(self, other: object) -> bool:
        """Equal when the option documents (and criteria outside the SLA) are; pickles by them."""
    def __hash__(self) -> int: ...

class Rejection:
    """An option left out: outside the SLA (kind "sla", reason_code "outside_sla") or not
    priceable (kind "pricing", reason_code such as no_valid_rate, no_sector_rate, no_route)."""

    @property
    def kind(self) -> Literal["sla", "pricing"]:
        """'sla' or 'pricing'."""
    @property
    def carrier(self) -> str | None:
        """Carrier code; None for the whole lane."""
    @property
    def reason_code(self) -> str:
        """Stable reason code."""
    @property
    def reason(self) -> str:
        """Readable reason; for the SLA each breach as 'limit actual (limit allowed)'."""
    @property
    def itinerary(self) -> str | None:
        """Its flights, e.g. 'X8 344 PVG-HKG, X2 226 HKG-FRA'; None for the lane."""
    @property
    def breaches(self) -> list[_JsonDict]:
        """SLA breaches: limit, actual, allowed (display text), excess (relative)."""
    @property
    def nearest_miss(self) -> bool:
        """True for the nearest misses flagged when no option meets the SLA."""
    @property
    def option(self) -> Quote | None:
        """The priced option outside the SLA; None for pricing rejections."""
    def to_dict(self) -> _JsonDict:
        """Its slaRejections[] or rejections[] entry."""

class QuoteResult:
    """The answer to one quote. `to_dict()` is the cargoquote.quote_result/1 document the CLI
    prints with --json. Picklable."""

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> QuoteResult:
        """Wrap a cargoquote.quote_result/1 document (e.g. the CLI's --json output)."""
    @property
    def quotes(self) -> list[Quote]:
        """The options inside the SLA, best first."""
    @property
    def best(self) -> Quote | None:
        """The top-ranked option, or None."""
    @property
    def rejections(self) -> list[Rejection]:
        """SLA rejections (nearest misses first), then pricing rejections."""
    @property
    def currency(self) -> str | None:
        """Currency of every quote's totals; None when nothing was priced."""
    @property
    def rating_date(self) -> str:
        """Rates in force on this date."""
    @property
    def quote_date(self) -> str:
        """Day the quote is made."""
    @property
    def ready_time(self) -> _JsonDict:
        """local, utc, timeZone."""
    @property
    def selection(self) -> _JsonDict:
        """method, methodSource, weights, sla, customerSlaOverride, prepaymentRequired."""
    @property
    def sensitivity(self) -> list[_JsonDict]:
        """Weight intervals keeping the top option on top (explain=True)."""
    @property
    def dominated_options(self) -> int:
        """Options left out as slower, longer and no cheaper."""
    @property
    def request(self) -> _JsonDict:
        """The request, echoed."""
    @property
    def sla_limits(self) -> dict[str, Any] | None:
        """The SLA tier applied, resolved for the customer: tier, customer_override,
        max_transit_hours, min_reliability, max_price (Decimal), max_price_currency,
        max_price_over_cheapest, max_risk, required_capabilities, credit_rule, credit_max_risk
        (None = no limit). None without an SLA or for a result made by from_dict."""
    def to_dict(self) -> _JsonDict:
        """The full cargoquote.quote_result/1 document."""
    # Added by cargoquote.frames and cargoquote.display on import of the package. Money columns
    # (and chargeable_kg) are Decimal (object dtype), or float64 with money="float".
    def to_frame(self, *, money: Literal["decimal", "float"] = "decimal") -> pd.DataFrame:
        """One row per option inside the SLA, indexed by rank: carrier, carrier_name, sell_total,
        buy_total, margin, currency, chargeable_kg, transit_minutes, flights, routing, the
        criteria (price, transit, reliability, risk, co2e_kg, legs, interline, all_freighter),
        score, pareto."""
    def charges_frame(self, *, money: Literal["decimal", "float"] = "decimal") -> pd.DataFrame:
        """One row per charge line of every option: rank, carrier, code, kind, description,
        basis, amount, currency, margin_applies, sector."""
    def rejections_frame(self, *, money: Literal["decimal", "float"] = "decimal") -> pd.DataFrame:
        """One row per rejection: kind, carrier, reason_code, reason, itinerary, nearest_miss,
        breaches (the SLA limits broken), and the option's carrier_name, sell_total, currency and
        transit_minutes (None for pricing rejections)."""
    def _repr_html_(self) -> str:
        """The options as an HTML table and the rejections counted (Jupyter)."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Quote]: ...

# --- the engine ---------------------------------------------------------------------------------

class Engine:
    """Quotes shipments on a rate database. Immutable; share it across threads."""

    @staticmethod
    def open(db_path: str | os.PathLike[str]) -> Engine:
        """Load the rate database (RateStoreError when missing or of another schema version)."""
    @overload
    def quote(self, request: dict[str, Any]) -> _JsonDict:
        """A cargoquote.quote_request/1 dict in, the cargoquote.quote_result/1 dict out."""
    @overload
    def quote(
        self,
        shipment: Shipment,
        *,
        sla: str | None = None,
        method: str | None = None,
        weights: str | Mapping[str, float] | None = None,
        currency: str | None = None,
        quote_date: str | datetime.date | None = None,
        explain: bool = False,
        offer_validity_days: int = 2,
    ) -> QuoteResult:
        """Quote a Shipment. Releases the GIL while quoting. InputError for an unknown airport
        (12) or customer (16) or bad selection arguments, naming the request's JSON Pointer."""
    def _time_quotes(self, shipment: Shipment, repeat: int, *, sla: str | None = None) -> dict[str, float]:
        """Benchmark helper: seconds per call of the C++ quote ("quote") and of quote plus its
        JSON document ("quote_to_json"), timed in C++ with the GIL released."""
    def _price_book(
        self,
        columns: Mapping[str, Sequence[Any]],
        mode: str,
        as_of: str | None,
        top_k: int,
        sla: str | None,
        method: str | None,
        weights: str | None,
        threads: int,
        progress: Callable[[int, int], None] | None,
    ) -> dict[str, npt.NDArray[Any]]:
        """Price a shipment book held as columns (docs/shipment-book-format.md names; lists or numpy object arrays)
        on `threads` threads (0 = every core) with the GIL released; the result columns as numpy
        arrays in row order, errors merged in. The engine of quote_batch and reprice_batch."""
    # Added by cargoquote.batch on import of the package.
    def quote_batch(
        self,
        df: pd.DataFrame,
        threads: int | np.integer[Any] | None = None,
        top_k: int | np.integer[Any] = 1,
        sla: str | None = None,
        method: str | None = None,
        weights: str | Mapping[str, float | str | Decimal] | None = None,
        quote_date: str | datetime.date | pd.Timestamp | np.datetime64 | None = None,
        progress: bool | Callable[[int, int], None] | None = None,
    ) -> pd.DataFrame:
        """Quote every shipment of a DataFrame afresh; one row per shipment and rank. KeyError
        for a missing required column; progress=True shows a tqdm bar."""
    def reprice_batch(
        self,
        df: pd.DataFrame,
        as_of: str | datetime.date | pd.Timestamp | np.datetime64 | None = None,
        threads: int | np.integer[Any] | None = None,
        progress: bool | Callable[[int, int], None] | None = None,
    ) -> pd.DataFrame:
        """Reprice every shipment of a DataFrame on its booked carrier and routing, with change
        and change_percent against previous_total. KeyError for a missing required column."""

# --- multi-criteria decision methods ------------------------------------------------------------

_Matrix = Sequence[Sequence[float]] | npt.NDArray[np.float64]

class _Mcdm:
    """The `mcdm` submodule. A pybind11 submodule is reachable only as an attribute (it is not
    importable on its own), so its stub is a namespace object. Types: +1 benefit, -1 cost. The
    public `cargoquote.mcdm` (mcdm.py) checks and labels DataFrames and calls these."""

    @staticmethod
    def topsis(
        matrix: _Matrix, weights: Sequence[float], types: Sequence[int], normalization: str = "vector"
    ) -> dict[str, npt.NDArray[np.float64]]:
        """TOPSIS: closeness, d_plus, d_minus."""
    @staticmethod
    def weighted_sum(
        matrix: _Matrix, weights: Sequence[float], types: Sequence[int], normalization: str = "minmax"
    ) -> npt.NDArray[np.float64]:
        """Weighted sum of normalized values (weights applied as given)."""
    @staticmethod
    def vikor(
        matrix: _Matrix, weights: Sequence[float], types: Sequence[int], v: float = 0.5
    ) -> dict[str, npt.NDArray[np.float64]]:
        """VIKOR: S, R and Q (lower is better)."""
    @staticmethod
    def ahp_weights(matrix: _Matrix, ri: str = "saaty1980") -> dict[str, Any]:
        """AHP: weights, lambda_max, ci, cr, consistent."""
    @staticmethod
    def entropy_weights(matrix: _Matrix) -> npt.NDArray[np.float64]:
        """Entropy weights of the criteria (columns)."""
    @staticmethod
    def pareto_front(matrix: _Matrix, types: Sequence[int]) -> list[bool]:
        """True for each non-dominated alternative (row)."""

mcdm: _Mcdm
