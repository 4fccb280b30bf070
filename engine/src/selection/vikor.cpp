#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/vikor.hpp>
#include <cmath>
#include <tuple>
#include <utility>

namespace cargoquote::selection {

namespace {
// Entry (i, j) is w_j (f*_j - f_ij) / (f*_j - f-_j): how far alternative i falls short of the best
// on criterion j, as a share of the criterion's weight. 0 where the criterion does not vary.
Matrix weighted_shortfalls(const Matrix& matrix, const std::vector<double>& weights,
                           const std::vector<CriterionType>& types) {
    std::vector<double> values(matrix.values().size(), 0.0);
    for (std::size_t j = 0; j < matrix.cols(); ++j) {
        const std::vector<double> column = matrix.column(j);
        const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
        const double best = types[j] == CriterionType::Benefit ? *hi : *lo;
        const double worst = types[j] == CriterionType::Benefit ? *lo : *hi;
        if (best == worst) continue;
        for (std::size_t i = 0; i < matrix.rows(); ++i) {
            values[i * matrix.cols() + j] = weights[j] * (best - column[i]) / (best - worst);
        }
    }
    return Matrix::from_values(matrix.rows(), matrix.cols(), std::move(values));
}

// S_i, the sum, and R_i, the largest, of each alternative's weighted shortfalls.
std::pair<std::vector<double>, std::vector<double>> group_utility_and_regret(
    const Matrix& shortfalls) {
    std::vector<double> s(shortfalls.rows(), 0.0);
    std::vector<double> r(shortfalls.rows(), 0.0);  // shortfalls are >= 0: 0 starts the maximum
    for (std::size_t i = 0; i < shortfalls.rows(); ++i) {
        for (std::size_t j = 0; j < shortfalls.cols(); ++j) {
            s[i] += shortfalls.at(i, j);
            r[i] = std::max(r[i], shortfalls.at(i, j));
        }
    }
    return {s, r};
}

// S and R are sums and maxima of weighted shares in [0, 1] (the weights sum to 1): a spread this
// small is rounding noise between equal values (equal weights written two ways, weights scaled by
// a constant), and dividing by it would turn that noise into a full 0-to-1 swing of Q.
constexpr double kNoSpread = 1e-12;

// (x - lo) / (hi - lo) over the alternatives' values, 0 when they are all equal (within kNoSpread).
std::vector<double> spread_shares(const std::vector<double>& x) {
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    std::vector<double> out(x.size(), 0.0);
    if (*hi - *lo <= kNoSpread) return out;
    for (std::size_t i = 0; i < x.size(); ++i) out[i] = (x[i] - *lo) / (*hi - *lo);
    return out;
}
}  // namespace

VikorResult vikor(const Matrix& matrix, const std::vector<double>& weights,
                  const std::vector<CriterionType>& types, double v) {
    validate_weights(weights, matrix.cols());
    validate_types(types, matrix.cols());
    if (!(v >= 0.0 && v <= 1.0)) {
        throw InputError(ErrorCode::InvalidInput, "v",
                         fmt::format("strategy weight v must be in [0, 1], got {}", v));
    }
    const Matrix shortfalls = weighted_shortfalls(matrix, weights, types);
    VikorResult result;
    std::tie(result.s, result.r) = group_utility_and_regret(shortfalls);
    const std::vector<double> s_shares = spread_shares(result.s);
    const std::vector<double> r_shares = spread_shares(result.r);
    for (std::size_t i = 0; i < matrix.rows(); ++i) {
        result.q.push_back(v * s_shares[i] + (1.0 - v) * r_shares[i]);
    }
    return result;
}

}  // namespace cargoquote::selection
