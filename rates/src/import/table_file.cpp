#include "import/table_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cargoquote::rates {

namespace {

// parse_csv reports "line:column: message".
ImportIssue csv_issue(std::string_view file_name, const std::string& error) {
    const auto colon = error.find(':');
    const auto second = error.find(':', colon + 1);
    return {std::string(file_name), std::stoul(error.substr(0, colon)),
            std::stoul(error.substr(colon + 1, second - colon - 1)), error.substr(second + 2)};
}

bool header_ok(const CsvTable& table, std::span<const std::string_view> columns,
               std::vector<ImportIssue>& issues) {
    bool ok = true;
    for (auto column : columns) {
        if (!table.column_index(column)) {
            issues.push_back({table.file_name, table.header_line, 0,
                              fmt::format("missing column '{}'", column)});
            ok = false;
        }
    }
    const auto& header = table.header;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const auto first = std::find(header.begin(), header.end(), header[i]);
        if (first != header.begin() + static_cast<std::ptrdiff_t>(i)) {
            issues.push_back({table.file_name, table.header_line, i + 1,
                              fmt::format("column '{}' appears twice (also column {})", header[i],
                                          first - header.begin() + 1)});
            ok = false;
        } else if (std::find(columns.begin(), columns.end(), header[i]) == columns.end()) {
            issues.push_back({table.file_name, table.header_line, i + 1,
                              fmt::format("unknown column '{}'", header[i])});
            ok = false;
        }
    }
    return ok;
}

}  // namespace

std::optional<CsvTable> read_table_file(const std::filesystem::path& path,
                                        std::string_view file_name,
                                        std::span<const std::string_view> columns,
                                        std::vector<ImportIssue>& issues) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        issues.push_back({std::string(file_name), 0, 0, "cannot be read"});
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string error;
    CsvTable table = parse_csv(std::string(file_name), buffer.str(), &error);
    if (!error.empty()) {
        issues.push_back(csv_issue(file_name, error));
        return std::nullopt;
    }
    if (!header_ok(table, columns, issues)) return std::nullopt;
    return table;
}

}  // namespace cargoquote::rates
