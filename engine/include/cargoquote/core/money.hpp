#pragma once
// Money: a currency plus an integer count of micro-units (1e-6 of the major unit). Exact for
// per-kg rates with sub-cent precision. Rounding to the currency's minor unit happens only where a
// charge line is produced, half away from zero ("half-up" in tariff language).

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/decimal.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace cargoquote {

// A dimensionless fraction in parts per million: 0.75 % is 7'500 ppm, 150 % is 1'500'000 ppm.
class Ratio {
  public:
    constexpr Ratio() = default;
    [[nodiscard]] static constexpr Ratio from_ppm(std::int64_t ppm) noexcept { return Ratio(ppm); }
    // "0.75" -> 0.75 % (InputError naming `field` when malformed).
    [[nodiscard]] static Ratio parse_percent(std::string_view percent_text, std::string_view field);
    [[nodiscard]] constexpr std::int64_t ppm() const noexcept { return ppm_; }
    [[nodiscard]] std::string percent_text() const;  // "0.75"
    friend constexpr auto operator<=>(Ratio, Ratio) = default;

  private:
    constexpr explicit Ratio(std::int64_t ppm) noexcept : ppm_(ppm) {}
    std::int64_t ppm_ = 0;
};

class Money {
  public:
    static constexpr int kScale = 6;
    static constexpr std::int64_t kMicrosPerUnit = 1'000'000;

    constexpr Money() = default;  // zero in an unset currency; prefer Money::zero(ccy)
    constexpr Money(CurrencyCode currency, std::int64_t micros) noexcept
        : currency_(currency), micros_(micros) {}
    [[nodiscard]] static constexpr Money zero(CurrencyCode currency) noexcept {
        return Money(currency, 0);
    }
    // "12.345" in `currency`; InputError(InvalidNumber) naming `field` when malformed.
    [[nodiscard]] static Money parse(CurrencyCode currency, std::string_view decimal_text,
                                     std::string_view field);

    [[nodiscard]] constexpr CurrencyCode currency() const noexcept { return currency_; }
    [[nodiscard]] constexpr std::int64_t micros() const noexcept { return micros_; }
    [[nodiscard]] constexpr bool is_negative() const noexcept { return micros_ < 0; }
    [[nodiscard]] constexpr bool is_zero() const noexcept { return micros_ == 0; }

    // Rounded half away from zero to the currency's minor unit.
    [[nodiscard]] Money rounded_to_minor_unit() const;
    // Decimal amount with the currency's minor digits (more only when the value has them):
    // "623.00".
    [[nodiscard]] std::string amount_text() const;
    // "623.00 EUR"
    [[nodiscard]] std::string to_string() const;

    // Arithmetic within one currency; mixing currencies is a programming error (throws Internal).
    // Inline: every charge line is summed through these.
    Money& operator+=(const Money& other) {
        if (currency_ != other.currency_) throw_mixed_currencies(*this, other);
        micros_ += other.micros_;
        return *this;
    }
    Money& operator-=(const Money& other) {
        if (currency_ != other.currency_) throw_mixed_currencies(*this, other);
        micros_ -= other.micros_;
        return *this;
    }
    friend Money operator+(Money a, const Money& b) { return a += b; }
    friend Money operator-(Money a, const Money& b) { return a -= b; }
    friend bool operator==(const Money&, const Money&) = default;
    // Ordering is defined only within one currency (throws Internal otherwise).
    friend std::strong_ordering operator<=>(const Money& a, const Money& b);

  private:
    [[noreturn]] static void throw_mixed_currencies(const Money& a, const Money& b);

    CurrencyCode currency_;
    std::int64_t micros_ = 0;
};

// (micros_numerator / denominator) micro-units of `currency`, rounded half-up to its minor unit in
// one step. The single rounding point every charge line goes through.
[[nodiscard]] Money round_to_minor_unit(CurrencyCode currency, Int128 micros_numerator,
                                        Int128 denominator);

// quantity / quantity_per_unit x rate, rounded half-up to the minor unit in one step (no double
// rounding). E.g. grams with quantity_per_unit 1000 and a per-kg rate.
[[nodiscard]] Money charge_for_quantity(const Money& rate_per_unit, std::int64_t quantity,
                                        std::int64_t quantity_per_unit);

// amount x ratio, rounded half-up to the minor unit.
[[nodiscard]] Money apply_ratio(const Money& amount, Ratio ratio);

[[nodiscard]] Money min(const Money& a, const Money& b);
[[nodiscard]] Money max(const Money& a, const Money& b);

}  // namespace cargoquote
