#include <cargoquote/core/decimal.hpp>
#include <cargoquote/core/error.hpp>
#include <cassert>
#include <limits>

namespace cargoquote {

namespace {
__extension__ typedef unsigned __int128 UInt128;
}  // namespace

std::optional<std::int64_t> parse_scaled_decimal(std::string_view text, int scale) {
    assert(scale >= 0 && scale <= 12);
    if (text.empty()) return std::nullopt;
    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) return std::nullopt;

    Int128 value = 0;
    int decimals = 0;
    bool seen_point = false;
    bool seen_digit = false;
    int round_digit = -1;  // first digit beyond `scale`
    constexpr Int128 limit = std::numeric_limits<std::int64_t>::max();
    for (char c : text) {
        if (c == '.') {
            if (seen_point) return std::nullopt;
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        seen_digit = true;
        if (seen_point && decimals >= scale) {
            if (round_digit < 0) round_digit = c - '0';
            continue;
        }
        value = value * 10 + (c - '0');
        if (value > limit) return std::nullopt;
        if (seen_point) ++decimals;
    }
    if (!seen_digit) return std::nullopt;
    for (; decimals < scale; ++decimals) {
        value *= 10;
        if (value > limit) return std::nullopt;
    }
    if (round_digit >= 5) ++value;
    if (value > limit) return std::nullopt;
    const auto result = static_cast<std::int64_t>(value);
    return negative ? -result : result;
}

void append_scaled_decimal(std::string& out, std::int64_t value, int scale, int min_decimals) {
    assert(scale >= 0 && scale <= 18 && min_decimals >= 0 && min_decimals <= scale);
    // In 64 bits: |INT64_MIN| fits an unsigned 64-bit magnitude (this runs once per amount
    // written by batch jobs, where 128-bit division was the largest cost).
    const bool negative = value < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::uint64_t unit = 1;
    for (int i = 0; i < scale; ++i) unit *= 10;
    const std::uint64_t whole = magnitude / unit;
    std::uint64_t frac = magnitude % unit;
    int decimals = scale;
    while (decimals > min_decimals && frac % 10 == 0) {
        frac /= 10;
        --decimals;
    }
    // Written right to left into a local buffer, then appended once.
    char text[48];
    char* end = text + sizeof text;
    char* p = end;
    for (int i = 0; i < decimals; ++i) {
        *--p = static_cast<char>('0' + frac % 10);
        frac /= 10;
    }
    if (decimals > 0) *--p = '.';
    std::uint64_t w = whole;
    do {
        *--p = static_cast<char>('0' + w % 10);
        w /= 10;
    } while (w != 0);
    if (negative) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

std::string format_scaled_decimal(std::int64_t value, int scale, int min_decimals) {
    std::string out;
    append_scaled_decimal(out, value, scale, min_decimals);
    return out;
}

Int128 divide_round_half_up(Int128 numerator, Int128 divisor) {
    assert(divisor > 0);
    constexpr Int128 kFast = std::numeric_limits<std::int64_t>::max() / 2;
    if (numerator > -kFast && numerator < kFast && divisor < kFast) {
        // 64-bit fast path: most charges fit, and 128-bit division is a library call.
        const auto n = static_cast<std::int64_t>(numerator), d = static_cast<std::int64_t>(divisor);
        const std::int64_t magnitude = n < 0 ? -n : n;
        const std::int64_t q = magnitude / d + ((magnitude % d) * 2 >= d ? 1 : 0);
        return n < 0 ? -q : q;
    }
    const bool negative = numerator < 0;
    const Int128 magnitude = negative ? -numerator : numerator;
    const Int128 rem = magnitude % divisor;
    const Int128 rounded = magnitude / divisor + ((rem * 2 >= divisor) ? 1 : 0);
    return negative ? -rounded : rounded;
}

Int128 divide_round_up(Int128 numerator, Int128 divisor) {
    assert(divisor > 0);
    const Int128 q = numerator / divisor;
    const Int128 r = numerator % divisor;
    return (r > 0) ? q + 1 : q;
}

Int128 checked_multiply(Int128 a, Int128 b) {
    Int128 product = 0;
    if (__builtin_mul_overflow(a, b, &product)) {
        throw InputError(ErrorCode::QuantityOutOfRange, "", "an amount is too large to compute");
    }
    return product;
}

}  // namespace cargoquote
