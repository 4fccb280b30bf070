#pragma once
// A mapped sheet as the table the CSV importer validates: one CsvRow per sheet row with the
// rates.csv columns, each field remembering the sheet column it came from. So a rate line from a
// workbook passes through exactly the rules a rates.csv line does; only the locations differ,
// and relocate_issues() turns them into "Sheet!C17" with the column's header name.

#include <cargoquote/rates/import_report.hpp>
#include <cargoquote/rates/sheet_mapping.hpp>
#include <cargoquote/rates/workbook.hpp>
#include <map>
#include <set>

#include "csv_table.hpp"

namespace cargoquote::rates {

struct MappedSheet {
    CsvTable table;  // file_name: the sheet's name; line: sheet row; column: sheet column
    std::map<std::uint32_t, std::string> headers;  // sheet column -> header text
    // Cells holding an error value (#N/A): reported once, not again by the field's rules.
    std::set<std::pair<std::size_t, std::size_t>> error_cells;  // (row, column)
};

// Issues about the mapping against this sheet (a header not found) or about single cells (an
// error value) go to `issues`, located as in relocate_issues().
[[nodiscard]] MappedSheet map_sheet_rows(const Sheet& sheet, const SheetMapping& mapping,
                                         std::vector<ImportIssue>& issues);

// Rewrites the issues of `sheet`'s table (file = sheet name, line, column) to "Sheet!C17" or
// "Sheet row 17" locations, naming the header of the column.
void relocate_issues(const MappedSheet& sheet, std::vector<ImportIssue>& issues);

}  // namespace cargoquote::rates
