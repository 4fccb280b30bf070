#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/method_scores.hpp>
#include <cargoquote/selection/normalization.hpp>
#include <cargoquote/selection/sensitivity.hpp>
#include <cargoquote/selection/topsis.hpp>
#include <cargoquote/selection/vikor.hpp>
#include <cmath>
#include <numeric>

namespace cargoquote::selection {

namespace {

// Bounds this close (as a share of W) to 0 or W are settled by evaluating the end itself.
constexpr double kEndpointSnap = 1e-12;

double total(const std::vector<double>& weights) {
    return std::accumulate(weights.begin(), weights.end(), 0.0);
}

// Sum of every weight but w_j, added up directly (not W - w_j) to keep 0 exactly 0.
double others_total(const std::vector<double>& weights, std::size_t j) {
    double sum = 0.0;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (k != j) sum += weights[k];
    }
    return sum;
}

std::size_t rank_one(const std::vector<double>& scores, bool higher_is_better) {
    const std::vector<std::size_t> ranks = ranks_from_scores(scores, higher_is_better);
    return static_cast<std::size_t>(std::find(ranks.begin(), ranks.end(), 1) - ranks.begin());
}

// The interval [0, W] with no bound inside it.
WeightInterval whole_range(std::size_t j, double current, double sum) {
    WeightInterval interval;
    interval.criterion = j;
    interval.current = current;
    interval.lower = 0.0;
    interval.upper = sum;
    return interval;
}

// Weighted sum, exact: see the header for the algebra.
std::vector<WeightInterval> weighted_sum_intervals(const Matrix& matrix,
                                                   const std::vector<double>& weights,
                                                   const std::vector<CriterionType>& types,
                                                   Normalization normalization,
                                                   const std::vector<Bounds>& bounds,
                                                   std::size_t top) {
    const std::vector<double> scores = weighted_sum(matrix, weights, types, normalization, bounds);
    const Matrix normalized = normalize(matrix, types, normalization, bounds);
    const bool oriented = is_benefit_oriented(normalization);
    const std::size_t m = matrix.rows();
    const std::size_t n = matrix.cols();
    // v(i, k): the signed normalized value, so that score_i = sum_k w_k v(i, k) exactly as in
    // weighted_sum().
    const auto v = [&](std::size_t i, std::size_t k) {
        const double sign = oriented || types[k] == CriterionType::Benefit ? 1.0 : -1.0;
        return sign * normalized.at(i, k);
    };
    const double sum = total(weights);

    std::vector<WeightInterval> out;
    for (std::size_t j = 0; j < n; ++j) {
        const double t0 = weights[j];
        WeightInterval interval = whole_range(j, t0, sum);
        const double others = others_total(weights, j);
        // b_i: the score per unit of the weight held by the other criteria.
        std::vector<double> b(m, 0.0);
        for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t k = 0; k < n; ++k) {
                if (k == j) continue;
                b[i] += others > 0.0 ? weights[k] * v(i, k)
                                     : v(i, k);  // equal shares when the others are all 0
            }
            b[i] /= others > 0.0 ? others : static_cast<double>(n - 1);
        }
        // d_i(t) = s_p(t) - s_i(t) = d_i(t0) + (t - t0) e_i, with d_i(t0) >= 0 because p is top.
        double lower = 0.0;
        double upper = sum;
        for (std::size_t i = 0; i < m; ++i) {
            if (i == top) continue;
            const double d = scores[top] - scores[i];
            const double e = (v(top, j) - b[top]) - (v(i, j) - b[i]);
            if (e > 0.0) {
                lower = std::max(lower, t0 - d / e);
            } else if (e < 0.0) {
                upper = std::min(upper, t0 + d / -e);
            }
        }
        if (lower > 0.0) {
            interval.lower = std::min(lower, t0);
            interval.lower_bounded = true;
        }
        if (upper < sum) {
            interval.upper = std::max(upper, t0);
            interval.upper_bounded = true;
        }
        // A crossing at (or, by rounding, next to) an end of [0, W] is a tie there; whether the
        // winner keeps the top depends on the rivals' indices, so ask ranks_from_scores directly.
        const double snap = kEndpointSnap * sum;
        const auto settle_end = [&](double end, double& bound, bool& bounded) {
            if (bounded && std::abs(bound - end) > snap) return;
            if (end == t0) {
                bound = end;
                bounded = false;
                return;
            }
            const std::size_t at_end = top_alternative(RankingMethod::WeightedSum, matrix,
                                                       rescaled_weights(weights, j, end), types,
                                                       normalization, 0.5, bounds);
            bound = end;
            bounded = at_end != top;
        };
        settle_end(0.0, interval.lower, interval.lower_bounded);
        settle_end(sum, interval.upper, interval.upper_bounded);
        out.push_back(interval);
    }
    return out;
}

