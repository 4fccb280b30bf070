#include <fmt/format.h>

#include <array>
#include <cargoquote/core/decimal.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/money.hpp>
#include <limits>

namespace cargoquote {

namespace {
std::int64_t minor_unit_micros(CurrencyCode currency) {
    constexpr std::array<std::int64_t, Money::kScale + 1> kStep = {
        1'000'000, 100'000, 10'000, 1'000, 100, 10, 1};
    const int digits = currency.minor_unit_digits();
    return kStep[static_cast<std::size_t>(
        digits < 0 ? 0 : (digits > Money::kScale ? Money::kScale : digits))];
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
    const std::int64_t step = minor_unit_micros(currency);
    // 64-bit fast path (every charge of a realistic shipment): one hardware division instead of
    // a 128-bit library call.
    constexpr Int128 kFast = std::numeric_limits<std::int64_t>::max() / 4;
    if (micros_numerator > -kFast && micros_numerator < kFast && denominator > 0 &&
        denominator < kFast / step) {
        const auto n = static_cast<std::int64_t>(micros_numerator);
        const std::int64_t d = static_cast<std::int64_t>(denominator) * step;
        const std::int64_t magnitude = n < 0 ? -n : n;
        std::int64_t units = magnitude / d;
        if ((magnitude - units * d) * 2 >= d) ++units;
        return Money(currency, (n < 0 ? -units : units) * step);
    }
    const Int128 micros = divide_round_half_up(micros_numerator, denominator * step) * step;
    if (micros > std::numeric_limits<std::int64_t>::max() ||
        micros < std::numeric_limits<std::int64_t>::min()) {
        // Unreachable within the shipment ranges and the rate store's limits: an error, never a
        // wrapped price.
        throw InputError(ErrorCode::QuantityOutOfRange, "",
                         fmt::format("an amount in {} is too large to hold", currency.str()));
    }
    return Money(currency, static_cast<std::int64_t>(micros));
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

Money Money::rounded_to_minor_unit() const { return round_to_minor_unit(currency_, micros_, 1); }

std::string Money::amount_text() const {
    return format_scaled_decimal(micros_, kScale, currency_.minor_unit_digits());
}

std::string Money::to_string() const { return amount_text() + " " + currency_.str(); }

void Money::throw_mixed_currencies(const Money& a, const Money& b) {
    require_same_currency(a, b);
    throw Error(ErrorCode::Internal, {}, "mixed currencies");  // unreachable: they differ
}

std::strong_ordering operator<=>(const Money& a, const Money& b) {
    require_same_currency(a, b);
    return a.micros_ <=> b.micros_;
}

Money charge_for_quantity(const Money& rate_per_unit, std::int64_t quantity,
                          std::int64_t quantity_per_unit) {
    return round_to_minor_unit(rate_per_unit.currency(),
                               static_cast<Int128>(rate_per_unit.micros()) * quantity,
                               quantity_per_unit);
}

Money apply_ratio(const Money& amount, Ratio ratio) {
    return round_to_minor_unit(amount.currency(),
                               static_cast<Int128>(amount.micros()) * ratio.ppm(), 1'000'000);
}

Money min(const Money& a, const Money& b) { return (b < a) ? b : a; }
Money max(const Money& a, const Money& b) { return (a < b) ? b : a; }

}  // namespace cargoquote
