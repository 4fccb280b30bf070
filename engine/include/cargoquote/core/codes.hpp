#pragma once
// Validated IATA / ISO codes. The only way to make one is `parse`, which throws InputError naming
// the field; after that a code is a small regular value.

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace cargoquote {

namespace detail {
template <std::size_t N, typename Tag>
class FixedCode {
  public:
    // An unset code (all NUL); only `parse` makes a valid one.
    FixedCode() = default;
    [[nodiscard]] bool is_set() const noexcept { return chars_[0] != '\0'; }
    [[nodiscard]] std::string_view view() const noexcept { return {chars_.data(), N}; }
    [[nodiscard]] std::string str() const { return std::string(view()); }
    // Compared as one integer (codes sit on every hot path of pricing); the packing keeps
    // lexicographic order.
    friend bool operator==(const FixedCode& a, const FixedCode& b) noexcept {
        return a.key() == b.key();
    }
    friend std::strong_ordering operator<=>(const FixedCode& a, const FixedCode& b) noexcept {
        return a.key() <=> b.key();
    }

  protected:
    explicit FixedCode(std::string_view text) noexcept {
        for (std::size_t i = 0; i < N; ++i) chars_[i] = text[i];
    }

  private:
    [[nodiscard]] std::uint32_t key() const noexcept {
        std::uint32_t k = 0;
        for (std::size_t i = 0; i < N; ++i) k = (k << 8) | static_cast<unsigned char>(chars_[i]);
        return k;
    }
    std::array<char, N> chars_{};
};
}  // namespace detail

// IATA location identifier: exactly three letters A-Z, e.g. "PVG".
class AirportCode : public detail::FixedCode<3, struct AirportTag> {
  public:
    // Throws InputError(InvalidCode) naming `field` when `text` is not three letters A-Z.
    [[nodiscard]] static AirportCode parse(std::string_view text, std::string_view field = {});
    [[nodiscard]] static bool is_valid(std::string_view text) noexcept;

    using FixedCode::FixedCode;
};

// IATA airline designator: two characters from A-Z and 0-9, not both digits, e.g. "LH", "5X".
class CarrierCode : public detail::FixedCode<2, struct CarrierTag> {
  public:
    [[nodiscard]] static CarrierCode parse(std::string_view text, std::string_view field = {});
    [[nodiscard]] static bool is_valid(std::string_view text) noexcept;

    using FixedCode::FixedCode;
};

// ISO 4217 currency code from the table the engine knows (with its minor unit), plus XDR (SDR).
class CurrencyCode : public detail::FixedCode<3, struct CurrencyTag> {
  public:
    [[nodiscard]] static CurrencyCode parse(std::string_view text, std::string_view field = {});
    [[nodiscard]] static bool is_valid(std::string_view text) noexcept;
    // Decimal places of the currency's minor unit (EUR 2, JPY 0, KWD 3).
    [[nodiscard]] int minor_unit_digits() const noexcept { return minor_digits_; }
    CurrencyCode() = default;

  private:
    CurrencyCode(std::string_view text, int minor_digits) noexcept
        : FixedCode(text), minor_digits_(static_cast<std::int8_t>(minor_digits)) {}
    std::int8_t minor_digits_ = 2;  // derived from the code at parse time
};

}  // namespace cargoquote

template <>
struct std::hash<cargoquote::AirportCode> {
    std::size_t operator()(const cargoquote::AirportCode& c) const noexcept {
        return std::hash<std::string_view>{}(c.view());
    }
};
template <>
struct std::hash<cargoquote::CarrierCode> {
    std::size_t operator()(const cargoquote::CarrierCode& c) const noexcept {
        return std::hash<std::string_view>{}(c.view());
    }
};
template <>
struct std::hash<cargoquote::CurrencyCode> {
    std::size_t operator()(const cargoquote::CurrencyCode& c) const noexcept {
        return std::hash<std::string_view>{}(c.view());
    }
};
