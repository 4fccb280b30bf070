#pragma once
// Exact decimal text <-> scaled integers. Every amount, weight and length enters the engine as a
// decimal string or an integer so that no binary floating point touches a charge.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cargoquote {

// 128-bit intermediate for products of amounts and rates (GCC/Clang builtin).
__extension__ typedef __int128 Int128;

// Parses "[-]digits[.digits]" into value * 10^scale. Digits beyond `scale` are rounded half away
// from zero. Returns nullopt on malformed text or overflow.
[[nodiscard]] std::optional<std::int64_t> parse_scaled_decimal(std::string_view text, int scale);

// Formats value / 10^scale with at least `min_decimals` and at most `scale` decimals
// (trailing zeros beyond min_decimals are dropped).
[[nodiscard]] std::string format_scaled_decimal(std::int64_t value, int scale, int min_decimals);
// The same, appended to `out` (no allocation beyond its growth). scale <= 18.
void append_scaled_decimal(std::string& out, std::int64_t value, int scale, int min_decimals);

// Integer division rounding half away from zero ("half-up" on magnitudes). divisor > 0.
[[nodiscard]] Int128 divide_round_half_up(Int128 numerator, Int128 divisor);

// Integer division rounding towards +infinity. divisor > 0.
[[nodiscard]] Int128 divide_round_up(Int128 numerator, Int128 divisor);

// a x b, or InputError(QuantityOutOfRange) when the product does not fit in 127 bits: for the
// intermediate products of rating, which the input ranges keep far below that.
[[nodiscard]] Int128 checked_multiply(Int128 a, Int128 b);

}  // namespace cargoquote
