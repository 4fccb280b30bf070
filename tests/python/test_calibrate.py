"""Learning weights from booking history: recovery of known weights from a synthetic history, the
engine's normalization, deterministic generation, errors for malformed or too little history, and
the statsmodels-like reading of a fit (params, bse, conf_int, nobs)."""
from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

import cargoquote as cq

TRUE_WEIGHTS = {"price": 0.4, "time": 0.3, "reliability": 0.2, "risk": 0.1}


@pytest.fixture(scope="module")
def history() -> pd.DataFrame:
    return cq.calibrate.synthetic_history(5000, TRUE_WEIGHTS, seed=2026)


@pytest.fixture(scope="module")
def fit(history) -> cq.calibrate.WeightFit:
    return cq.calibrate.fit_weights(history)


def small_history() -> pd.DataFrame:
    return pd.DataFrame({
        "inquiry_id": [1, 1, 1, 2, 2],
        "option_id": [1, 2, 3, 1, 2],
        "booked": [0, 1, 0, 1, 0],
        "price": [100.0, 150.0, 200.0, 80.0, 90.0],
        "time": [48.0, 24.0, 24.0, 30.0, 20.0],
        "reliability": [0.9, 0.95, 0.8, 0.9, 0.9],
        "risk": [0.1, 0.2, 0.3, 0.1, 0.2],
    })


def test_recovers_the_generating_weights_within_their_intervals(fit):
    assert fit.converged
    assert fit.n_inquiries == 5000
    assert fit.weights.sum() == pytest.approx(1.0)
    for criterion, weight in TRUE_WEIGHTS.items():
        lower, upper = fit.weight_ci.loc[criterion, ["lower", "upper"]]
        assert lower <= weight <= upper, (criterion, lower, upper)
        # 5,000 inquiries pin every weight down to a few hundredths.
        assert upper - lower < 0.05, criterion


def test_recovers_the_value_of_time_within_its_interval(fit):
    true_value = TRUE_WEIGHTS["time"] / TRUE_WEIGHTS["price"] * fit.price_range_per_hour
    lower, upper = fit.value_of_time_ci
    assert lower <= true_value <= upper
    assert fit.value_of_time > 0 and fit.value_of_time_se > 0


def test_engine_weights_string_follows_the_estimates(fit):
    text = fit.as_engine_weights()
    parsed = dict(item.split("=") for item in text.split(","))
    assert list(parsed) == ["price", "time", "reliability", "risk"]
    for criterion, value in parsed.items():
        assert float(value) == pytest.approx(fit.weights[criterion], abs=1e-4)


def test_weights_standard_errors_follow_the_delta_method(fit):
    beta = fit.coefficients.to_numpy()
    total = beta.sum()
    jacobian = (np.eye(beta.size) - (beta / total)[:, None]) / total
    expected = np.sqrt(np.diag(jacobian @ fit.covariance.to_numpy() @ jacobian.T))
    np.testing.assert_allclose(fit.weight_standard_errors.to_numpy(), expected)
    np.testing.assert_allclose(fit.standard_errors ** 2, np.diag(fit.covariance))


def test_normalization_matches_the_engine_weighted_sum():
    history = small_history()
    z = cq.calibrate.normalized_criteria(history)
    # Cost criteria flip, reliability does not; a criterion equal within an inquiry is 1.
    assert z["price"].tolist() == [1.0, 0.5, 0.0, 1.0, 0.0]
    assert z["time"].tolist() == [0.0, 1.0, 1.0, 0.0, 1.0]
    assert z["reliability"].tolist() == pytest.approx([2 / 3, 1.0, 0.0, 1.0, 1.0])
    weights = [0.4, 0.3, 0.2, 0.1]
    first = history[history.inquiry_id == 1]
    engine_scores = cq.mcdm.weighted_sum(first[list(TRUE_WEIGHTS)].to_numpy().tolist(), weights,
                                         [-1, -1, 1, -1], "minmax")
    np.testing.assert_allclose((z.loc[first.index] * weights).sum(axis=1), engine_scores)


def test_synthetic_history_is_deterministic_for_a_seed():
    a = cq.calibrate.synthetic_history(200, TRUE_WEIGHTS, seed=5)
    b = cq.calibrate.synthetic_history(200, TRUE_WEIGHTS, seed=5)
    c = cq.calibrate.synthetic_history(200, TRUE_WEIGHTS, seed=6)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)
    sizes = a.groupby("inquiry_id").size()
    assert sizes.between(3, 8).all()
    assert (a.groupby("inquiry_id")["booked"].sum() == 1).all()


