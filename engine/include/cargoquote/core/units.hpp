#pragma once
// Strong quantity types with the unit in the name. Values are integers in a fixed sub-unit;
// conversions go through named functions only.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace cargoquote {

namespace detail {
template <typename Tag>
class Quantity {
  public:
    constexpr Quantity() = default;
    friend constexpr auto operator<=>(Quantity, Quantity) = default;
    friend constexpr Quantity operator+(Quantity a, Quantity b) { return Quantity(a.v_ + b.v_); }
    friend constexpr Quantity operator-(Quantity a, Quantity b) { return Quantity(a.v_ - b.v_); }
    constexpr Quantity& operator+=(Quantity b) {
        v_ += b.v_;
        return *this;
    }

  protected:
    constexpr explicit Quantity(std::int64_t v) : v_(v) {}
    [[nodiscard]] constexpr std::int64_t raw() const { return v_; }

  private:
    std::int64_t v_ = 0;
};
}  // namespace detail

// Mass in whole grams.
class Mass : public detail::Quantity<struct MassTag> {
  public:
    constexpr Mass() = default;
    constexpr Mass(detail::Quantity<MassTag> q) : Quantity(q) {}  // NOLINT: from arithmetic
    [[nodiscard]] static constexpr Mass grams(std::int64_t g) { return Mass(g); }
    [[nodiscard]] constexpr std::int64_t in_grams() const { return raw(); }
    // "250", "10.2" kg -> grams (half-up beyond 1 g). InputError naming `field` when malformed.
    [[nodiscard]] static Mass parse_kg(std::string_view kg_text, std::string_view field);
    [[nodiscard]] std::string kg_text() const;  // "594.0" style: at least one decimal
    [[nodiscard]] Mass rounded_up_to(Mass step) const;

  private:
    constexpr explicit Mass(std::int64_t g) : Quantity(g) {}
};

// Volume in whole cubic centimetres.
class Volume : public detail::Quantity<struct VolumeTag> {
  public:
    constexpr Volume() = default;
    constexpr Volume(detail::Quantity<VolumeTag> q) : Quantity(q) {}  // NOLINT: from arithmetic
    [[nodiscard]] static constexpr Volume cm3(std::int64_t v) { return Volume(v); }
    [[nodiscard]] constexpr std::int64_t in_cm3() const { return raw(); }

  private:
    constexpr explicit Volume(std::int64_t v) : Quantity(v) {}
};

// Length in micrometres, so decimal centimetres from a rate sheet are held exactly.
class Length : public detail::Quantity<struct LengthTag> {
  public:
    constexpr Length() = default;
    constexpr Length(detail::Quantity<LengthTag> q) : Quantity(q) {}  // NOLINT: from arithmetic
    [[nodiscard]] static constexpr Length micrometres(std::int64_t um) { return Length(um); }
    [[nodiscard]] static constexpr Length cm(std::int64_t whole_cm) {
        return Length(whole_cm * 10'000);
    }
    [[nodiscard]] constexpr std::int64_t in_micrometres() const { return raw(); }
    // "162.2" cm -> exact. InputError naming `field` when malformed.
    [[nodiscard]] static Length parse_cm(std::string_view cm_text, std::string_view field);
    // Whole centimetres, 0.5 cm and above rounded up (IATA dimension rounding).
    [[nodiscard]] std::int64_t whole_cm_half_up() const;
    [[nodiscard]] std::string cm_text() const;

  private:
    constexpr explicit Length(std::int64_t um) : Quantity(um) {}
};

// Volumetric divisor: cm3 per kg (IATA 6000; couriers 5000). Data on each rate line.
struct VolumetricDivisor {
    std::int64_t cm3_per_kg = 6000;
    friend constexpr bool operator==(VolumetricDivisor, VolumetricDivisor) = default;
};

}  // namespace cargoquote
