"""cq.mcdm on pandas DataFrames: rows are alternatives and columns criteria, exactly as the same
numbers in a numpy array; labels come back on the results; types and weights by column name;
wrong shapes and values are ValueErrors that say what is wrong."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cargoquote as cq

# Saaty's three-criterion example: the first criterion is 3x as important as the second and 5x
# as the third, the second 2x as the third.
PAIRWISE = np.array([[1.0, 3.0, 5.0], [1 / 3, 1.0, 2.0], [1 / 5, 1 / 2, 1.0]])
CRITERIA = ["price", "days", "reliability"]
CARRIERS = ["Q1", "Q2", "Q3", "Q4"]
MATRIX = np.array([
    [1200.0, 3.0, 0.95],
    [950.0, 5.0, 0.90],
    [1500.0, 2.0, 0.97],
    [1100.0, 4.0, 0.80],
])
WEIGHTS = [0.5, 0.3, 0.2]
TYPES = [-1, -1, 1]


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(MATRIX, index=CARRIERS, columns=CRITERIA)


def principal_eigenvector(matrix: np.ndarray) -> np.ndarray:
    """The AHP weights by definition: the Perron eigenvector of the pairwise matrix, summing to 1."""
    values, vectors = np.linalg.eig(matrix)
    vector = np.real(vectors[:, np.argmax(np.real(values))])
    return vector / vector.sum()


def test_ahp_on_the_issues_example_is_the_principal_eigenvector():
    expected = principal_eigenvector(PAIRWISE)
    assert expected == pytest.approx([0.648, 0.230, 0.122], abs=5e-4)
    from_array = cq.mcdm.ahp_weights(PAIRWISE)
    from_frame = cq.mcdm.ahp_weights(pd.DataFrame(PAIRWISE))
    np.testing.assert_allclose(from_array["weights"], expected, atol=1e-6)
    np.testing.assert_allclose(from_frame["weights"].to_numpy(), expected, atol=1e-6)
    assert from_frame["lambda_max"] == pytest.approx(np.max(np.real(np.linalg.eigvals(PAIRWISE))),
                                                     abs=1e-6)


def test_ahp_weights_are_labelled_by_the_pairwise_matrix():
    named = pd.DataFrame(PAIRWISE, index=CRITERIA, columns=CRITERIA)
    result = cq.mcdm.ahp_weights(named)
    assert list(result["weights"].index) == CRITERIA
    np.testing.assert_allclose(result["weights"].to_numpy(), principal_eigenvector(PAIRWISE),
                               atol=1e-6)
    only_index = pd.DataFrame(PAIRWISE, index=CRITERIA)
    assert list(cq.mcdm.ahp_weights(only_index)["weights"].index) == CRITERIA


def test_ahp_refuses_a_matrix_that_is_not_square_or_whose_labels_disagree():
    with pytest.raises(ValueError, match="square.*2 rows x 3 columns"):
        cq.mcdm.ahp_weights(PAIRWISE[:2])
    with pytest.raises(ValueError, match="same criteria"):
        cq.mcdm.ahp_weights(pd.DataFrame(PAIRWISE, index=["a", "b", "c"], columns=CRITERIA))


def test_entropy_weights_of_a_frame_are_one_per_column():
    from_frame = cq.mcdm.entropy_weights(pd.DataFrame(MATRIX, columns=CRITERIA))
    assert list(from_frame.index) == CRITERIA
    np.testing.assert_allclose(from_frame.to_numpy(), cq.mcdm.entropy_weights(MATRIX))
    # By definition: shares p_ij of each column, e_j = -sum p ln p / ln m, w = (1-e) / sum(1-e).
    shares = MATRIX / MATRIX.sum(axis=0)
    entropy = -(shares * np.log(shares)).sum(axis=0) / np.log(len(MATRIX))
    np.testing.assert_allclose(from_frame.to_numpy(), (1 - entropy) / (1 - entropy).sum(),
                               atol=1e-9)


@pytest.mark.parametrize("columns", [CRITERIA, None], ids=["named", "unnamed"])
def test_scores_of_a_frame_equal_the_arrays_and_carry_its_index(columns):
    df = pd.DataFrame(MATRIX, index=CARRIERS, columns=columns)
    topsis = cq.mcdm.topsis(df, WEIGHTS, TYPES)
    expected = cq.mcdm.topsis(MATRIX, WEIGHTS, TYPES)
    for key in ("closeness", "d_plus", "d_minus"):
        assert list(topsis[key].index) == CARRIERS
        np.testing.assert_allclose(topsis[key].to_numpy(), expected[key])
    vikor = cq.mcdm.vikor(df, WEIGHTS, TYPES, v=0.4)
    for key, values in cq.mcdm.vikor(MATRIX, WEIGHTS, TYPES, v=0.4).items():
        np.testing.assert_allclose(vikor[key].to_numpy(), values)
    scores = cq.mcdm.weighted_sum(df, WEIGHTS, TYPES)
    assert list(scores.index) == CARRIERS
    np.testing.assert_allclose(scores.to_numpy(), cq.mcdm.weighted_sum(MATRIX, WEIGHTS, TYPES))
    front = cq.mcdm.pareto_front(df, TYPES)
    assert front.dtype == bool and list(front.index) == CARRIERS
    assert list(front) == cq.mcdm.pareto_front(MATRIX, TYPES)


def test_weighted_sum_by_hand():
    # min-max: cost (max - x) / (max - min), benefit (x - min) / (max - min), then weights.
    lo, hi = MATRIX.min(axis=0), MATRIX.max(axis=0)
    scaled = (MATRIX - lo) / (hi - lo)
    scaled[:, :2] = 1 - scaled[:, :2]
    scores = cq.mcdm.weighted_sum(pd.DataFrame(MATRIX, columns=CRITERIA), WEIGHTS, TYPES)
    np.testing.assert_allclose(scores.to_numpy(), scaled @ np.array(WEIGHTS), atol=1e-12)


def test_types_and_weights_by_column_name(frame):
    types = {"reliability": "benefit", "price": "cost", "days": -1}
    weights = {"days": 0.3, "reliability": 0.2, "price": 0.5}
    by_name = cq.mcdm.topsis(frame, weights, types)["closeness"]
    by_position = cq.mcdm.topsis(MATRIX, WEIGHTS, TYPES)["closeness"]
    np.testing.assert_allclose(by_name.to_numpy(), by_position)
    # The Series that ahp_weights returns feeds straight back in.
    ahp = cq.mcdm.ahp_weights(pd.DataFrame(PAIRWISE, index=CRITERIA, columns=CRITERIA))
    np.testing.assert_allclose(cq.mcdm.weighted_sum(frame, ahp["weights"], types).to_numpy(),
                               cq.mcdm.weighted_sum(MATRIX, ahp["weights"].to_numpy(), TYPES))


def test_named_types_must_name_every_column(frame):
    with pytest.raises(ValueError, match=r"missing \['reliability'\], unknown \['speed'\]"):
        cq.mcdm.topsis(frame, WEIGHTS, {"price": -1, "days": -1, "speed": 1})
    with pytest.raises(ValueError, match="needs a DataFrame with named columns"):
        cq.mcdm.topsis(MATRIX, WEIGHTS, {"price": -1, "days": -1, "reliability": 1})


@pytest.mark.parametrize("call, message", [
    (lambda: cq.mcdm.topsis(MATRIX, [0.5, 0.5], TYPES), "3 expected, got 2"),
    (lambda: cq.mcdm.weighted_sum(MATRIX, WEIGHTS, [1, -1]), "3 expected, got 2"),
    (lambda: cq.mcdm.vikor(MATRIX, WEIGHTS, [1, -1, 2]), r"types\[2\] must be"),
    (lambda: cq.mcdm.topsis(MATRIX, WEIGHTS, ["cost", "cost", "good"]), r"types\[2\]"),
    (lambda: cq.mcdm.topsis(MATRIX[0], WEIGHTS, TYPES), "2-dimensional"),
    (lambda: cq.mcdm.topsis(np.array([[1.0, np.nan, 2.0]]), WEIGHTS, TYPES),
     "NaN or infinite value at row 0, column 1"),
    (lambda: cq.mcdm.entropy_weights(pd.DataFrame({"a": [1.0, None], "b": [2.0, 3.0]},
                                                  index=["x", "y"])),
     "NaN or infinite value at row 'y', column 'a'"),
    (lambda: cq.mcdm.entropy_weights(pd.DataFrame({"a": ["cheap", "dear"], "b": [1.0, 2.0]})),
     "must be numeric"),
    (lambda: cq.mcdm.topsis(MATRIX, [0.5, "heavy", 0.2], TYPES), "weights must be numbers"),
    (lambda: cq.mcdm.ahp_weights([[1.0, -2.0], [0.5, 1.0]]), "must be positive"),
    (lambda: cq.mcdm.entropy_weights(np.empty((0, 3))), "empty"),
])
def test_wrong_inputs_are_value_errors_saying_why(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_lists_and_arrays_still_give_numpy_results():
    result = cq.mcdm.topsis(MATRIX.tolist(), WEIGHTS, TYPES)
    assert isinstance(result["closeness"], np.ndarray)
    assert isinstance(cq.mcdm.ahp_weights(PAIRWISE.tolist())["weights"], np.ndarray)
    assert isinstance(cq.mcdm.pareto_front(MATRIX, TYPES), list)
