#pragma once
// The five selection criteria and a weight for each: what a request, a customer's preference or
// the defaults ask the ranking to value.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cargoquote::selection {

inline constexpr std::array<std::string_view, 5> kCriterionNames = {"price", "time", "reliability",
                                                                    "risk", "co2"};

// One criterion=weight item as given: the weight a decimal text (none: the "=weight" is missing).
struct NamedWeight {
    std::string criterion;
    std::optional<std::string> weight;
};

// Weights by criterion in kCriterionNames order; they need not sum to one (scaled before use).
struct CriterionWeights {
    std::array<double, 5> values{0.4, 0.3, 0.2, 0.1, 0.0};
    // "price=0.4,time=0.3,reliability=0.2,risk=0.1": named criteria replace the defaults, the
    // rest become 0. InputError(InvalidInput) naming `field` for unknown names or bad numbers.
    [[nodiscard]] static CriterionWeights parse(std::string_view text, std::string_view field);
    // The same from items already split (a Python dict, say); the same checks and messages.
    [[nodiscard]] static CriterionWeights from_named(std::span<const NamedWeight> named,
                                                     std::string_view field);
    [[nodiscard]] std::string text() const;
    friend bool operator==(const CriterionWeights&, const CriterionWeights&) = default;
};

}  // namespace cargoquote::selection
