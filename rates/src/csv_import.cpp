#include "csv_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "import/table_file.hpp"
#include "table_specs.hpp"

namespace cargoquote::rates {

namespace {

namespace fs = std::filesystem;

void read_table(const CsvTable& table, const TableSpec& spec, ImportContext& context) {
    const auto reader = spec.reader(context);
    for (const auto& row : table.rows) {
        if (row.fields.size() != table.header.size()) {
            context.issues.push_back({table.file_name, row.line, 0,
                                      fmt::format("expected {} fields, found {}",
                                                  table.header.size(), row.fields.size())});
            continue;
        }
        RowReader r(table, row, context.issues);
        reader->read_row(r);
    }
    reader->finish();
}

}  // namespace

ImportBatch read_import_directory(const fs::path& directory, const RateBookData& existing) {
    ImportBatch batch;
    auto& issues = batch.report.errors;
    if (!fs::is_directory(directory)) {
        issues.push_back({directory.string(), 0, 0, "is not a directory"});
        return batch;
    }
    // Tables in order: later ones refer to the codes earlier ones define.
    ImportContext context(existing, batch.rows, issues);
    bool any_file = false;
    for (const auto& spec : table_specs()) {
        const fs::path path = directory / spec.file;
        if (!fs::exists(path)) continue;
        any_file = true;
        const auto table = read_table_file(path, spec.file, spec.columns, issues);
        if (!table) continue;
        batch.report.rows_by_file[std::string(spec.file)] = table->rows.size();
        read_table(*table, spec, context);
    }
    if (!any_file) {
        issues.push_back({directory.string(), 0, 0, "contains none of the rate-store CSV files"});
    }
    std::stable_sort(issues.begin(), issues.end(), [](const ImportIssue& a, const ImportIssue& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    return batch;
}

}  // namespace cargoquote::rates
