"""Learning ranking weights from booking history.

Which option a customer booked, among those quoted for an inquiry, is a discrete choice. A
conditional logit grouped by inquiry (DOMAIN.md section 5) estimates the weights customers act on.

The model uses the engine's own weighted-sum scale (engine/src/selection/ranking.cpp): within each
inquiry, every criterion is min-max normalized over the quoted options and oriented so that 1 is
best (cost criteria flipped); a criterion equal across an inquiry's options is 1 for all of them.
With these values z_ij the utility of option i is

    V_i = sum_j beta_j z_ij,

so beta_j / sum_k beta_k are weights the engine's weighted sum uses unchanged (it scales the weights
to sum 1 and applies them to the same normalized values). sum_k beta_k is the logit scale: how
strongly customers follow the utility rather than the unobserved rest.

    history = cq.calibrate.synthetic_history(5000, {"price": 0.4, "time": 0.3,
                                                    "reliability": 0.2, "risk": 0.1}, seed=1)
    fit = cq.calibrate.fit_weights(history)
    fit.summary()                      # weights with standard errors and 95 % intervals
    fit.params, fit.bse, fit.conf_int(0.1), fit.nobs   # the coefficients, as statsmodels names them
    engine.quote({..., "weights": fit.as_engine_weights()})
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

__all__ = ["WeightFit", "fit_weights", "normalized_criteria", "synthetic_history"]

# The engine's criteria and their direction: +1 benefit (more is better), -1 cost.
ENGINE_DIRECTIONS = {"price": -1, "time": -1, "reliability": 1, "risk": -1, "co2": -1}
DEFAULT_CRITERIA = ("price", "time", "reliability", "risk")
# The engine treats a criterion whose range is below this as equal across the options.
_EQUAL_RANGE = 1e-12
_Z95 = 1.959963984540054
# A Hessian this ill-conditioned leaves some combination of weights undetermined by the data.
_SINGULAR_CONDITION = 1e10


@dataclass(frozen=True)
class WeightFit:
    """A conditional logit fitted to booking history, read as engine weights.

    `coefficients` are utilities per full within-inquiry range of each criterion (higher = the
    customer cares more); `weights` are the same scaled to sum 1 with delta-method standard errors
    and normal 95 % intervals. `value_of_time` is the money (quote currency) a customer gives up
    to save one transit hour, at the inquiry's typical ranges (see fit_weights).

    `params`, `bse`, `conf_int()` and `nobs` give the coefficients under statsmodels' names, so
    code written against a statsmodels result reads a fit the same way.
    """

    criteria: tuple[str, ...]
    coefficients: pd.Series
    standard_errors: pd.Series
    covariance: pd.DataFrame
    weights: pd.Series
    weight_standard_errors: pd.Series
    weight_ci: pd.DataFrame  # columns lower, upper
    value_of_time: float  # money per transit hour; nan without both price and time
    value_of_time_se: float
    value_of_time_ci: tuple[float, float]
    price_range_per_hour: float  # median price range / hours range of the inquiries
    log_likelihood: float
    n_inquiries: int
    n_options: int
    converged: bool
    n_used_options: int = 0  # options of the inquiries with more than one (in the likelihood)

    @property
    def params(self) -> pd.Series:
        """The coefficients (statsmodels' name)."""
        return self.coefficients

    @property
    def bse(self) -> pd.Series:
        """Standard errors of the coefficients (statsmodels' name)."""
        return self.standard_errors

    @property
    def nobs(self) -> int:
        """Options in the likelihood: those of the inquiries with more than one option."""
        return self.n_used_options

    def conf_int(self, alpha: float = 0.05) -> pd.DataFrame:
        """Normal (Wald) 1 - alpha intervals of the coefficients: columns lower, upper."""
        if not 0 < alpha < 1:
            raise ValueError(f"alpha must be between 0 and 1, got {alpha}")
        z = NormalDist().inv_cdf(1 - alpha / 2)
        return pd.DataFrame({"lower": self.params - z * self.bse,
                             "upper": self.params + z * self.bse})

    def summary(self) -> pd.DataFrame:
        """One row per criterion: weight, its standard error and 95 % interval, coefficient."""
        return pd.DataFrame({
            "weight": self.weights,
            "se": self.weight_standard_errors,
            "ci_lower": self.weight_ci["lower"],
            "ci_upper": self.weight_ci["upper"],
            "coefficient": self.coefficients,
            "coefficient_se": self.standard_errors,
        })

    def as_engine_weights(self) -> str:
        """The weights as the engine's "price=..,time=..,reliability=..,risk=.." string.

        The engine takes no negative weight: a negative estimate (customers acting as if they
        preferred the worse value) is set to 0 with a warning and the others keep their ratios.
        """
        negative = [c for c in self.criteria if self.weights[c] < 0]
        if negative:
            warnings.warn(f"negative weight estimated for {', '.join(negative)}; set to 0",
                          stacklevel=2)
        clipped = self.weights.clip(lower=0.0)
        if clipped.sum() <= 0:
            raise ValueError("no positive weight was estimated: nothing the engine could use")
        clipped = clipped / clipped.sum()
        return ",".join(f"{c}={clipped[c]:.4f}" for c in self.criteria)


def normalized_criteria(history: pd.DataFrame, criteria: Sequence[str] = DEFAULT_CRITERIA,
                        inquiry: str = "inquiry_id") -> pd.DataFrame:
    """Each criterion min-max normalized within its inquiry, oriented 1 = best, as the engine's
    weighted sum does; a criterion equal across an inquiry's options is 1 for all of them."""
    _require_columns(history, [inquiry, *criteria])
    groups = history.groupby(inquiry, sort=False)
    out = {}
    for name in criteria:
        x = history[name].astype(float)
        lo = groups[name].transform("min").astype(float)
        span = groups[name].transform("max").astype(float) - lo
        share = (x - lo) / span.where(span >= _EQUAL_RANGE)
        oriented = share if _direction(name) > 0 else 1.0 - share
        out[name] = oriented.fillna(1.0)
    return pd.DataFrame(out, index=history.index)


def fit_weights(history: pd.DataFrame, criteria: Sequence[str] = DEFAULT_CRITERIA, *,
                inquiry: str = "inquiry_id", booked: str = "booked",
                maxiter: int = 100) -> WeightFit:
    """Fit a conditional logit (statsmodels ConditionalLogit, groups = inquiries) to booking history.

    `history` is long: one row per quoted option, with the inquiry id, `booked` (1 for the one
    option booked in each inquiry, else 0) and one column per criterion holding raw values (price
    in the quote currency, transit hours as `time`, reliability as a probability, risk). Criteria
    must be among the engine's (price, time, reliability, risk, co2). Inquiries with one option
    carry no information about the weights and are left out of the likelihood.

    The value of transit time is beta_time / beta_price in raw units. On the engine's scale the
    raw-unit coefficients are beta_j / range_j of each inquiry, so it is
    (beta_time / beta_price) x (price range / hours range); it is reported at the median of that
    ratio of ranges over the inquiries, with its delta-method standard error (ranges are data).

    Raises ValueError naming the column or inquiry for malformed history, and for history too
    small to estimate the weights (fewer informative inquiries than criteria, or a singular
    Hessian: the data cannot tell some criteria apart).
    """
    from statsmodels.discrete.conditional_models import ConditionalLogit

    criteria = tuple(criteria)
    _check_history(history, criteria, inquiry, booked)
    informative = history[history.groupby(inquiry)[booked].transform("size") > 1]
    features = normalized_criteria(informative, criteria, inquiry)
    _require_variation(features, informative[inquiry])
    n_informative = informative[inquiry].nunique()
    if n_informative < len(criteria):
        raise ValueError(f"{n_informative} inquiries with more than one option cannot estimate "
                         f"{len(criteria)} weights: at least as many inquiries as criteria are "
                         "needed (and many more for useful intervals)")

    model = ConditionalLogit(informative[booked].to_numpy(dtype=float), features,
                             groups=informative[inquiry].to_numpy())
    try:
        with warnings.catch_warnings():
            # statsmodels warns about convergence itself; the result's `converged` says it.
            warnings.simplefilter("ignore")
            # The log-likelihood is concave: Newton's method converges fast and exactly.
            result = model.fit(method="newton", maxiter=maxiter, disp=False)
            covariance = np.asarray(result.cov_params())
        # statsmodels inverts a singular Hessian with a pseudo-inverse: standard errors of 1e7
        # and more, or NaN, that look like results. Refuse them.
        if not (np.isfinite(covariance).all() and np.isfinite(np.asarray(result.params)).all()):
            raise np.linalg.LinAlgError("no finite estimate")
        if np.linalg.cond(model.hessian(np.asarray(result.params))) > _SINGULAR_CONDITION:
            raise np.linalg.LinAlgError("singular Hessian")
    except np.linalg.LinAlgError:
        raise ValueError(_singular_message(n_informative, criteria)) from None
    beta = pd.Series(np.asarray(result.params), index=criteria)
    cov = pd.DataFrame(covariance, index=criteria, columns=criteria)
    weights, weight_se = _weights_with_errors(beta, cov)
    range_per_hour = _price_range_per_hour(informative[[inquiry, *criteria]], inquiry)
    vot, vot_se = _value_of_time(beta, cov, range_per_hour)
    return WeightFit(
        criteria=criteria,
        coefficients=beta,
        standard_errors=pd.Series(np.sqrt(np.diag(cov)), index=criteria),
        covariance=cov,
        weights=weights,
        weight_standard_errors=weight_se,
        weight_ci=pd.DataFrame({"lower": weights - _Z95 * weight_se,
                                "upper": weights + _Z95 * weight_se}),
        value_of_time=vot,
        value_of_time_se=vot_se,
        value_of_time_ci=(vot - _Z95 * vot_se, vot + _Z95 * vot_se),
        price_range_per_hour=range_per_hour,
        log_likelihood=float(result.llf),
        n_inquiries=int(history[inquiry].nunique()),
        n_options=len(history),
        converged=_at_maximum(model, result.params),
        n_used_options=len(informative),
    )


def _singular_message(n_informative: int, criteria: tuple[str, ...]) -> str:
    return (f"the history cannot identify the weights of {', '.join(criteria)}: the Hessian is "
            f"singular with {n_informative} informative inquiries (too few, or criteria that move "
            "together or always pick the booked option); more varied history is needed")


def synthetic_history(n_inquiries: int, weights: Mapping[str, float],
                      options_per_inquiry: tuple[int, int] = (3, 8), scale: float = 10.0,
                      seed: int = 0) -> pd.DataFrame:
    """Booking history drawn from customers who follow known weights, to check fit_weights.

    Each inquiry is a shipment (chargeable weight, lane rate level) quoted with a number of options
    drawn from `options_per_inquiry` (inclusive bounds), each of 1 to 3 legs: more legs take longer, are less reliable and riskier, and
    faster options are dearer; carriers differ in price level, and dearer carriers are somewhat
    more reliable. The booked option maximizes scale x (weighted sum on the engine's scale) plus
    Gumbel noise, i.e. a multinomial logit with coefficients scale x weights (weights scaled to
    sum 1). `scale` is the utility gap, in units of the noise, between an option best and one
    worst on every criterion. Deterministic for a seed. Price is in CNY, `time` in hours.
    """
    weights = _unit_weights(weights)
    low, high = options_per_inquiry
    if not 1 <= low <= high:
        raise ValueError("options_per_inquiry must be (low, high) with 1 <= low <= high")
    rng = np.random.default_rng(seed)
    sizes = rng.integers(low, high + 1, size=n_inquiries)
    inquiry = np.repeat(np.arange(1, n_inquiries + 1), sizes)
    history = pd.DataFrame({
        "inquiry_id": inquiry,
        "option_id": np.concatenate([np.arange(1, n + 1) for n in sizes]),
    })
    history = pd.concat([history, _synthetic_options(rng, sizes)], axis=1)
    utility = scale * (normalized_criteria(history, tuple(weights)) * pd.Series(weights)).sum(axis=1)
    noisy = utility + rng.gumbel(size=len(history))
    chosen = noisy.groupby(history["inquiry_id"], sort=False).idxmax()
    history["booked"] = 0
    history.loc[chosen.to_numpy(), "booked"] = 1
    return history


def _synthetic_options(rng: np.random.Generator, sizes: np.ndarray) -> pd.DataFrame:
    """Raw criteria of every option; shipment-level values repeat over the inquiry's options."""
    n = int(sizes.sum())
    chargeable_kg = np.repeat(np.clip(rng.lognormal(np.log(400.0), 0.8, sizes.size), 45, 8000), sizes)
    lane_rate = np.repeat(rng.uniform(18.0, 40.0, sizes.size), sizes)  # CNY per kg
    legs = rng.choice([1, 2, 3], size=n, p=[0.35, 0.45, 0.20])
    hours = 10.0 + 12.0 * legs + rng.gamma(2.0, 4.0 * legs)
    carrier_level = rng.normal(1.0, 0.08, n)
    speed_premium = 1.0 + 0.6 * np.exp(-(hours - 12.0) / 30.0)
    price = chargeable_kg * lane_rate * speed_premium * carrier_level
    per_leg = np.clip(rng.normal(0.94 + 0.3 * (carrier_level - 1.0), 0.025, n), 0.80, 0.995)
    reliability = per_leg ** legs
    risk = np.clip(0.06 + 0.05 * (legs - 1) + rng.gamma(2.0, 0.03, n), 0.01, 0.9)
    return pd.DataFrame({
        "price": np.round(price, 2),
        "time": np.round(hours, 2),
        "reliability": np.round(reliability, 4),
        "risk": np.round(risk, 4),
    })


def _direction(criterion: str) -> int:
    if criterion not in ENGINE_DIRECTIONS:
        raise ValueError(f"criterion '{criterion}' is not one of the engine's: "
                         f"{', '.join(ENGINE_DIRECTIONS)}")
    return ENGINE_DIRECTIONS[criterion]


def _unit_weights(weights: Mapping[str, float]) -> dict[str, float]:
    for name, value in weights.items():
        _direction(name)
        if not value >= 0:
            raise ValueError(f"weight of '{name}' must be >= 0, not {value}")
    total = sum(weights.values())
    if total <= 0:
        raise ValueError("at least one weight must be positive")
    return {name: value / total for name, value in weights.items()}


def _require_columns(history: pd.DataFrame, columns: Sequence[str]) -> None:
    for column in columns:
        if column not in history.columns:
            raise ValueError(f"history has no column '{column}'")


def _check_history(history: pd.DataFrame, criteria: tuple[str, ...], inquiry: str,
                   booked: str) -> None:
    if not criteria:
        raise ValueError("at least one criterion is needed")
    for name in criteria:
        _direction(name)
    _require_columns(history, [inquiry, booked, *criteria])
    if history.empty:
        raise ValueError("history has no rows")
    if history[inquiry].isna().any():
        raise ValueError(f"column '{inquiry}' has missing values")
    flags = history[booked]
    if not flags.isin([0, 1]).all():
        bad = history.loc[~flags.isin([0, 1]), inquiry].iloc[0]
        raise ValueError(f"column '{booked}' must be 0 or 1 (inquiry {bad})")
    for name in criteria:
        values = pd.to_numeric(history[name], errors="coerce")
        if not np.isfinite(values).all():
            bad = history.loc[~np.isfinite(values), inquiry].iloc[0]
            raise ValueError(f"column '{name}' has a missing or non-numeric value (inquiry {bad})")
    bookings = flags.groupby(history[inquiry]).sum()
    if (bookings == 0).any():
        raise ValueError(f"inquiry {bookings.index[bookings == 0][0]} has no booked option")
    if (bookings > 1).any():
        bad = bookings.index[bookings > 1][0]
        raise ValueError(f"inquiry {bad} has {bookings[bad]} booked options; exactly one is needed")


def _require_variation(features: pd.DataFrame, inquiry: pd.Series) -> None:
    if features.empty:
        raise ValueError("no inquiry has more than one option: nothing to learn from")
    groups = features.groupby(inquiry.to_numpy())
    spread = (groups.max() - groups.min()).max()
    for name, value in spread.items():
        if value <= 0:
            raise ValueError(f"column '{name}' never differs between the options of an inquiry: "
                             "its weight cannot be learned")


def _at_maximum(model, params) -> bool:
    """ConditionalResults keeps no optimizer report: check the score (gradient) vanishes."""
    score = model.score(np.asarray(params))
    return bool(np.max(np.abs(score)) < 1e-6 * max(model.nobs, 1))


def _weights_with_errors(beta: pd.Series, cov: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """w = beta / sum(beta); delta method with dw_j/dbeta_k = (delta_jk - w_j) / sum(beta)."""
    total = beta.sum()
    weights = beta / total
    jacobian = (np.eye(len(beta)) - weights.to_numpy()[:, None]) / total
    weight_cov = jacobian @ cov.to_numpy() @ jacobian.T
    return weights, pd.Series(np.sqrt(np.diag(weight_cov)), index=beta.index)


def _price_range_per_hour(history: pd.DataFrame, inquiry: str) -> float:
    """Median over the inquiries of (price range / hours range); nan without both columns."""
    if "price" not in history.columns or "time" not in history.columns:
        return float("nan")
    groups = history.groupby(inquiry)[["price", "time"]]
    ranges = groups.max() - groups.min()
    usable = (ranges["price"] >= _EQUAL_RANGE) & (ranges["time"] >= _EQUAL_RANGE)
    if not usable.any():
        return float("nan")
    return float((ranges.loc[usable, "price"] / ranges.loc[usable, "time"]).median())


def _value_of_time(beta: pd.Series, cov: pd.DataFrame,
                   price_range_per_hour: float) -> tuple[float, float]:
    """(beta_time / beta_price) x price range per hour, with its delta-method standard error."""
    if "price" not in beta.index or "time" not in beta.index:
        return float("nan"), float("nan")
    b_price, b_time = beta["price"], beta["time"]
    gradient = np.array([-b_time / b_price**2, 1.0 / b_price])
    sub = cov.loc[["price", "time"], ["price", "time"]].to_numpy()
    ratio_se = float(np.sqrt(gradient @ sub @ gradient))
    return b_time / b_price * price_range_per_hour, ratio_se * price_range_per_hour
