#pragma once
// The rate store's tables, one entry each: the CSV file that feeds it, the file's columns, the
// reader that validates its rows, and the SQL that writes and loads them. Adding a table means
// adding an entry here (and its reader and SQL beside the others of its family).

#include <string_view>
#include <vector>

#include "import/table_readers.hpp"
#include "store/table_rows.hpp"

namespace cargoquote::rates {

struct TableSpec {
    std::string_view file;  // in the import directory; every file is optional (rates/README.md)
    std::vector<std::string_view> columns;  // the header: each exactly once, in any order
    ReaderFactory reader;
    TableInsert insert;
    TableLoad load;
};

// In import order, which is also the order foreign keys need: a table's rows are read and
// written after those of the tables it refers to.
[[nodiscard]] const std::vector<TableSpec>& table_specs();

}  // namespace cargoquote::rates
