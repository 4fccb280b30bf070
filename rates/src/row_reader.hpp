#pragma once
// Reads typed values out of one CSV row, recording a file:line:column issue for every bad field
// instead of stopping at the first.

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/import_report.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_table.hpp"

namespace cargoquote::rates {

class RowReader {
  public:
    RowReader(const CsvTable& table, const CsvRow& row, std::vector<ImportIssue>& issues)
        : table_(table), row_(row), issues_(issues) {}

    [[nodiscard]] const std::string& file() const { return table_.file_name; }
    [[nodiscard]] std::size_t line() const { return row_.line; }
    [[nodiscard]] bool had_errors() const { return errors_ > 0; }

    // The raw text of `column` ("" when empty).
    [[nodiscard]] std::string text(std::string_view column) const;
    // Like text(), but records "missing value" and returns nullopt when empty.
    [[nodiscard]] std::optional<std::string> required(std::string_view column);

    // Runs `parse(text)` on a required field; an InputError it throws becomes an issue here.
    template <typename Parse>
    auto parse(std::string_view column, Parse parse_fn) -> std::optional<decltype(parse_fn(""))> {
        const auto value = required(column);
        if (!value) return std::nullopt;
        return parse_optional_text(column, *value, parse_fn);
    }
    // Same for an optional field: nullopt without an issue when empty.
    template <typename Parse>
    auto parse_optional(std::string_view column, Parse parse_fn)
        -> std::optional<decltype(parse_fn(""))> {
        const std::string value = text(column);
        if (value.empty()) return std::nullopt;
        return parse_optional_text(column, value, parse_fn);
    }

    void error(std::string_view column, std::string message);
    // 1-based character column where `column`'s field starts in this row (0 when absent).
    [[nodiscard]] std::size_t column_of(std::string_view column) const;

  private:
    template <typename Parse>
    auto parse_optional_text(std::string_view column, const std::string& value, Parse parse_fn)
        -> std::optional<decltype(parse_fn(""))> {
        try {
            return parse_fn(value);
        } catch (const Error& e) {
            error(column, e.detail());
            return std::nullopt;
        }
    }
    [[nodiscard]] const CsvField* field(std::string_view column) const;

    const CsvTable& table_;
    const CsvRow& row_;
    std::vector<ImportIssue>& issues_;
    int errors_ = 0;
};

}  // namespace cargoquote::rates
