#pragma once
// The multi-criteria ranking methods: one enum and one table of their names and directions. The
// JSON reader and writer, the command line, the bindings, the rate-store import and the schema
// test all read the table, so a new method is a row here and its scoring in
// selection/method_scores.cpp. (In the catalog because customers' preferences name a method.)

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace cargoquote::selection {

enum class RankingMethod { WeightedSum, Topsis, Vikor };

struct RankingMethodTraits {
    RankingMethod method;
    std::string_view name;  // "weighted_sum": JSON, command line, Python, rate store
    bool higher_is_better;  // direction of its score (VIKOR's Q: lower is better)
};

inline constexpr std::array<RankingMethodTraits, 3> kRankingMethods = {{
    {RankingMethod::WeightedSum, "weighted_sum", true},
    {RankingMethod::Topsis, "topsis", true},
    {RankingMethod::Vikor, "vikor", false},
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

}  // namespace cargoquote::selection
