#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/error.hpp>
#include <utility>

namespace cargoquote {

namespace {
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ISO 4217 active codes with a non-default minor unit, and the ones in common freight use with two.
// Source: ISO 4217 amendment list (SIX Group), minor-unit column.
constexpr std::pair<std::string_view, int> kCurrencies[] = {
    {"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2}, {"CHF", 2}, {"CLP", 0},
    {"CNY", 2}, {"CZK", 2}, {"DKK", 2}, {"EGP", 2}, {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"HUF", 2},
    {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KRW", 0},
    {"KWD", 3}, {"MXN", 2}, {"MYR", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PHP", 2}, {"PLN", 2},
    {"QAR", 2}, {"RUB", 2}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TND", 3}, {"TRY", 2},
    {"TWD", 2}, {"USD", 2}, {"VND", 0}, {"XDR", 6}, {"ZAR", 2},
};

const std::pair<std::string_view, int>* find_currency(std::string_view code) {
    const auto* it = std::find_if(std::begin(kCurrencies), std::end(kCurrencies),
                                  [&](const auto& entry) { return entry.first == code; });
    return it == std::end(kCurrencies) ? nullptr : it;
}
}  // namespace

bool AirportCode::is_valid(std::string_view text) noexcept {
    return text.size() == 3 && std::all_of(text.begin(), text.end(), is_upper);
}

AirportCode AirportCode::parse(std::string_view text, std::string_view field) {
    // Lower case is read as upper case: "pvg" is what people type.
    std::array<char, 3> upper{};
    if (text.size() == 3) {
        for (std::size_t i = 0; i < 3; ++i) {
            const char c = text[i];
            upper[i] = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        }
    }
    const std::string_view code(upper.data(), upper.size());
    if (!is_valid(code)) {
        throw InputError(ErrorCode::InvalidCode, std::string(field),
                         fmt::format("'{}' is not an IATA airport code (three letters A-Z)", text));
    }
    return AirportCode(code);
}

bool CarrierCode::is_valid(std::string_view text) noexcept {
    if (text.size() != 2) return false;
    const auto ok = [](char c) { return is_upper(c) || is_digit(c); };
    return ok(text[0]) && ok(text[1]) && !(is_digit(text[0]) && is_digit(text[1]));
}

CarrierCode CarrierCode::parse(std::string_view text, std::string_view field) {
    if (!is_valid(text)) {
        throw InputError(
            ErrorCode::InvalidCode, std::string(field),
            fmt::format("'{}' is not an IATA carrier code (two characters A-Z, 0-9)", text));
    }
    return CarrierCode(text);
}

bool CurrencyCode::is_valid(std::string_view text) noexcept {
    return find_currency(text) != nullptr;
}

CurrencyCode CurrencyCode::parse(std::string_view text, std::string_view field) {
    const auto* entry = find_currency(text);
    if (entry == nullptr) {
        throw InputError(ErrorCode::InvalidCurrency, std::string(field),
                         fmt::format("'{}' is not a supported ISO 4217 currency code", text));
    }
    return CurrencyCode(text, entry->second);
}

}  // namespace cargoquote
