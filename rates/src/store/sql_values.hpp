#pragma once
// How domain values sit in the schema's columns (rates/schema/*.sql): NULL for "any" scopes and
// unset optionals, dates as 'YYYY-MM-DD' text, probabilities as INTEGER parts per million,
// capability lists as space-separated text. Both directions, so the conventions live in one place.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote::rates {

// ---- writing ----

// A scope code, NULL for any (ZZZ).
template <typename Code>
std::optional<std::string> code_or_any(const std::optional<Code>& code) {
    if (!code) return std::nullopt;
    return code->str();
}
// Optional text, NULL when empty (none).
[[nodiscard]] std::optional<std::string> text_or_null(const std::string& text);
[[nodiscard]] std::optional<std::string> date_or_null(const std::optional<Date>& date);
[[nodiscard]] std::optional<std::int64_t> micros_or_null(const std::optional<Money>& amount);
// A probability or fraction held as a double (from ppm at import) back to ppm, or NULL.
[[nodiscard]] std::optional<std::int64_t> ppm_or_null(const std::optional<double>& value);
[[nodiscard]] std::string joined_words(const std::vector<std::string>& words);

// ---- reading ----

[[nodiscard]] std::string column_text(SQLite::Statement& q, int i);
[[nodiscard]] std::string column_text_or_empty(SQLite::Statement& q, int i);  // "" for NULL
[[nodiscard]] Date column_date(SQLite::Statement& q, int i);
[[nodiscard]] std::optional<AirportCode> column_scope_airport(SQLite::Statement& q, int i);
[[nodiscard]] std::optional<double> column_probability(SQLite::Statement& q, int i);
[[nodiscard]] std::vector<std::string> split_words(const std::string& text);

}  // namespace cargoquote::rates
