#include <cargoquote/core/decimal.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/money.hpp>

#include <fmt/format.h>

namespace cargoquote {

namespace {
std::int64_t minor_unit_micros(CurrencyCode currency) {
    std::int64_t step = Money::kMicrosPerUnit;
    for (int i = 0; i < currency.minor_unit_digits(); ++i) step /= 10;
    return step;
}

void require_same_currency(const Money& a, const Money& b) {
    if (a.currency() != b.currency()) {
        throw Error(ErrorCode::Internal, {},
                    fmt::format("cannot combine {} with {} without an FX rate", a.to_string(),
                                b.to_string()));
    }
}

}  // namespace

Money round_to_minor_unit(CurrencyCode currency, Int128 micros_numerator, Int128 denominator) {
    const Int128 step = minor_unit_micros(currency);
    const Int128 units = divide_round_half_up(micros_numerator, denominator * step);
    return Money(currency, static_cast<std::int64_t>(units * step));
}

Ratio Ratio::parse_percent(std::string_view percent_text, std::string_view field) {
    const auto value = parse_scaled_decimal(percent_text, 4);
    if (!value) {
        throw InputError(ErrorCode::InvalidNumber, std::string(field),
                         fmt::format("'{}' is not a percentage", percent_text));
    }
    return Ratio(*value);
}

std::string Ratio::percent_text() const { return format_scaled_decimal(ppm_, 4, 0); }

Money Money::parse(CurrencyCode currency, std::string_view decimal_text, std::string_view field) {
    const auto micros = parse_scaled_decimal(decimal_text, kScale);
    if (!micros) {
        throw InputError(ErrorCode::InvalidNumber, std::string(field),
                         fmt::format("'{}' is not a decimal amount", decimal_text));
    }
    return Money(currency, *micros);
}

Money Money::rounded_to_minor_unit() const noexcept {
    return round_to_minor_unit(currency_, micros_, 1);
}

std::string Money::amount_text() const {
    return format_scaled_decimal(micros_, kScale, currency_.minor_unit_digits());
}

std::string Money::to_string() const { return amount_text() + " " + currency_.str(); }

Money& Money::operator+=(const Money& other) {
    require_same_currency(*this, other);
    micros_ += other.micros_;
    return *this;
}

Money& Money::operator-=(const Money& other) {
    require_same_currency(*this, other);
    micros_ -= other.micros_;
    return *this;
}

std::strong_ordering operator<=>(const Money& a, const Money& b) {
    require_same_currency(a, b);
    return a.micros_ <=> b.micros_;
}

Money charge_for_quantity(const Money& rate_per_unit, std::int64_t quantity,
                          std::int64_t quantity_per_unit) {
    return round_to_minor_unit(rate_per_unit.currency(),
                         static_cast<Int128>(rate_per_unit.micros()) * quantity, quantity_per_unit);
}

Money apply_ratio(const Money& amount, Ratio ratio) {
    return round_to_minor_unit(amount.currency(), static_cast<Int128>(amount.micros()) * ratio.ppm(),
                         1'000'000);
}

Money min(const Money& a, const Money& b) { return (b < a) ? b : a; }
Money max(const Money& a, const Money& b) { return (a < b) ? b : a; }

}  // namespace cargoquote
