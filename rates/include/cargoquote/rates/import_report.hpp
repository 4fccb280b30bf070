#pragma once
// What an import or validation found: every problem with file, line and column, and row counts.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace cargoquote::rates {

struct ImportIssue {
    std::string file;        // e.g. "rates.csv"
    std::size_t line = 0;    // 1-based; the header is line 1
    std::size_t column = 0;  // 1-based; 0 when the problem is the whole row or file
    std::string message;
    [[nodiscard]] std::string location() const;  // "rates.csv:12:7"
};

struct ImportReport {
    std::vector<ImportIssue> errors;
    std::map<std::string, std::size_t> rows_by_file;  // rows read (valid or not)
    bool written = false;                             // true only when the transaction committed
    [[nodiscard]] bool ok() const { return errors.empty(); }
    [[nodiscard]] std::size_t total_rows() const;
};

}  // namespace cargoquote::rates
