#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/catalog/criterion_weights.hpp>
#include <cargoquote/core/decimal.hpp>
#include <cargoquote/core/error.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

namespace cargoquote::selection {

CriterionWeights CriterionWeights::parse(std::string_view text, std::string_view field) {
    std::vector<NamedWeight> named;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        const auto eq = item.find('=');
        named.push_back(NamedWeight{std::string(item.substr(0, eq)),
                                    eq == std::string_view::npos
                                        ? std::nullopt
                                        : std::optional<std::string>(item.substr(eq + 1))});
    }
    return from_named(named, field);
}

CriterionWeights CriterionWeights::from_named(std::span<const NamedWeight> named,
                                              std::string_view field) {
    CriterionWeights w;
    w.values.fill(0.0);
    bool any_positive = false;
    std::array<bool, 5> seen{};
    for (const auto& [name, text] : named) {
        const auto it = std::find(kCriterionNames.begin(), kCriterionNames.end(), name);
        const auto value = text ? parse_scaled_decimal(*text, 6) : std::nullopt;
        if (it == kCriterionNames.end() || !value || *value < 0) {
            throw InputError(
                ErrorCode::InvalidInput, std::string(field),
                fmt::format("'{}{}{}' is not criterion=weight with a criterion among price, "
                            "time, reliability, risk, co2 and a weight >= 0",
                            name, text ? "=" : "", text.value_or("")));
        }
        const auto j = static_cast<std::size_t>(it - kCriterionNames.begin());
        if (seen[j]) {
            throw InputError(ErrorCode::InvalidInput, std::string(field),
                             fmt::format("criterion '{}' given twice", name));
        }
        seen[j] = true;
        w.values[j] = static_cast<double>(*value) / 1e6;
        any_positive = any_positive || *value > 0;
    }
    if (!any_positive) {
        throw InputError(ErrorCode::InvalidInput, std::string(field),
                         "at least one weight must be positive");
    }
    return w;
}

std::string CriterionWeights::text() const {
    std::string out;
    for (std::size_t j = 0; j < 5; ++j) {
        // Plain decimals to the millionth, the precision parse() reads, so the text parses back
        // to the same weights (a double's shortest form would write 1e-06).
        const auto micros = static_cast<std::int64_t>(std::llround(values[j] * 1e6));
        out += fmt::format("{}{}={}", out.empty() ? "" : ",", kCriterionNames[j],
                           format_scaled_decimal(micros, 6, 0));
    }
    return out;
}

}  // namespace cargoquote::selection
