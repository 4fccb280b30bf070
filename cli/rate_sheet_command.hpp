#pragma once
// The .xlsx side of `cargoquote rates`: `rates import SHEET.xlsx --mapping MAP.json` and
// `rates map SHEET.xlsx` (rates/README.md, "Rate sheets from Excel").

#include <string>

namespace cargoquote::cli {

struct SheetImportOptions {
    std::string workbook;
    std::string mapping;
    std::string db;
    bool dry_run = false;
    bool json = false;
};

// True for a path the sheet importer reads rather than the CSV directory importer.
[[nodiscard]] bool is_workbook_path(const std::string& path);

int run_sheet_import(const SheetImportOptions& options);
// Prints a proposed mapping of `sheet` (default: the first) as JSON on stdout.
int run_sheet_map(const std::string& workbook, const std::string& sheet);

}  // namespace cargoquote::cli
