#include <fmt/format.h>

#include <cargoquote/catalog/ranking_method.hpp>
#include <cargoquote/core/error.hpp>

namespace cargoquote::selection {

const RankingMethodTraits& ranking_method_traits(RankingMethod method) {
    for (const auto& traits : kRankingMethods) {
        if (traits.method == method) return traits;
    }
    throw Error(ErrorCode::Internal, "method", "ranking method missing from kRankingMethods");
}

std::string_view ranking_method_name(RankingMethod method) {
    for (const auto& traits : kRankingMethods) {
        if (traits.method == method) return traits.name;
    }
    return "unknown";
}

std::optional<RankingMethod> parse_ranking_method(std::string_view name) {
    for (const auto& traits : kRankingMethods) {
        if (traits.name == name) return traits.method;
    }
    return std::nullopt;
}

std::string ranking_method_choices() {
    std::string out;
    for (std::size_t i = 0; i < kRankingMethods.size(); ++i) {
        if (i > 0) out += i + 1 == kRankingMethods.size() ? " or " : ", ";
        out += kRankingMethods[i].name;
    }
    return out;
}

RankingMethod require_ranking_method(std::string_view name, std::string_view field) {
    if (const auto method = parse_ranking_method(name)) return *method;
    throw InputError(ErrorCode::InvalidInput, std::string(field),
                     fmt::format("'{}' is not {}", name, ranking_method_choices()));
}

}  // namespace cargoquote::selection
