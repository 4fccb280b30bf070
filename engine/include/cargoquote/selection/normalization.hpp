#pragma once
// Column-wise normalization of a decision matrix, one rule per Normalization value. Which rule a
// method uses is a modelling decision: min-max and sum depend on the candidate set, so removing
// an option (e.g. after a hard SLA limit) can reorder the others ("rank reversal"); fixed bounds do
// not. Apply hard limits before normalizing.

#include <cargoquote/selection/mcdm.hpp>
#include <vector>

namespace cargoquote::selection {

// Returns a matrix of the same shape. Per rule, for column x of alternatives:
//  Vector      x / ||x||_2 for every criterion: the direction is KEPT (a cost stays "lower is
//              better"); TOPSIS takes care of it through the ideal point. A zero column stays 0.
//  MinMax      benefit (x - min) / (max - min), cost (max - x) / (max - min): 1 is the best in
//              the candidate set, 0 the worst. A column of equal values gives 1.0 to everyone:
//              nobody is worse than anybody else on it.
//  Sum         benefit x / sum(x); cost (1/x) / sum(1/x). Needs x >= 0, and x > 0 for a cost.
//              A benefit column of zeros gives 1/m to each of the m alternatives.
//  FixedBounds benefit (x - lower) / (upper - lower), cost (upper - x) / (upper - lower), clamped
//              to [0, 1]: beyond a scale end earns nothing more. Needs one Bounds per criterion
//              with lower < upper; scores no longer depend on the other candidates.
// Every rule but Vector therefore returns "higher is better" values. `bounds` must be given for
// FixedBounds and only for it (InputError otherwise, as for wrong lengths or invalid values).
[[nodiscard]] Matrix normalize(const Matrix& matrix, const std::vector<CriterionType>& types,
                               Normalization normalization, const std::vector<Bounds>& bounds = {});

// True when normalize() with this rule turns every criterion into "higher is better".
[[nodiscard]] constexpr bool is_benefit_oriented(Normalization normalization) noexcept {
    return normalization != Normalization::Vector;
}

}  // namespace cargoquote::selection
