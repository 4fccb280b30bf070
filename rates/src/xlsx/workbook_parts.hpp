#pragma once
// The workbook-level parts: the package relationships, the sheet list, shared strings and the
// styles that say which cells hold dates.

#include <cstdint>
#include <string>
#include <vector>

#include "xlsx/zip_archive.hpp"

namespace cargoquote::rates::xlsx {

struct SheetEntry {
    std::string name;
    std::string part;  // zip entry, e.g. "xl/worksheets/sheet1.xml"
};

struct WorkbookParts {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    std::vector<std::string> shared_strings;
    std::vector<bool> date_styles;  // by cellXfs index: the style shows a date or time
};

[[nodiscard]] WorkbookParts read_workbook_parts(const ZipArchive& zip,
                                                const WorkbookLimits& limits);

}  // namespace cargoquote::rates::xlsx
