"""Repricing of general-cargo on-line shipments in vectorized pandas/numpy, as a pricing analyst
would write it, reproducing the engine's rating rules exactly (engine/src/pricing, shipment,
core/money.cpp):

* chargeable weight: dimensions half-up to whole cm, volume in cm3, volume weight and gross weight
  rounded UP to the rate line's step (volume weight with its divisor), the larger applies;
* weight charge: the carrier's general rate line in force on the rating date (earliest valid_from,
  then line_id, as the rate store loads them); max(M, min(w x rate(w), min over higher breaks of
  b x Q_b)), each candidate rounded to the minor unit before comparing;
* surcharges: the carrier's and the any-carrier ones, origin/destination 'ZZZ' (NULL) = any,
  commodity '' or 'GEN', valid on the rating date; per chargeable kg (the actual chargeable weight,
  not a higher break's), per gross kg (rounded gross), per piece, per shipment, % of freight; the
  amount is rounded once: in the rate's currency when the surcharge's is the same, else the exact
  amount is bounded by its min/max in its own currency, converted and rounded; % of freight is computed in the rate's currency with min/max converted into it;
* FX: the direct pair's latest row valid on the date, else the inverse of the reverse pair
  (1e18 / rate, half-up in nanos); every conversion rounds to the target's minor unit;
* margin: the most specific rule (customer 2 > group 1 > default 0, then lane specificity, then
  min weight; first margin_id on ties) valid on the date with min_weight <= chargeable; percent of
  the weight charge plus the surcharges marked apply_margin, plus per_kg x chargeable (converted
  exactly and rounded once), at least the converted minimum per shipment.

Money is int64 micro-units throughout; every rounding is half away from zero to the currency's
minor unit, once per charge line, as the engine does. Products that could overflow int64 (an
amount in micro-units times FX nanos) are split so that no intermediate exceeds 2^63; if even that
cannot be guaranteed, the few affected values fall back to Python integers.

Rows that are not general cargo on-line without declared value (commodity other than GEN, a
routing, a declared value) come back with status 'skipped'. Amounts stay in the rate's currency:
a book's `currency` / `previous_currency` columns (the engine converts the totals into them) are
not applied, so compare books without them or where they equal the rate's currency.
"""

from __future__ import annotations

import io
import json
import sqlite3

import numpy as np
import pandas as pd

# Minor-unit digits that are not 2 (engine/src/core/codes.cpp, ISO 4217; XDR kept to 6).
_MINOR_DIGITS = {"CLP": 0, "ISK": 0, "JPY": 0, "KRW": 0, "VND": 0, "BHD": 3, "JOD": 3,
                 "KWD": 3, "OMR": 3, "TND": 3, "XDR": 6}
_I64_MAX = 2**63 - 1
_NO_VALUE = np.iinfo(np.int64).max

AMOUNT_COLUMNS = ["weight_charge", "surcharges", "valuation", "buy_total", "margin", "sell_total"]


# ---- exact integer arithmetic -------------------------------------------------------------


def minor_digits(currencies: pd.Series) -> np.ndarray:
    return currencies.map(_MINOR_DIGITS).fillna(2).to_numpy(np.int64)


def step_exponent(currencies: pd.Series) -> np.ndarray:
    """log10 of the minor unit in micro-units: 4 for EUR (0.01 = 10^4 micros), 6 for JPY."""
    return 6 - minor_digits(currencies)


def _half_up(numerator: np.ndarray, denominator) -> np.ndarray:
    q, r = np.divmod(numerator, denominator)
    return q + (2 * r >= denominator)


def mul_div_half_up(a, b, exponent) -> np.ndarray:
    """round(a x b / 10^exponent), half away from zero, for non-negative int64 a and b, without
    ever forming a x b: a = hi x S + lo with S = 10^min(exponent, 6) dividing the denominator."""
    a, b, exponent = np.broadcast_arrays(np.asarray(a, np.int64), np.asarray(b, np.int64),
                                         np.asarray(exponent, np.int64))
    out = np.empty(a.shape, np.int64)
    for e in np.unique(exponent):
        mask = exponent == e
        out[mask] = _mul_div_half_up_one(a[mask], b[mask], int(e))
    return out


