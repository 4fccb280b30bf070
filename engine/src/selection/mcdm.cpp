#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/mcdm.hpp>
#include <cargoquote/selection/normalization.hpp>
#include <cassert>
#include <cmath>
#include <numeric>
#include <utility>

namespace cargoquote::selection {

Matrix::Matrix(std::size_t rows, std::size_t cols, std::vector<double> values)
    : rows_(rows), cols_(cols), values_(std::move(values)) {}

Matrix Matrix::from_values(std::size_t rows, std::size_t cols, std::vector<double> values) {
    if (rows == 0 || cols == 0) {
        throw InputError(ErrorCode::InvalidInput, "matrix",
                         "needs at least one alternative (row) and one criterion (column)");
    }
    if (values.size() != rows * cols) {
        throw InputError(ErrorCode::InvalidInput, "matrix",
                         fmt::format("{} values do not fill {} x {}", values.size(), rows, cols));
    }
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (!std::isfinite(values[k])) {
            throw InputError(ErrorCode::InvalidInput,
                             fmt::format("matrix/{}/{}", k / cols, k % cols),
                             "value is not a finite number");
        }
    }
    return Matrix(rows, cols, std::move(values));
}

Matrix Matrix::from_rows(const std::vector<std::vector<double>>& rows) {
    if (rows.empty()) {
        throw InputError(ErrorCode::InvalidInput, "matrix", "needs at least one alternative");
    }
    const std::size_t cols = rows.front().size();
    std::vector<double> values;
    values.reserve(rows.size() * cols);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].size() != cols) {
            throw InputError(
                ErrorCode::InvalidInput, fmt::format("matrix/{}", i),
                fmt::format("row has {} values, the first row has {}", rows[i].size(), cols));
        }
        values.insert(values.end(), rows[i].begin(), rows[i].end());
    }
    return from_values(rows.size(), cols, std::move(values));
}

double Matrix::at(std::size_t row, std::size_t col) const {
    assert(row < rows_ && col < cols_);
    return values_[row * cols_ + col];
}

std::vector<double> Matrix::column(std::size_t col) const {
    assert(col < cols_);
    std::vector<double> out(rows_);
    for (std::size_t i = 0; i < rows_; ++i) out[i] = values_[i * cols_ + col];
    return out;
}

void validate_types(const std::vector<CriterionType>& types, std::size_t criteria) {
    if (types.size() != criteria) {
        throw InputError(ErrorCode::InvalidInput, "types",
                         fmt::format("{} criterion types for {} criteria", types.size(), criteria));
    }
}

void validate_weights(const std::vector<double>& weights, std::size_t criteria) {
    if (weights.size() != criteria) {
        throw InputError(ErrorCode::InvalidInput, "weights",
                         fmt::format("{} weights for {} criteria", weights.size(), criteria));
    }
    for (std::size_t j = 0; j < weights.size(); ++j) {
        if (!std::isfinite(weights[j]) || weights[j] < 0.0) {
            throw InputError(ErrorCode::InvalidInput, fmt::format("weights/{}", j),
                             fmt::format("weight {} is not a finite number >= 0", weights[j]));
        }
    }
}

std::vector<double> weighted_sum(const Matrix& matrix, const std::vector<double>& weights,
                                 const std::vector<CriterionType>& types,
                                 Normalization normalization, const std::vector<Bounds>& bounds) {
    validate_weights(weights, matrix.cols());
    const Matrix normalized = normalize(matrix, types, normalization, bounds);
    const bool oriented = is_benefit_oriented(normalization);
    std::vector<double> scores(matrix.rows(), 0.0);
    for (std::size_t j = 0; j < matrix.cols(); ++j) {
        // Only vector-normalized costs still point downwards; they count against the score.
        const double sign = oriented || types[j] == CriterionType::Benefit ? 1.0 : -1.0;
        for (std::size_t i = 0; i < matrix.rows(); ++i) {
            scores[i] += sign * weights[j] * normalized.at(i, j);
        }
    }
    return scores;
}

namespace {
constexpr double kScoreTieResolution = 1e9;
}  // namespace

std::vector<std::size_t> ranks_from_scores(const std::vector<double>& scores,
                                           bool higher_is_better) {
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!std::isfinite(scores[i])) {
            throw InputError(ErrorCode::InvalidInput, fmt::format("scores/{}", i),
                             "score is not a finite number");
        }
    }
    // Scores equal to 9 decimals are ties: mathematically equal scores reached through different
    // floating-point paths (weights scaled by a constant, say) must not rank by rounding noise.
    std::vector<double> keys(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        keys[i] = std::nearbyint(scores[i] * kScoreTieResolution) / kScoreTieResolution;
    }
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // A stable sort keeps equal scores in index order: the documented tie-break.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return higher_is_better ? keys[a] > keys[b] : keys[a] < keys[b];
    });
    std::vector<std::size_t> ranks(scores.size());
    for (std::size_t position = 0; position < order.size(); ++position) {
        ranks[order[position]] = position + 1;
    }
    return ranks;
}

}  // namespace cargoquote::selection
