#pragma once
// Helpers shared by the rate-store import tests: fixture paths, exact issue locations, and
// importing a fixture on its own or on top of the sample.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/rates/import_report.hpp>
#include <filesystem>
#include <string>
#include <string_view>

namespace cargoquote::rates::test_support {

[[nodiscard]] std::filesystem::path sample_dir();
[[nodiscard]] std::filesystem::path fixture(std::string_view name);
// "file:line:column", always with the column, for exact comparisons.
[[nodiscard]] std::string where(const ImportIssue& issue);
[[nodiscard]] std::string describe(const ImportReport& report);
[[nodiscard]] const ImportIssue* find_issue(const ImportReport& report,
                                            std::string_view message_part);
// The fixture has exactly one fault: the report names it at `location` and nothing else.
void expect_only_issue(const ImportReport& report, std::string_view location,
                       std::string_view message_part);
[[nodiscard]] ImportReport import_fixture(std::string_view name);
// Imports `dir` into the database file `db` and closes it (so it can be inspected afterwards).
[[nodiscard]] ImportReport import_into(const std::filesystem::path& db,
                                       const std::filesystem::path& dir);
// The sample imported first, then `name` on top of it (for rules checked against the database).
[[nodiscard]] ImportReport import_fixture_after_sample(std::string_view name);

// SQLite inspection, independent of the rate store's own code.
// The rows of `table` in a canonical order (by every column).
[[nodiscard]] std::string dump_rows(SQLite::Database& db, const std::string& table);
// Every table's schema and rows: equal dumps mean equal content.
[[nodiscard]] std::string dump_database(const std::filesystem::path& path);
[[nodiscard]] int user_version(const std::filesystem::path& path);
[[nodiscard]] std::string read_text(const std::filesystem::path& path);

}  // namespace cargoquote::rates::test_support
