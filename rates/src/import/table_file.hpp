#pragma once
// Reads one CSV file of the import directory and checks its header against the table's columns.

#include <cargoquote/rates/import_report.hpp>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "csv_table.hpp"

namespace cargoquote::rates {

// The parsed file, or nullopt after recording why not (unreadable, malformed CSV, a missing,
// unknown or repeated column). Every column must be present, in any order.
[[nodiscard]] std::optional<CsvTable> read_table_file(const std::filesystem::path& path,
                                                      std::string_view file_name,
                                                      std::span<const std::string_view> columns,
                                                      std::vector<ImportIssue>& issues);

}  // namespace cargoquote::rates
