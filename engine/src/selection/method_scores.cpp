#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/method_scores.hpp>
#include <cargoquote/selection/topsis.hpp>
#include <cargoquote/selection/vikor.hpp>

namespace cargoquote::selection {

Normalization ranking_normalization(RankingMethod method) {
    switch (method) {
        case RankingMethod::WeightedSum:
            return Normalization::MinMax;
        case RankingMethod::Topsis:
            return Normalization::Vector;  // TOPSIS in its classical form
        case RankingMethod::Vikor:
            return Normalization::MinMax;  // unused: VIKOR normalizes by (f* - f) / (f* - f-)
    }
    return Normalization::MinMax;
}

std::vector<double> method_scores(RankingMethod method, const Matrix& matrix,
                                  const std::vector<double>& weights,
                                  const std::vector<CriterionType>& types,
                                  Normalization normalization, double vikor_v,
                                  const std::vector<Bounds>& bounds) {
    switch (method) {
        case RankingMethod::WeightedSum:
            return weighted_sum(matrix, weights, types, normalization, bounds);
        case RankingMethod::Topsis:
            return topsis(matrix, weights, types, normalization, bounds).closeness;
        case RankingMethod::Vikor:
            return vikor(matrix, weights, types, vikor_v).q;
    }
    throw InputError(ErrorCode::InvalidInput, "method", "unknown ranking method");
}

}  // namespace cargoquote::selection
