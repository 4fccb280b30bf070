#pragma once
// VIKOR (Opricovic & Tzeng 2004): a compromise ranking balancing group utility against the worst
// individual regret. Lower values are better for all three measures.

#include <cargoquote/selection/mcdm.hpp>
#include <vector>

namespace cargoquote::selection {

struct VikorResult {
    std::vector<double> s;  // S_i, group utility: sum_j w_j (f*_j - f_ij) / (f*_j - f-_j)
    std::vector<double> r;  // R_i, individual regret: the largest of those terms
    std::vector<double> q;  // Q_i = v (S_i - S*) / (S- - S*) + (1 - v) (R_i - R*) / (R- - R*)
};

// f*_j / f-_j are the best / worst values of criterion j (max / min for a benefit, min / max for
// a cost) over the alternatives; weights are applied as given; v in [0, 1] weighs the majority
// rule against individual regret (0.5 is the usual consensus). A criterion on which every
// alternative is equal contributes 0; when all S (or all R) are equal their part of Q is 0, so no
// division by zero happens. InputError for v outside [0, 1].
[[nodiscard]] VikorResult vikor(const Matrix& matrix, const std::vector<double>& weights,
                                const std::vector<CriterionType>& types, double v = 0.5);

}  // namespace cargoquote::selection
