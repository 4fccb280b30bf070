#pragma once
// Parsers for one CSV field each: the text in, a typed value out, or an InputError whose message
// quotes the text ("'-1' must not be negative"); RowReader adds file:line:column and the column.
// The words are part of the import report (tests pin them), so every range carries its own.

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/core/units.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cargoquote::rates::fields {

// Throws InputError(code, "'<text>' <phrase>").
[[noreturn]] void refuse(std::string_view text, ErrorCode code, std::string_view phrase);

// One end of an accepted range: the inclusive bound and the words for a value beyond it.
struct Limit {
    std::int64_t value;
    std::string_view phrase;
    ErrorCode code = ErrorCode::InvalidNumber;
};

// Bounds on a value's magnitude in its integer unit (grams, micrometres, ppm, micro-units).
struct Range {
    Limit min;
    Limit max;
    // Refuses `text` with the words of the end `magnitude` passes (the lower end first).
    void check(std::string_view text, std::int64_t magnitude) const;
};

inline constexpr Limit kNoMax{std::numeric_limits<std::int64_t>::max(), ""};
inline constexpr Range kNonNegative{{0, "must not be negative", ErrorCode::NegativeQuantity},
                                    kNoMax};
inline constexpr Range kPositive{{1, "must be greater than zero"}, kNoMax};
inline constexpr Range kZeroTo100Percent{{0, "is outside 0..100 percent"},
                                         {1'000'000, "is outside 0..100 percent"}};

// A whole number (digits, optional sign, no decimal point) in `range`; `not_whole` words text
// that is none.
[[nodiscard]] std::int64_t whole_number(const std::string& text, std::string_view not_whole,
                                        const Range& range);

template <typename T>
struct WholeNumber {
    std::string_view not_whole;
    Range range;
    T operator()(const std::string& text) const {
        return static_cast<T>(whole_number(text, not_whole, range));
    }
};

inline constexpr std::string_view kNotWhole = "is not a whole number";
// Below 1 reads the same as not a number at all: "is not a positive whole number".
inline constexpr std::string_view kNotPositiveWhole = "is not a positive whole number";
inline constexpr Range kAtLeastOne{{1, kNotPositiveWhole}, kNoMax};
inline constexpr WholeNumber<std::int64_t> kPositiveCount{kNotPositiveWhole, kAtLeastOne};
inline constexpr WholeNumber<std::int64_t> kCount{kNotWhole, kNonNegative};

// Decimal quantities in the unit the column names, checked on their integer magnitude.
struct Kilograms {  // grams
    Range range;
    Mass operator()(const std::string& text) const;
};
struct Centimetres {  // micrometres
    Range range;
    Length operator()(const std::string& text) const;
};
struct Percent {  // parts per million
    Range range;
    Ratio operator()(const std::string& text) const;
};
struct Amount {  // micro-units of `currency`
    CurrencyCode currency;
    Range range = kNonNegative;
    Money operator()(const std::string& text) const;
};

inline constexpr Kilograms kNonNegativeKg{kNonNegative};
inline constexpr Kilograms kPositiveKg{kPositive};
inline constexpr Centimetres kPositiveCm{kPositive};
inline constexpr Percent kNonNegativePercent{kNonNegative};
inline constexpr Percent kPercentOfWhole{kZeroTo100Percent};

// Decimal degrees within -limit..limit (micro-degree precision).
struct Degrees {
    int limit;
    double operator()(const std::string& text) const;
};

// An FX rate in nanos: positive, at most 9 decimals (more would be rounded away silently).
[[nodiscard]] std::int64_t fx_rate_nanos(const std::string& text);

[[nodiscard]] Date date(const std::string& text);  // YYYY-MM-DD
[[nodiscard]] CurrencyCode currency(const std::string& text);
[[nodiscard]] AirportCode airport_code(const std::string& text);
[[nodiscard]] CarrierCode carrier_code(const std::string& text);
[[nodiscard]] bool flag(const std::string& text);  // "0" or "1"

// Codes of a fixed shape: min..max characters, each an ASCII capital letter (when `letters`) or
// a digit (when `digits`).
struct CodeShape {
    std::size_t min_length;
    std::size_t max_length;
    bool letters;
    bool digits;
};
[[nodiscard]] bool has_shape(std::string_view text, const CodeShape& shape);

struct Code {
    CodeShape shape;
    std::string_view what;  // completes "'<text>' is not ...": "a 3-digit AWB prefix"
    std::string operator()(const std::string& text) const;
};

// Closed lists. `names` are the accepted words in the order the refusal lists them:
// "'x' is not a, b or c".
[[nodiscard]] std::string alternatives(std::span<const std::string_view> names);  // "a, b or c"

// A name from the list, kept as text.
struct OneOf {
    std::span<const std::string_view> names;
    ErrorCode code = ErrorCode::InvalidInput;
    std::string operator()(const std::string& text) const;
};

// An enum the engine names: `parsed` is the engine's reading of `text`.
template <typename T>
T named(std::string_view text, std::optional<T> parsed, std::span<const std::string_view> names) {
    if (!parsed) refuse(text, ErrorCode::InvalidInput, "is not " + alternatives(names));
    return *parsed;
}

}  // namespace cargoquote::rates::fields
