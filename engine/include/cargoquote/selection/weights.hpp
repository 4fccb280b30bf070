#pragma once
// Criterion weight vectors: rescaling given weights and deriving objective weights from data.
// (Expert weights from pairwise comparisons are in ahp.hpp.)

#include <cargoquote/selection/mcdm.hpp>
#include <vector>

namespace cargoquote::selection {

// weights / sum(weights). InputError for an empty vector, a negative or non-finite weight, or a
// zero sum.
[[nodiscard]] std::vector<double> normalize_weights(const std::vector<double>& weights);

// Shannon entropy weights: p_ij = x_ij / sum_i x_ij, E_j = -(1 / ln m) sum_i p_ij ln p_ij with
// 0 ln 0 = 0, w_j = (1 - E_j) / sum_k (1 - E_k). A criterion whose values do not vary (all equal,
// or all zero) carries no information and gets weight exactly 0. If no criterion varies, every
// criterion gets the same weight (any weights then rank the alternatives alike). The direction of
// a criterion does not matter here. InputError for fewer than 2 alternatives or a negative value.
[[nodiscard]] std::vector<double> entropy_weights(const Matrix& matrix);

}  // namespace cargoquote::selection
