#pragma once
// TOPSIS (Hwang & Yoon 1981): rank alternatives by their closeness to the ideal point relative to
// the anti-ideal point in the weighted, normalized criterion space.

#include <cargoquote/selection/mcdm.hpp>
#include <vector>

namespace cargoquote::selection {

struct TopsisResult {
    std::vector<double> closeness;  // C = D- / (D+ + D-), in [0, 1], higher is better
    std::vector<double> d_plus;     // Euclidean distance to the ideal point
    std::vector<double> d_minus;    // Euclidean distance to the anti-ideal point
};

// Weights are applied as given. With Normalization::Vector (the classic method) the ideal takes
// the maximum of a benefit and the minimum of a cost criterion; the other rules already return
// "higher is better" values, so the ideal is the column maximum. When every alternative sits at
// both the ideal and the anti-ideal (all alternatives equal), closeness is 1.0 for all, matching
// the min-max rule for equal values. `bounds` is for Normalization::FixedBounds only.
[[nodiscard]] TopsisResult topsis(const Matrix& matrix, const std::vector<double>& weights,
                                  const std::vector<CriterionType>& types,
                                  Normalization normalization = Normalization::Vector,
                                  const std::vector<Bounds>& bounds = {});

}  // namespace cargoquote::selection
