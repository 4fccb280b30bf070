#pragma once
// Text conversions for cell values, all on decimal strings (no binary floating point): Excel's
// stored numbers to plain decimals, date serials to ISO dates, number formats to "is a date".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cargoquote::rates::xlsx {

// "4.0999999999999996" -> "4.1", "1E-3" -> "0.001", "-0" -> "0": rounded half-up to the 15
// significant digits Excel keeps, without trailing zeros or exponent. nullopt when not a number.
[[nodiscard]] std::optional<std::string> plain_decimal(std::string_view stored);

// A date serial (days since the epoch of the workbook's date system, with the day's fraction) as
// "YYYY-MM-DD" when whole, else "YYYY-MM-DDTHH:MM:SS". nullopt when out of range.
[[nodiscard]] std::optional<std::string> serial_to_iso(std::string_view plain, bool date1904,
                                                       bool* has_time);

// True when number format `id` (built in) or `code` (custom) shows a date or time.
[[nodiscard]] bool is_builtin_date_format(std::uint32_t id);
[[nodiscard]] bool is_date_format_code(std::string_view code);

// "C17" -> {17, 3}; nullopt when malformed.
struct CellPosition {
    std::uint32_t row = 0;
    std::uint32_t column = 0;
};
[[nodiscard]] std::optional<CellPosition> parse_cell_reference(std::string_view ref);

}  // namespace cargoquote::rates::xlsx
