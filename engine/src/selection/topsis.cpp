#include <algorithm>
#include <cargoquote/selection/normalization.hpp>
#include <cargoquote/selection/topsis.hpp>
#include <cmath>
#include <utility>

namespace cargoquote::selection {

namespace {
struct ReferencePoints {
    std::vector<double> ideal;
    std::vector<double> anti_ideal;
};

Matrix apply_weights(const Matrix& normalized, const std::vector<double>& weights) {
    std::vector<double> values = normalized.values();
    for (std::size_t k = 0; k < values.size(); ++k) values[k] *= weights[k % normalized.cols()];
    return Matrix::from_values(normalized.rows(), normalized.cols(), std::move(values));
}

ReferencePoints reference_points(const Matrix& weighted, const std::vector<CriterionType>& types,
                                 bool benefit_oriented) {
    ReferencePoints points{std::vector<double>(weighted.cols()),
                           std::vector<double>(weighted.cols())};
    for (std::size_t j = 0; j < weighted.cols(); ++j) {
        const std::vector<double> column = weighted.column(j);
        const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
        const bool higher_is_better = benefit_oriented || types[j] == CriterionType::Benefit;
        points.ideal[j] = higher_is_better ? *hi : *lo;
        points.anti_ideal[j] = higher_is_better ? *lo : *hi;
    }
    return points;
}

double distance(const Matrix& weighted, std::size_t row, const std::vector<double>& point) {
    double squares = 0.0;
    for (std::size_t j = 0; j < weighted.cols(); ++j) {
        const double gap = weighted.at(row, j) - point[j];
        squares += gap * gap;
    }
    return std::sqrt(squares);
}
}  // namespace

TopsisResult topsis(const Matrix& matrix, const std::vector<double>& weights,
                    const std::vector<CriterionType>& types, Normalization normalization,
                    const std::vector<Bounds>& bounds) {
    validate_weights(weights, matrix.cols());
    const Matrix weighted = apply_weights(normalize(matrix, types, normalization, bounds), weights);
    const ReferencePoints points =
        reference_points(weighted, types, is_benefit_oriented(normalization));
    TopsisResult result;
    for (std::size_t i = 0; i < matrix.rows(); ++i) {
        const double d_plus = distance(weighted, i, points.ideal);
        const double d_minus = distance(weighted, i, points.anti_ideal);
        const double spread = d_plus + d_minus;
        // spread is 0 only when the ideal and anti-ideal coincide, i.e. all alternatives are equal.
        result.closeness.push_back(spread == 0.0 ? 1.0 : d_minus / spread);
        result.d_plus.push_back(d_plus);
        result.d_minus.push_back(d_minus);
    }
    return result;
}

}  // namespace cargoquote::selection
