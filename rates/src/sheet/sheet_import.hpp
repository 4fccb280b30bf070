#pragma once
// Reads a rate sheet through its mapping and validates it against the database's content with
// the rate-line rules of rates.csv, ending each previous version the day before its successor
// starts (so a proper successor is no overlap), and diffs the result against the lines in force.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/rates/sheet_import.hpp>
#include <cargoquote/rates/sheet_mapping.hpp>
#include <cargoquote/rates/workbook.hpp>
#include <filesystem>

namespace cargoquote::rates {

struct SheetBatch {
    RateBookData rows;  // the sheet's rate lines
    SheetImportResult result;
};

[[nodiscard]] SheetBatch read_sheet_import(const std::filesystem::path& workbook,
                                           const SheetMapping& mapping,
                                           const RateBookData& existing,
                                           const WorkbookLimits& limits = {});

}  // namespace cargoquote::rates
