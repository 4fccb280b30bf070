#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/normalization.hpp>
#include <cmath>
#include <numeric>
#include <utility>

namespace cargoquote::selection {

namespace {
using Column = std::vector<double>;

Column vector_rule(const Column& x) {
    const double norm = std::sqrt(std::inner_product(x.begin(), x.end(), x.begin(), 0.0));
    Column out(x.size(), 0.0);
    if (norm == 0.0) return out;  // an all-zero column tells the alternatives apart on nothing
    std::transform(x.begin(), x.end(), out.begin(), [&](double v) { return v / norm; });
    return out;
}

Column min_max_rule(const Column& x, CriterionType type) {
    const auto [lo_it, hi_it] = std::minmax_element(x.begin(), x.end());
    const double lo = *lo_it;
    const double hi = *hi_it;
    Column out(x.size(), 1.0);
    if (hi == lo) return out;  // all equal: nobody is worse, so everyone gets the best value
    for (std::size_t i = 0; i < x.size(); ++i) {
        out[i] = type == CriterionType::Benefit ? (x[i] - lo) / (hi - lo) : (hi - x[i]) / (hi - lo);
    }
    return out;
}

Column sum_rule(const Column& x, CriterionType type, std::size_t col) {
    Column share(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const bool invalid = type == CriterionType::Cost ? x[i] <= 0.0 : x[i] < 0.0;
        if (invalid) {
            throw InputError(
                ErrorCode::InvalidInput, fmt::format("matrix/{}/{}", i, col),
                fmt::format("sum normalization needs {} values, got {}",
                            type == CriterionType::Cost ? "positive cost" : "non-negative benefit",
                            x[i]));
        }
        // A cost enters through its reciprocal so that the cheapest gets the largest share.
        share[i] = type == CriterionType::Cost ? 1.0 / x[i] : x[i];
    }
    const double total = std::accumulate(share.begin(), share.end(), 0.0);
    if (total == 0.0) return Column(x.size(), 1.0 / static_cast<double>(x.size()));
    for (double& v : share) v /= total;
    return share;
}

Column fixed_bounds_rule(const Column& x, CriterionType type, Bounds bounds) {
    const double span = bounds.upper - bounds.lower;
    Column out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double value = type == CriterionType::Benefit ? (x[i] - bounds.lower) / span
                                                            : (bounds.upper - x[i]) / span;
        out[i] = std::clamp(value, 0.0, 1.0);
    }
    return out;
}

void validate_bounds(const std::vector<Bounds>& bounds, Normalization normalization,
                     std::size_t criteria) {
    if (normalization != Normalization::FixedBounds) {
        if (!bounds.empty()) {
            throw InputError(ErrorCode::InvalidInput, "bounds",
                             "bounds are used by fixed-bounds normalization only");
        }
        return;
    }
    if (bounds.size() != criteria) {
        throw InputError(ErrorCode::InvalidInput, "bounds",
                         fmt::format("{} bounds for {} criteria", bounds.size(), criteria));
    }
    for (std::size_t j = 0; j < bounds.size(); ++j) {
        const Bounds& b = bounds[j];
        if (!std::isfinite(b.lower) || !std::isfinite(b.upper) || !(b.lower < b.upper)) {
            throw InputError(
                ErrorCode::InvalidInput, fmt::format("bounds/{}", j),
                fmt::format("need finite lower < upper, got [{}, {}]", b.lower, b.upper));
        }
    }
}

Column normalize_column(const Matrix& matrix, std::size_t col, CriterionType type,
                        Normalization normalization, const std::vector<Bounds>& bounds) {
    const Column x = matrix.column(col);
    switch (normalization) {
        case Normalization::Vector:
            return vector_rule(x);
        case Normalization::MinMax:
            return min_max_rule(x, type);
        case Normalization::Sum:
            return sum_rule(x, type, col);
        case Normalization::FixedBounds:
            return fixed_bounds_rule(x, type, bounds[col]);
    }
    throw InputError(ErrorCode::InvalidInput, "normalization", "unknown normalization");
}
}  // namespace

Matrix normalize(const Matrix& matrix, const std::vector<CriterionType>& types,
                 Normalization normalization, const std::vector<Bounds>& bounds) {
    validate_types(types, matrix.cols());
    validate_bounds(bounds, normalization, matrix.cols());
    std::vector<double> values(matrix.values().size());
    for (std::size_t j = 0; j < matrix.cols(); ++j) {
        const Column out = normalize_column(matrix, j, types[j], normalization, bounds);
        for (std::size_t i = 0; i < matrix.rows(); ++i) values[i * matrix.cols() + j] = out[i];
    }
    return Matrix::from_values(matrix.rows(), matrix.cols(), std::move(values));
}

}  // namespace cargoquote::selection
