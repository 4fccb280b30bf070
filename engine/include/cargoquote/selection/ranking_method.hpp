#pragma once
// The multi-criteria ranking methods: one enum and one table of their names and properties. The
// JSON reader and writer, the command line, the bindings, the rate-store import and the schema
// test all read the table, so a new method is an entry here and its scoring in method_scores().

#include <array>
#include <cargoquote/selection/mcdm.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote::selection {

enum class RankingMethod { WeightedSum, Topsis, Vikor };

struct RankingMethodTraits {
    RankingMethod method;
    std::string_view name;        // "weighted_sum": JSON, command line, Python, rate store
    Normalization normalization;  // how rank_options normalizes the five criteria for it
    bool higher_is_better;        // direction of its score (VIKOR's Q: lower is better)
};

inline constexpr std::array<RankingMethodTraits, 3> kRankingMethods = {{
    {RankingMethod::WeightedSum, "weighted_sum", Normalization::MinMax, true},
    {RankingMethod::Topsis, "topsis", Normalization::Vector, true},
    {RankingMethod::Vikor, "vikor", Normalization::MinMax, false},  // normalizes on its own
}};

// The names alone, in table order (for messages and the schema's CHECK list).
inline constexpr std::array<std::string_view, kRankingMethods.size()> kRankingMethodNames = [] {
    std::array<std::string_view, kRankingMethods.size()> names{};
    for (std::size_t i = 0; i < names.size(); ++i) names[i] = kRankingMethods[i].name;
    return names;
}();

[[nodiscard]] const RankingMethodTraits& ranking_method_traits(RankingMethod method);
[[nodiscard]] std::string_view ranking_method_name(RankingMethod method);  // "weighted_sum", ...
[[nodiscard]] std::optional<RankingMethod> parse_ranking_method(std::string_view name);
// The known names for messages: "weighted_sum, topsis or vikor".
[[nodiscard]] std::string ranking_method_choices();
// parse_ranking_method, or InputError(InvalidInput) naming `field` and listing the choices.
[[nodiscard]] RankingMethod require_ranking_method(std::string_view name, std::string_view field);

// Each alternative's score under `method` (direction: ranking_method_traits().higher_is_better).
// `normalization` and `bounds` are used by the weighted sum and TOPSIS, `vikor_v` by VIKOR only.
[[nodiscard]] std::vector<double> method_scores(RankingMethod method, const Matrix& matrix,
                                                const std::vector<double>& weights,
                                                const std::vector<CriterionType>& types,
                                                Normalization normalization, double vikor_v = 0.5,
                                                const std::vector<Bounds>& bounds = {});

}  // namespace cargoquote::selection