def _mul_div_half_up_one(a: np.ndarray, b: np.ndarray, exponent: int) -> np.ndarray:
    if a.size == 0:
        return a
    if (a < 0).any() or (b < 0).any():
        raise ValueError("mul_div_half_up takes non-negative amounts")
    d = 10**exponent
    s = 10 ** min(exponent, 6)
    hi, lo = np.divmod(a, s)
    b_max = int(b.max())
    if int(hi.max()) * b_max > _I64_MAX or s * b_max + 2 * d > _I64_MAX:
        exact = [(int(x) * int(y) * 2 + d) // (2 * d) for x, y in zip(a, b)]
        return np.array(exact, np.int64)
    q1, r1 = np.divmod(hi * b, d // s)
    q2, r2 = np.divmod(r1 * s + lo * b, d)
    return q1 + q2 + (2 * r2 >= d)


def charge_for_quantity(rate_micros, quantity, per_exponent, currency_exponent) -> np.ndarray:
    """rate x quantity / 10^per_exponent, rounded to the minor unit (money.cpp)."""
    return mul_div_half_up(rate_micros, quantity, per_exponent + currency_exponent) \
        * 10 ** np.asarray(currency_exponent, np.int64)


def apply_ratio(amount_micros, ppm, currency_exponent) -> np.ndarray:
    return mul_div_half_up(amount_micros, ppm, 6 + np.asarray(currency_exponent)) \
        * 10 ** np.asarray(currency_exponent, np.int64)


def round_to_minor(amount_micros, currency_exponent) -> np.ndarray:
    return mul_div_half_up(amount_micros, 1, currency_exponent) \
        * 10 ** np.asarray(currency_exponent, np.int64)


def fx_convert(amount_micros, rate_nanos, to_exponent) -> np.ndarray:
    return mul_div_half_up(amount_micros, rate_nanos, 9 + np.asarray(to_exponent)) \
        * 10 ** np.asarray(to_exponent, np.int64)


def converted_once(amount_micros, quantity, per_exponent, rate_nanos, to_exponent) -> np.ndarray:
    """amount x quantity / 10^per_exponent converted at rate_nanos and rounded to the target's
    minor unit once (carrier_pricer.cpp, convert_exact). Python integers: the product of three
    int64 factors does not fit in 64 bits, and only the rows in another currency come here."""
    a = np.asarray(amount_micros, np.int64).astype(object)
    q = np.asarray(quantity, np.int64).astype(object)
    r = np.asarray(rate_nanos, np.int64).astype(object)
    e = np.broadcast_to(np.asarray(per_exponent, np.int64) + 9 + np.asarray(to_exponent, np.int64),
                        a.shape)
    d = np.array([10 ** int(x) for x in e.ravel()], dtype=object).reshape(e.shape)
    units = (a * q * r * 2 + d) // (2 * d)
    return (units * (10 ** np.asarray(to_exponent, np.int64).astype(object))).astype(np.int64)


def _where_foreign(foreign: np.ndarray, compute, fallback: np.ndarray) -> np.ndarray:
    """compute(mask) on the foreign rows only (the exact Python-integer path), fallback elsewhere."""
    out = np.array(fallback, np.int64, copy=True)
    if foreign.any():
        out[foreign] = compute(foreign)
    return out


_POWERS_OF_TEN = 10 ** np.arange(19, dtype=np.int64)


def decimal_to_int(text: pd.Series, scale: int) -> np.ndarray:
    """'120.5' -> 1205000 at scale 4; digits beyond `scale` rounded half up (parse_scaled_decimal).

    Parsed on the bytes as a matrix (one row per value, one column per character), so no Python
    code runs per value: each digit is weighted by the power of ten its distance from the point
    gives it."""
    values = np.asarray(text.to_numpy(), dtype="S")  # as wide as the longest value
    width = max(values.dtype.itemsize, 1)
    if width > 40:
        raise ValueError(f"decimals too long: {text[text.str.len() > 40].head(3).tolist()}")
    chars = values.view(np.uint8).reshape(len(values), width)
    digit = (chars >= ord("0")) & (chars <= ord("9"))
    point = chars == ord(".")
    bad = ((chars != 0) & ~digit & ~point).any(axis=1) | (point.sum(axis=1) > 1) \
        | ~digit.any(axis=1)
    if bad.any():
        raise ValueError(f"not decimal numbers: {text[bad].head(3).tolist()}")
    column = np.arange(width, dtype=np.int16)
    length = (chars != 0).sum(axis=1, dtype=np.int16)
    point_at = np.where(point.any(axis=1), point.argmax(axis=1).astype(np.int16), length)[:, None]
    # The power of ten of each character: scale + its distance left of the point.
    exponent = np.where(column < point_at, point_at - 1 - column, point_at - column) + scale
    exponent = np.where(digit, exponent, -99)
    if (exponent > 18).any():
        too_large = text[(exponent > 18).any(axis=1)]
        raise ValueError(f"decimals too large: {too_large.head(3).tolist()}")
    digits = chars.astype(np.int64) - ord("0")
    weight = np.where(exponent >= 0, _POWERS_OF_TEN[np.clip(exponent, 0, 18)], 0)
    value = (digits * weight).sum(axis=1)
    rounding = (digits * (exponent == -1)).sum(axis=1)
    return value + (rounding >= 5)


def format_scaled(values: np.ndarray, scale: int, min_decimals) -> np.ndarray:
    """format_scaled_decimal (core/decimal.cpp): value / 10^scale with at least `min_decimals`
    and at most `scale` decimals, trailing zeros beyond the minimum dropped; 1234500000 at scale
    6 with 2 -> '1234.50'. Built as a character matrix (one row per value), no Python per value."""
    values = np.asarray(values, np.int64)
    n, whole_width = len(values), 19 - scale
    negative = values < 0
    magnitude = np.abs(values)
    whole, fraction = np.divmod(magnitude, 10**scale)
    powers = 10 ** np.arange(whole_width - 1, -1, -1, dtype=np.int64)
    whole_digits = whole[:, None] // powers % 10
    fraction_digits = fraction[:, None] // (10 ** np.arange(scale - 1, -1, -1, dtype=np.int64)) % 10
    whole_length = np.maximum((whole[:, None] >= powers[:-1]).sum(axis=1) + 1, 1)
    significant = np.where(fraction_digits > 0, np.arange(1, scale + 1), 0).max(axis=1, initial=0)
    shown = np.maximum(significant, np.broadcast_to(np.asarray(min_decimals), n))
    # Columns: one spare for the sign, the whole digits, the point, the fraction digits.
    chars = np.concatenate([np.zeros((n, 1), np.int64), whole_digits + ord("0"),
                            np.full((n, 1), ord(".")), fraction_digits + ord("0")], axis=1)
    first = 1 + whole_width - whole_length - negative
    chars[np.arange(n)[negative], first[negative]] = ord("-")
    length = negative + whole_length + (shown > 0) + shown
    column = np.arange(chars.shape[1])
    source = np.minimum(first[:, None] + column, chars.shape[1] - 1)
    taken = np.take_along_axis(chars, source, axis=1)
    taken = np.where(column < length[:, None], taken, 0).astype(np.uint8)
    return taken.view(f"S{chars.shape[1]}").ravel().astype(str)


def format_amount(micros: pd.Series, currencies: pd.Series) -> pd.Series:
    """Money::amount_text: the currency's minor digits, more only when the value has them."""
    return pd.Series(format_scaled(micros.to_numpy(np.int64), 6, minor_digits(currencies)),
                     index=micros.index)


# ---- the rate tables ----------------------------------------------------------------------


def _day(text: pd.Series) -> np.ndarray:
    """'2026-11-26' -> days since 1970-01-01."""
    return pd.to_datetime(text, format="%Y-%m-%d").to_numpy("datetime64[D]").astype(np.int64)


def read_rate_tables(db_path: str) -> dict[str, pd.DataFrame]:
    queries = {
        "lines": "SELECT line_id, carrier, origin, destination, rate_class, currency, "
                 "min_charge_micros, divisor_cm3_per_kg, weight_step_g, valid_from, valid_to "
                 "FROM rate_lines ORDER BY carrier, origin, destination, valid_from, line_id",
        "breaks": "SELECT line_id, from_g, rate_micros FROM rate_breaks ORDER BY line_id, from_g",
        "surcharges": "SELECT surcharge_id, carrier, origin, destination, commodity, basis, "
                      "amount_micros, percent_ppm, currency, min_micros, max_micros, valid_from, "
                      "valid_to, apply_margin FROM surcharges ORDER BY surcharge_id",
        "fx": "SELECT valid_from, base, quote, rate_nanos FROM fx_rates",
        "customers": "SELECT customer_id, customer_group FROM customers",
        "margins": "SELECT margin_id, customer_id, customer_group, origin, destination, "
                   "min_weight_g, percent_ppm, per_kg_micros, min_per_shipment_micros, currency, "
                   "valid_from, valid_to FROM margins ORDER BY margin_id",
    }
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        tables = {name: pd.read_sql_query(sql, db) for name, sql in queries.items()}
    for name in ("lines", "surcharges", "margins"):
        t = tables[name]
        t["from_day"], t["to_day"] = _day(t["valid_from"]), _day(t["valid_to"])
    tables["fx"]["from_day"] = _day(tables["fx"]["valid_from"])
    return tables


def fx_rates(fx: pd.DataFrame, source: pd.Series, target: pd.Series, day: np.ndarray) -> np.ndarray:
    """FxTable::find as rate nanos per row (-1 when no rate): identity, the direct pair's latest
    row in force, else the inverse of the reverse pair's, half-up to whole nanos. Each distinct
    (source, target, day) is looked up once."""
    currencies = pd.Index(pd.unique(np.concatenate([fx["base"], fx["quote"], pd.unique(source),
                                                    pd.unique(target)])))
    day = np.asarray(day, np.int64)
    first_day, span = (int(day.min()), int(day.max() - day.min()) + 1) if len(day) else (0, 1)
    pair = currencies.get_indexer(source) * len(currencies) + currencies.get_indexer(target)
    distinct, where = np.unique(pair * span + (day - first_day), return_inverse=True)
    pair_of, day_of = np.divmod(distinct, span)
    keys = pd.DataFrame({"source": currencies[pair_of // len(currencies)],
                         "target": currencies[pair_of % len(currencies)],
                         "day": day_of + first_day, "key": np.arange(len(distinct))})
    keys = keys.sort_values("day")
    table = fx.sort_values("from_day")

    def latest(base: str, quote: str) -> np.ndarray:
        found = pd.merge_asof(keys, table, left_on="day", right_on="from_day",
                              left_by=["source", "target"], right_by=[base, quote])
        return found["rate_nanos"].fillna(-1).to_numpy(np.int64)

    direct, reverse = latest("base", "quote"), latest("quote", "base")
    inverse = np.where(reverse > 0, _half_up(np.int64(10**18), np.maximum(reverse, 1)), -1)
    rate = np.empty(len(keys), np.int64)
    rate[keys["key"].to_numpy()] = np.where(keys["source"] == keys["target"], 10**9,
                                            np.where(direct > 0, direct, inverse))
    return rate[where]


# ---- the book -----------------------------------------------------------------------------


def read_book(path: str) -> pd.DataFrame:
    """A book file (docs/shipment-book-format.md) as text columns, empty for absent values."""
    if path.endswith((".jsonl", ".ndjson")):
        with open(path, encoding="utf-8") as f:
            book = pd.DataFrame.from_records(json.loads(line) for line in f)
        return book.fillna("").astype(str)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def shipment_weights(book: pd.DataFrame) -> pd.DataFrame:
    """Per row: volume (cm3, dimensions half-up to whole cm), actual gross (g), piece count."""
    # One piece line per text line and one field per column, split by pandas' C CSV parser.
    text = "\n".join(book["pieces"].tolist())
    lines_per_row = book["pieces"].str.count("\\+").to_numpy() + 1
    for old, new in ((" ", ""), ("\t", ""), ("+", "\n"), ("x", ","), ("@", ",")):
        text = text.replace(old, new)
    parts = pd.read_csv(io.StringIO(text), header=None, dtype=str, keep_default_na=False,
                        skip_blank_lines=False, names=range(5))
    if len(parts) != lines_per_row.sum() or (parts == "").any().any():
        raise ValueError("malformed piece spec in the book")
    parts = parts.set_axis(np.repeat(book.index.to_numpy(), lines_per_row))
    count = decimal_to_int(parts[0], 0)
    cm = [_half_up(decimal_to_int(parts[i], 4), 10_000) for i in (1, 2, 3)]
    grams = decimal_to_int(parts[4], 3)
    per_line = pd.DataFrame({"volume_cm3": cm[0] * cm[1] * cm[2] * count,
                             "actual_gross_g": grams * count, "piece_count": count},
                            index=parts.index)
    return per_line.groupby(level=0).sum().reindex(book.index)


# ---- rating -------------------------------------------------------------------------------


def _general_lines(rows: pd.DataFrame, lines: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """Each row's carrier's first general line in force on the rating day (earliest valid_from,
    then line_id), and per row the reason when there is none (price_route's codes)."""
    on_lane = rows[["row", "carrier", "origin", "destination", "day"]].merge(
        lines, on=["carrier", "origin", "destination"], how="inner")
    general = on_lane[on_lane["rate_class"] == "GEN"]
    in_force = general[(general["from_day"] <= general["day"])
                       & (general["day"] <= general["to_day"])]
    chosen = in_force.sort_values(["row", "from_day", "line_id"]).drop_duplicates("row")
    chosen = chosen.set_index("row")
    reason = pd.Series("no_rate", index=rows["row"])
    reason[reason.index.isin(on_lane["row"])] = "no_general_rate"
    reason[reason.index.isin(general["row"])] = "no_valid_rate"
    reason[reason.index.isin(chosen.index)] = ""
    return chosen, reason


def _chargeable(w: pd.DataFrame) -> pd.DataFrame:
    step = w["weight_step_g"].to_numpy(np.int64)
    gross = -(-w["actual_gross_g"].to_numpy(np.int64) // step) * step
    volume_weight = -(-(w["volume_cm3"].to_numpy(np.int64) * 1000)
                      // (w["divisor_cm3_per_kg"].to_numpy(np.int64) * step)) * step
    return pd.DataFrame({"gross_g": gross, "chargeable_g": np.maximum(gross, volume_weight)},
                        index=w.index)


def _weight_charge(priced: pd.DataFrame, breaks: pd.DataFrame) -> np.ndarray:
    """max(M, min(w x rate(w), min over higher breaks b of b x Q_b)), per row."""
    mine = breaks[breaks["line_id"].isin(priced["line_id"].unique())].copy()
    mine["k"] = mine.groupby("line_id").cumcount()
    start = mine.pivot(index="line_id", columns="k", values="from_g")
    rate = mine.pivot(index="line_id", columns="k", values="rate_micros").reindex(start.index)
    filed = start.notna().to_numpy()
    where = start.index.get_indexer(priced["line_id"])
    F = start.fillna(0).to_numpy(np.int64)[where]
    R = rate.fillna(0).to_numpy(np.int64)[where]
    filed = filed[where]
    w = priced["chargeable_g"].to_numpy(np.int64)[:, None]
    e = priced["exponent"].to_numpy(np.int64)[:, None]
    applicable = np.maximum(((F <= w) & filed).sum(axis=1) - 1, 0)
    at_weight = charge_for_quantity(R[np.arange(len(priced)), applicable], w[:, 0], 3, e[:, 0])
    at_break = np.where((F > w) & filed, charge_for_quantity(R, F, 3, e), _NO_VALUE)
    amount = np.minimum(at_weight, at_break.min(axis=1, initial=_NO_VALUE))
    minimum = round_to_minor(priced["min_charge_micros"].to_numpy(np.int64), e[:, 0])
    return np.where(minimum > 0, np.maximum(amount, minimum), amount)


_AMOUNT_BASES = {"chargeable_kg": 0, "gross_kg": 1, "piece": 2, "shipment": 3}
_FREIGHT_PERCENT = 4


def _surcharge_lines(priced: pd.DataFrame, surcharges: pd.DataFrame,
                     fx: pd.DataFrame) -> pd.DataFrame:
    """One line per (row, applicable surcharge), amount in the row's rate currency."""
    bases = {**_AMOUNT_BASES, "freight_percent": _FREIGHT_PERCENT}
    s = surcharges[surcharges["commodity"].isin(["", "GEN"]) & surcharges["basis"].isin(bases)]
    scope = ["carrier", "origin", "destination"]
    s = s.assign(**{c: s[c].fillna("ZZZ") for c in scope})
    # The scope (carrier, origin, destination) as one integer key; each row is looked up under
    # its 8 wildcard patterns (its own code or ZZZ in each place), in one merge.
    codes = pd.Index(pd.unique(np.concatenate([priced[scope].to_numpy().ravel(),
                                               s[scope].to_numpy().ravel(), ["ZZZ"]])))
    width = len(codes)

    def key(c, o, d):
        return (c * width + o) * width + d

    s = pd.DataFrame({
        "key": key(*(codes.get_indexer(s[c]) for c in scope)),
        "from_day": s["from_day"], "to_day": s["to_day"], "basis": s["basis"].map(bases),
        "amount_micros": s["amount_micros"], "percent_ppm": s["percent_ppm"],
        "currency": s["currency"], "has_min": s["min_micros"].notna(),
        "low": s["min_micros"].fillna(0).astype(np.int64), "has_max": s["max_micros"].notna(),
        "high": s["max_micros"].fillna(0).astype(np.int64), "apply_margin": s["apply_margin"] == 1})
    own = [codes.get_indexer(priced[c]) for c in scope]
    anywhere = np.full(len(priced), codes.get_loc("ZZZ"))
    variants = [key(*(anywhere if wild >> bit & 1 else own[bit] for bit in range(3)))
                for wild in range(8)]
    lookups = pd.DataFrame({"row": np.tile(priced.index.to_numpy(), 8),
                            "key": np.concatenate(variants)})
    p = lookups.merge(s, on="key")
    row_columns = ["day", "currency", "exponent", "chargeable_g", "gross_g", "piece_count",
                   "weight_charge"]
    p = p.join(priced[row_columns].rename(columns={"currency": "rate_currency"}), on="row")
    p = p[(p["from_day"] <= p["day"]) & (p["day"] <= p["to_day"])].reset_index(drop=True)

    own_e = step_exponent(p["currency"])
    rate_e = p["exponent"].to_numpy(np.int64)
    basis = p["basis"].to_numpy()
    percent = basis == _FREIGHT_PERCENT
    quantity = np.choose(np.minimum(basis, 3), [p["chargeable_g"], p["gross_g"],
                                                 p["piece_count"], np.ones(len(p), np.int64)])
    per_e = np.where(basis <= _AMOUNT_BASES["gross_kg"], 3, 0)  # per kg of grams, or per unit
    foreign = (p["currency"] != p["rate_currency"]).to_numpy()
    rate = fx_rates(fx, p["currency"], p["rate_currency"], p["day"].to_numpy())
    safe_rate = np.maximum(rate, 0)
    has_min, has_max = p["has_min"].to_numpy(), p["has_max"].to_numpy()
    low, high = p["low"].to_numpy(np.int64), p["high"].to_numpy(np.int64)
    # Percent of freight: in the rate's currency, bounds converted into it.
    low = np.where(percent & foreign, fx_convert(low, safe_rate, rate_e), low)
    high = np.where(percent & foreign, fx_convert(high, safe_rate, rate_e), high)
    amount = np.where(percent,
                      apply_ratio(p["weight_charge"].to_numpy(np.int64), p["percent_ppm"], rate_e),
                      charge_for_quantity(p["amount_micros"], quantity, per_e, own_e))
    amount = np.where(has_min & (amount < low), low, amount)
    amount = np.where(has_max & (high < amount), high, amount)
    # Amount bases in another currency: the exact amount, bounded in its own currency (compared
    # as rate x quantity against bound x 10^per), converted and rounded once.
    micros = p["amount_micros"].to_numpy(np.int64)
    numerator = micros.astype(object) * np.asarray(quantity, np.int64).astype(object)
    denominator = (10 ** per_e).astype(object)
    below = has_min & (numerator < low.astype(object) * denominator)
    numerator = np.where(below, low.astype(object), numerator)
    denominator = np.where(below, 1, denominator)
    above = has_max & (high.astype(object) * denominator < numerator)
    own_micros = np.where(below, low, np.where(above, high, micros))
    own_quantity = np.where(below | above, 1, quantity)
    own_per = np.where(below | above, 0, per_e)
    amount = _where_foreign(
        ~percent & foreign,
        lambda m: converted_once(own_micros[m], own_quantity[m], own_per[m], safe_rate[m], rate_e[m]),
        amount)
    needs_fx = foreign & (~percent | has_min | has_max)
    return pd.DataFrame({"row": p["row"], "amount": amount,
                         "markable": np.where(p["apply_margin"], amount, 0),
                         "missing_fx": needs_fx & (rate < 0)})


def _margin_rules(priced: pd.DataFrame, margins: pd.DataFrame,
                  customers: pd.DataFrame) -> pd.DataFrame:
    """select_margin: the most specific rule per row, by (scope, lane, min weight, margin_id)."""
    rows = priced.reset_index()[["row", "customer", "origin", "destination", "day", "chargeable_g"]]
    rows = rows.merge(customers.rename(columns={"customer_id": "customer"}), on="customer",
                      how="left")
    rows["customer_group"] = rows["customer_group"].fillna("")
    rules = margins.rename(columns={"origin": "rule_origin", "destination": "rule_destination"})
    rule_columns = ["margin_id", "rule_origin", "rule_destination", "min_weight_g", "from_day",
                    "to_day"]
    by_customer = rules[rules["customer_id"] != ""]
    by_group = rules[(rules["customer_id"] == "") & (rules["customer_group"] != "")]
    default = rules[(rules["customer_id"] == "") & (rules["customer_group"] == "")]
    row_columns = ["row", "origin", "destination", "day", "chargeable_g"]
    candidates = pd.concat([
        rows[rows["customer"] != ""].merge(by_customer, left_on="customer", right_on="customer_id")
        [row_columns + rule_columns].assign(scope=2),
        rows[rows["customer_group"] != ""].merge(by_group, on="customer_group")
        [row_columns + rule_columns].assign(scope=1),
        rows[row_columns].merge(default[rule_columns], how="cross").assign(scope=0),
    ], ignore_index=True)
    c = candidates
    applies = ((c["from_day"] <= c["day"]) & (c["day"] <= c["to_day"])
               & (c["rule_origin"].isna() | (c["rule_origin"] == c["origin"]))
               & (c["rule_destination"].isna() | (c["rule_destination"] == c["destination"]))
               & (c["min_weight_g"] <= c["chargeable_g"]))
    c = c[applies].assign(lane=lambda t: t["rule_origin"].notna().astype(int)
                          + t["rule_destination"].notna().astype(int))
    c = c.sort_values(["row", "scope", "lane", "min_weight_g", "margin_id"],
                      ascending=[True, False, False, False, True])
    best = c.drop_duplicates("row", keep="first")[["row", "margin_id"]]
    return best.merge(margins, on="margin_id").set_index("row")


def _margin(priced: pd.DataFrame, rules: pd.DataFrame,
            fx: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Margin per row in its rate currency, and whether a needed FX rate is missing."""
    r = rules.reindex(priced.index)
    has_rule = r["margin_id"].notna().to_numpy()
    rule_currency = r["currency"].fillna(priced["currency"])
    rate_e = priced["exponent"].to_numpy(np.int64)
    rule_e = step_exponent(rule_currency)
    day = priced["day"].to_numpy()
    rate = fx_rates(fx, rule_currency, priced["currency"], day)
    safe_rate = np.maximum(rate, 0)
    foreign = (rule_currency != priced["currency"]).to_numpy()
    per_kg_micros = r["per_kg_micros"].fillna(0).to_numpy(np.int64)
    chargeable_g = priced["chargeable_g"].to_numpy(np.int64)
    per_kg = charge_for_quantity(per_kg_micros, chargeable_g, 3, rule_e)
    per_kg = _where_foreign(
        foreign,
        lambda m: converted_once(per_kg_micros[m], chargeable_g[m], 3, safe_rate[m], rate_e[m]),
        per_kg)
    minimum = r["min_per_shipment_micros"].fillna(0).to_numpy(np.int64)
    minimum = np.where(foreign, fx_convert(minimum, safe_rate, rate_e), minimum)
    amount = apply_ratio(priced["markable"].to_numpy(np.int64),
                         r["percent_ppm"].fillna(0).to_numpy(np.int64), rate_e) + per_kg
    amount = np.maximum(amount, minimum)
    return np.where(has_rule, amount, 0), has_rule & foreign & (rate < 0)


def _general_online(book: pd.DataFrame) -> np.ndarray:
    """Rows this implementation rates: GEN (or empty), no routing, no declared value."""
    def column(name: str) -> pd.Series:
        return book[name] if name in book else pd.Series("", index=book.index)
    return (column("commodity").isin(["", "GEN"]) & (column("routing") == "")
            & (column("declared_value") == "")).to_numpy()


def reprice(book: pd.DataFrame, db_path: str, as_of: str | None = None) -> pd.DataFrame:
    """Reprices each row of `book` on its carrier's direct rate in force on `as_of` (default: the
    local date of `ready`). Amounts are int64 micro-units of `currency`, the rate's currency."""
    tables = read_rate_tables(db_path)
    book = book.reset_index(drop=True)
    rows = book[["shipment_id", "origin", "destination", "carrier"]].copy()
    rows["customer"] = book["customer"] if "customer" in book else ""
    rows["row"] = np.arange(len(book))
    rating_date = pd.Series(as_of, index=book.index) if as_of else book["ready"].str.slice(0, 10)
    rows["day"] = _day(rating_date)
    supported = _general_online(book)

    chosen, reason = _general_lines(rows[supported], tables["lines"])
    priced = rows.set_index("row").loc[chosen.index]
    priced = priced.join(chosen[["line_id", "currency", "min_charge_micros", "divisor_cm3_per_kg",
                                 "weight_step_g"]])
    priced = priced.join(shipment_weights(book.loc[priced.index]))
    priced = priced.join(_chargeable(priced))
    priced["exponent"] = step_exponent(priced["currency"])
    priced["weight_charge"] = _weight_charge(priced, tables["breaks"])

    lines = _surcharge_lines(priced, tables["surcharges"], tables["fx"])
    per_row = lines.groupby("row")[["amount", "markable", "missing_fx"]].sum()
    per_row = per_row.reindex(priced.index, fill_value=0)
    priced["surcharges"] = per_row["amount"].to_numpy(np.int64)
    priced["markable"] = priced["weight_charge"] + per_row["markable"].to_numpy(np.int64)
    rules = _margin_rules(priced, tables["margins"], tables["customers"])
    priced["margin"], margin_fx_missing = _margin(priced, rules, tables["fx"])
    priced["valuation"] = 0
    priced["buy_total"] = priced["weight_charge"] + priced["surcharges"] + priced["valuation"]
    priced["sell_total"] = priced["buy_total"] + priced["margin"]
    missing_fx = (per_row["missing_fx"].to_numpy() > 0) | margin_fx_missing

    out = rows.set_index("row")[["shipment_id", "carrier"]].copy()
    out["status"] = np.where(supported, "rejected", "skipped")
    out["reason_code"] = np.where(supported, "", "not_general_online")
    out.loc[reason.index, "reason_code"] = reason
    out.loc[priced.index, "status"] = np.where(missing_fx, "rejected", "priced")
    out.loc[priced.index, "reason_code"] = np.where(missing_fx, "no_fx_rate", "")
    out["currency"] = priced["currency"].reindex(out.index)
    out["chargeable_g"] = priced["chargeable_g"].reindex(out.index).astype("Int64")
    for column in AMOUNT_COLUMNS:
        values = priced[column].astype("Int64").mask(missing_fx)
        out[column] = values.reindex(out.index)
    return out.reset_index(drop=True)


def write_output(result: pd.DataFrame, path: str) -> None:
    """The priced rows as decimals in their currency (Money::amount_text), like the engine."""
    out = result.copy()
    priced = (out["status"] == "priced").to_numpy()
    text = np.full(len(out), "", dtype=object)
    text[priced] = format_scaled(out.loc[priced, "chargeable_g"].to_numpy(np.int64), 3, 1)
    out["chargeable_kg"] = text
    for column in AMOUNT_COLUMNS:
        text = np.full(len(out), "", dtype=object)
        text[priced] = format_amount(out.loc[priced, column].astype(np.int64),
                                     out.loc[priced, "currency"]).to_numpy()
        out[column] = text
    columns = ["shipment_id", "status", "reason_code", "carrier", "currency", "chargeable_kg",
               *AMOUNT_COLUMNS]
    out.reindex(columns=columns).to_csv(path, index=False)
