#include "import/field_parsers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/catalog/fx.hpp>
#include <cargoquote/core/decimal.hpp>

namespace cargoquote::rates::fields {

void refuse(std::string_view text, ErrorCode code, std::string_view phrase) {
    throw InputError(code, {}, fmt::format("'{}' {}", text, phrase));
}

void Range::check(std::string_view text, std::int64_t magnitude) const {
    if (magnitude < min.value) refuse(text, min.code, min.phrase);
    if (magnitude > max.value) refuse(text, max.code, max.phrase);
}

std::int64_t whole_number(const std::string& text, std::string_view not_whole, const Range& range) {
    const auto value = parse_scaled_decimal(text, 0);
    if (!value || text.find('.') != std::string::npos) {
        refuse(text, ErrorCode::InvalidNumber, not_whole);
    }
    range.check(text, *value);
    return *value;
}

Mass Kilograms::operator()(const std::string& text) const {
    const Mass mass = Mass::parse_kg(text, {});
    range.check(text, mass.in_grams());
    return mass;
}

Length Centimetres::operator()(const std::string& text) const {
    const Length length = Length::parse_cm(text, {});
    range.check(text, length.in_micrometres());
    return length;
}

Ratio Percent::operator()(const std::string& text) const {
    const Ratio ratio = Ratio::parse_percent(text, {});
    range.check(text, ratio.ppm());
    return ratio;
}

Money Amount::operator()(const std::string& text) const {
    const Money money = Money::parse(currency, text, {});
    range.check(text, money.micros());
    return money;
}

double Degrees::operator()(const std::string& text) const {
    const auto micro = parse_scaled_decimal(text, 6);
    if (!micro) refuse(text, ErrorCode::InvalidNumber, "is not a number");
    const std::string outside = fmt::format("is outside -{}..{} degrees", limit, limit);
    const std::int64_t micro_limit = std::int64_t{limit} * 1'000'000;
    Range{{-micro_limit, outside}, {micro_limit, outside}}.check(text, *micro);
    return static_cast<double>(*micro) / 1e6;
}

std::int64_t fx_rate_nanos(const std::string& text) {
    const auto nanos = parse_fx_rate(text);
    if (!nanos) refuse(text, ErrorCode::InvalidNumber, "is not a positive rate");
    if (const auto dot = text.find('.'); dot != std::string::npos && text.size() - dot - 1 > 9) {
        refuse(text, ErrorCode::InvalidNumber, "has more than 9 decimals");
    }
    return *nanos;
}

Date date(const std::string& text) { return Date::parse(text, {}); }
CurrencyCode currency(const std::string& text) { return CurrencyCode::parse(text); }
AirportCode airport_code(const std::string& text) { return AirportCode::parse(text); }
CarrierCode carrier_code(const std::string& text) { return CarrierCode::parse(text); }

bool flag(const std::string& text) {
    if (text == "0") return false;
    if (text == "1") return true;
    refuse(text, ErrorCode::InvalidInput, "must be 0 or 1");
}

bool has_shape(std::string_view text, const CodeShape& shape) {
    return text.size() >= shape.min_length && text.size() <= shape.max_length &&
           std::all_of(text.begin(), text.end(), [&](char c) {
               return (shape.letters && c >= 'A' && c <= 'Z') ||
                      (shape.digits && c >= '0' && c <= '9');
           });
}

std::string Code::operator()(const std::string& text) const {
    if (!has_shape(text, shape))
        refuse(text, ErrorCode::InvalidCode, fmt::format("is not {}", what));
    return text;
}

std::string alternatives(std::span<const std::string_view> names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

std::string OneOf::operator()(const std::string& text) const {
    if (std::find(names.begin(), names.end(), text) == names.end()) {
        refuse(text, code, "is not " + alternatives(names));
    }
    return text;
}

}  // namespace cargoquote::rates::fields
