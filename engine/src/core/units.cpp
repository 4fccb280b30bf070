#include <fmt/format.h>

#include <cargoquote/core/decimal.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/units.hpp>

namespace cargoquote {

Mass Mass::parse_kg(std::string_view kg_text, std::string_view field) {
    const auto grams = parse_scaled_decimal(kg_text, 3);
    if (!grams) {
        throw InputError(ErrorCode::InvalidNumber, std::string(field),
                         fmt::format("'{}' is not a weight in kg", kg_text));
    }
    return Mass(*grams);
}

std::string Mass::kg_text() const { return format_scaled_decimal(raw(), 3, 1); }

Mass Mass::rounded_up_to(Mass step) const {
    if (step.raw() <= 0) return *this;
    return Mass(static_cast<std::int64_t>(divide_round_up(raw(), step.raw()) * step.raw()));
}

Length Length::parse_cm(std::string_view cm_text, std::string_view field) {
    const auto um = parse_scaled_decimal(cm_text, 4);
    if (!um) {
        throw InputError(ErrorCode::InvalidNumber, std::string(field),
                         fmt::format("'{}' is not a length in cm", cm_text));
    }
    return Length(*um);
}

std::int64_t Length::whole_cm_half_up() const {
    return static_cast<std::int64_t>(divide_round_half_up(raw(), 10'000));
}

std::string Length::cm_text() const { return format_scaled_decimal(raw(), 4, 0); }

}  // namespace cargoquote
