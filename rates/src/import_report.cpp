#include <fmt/format.h>

#include <cargoquote/rates/import_report.hpp>

namespace cargoquote::rates {

std::string ImportIssue::location() const {
    if (line == 0) return file;
    if (column == 0) return fmt::format("{}:{}", file, line);
    return fmt::format("{}:{}:{}", file, line, column);
}

std::size_t ImportReport::total_rows() const {
    std::size_t n = 0;
    for (const auto& [file, rows] : rows_by_file) n += rows;
    return n;
}

}  // namespace cargoquote::rates
