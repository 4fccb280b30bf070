#pragma once
// Ranks the options that meet the SLA with a multi-criteria method and explains each place:
// raw value, normalized value and weighted contribution per criterion, the Pareto flag, and a
// sentence comparing the option with its neighbour above.
//
// Criteria: price (cost), time (cost, transit minutes), reliability (benefit), risk (cost),
// co2 (cost, weight 0 unless asked). Normalization is per method: min-max for the weighted sum,
// vector for TOPSIS (its classical form), VIKOR's own (f* - f) / (f* - f-). Hard limits are
// applied before, so rejected options never move the normalization of the others.

#include <array>
#include <cargoquote/catalog/criterion_weights.hpp>
#include <cargoquote/catalog/ranking_method.hpp>
#include <cargoquote/selection/criteria.hpp>
#include <cargoquote/selection/sensitivity.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote::selection {

struct CriterionScore {
    std::string_view criterion;
    double raw = 0;
    double normalized = 0;    // in [0, 1], higher is better
    double weight = 0;        // scaled to sum 1
    double contribution = 0;  // weight x normalized
};

struct RankedOption {
    std::size_t index = 0;  // into the criteria passed to rank_options
    int rank = 0;           // 1 = best
    double score = 0;  // weighted sum or TOPSIS closeness (higher better); VIKOR Q (lower better)
    bool pareto = false;  // not dominated on all five criteria by another candidate
    std::array<CriterionScore, 5> criteria{};
    std::string why;  // one sentence (when asked for: formatting costs more than ranking)
};

// For the top option and each criterion with a positive weight: the interval of that weight (the
// others rescaled proportionally; weights scaled to sum 1) within which it stays on top. Exact for
// the weighted sum, by bisection for TOPSIS and VIKOR (sensitivity.hpp).
[[nodiscard]] std::vector<WeightInterval> top_option_sensitivity(
    const std::vector<OptionCriteria>& options, RankingMethod method,
    const CriterionWeights& weights);

// Ranked best first. Empty input gives an empty result.
[[nodiscard]] std::vector<RankedOption> rank_options(const std::vector<OptionCriteria>& options,
                                                     RankingMethod method,
                                                     const CriterionWeights& weights,
                                                     bool with_reasons = true);

}  // namespace cargoquote::selection