// TOPSIS and VIKOR: grid scan outwards from the current weight, then bisection.
std::vector<WeightInterval> numerical_intervals(RankingMethod method, const Matrix& matrix,
                                                const std::vector<double>& weights,
                                                const std::vector<CriterionType>& types,
                                                Normalization normalization, double vikor_v,
                                                const std::vector<Bounds>& bounds,
                                                std::size_t top) {
    const double sum = total(weights);
    const double step = sum / kSensitivityGridSteps;
    const double tolerance = kSensitivityTolerance * sum;
    std::vector<WeightInterval> out;
    for (std::size_t j = 0; j < matrix.cols(); ++j) {
        const double t0 = weights[j];
        const auto stays_on_top = [&](double t) {
            if (t == t0) return true;
            return top_alternative(method, matrix, rescaled_weights(weights, j, t), types,
                                   normalization, vikor_v, bounds) == top;
        };
        // The last weight still on top, scanning from t0 towards `end` (0 or W); `bounded` says
        // whether the top changed before `end`.
        const auto scan = [&](double end, bool& bounded) {
            const double direction = end > t0 ? 1.0 : -1.0;
            double inside = t0;
            for (int k = 1; inside != end; ++k) {
                double t = t0 + direction * step * k;
                if (direction * (t - end) >= 0.0) t = end;
                if (!stays_on_top(t)) {
                    double outside = t;
                    while (std::abs(outside - inside) > tolerance) {
                        const double middle = 0.5 * (inside + outside);
                        (stays_on_top(middle) ? inside : outside) = middle;
                    }
                    bounded = true;
                    return inside;
                }
                inside = t;
            }
            bounded = false;
            return end;
        };
        WeightInterval interval = whole_range(j, t0, sum);
        interval.upper = scan(sum, interval.upper_bounded);
        interval.lower = scan(0.0, interval.lower_bounded);
        out.push_back(interval);
    }
    return out;
}

}  // namespace

std::size_t top_alternative(RankingMethod method, const Matrix& matrix,
                            const std::vector<double>& weights,
                            const std::vector<CriterionType>& types, Normalization normalization,
                            double vikor_v, const std::vector<Bounds>& bounds) {
    return rank_one(method_scores(method, matrix, weights, types, normalization, vikor_v, bounds),
                    ranking_method_traits(method).higher_is_better);
}

std::vector<double> rescaled_weights(const std::vector<double>& weights, std::size_t criterion,
                                     double value) {
    validate_weights(weights, weights.size());
    if (criterion >= weights.size()) {
        throw InputError(ErrorCode::InvalidInput, "criterion",
                         fmt::format("criterion {} of {}", criterion, weights.size()));
    }
    const double sum = total(weights);
    if (!(value >= 0.0 && value <= sum)) {
        throw InputError(ErrorCode::InvalidInput, "value",
                         fmt::format("weight {} is outside [0, {}]", value, sum));
    }
    const double others = others_total(weights, criterion);
    const double rest = sum - value;
    std::vector<double> out(weights.size(), 0.0);
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (k == criterion) {
            out[k] = value;
        } else if (others > 0.0) {
            out[k] = weights[k] * (rest / others);
        } else {
            out[k] = rest / static_cast<double>(weights.size() - 1);
        }
    }
    return out;
}

std::vector<WeightInterval> weight_sensitivity(RankingMethod method, const Matrix& matrix,
                                               const std::vector<double>& weights,
                                               const std::vector<CriterionType>& types,
                                               Normalization normalization, double vikor_v,
                                               const std::vector<Bounds>& bounds) {
    validate_weights(weights, matrix.cols());
    validate_types(types, matrix.cols());
    // Also validates the method-specific arguments (normalization bounds, v).
    const std::size_t top =
        top_alternative(method, matrix, weights, types, normalization, vikor_v, bounds);
    const double sum = total(weights);
    if (matrix.rows() == 1 || sum == 0.0 || matrix.cols() == 1) {
        std::vector<WeightInterval> out;
        for (std::size_t j = 0; j < matrix.cols(); ++j) {
            out.push_back(whole_range(j, weights[j], sum));
            if (matrix.cols() == 1) out.back().lower = sum;  // the only weight cannot move
        }
        return out;
    }
    if (method == RankingMethod::WeightedSum) {
        return weighted_sum_intervals(matrix, weights, types, normalization, bounds, top);
    }
    return numerical_intervals(method, matrix, weights, types, normalization, vikor_v, bounds, top);
}

}  // namespace cargoquote::selection