def test_synthetic_options_are_plausible():
    history = cq.calibrate.synthetic_history(2000, TRUE_WEIGHTS, seed=3)
    raw = history[["price", "time"]]
    within = raw - raw.groupby(history.inquiry_id).transform("mean")
    # Faster is dearer within an inquiry; reliability and risk stay in range.
    assert within["price"].corr(within["time"]) < -0.3
    assert history.reliability.between(0, 1).all() and history.risk.between(0, 1).all()
    assert (history.time > 10).all() and (history.price > 0).all()


@pytest.mark.parametrize("column", ["inquiry_id", "booked", "price", "risk"])
def test_missing_column_is_named(column):
    with pytest.raises(ValueError, match=f"'{column}'"):
        cq.calibrate.fit_weights(small_history().drop(columns=column))


def test_inquiry_without_a_booking_is_named():
    history = small_history()
    history.loc[history.inquiry_id == 2, "booked"] = 0
    with pytest.raises(ValueError, match="inquiry 2 has no booked option"):
        cq.calibrate.fit_weights(history)


def test_inquiry_with_two_bookings_is_named():
    history = small_history()
    history.loc[0, "booked"] = 1
    with pytest.raises(ValueError, match="inquiry 1 has 2 booked options"):
        cq.calibrate.fit_weights(history)


def test_bad_values_are_named():
    history = small_history()
    history.loc[3, "time"] = np.nan
    with pytest.raises(ValueError, match="column 'time'.*inquiry 2"):
        cq.calibrate.fit_weights(history)
    history = small_history()
    history.loc[4, "booked"] = 2
    with pytest.raises(ValueError, match="column 'booked'.*inquiry 2"):
        cq.calibrate.fit_weights(history)
    with pytest.raises(ValueError, match="'speed'"):
        cq.calibrate.fit_weights(small_history(), criteria=("price", "speed"))


def test_criterion_that_never_varies_is_named():
    history = small_history().assign(risk=0.2)
    with pytest.raises(ValueError, match="column 'risk' never differs"):
        cq.calibrate.fit_weights(history)


@pytest.fixture(scope="module")
def three_criteria_fit() -> cq.calibrate.WeightFit:
    history = cq.calibrate.synthetic_history(800, {"price": 0.5, "time": 0.3, "reliability": 0.2},
                                             seed=5)
    return cq.calibrate.fit_weights(history, ["price", "time", "reliability"])


def test_weight_fit_reads_like_statsmodels(three_criteria_fit):
    fit = three_criteria_fit
    assert list(fit.params.index) == ["price", "time", "reliability"]
    pd.testing.assert_series_equal(fit.params, fit.coefficients)
    np.testing.assert_allclose(fit.bse.to_numpy(), np.sqrt(np.diag(fit.covariance.to_numpy())))
    for alpha in (0.05, 0.1, 0.01):
        z = NormalDist().inv_cdf(1 - alpha / 2)
        interval = fit.conf_int(alpha)
        assert list(interval.columns) == ["lower", "upper"]
        np.testing.assert_allclose(interval["lower"], fit.params - z * fit.bse)
        np.testing.assert_allclose(interval["upper"], fit.params + z * fit.bse)
    assert fit.conf_int().equals(fit.conf_int(0.05))
    assert fit.conf_int(0.05)["lower"].iloc[0] == pytest.approx(
        fit.params.iloc[0] - 1.959963984540054 * fit.bse.iloc[0])
    with pytest.raises(ValueError, match="alpha"):
        fit.conf_int(1.5)


def test_nobs_counts_the_options_in_the_likelihood():
    history = cq.calibrate.synthetic_history(300, {"price": 0.6, "time": 0.4}, seed=3)
    history = pd.concat([history, pd.DataFrame({  # one single-option inquiry: left out
        "inquiry_id": [10_000], "option_id": [1], "booked": [1], "price": [100.0],
        "time": [20.0], "reliability": [0.9], "risk": [0.1]})], ignore_index=True)
    fit = cq.calibrate.fit_weights(history, ["price", "time"])
    assert fit.nobs == len(history) - 1
    assert fit.n_options == len(history)


def test_too_little_history_is_a_value_error_not_a_linalg_error():
    with pytest.raises(ValueError, match="2 inquiries with more than one option cannot "
                                         "estimate 4 weights"):
        cq.calibrate.fit_weights(small_history())


def test_a_singular_hessian_is_a_value_error():
    # Every inquiry's cheapest option is also its fastest: price and time cannot be told apart.
    rows = []
    for inquiry in range(1, 30):
        for option, (price, time) in enumerate([(100.0, 20.0), (150.0, 30.0), (200.0, 40.0)]):
            rows.append({"inquiry_id": inquiry, "booked": int(option == inquiry % 3),
                         "price": price + inquiry, "time": time + inquiry})
    with pytest.raises(ValueError, match="Hessian is singular") as error:
        cq.calibrate.fit_weights(pd.DataFrame(rows), ["price", "time"])
    assert not isinstance(error.value, np.linalg.LinAlgError)
