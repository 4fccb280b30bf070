#pragma once
// The sheet's lines against the lines in force on its first valid day.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/rates/sheet_import.hpp>

namespace cargoquote::rates {

// In scope: lines of the sheet's (carrier, sheet name) pairs and lines with a key the sheet
// has, in force on `day`.
[[nodiscard]] std::vector<LineDiff> diff_rate_lines(const std::vector<RateLine>& before,
                                                    const std::vector<RateLine>& sheet, Date day);

}  // namespace cargoquote::rates
