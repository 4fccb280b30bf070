#pragma once
// A small RFC 4180 reader that remembers where every field came from (line and column), so
// validation errors can point at file:line:column.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote::rates {

struct CsvField {
    std::string text;
    std::size_t column = 0;  // 1-based character column where the field starts
};

struct CsvRow {
    std::size_t line = 0;  // 1-based physical line where the record starts
    std::vector<CsvField> fields;
};

struct CsvTable {
    std::string file_name;
    std::vector<std::string> header;
    std::size_t header_line = 1;
    std::vector<CsvRow> rows;  // blank lines are skipped
    // Index of `name` in the header, or nullopt.
    [[nodiscard]] std::optional<std::size_t> column_index(std::string_view name) const;
};

// Parses `content`; a structural problem (unterminated quote, invalid UTF-8) is reported in
// `error` as "line:column: message" and parsing stops.
[[nodiscard]] CsvTable parse_csv(std::string file_name, std::string_view content,
                                 std::string* error);

}  // namespace cargoquote::rates
