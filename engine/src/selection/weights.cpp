#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/weights.hpp>
#include <cmath>
#include <numeric>

namespace cargoquote::selection {

namespace {
// 1 - E_j for one column of non-negative values; exactly 0 when the column does not vary.
double divergence(const std::vector<double>& x) {
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    if (*lo == *hi) return 0.0;  // exact, instead of 1 - E with E rounded near 1
    const double total = std::accumulate(x.begin(), x.end(), 0.0);
    double entropy = 0.0;
    for (double value : x) {
        const double p = value / total;
        if (p > 0.0) entropy -= p * std::log(p);  // 0 ln 0 = 0
    }
    entropy /= std::log(static_cast<double>(x.size()));
    return std::max(0.0, 1.0 - entropy);
}

void validate_entropy_input(const Matrix& matrix) {
    if (matrix.rows() < 2) {
        throw InputError(ErrorCode::InvalidInput, "matrix",
                         "entropy weights need at least two alternatives");
    }
    for (std::size_t i = 0; i < matrix.rows(); ++i) {
        for (std::size_t j = 0; j < matrix.cols(); ++j) {
            if (matrix.at(i, j) < 0.0) {
                throw InputError(
                    ErrorCode::InvalidInput, fmt::format("matrix/{}/{}", i, j),
                    fmt::format("entropy weights need values >= 0, got {}", matrix.at(i, j)));
            }
        }
    }
}
}  // namespace

std::vector<double> normalize_weights(const std::vector<double>& weights) {
    if (weights.empty()) {
        throw InputError(ErrorCode::InvalidInput, "weights", "no weights given");
    }
    validate_weights(weights, weights.size());
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (total == 0.0) {
        throw InputError(ErrorCode::InvalidInput, "weights", "weights sum to zero");
    }
    std::vector<double> out(weights);
    for (double& w : out) w /= total;
    return out;
}

std::vector<double> entropy_weights(const Matrix& matrix) {
    validate_entropy_input(matrix);
    std::vector<double> divergences(matrix.cols());
    for (std::size_t j = 0; j < matrix.cols(); ++j) divergences[j] = divergence(matrix.column(j));
    const double total = std::accumulate(divergences.begin(), divergences.end(), 0.0);
    if (total == 0.0) {
        return std::vector<double>(matrix.cols(), 1.0 / static_cast<double>(matrix.cols()));
    }
    for (double& d : divergences) d /= total;
    return divergences;
}

}  // namespace cargoquote::selection
