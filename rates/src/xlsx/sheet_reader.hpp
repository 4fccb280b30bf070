#pragma once
// Streams one worksheet part into a Sheet: typed cell values and the merged ranges.

#include <cargoquote/rates/workbook.hpp>

#include "xlsx/workbook_parts.hpp"

namespace cargoquote::rates::xlsx {

[[nodiscard]] Sheet read_sheet_part(const ZipArchive& zip, const WorkbookParts& parts,
                                    const SheetEntry& entry, const WorkbookLimits& limits);

}  // namespace cargoquote::rates::xlsx
