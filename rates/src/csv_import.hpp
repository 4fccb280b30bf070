#pragma once
// Turns a directory of rate-sheet CSV files into validated domain values, collecting every problem
// with its file:line:column. Validation sees the database's current content too (`existing`), so
// duplicate keys, unknown airports and overlapping validity are caught across both.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/rates/import_report.hpp>
#include <filesystem>

namespace cargoquote::rates {

struct ImportBatch {
    RateBookData rows;  // only what the files add or replace
    ImportReport report;
};

[[nodiscard]] ImportBatch read_import_directory(const std::filesystem::path& directory,
                                                const RateBookData& existing);

}  // namespace cargoquote::rates
