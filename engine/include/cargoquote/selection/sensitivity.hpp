#pragma once
// Weight sensitivity of the top-ranked alternative: for each criterion j, the interval of w_j over
// which the current winner stays on top while the other weights are rescaled proportionally so
// that all weights keep their sum W (DOMAIN.md section 5).
//
// Moving w_j to t gives the weights
//     w_j(t) = t,   w_k(t) = w_k * (W - t) / (W - w_j)   for k != j,   t in [0, W].
// When every other weight is 0 (W - w_j = 0) there are no proportions to keep, and the remaining
// W - t is shared equally among the other criteria. "On top" follows ranks_from_scores(): the
// best score wins and equal scores go to the lower index, so a boundary where an alternative with
// a LOWER index ties the winner is excluded from the interval (it is its supremum or infimum), a
// boundary where a higher index ties it is included.
//
// Methods:
//  WeightedSum  EXACT. The normalized values do not depend on the weights, so every score is linear
//               in t: s_i(t) = t v_ij + (W - t) b_i, with v_ij the signed normalized value and
//               b_i = sum_{k != j} w_k v_ik / (W - w_j). The winner p stays on top while
//               s_p(t) - s_i(t) >= 0 for every i: one linear inequality per rival, solved in closed
//               form (bounds exact up to floating-point rounding).
//  Topsis,      NUMERICAL. The top is evaluated on a grid of kSensitivityGridSteps steps of W / 200
//  Vikor        from the current weight outwards (up to W, then down to 0); the first step where
//               the top changes is bisected until the bracket is narrower than
//               kSensitivityTolerance * W. The reported bound is the inside end of that bracket
//               (the winner is still on top there); the true boundary lies within the tolerance
//               outside it. A change back and forth between two grid points is not seen, and the
//               interval is the connected part around the current weight only: beyond a bound the
//               winner may return. VIKOR's top is the lowest Q (rank 1 by Q; the "acceptable
//               advantage" and "acceptable stability" conditions are not applied).
//
// Bad input throws cargoquote::InputError(ErrorCode::InvalidInput), as the underlying methods do.

#include <cargoquote/catalog/ranking_method.hpp>
#include <cargoquote/selection/mcdm.hpp>
#include <cstddef>
#include <vector>

namespace cargoquote::selection {

inline constexpr int kSensitivityGridSteps = 200;
// Bisection stops when the bracket is narrower than this share of the weight sum W.
inline constexpr double kSensitivityTolerance = 1e-6;

struct WeightInterval {
    std::size_t criterion = 0;
    double current = 0.0;        // w_j as given
    double lower = 0.0;          // in [0, current]
    double upper = 0.0;          // in [current, W]
    bool lower_bounded = false;  // the top changes below `lower`; false: it holds down to 0
    bool upper_bounded = false;  // the top changes above `upper`; false: it holds up to W
    friend bool operator==(const WeightInterval&, const WeightInterval&) = default;
};

// The index of the top alternative under `method` with the weights as given (rank 1; ties to the
// lower index). `normalization` and `bounds` are used by WeightedSum and Topsis, `vikor_v` by
// Vikor only.
[[nodiscard]] std::size_t top_alternative(RankingMethod method, const Matrix& matrix,
                                          const std::vector<double>& weights,
                                          const std::vector<CriterionType>& types,
                                          Normalization normalization, double vikor_v = 0.5,
                                          const std::vector<Bounds>& bounds = {});

// `weights` with w_j set to `value` and the others rescaled as described above (sum kept).
// InputError unless 0 <= value <= sum of the weights.
[[nodiscard]] std::vector<double> rescaled_weights(const std::vector<double>& weights,
                                                   std::size_t criterion, double value);

// One interval per criterion, in criterion order, for the alternative top_alternative() returns.
// Degenerate cases: with one alternative, or when all weights are 0, every interval is the whole
// range [0, W] and unbounded; with one criterion, w_j cannot move (lower = upper = W, unbounded).
[[nodiscard]] std::vector<WeightInterval> weight_sensitivity(
    RankingMethod method, const Matrix& matrix, const std::vector<double>& weights,
    const std::vector<CriterionType>& types, Normalization normalization, double vikor_v = 0.5,
    const std::vector<Bounds>& bounds = {});

}  // namespace cargoquote::selection
