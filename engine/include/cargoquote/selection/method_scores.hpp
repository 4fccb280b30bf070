#pragma once
// Scoring by ranking method: the one place that maps a RankingMethod to its MCDM computation.

#include <cargoquote/catalog/ranking_method.hpp>
#include <cargoquote/selection/mcdm.hpp>
#include <vector>

namespace cargoquote::selection {

// How rank_options normalizes the five criteria for `method` (VIKOR normalizes on its own).
[[nodiscard]] Normalization ranking_normalization(RankingMethod method);

// Each alternative's score under `method` (direction: ranking_method_traits().higher_is_better).
// `normalization` and `bounds` are used by the weighted sum and TOPSIS, `vikor_v` by VIKOR only.
[[nodiscard]] std::vector<double> method_scores(RankingMethod method, const Matrix& matrix,
                                                const std::vector<double>& weights,
                                                const std::vector<CriterionType>& types,
                                                Normalization normalization, double vikor_v = 0.5,
                                                const std::vector<Bounds>& bounds = {});

}  // namespace cargoquote::selection
