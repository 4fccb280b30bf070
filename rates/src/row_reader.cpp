#include "row_reader.hpp"

#include <fmt/format.h>

namespace cargoquote::rates {

const CsvField* RowReader::field(std::string_view column) const {
    const auto index = table_.column_index(column);
    if (!index || *index >= row_.fields.size()) return nullptr;
    return &row_.fields[*index];
}

std::string RowReader::text(std::string_view column) const {
    const CsvField* f = field(column);
    return f == nullptr ? std::string{} : f->text;
}

std::optional<std::string> RowReader::required(std::string_view column) {
    std::string value = text(column);
    if (value.empty()) {
        error(column, fmt::format("missing value for '{}'", column));
        return std::nullopt;
    }
    return value;
}

std::size_t RowReader::column_of(std::string_view column) const {
    const CsvField* f = field(column);
    return f == nullptr ? 0 : f->column;
}

void RowReader::error(std::string_view column, std::string message) {
    const CsvField* f = field(column);
    issues_.push_back(ImportIssue{table_.file_name, row_.line, f == nullptr ? 0 : f->column,
                                  fmt::format("{}: {}", column, message)});
    ++errors_;
}

}  // namespace cargoquote::rates
