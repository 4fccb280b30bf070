#pragma once
// Pareto dominance over raw criterion values.

#include <cargoquote/selection/mcdm.hpp>
#include <vector>

namespace cargoquote::selection {

// result[i] is true when no other alternative is at least as good on every criterion and strictly
// better on one. Identical alternatives do not dominate each other, so both stay on the front.
// O(m^2 n): meant for candidate sets of a quote, not for millions of points.
[[nodiscard]] std::vector<bool> pareto_front(const Matrix& matrix,
                                             const std::vector<CriterionType>& types);

}  // namespace cargoquote::selection
