#include "rates/import_checks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cargoquote/rates/rate_store.hpp>
#include <fstream>
#include <sstream>

#include "support/test_data.hpp"

namespace cargoquote::rates::test_support {

namespace fs = std::filesystem;

fs::path sample_dir() { return test::source_dir() / "rates" / "sample"; }
fs::path fixture(std::string_view name) {
    return test::source_dir() / "tests" / "data" / "import" / name;
}

// "file:line:column" built from the fields (always with the column), for exact comparisons.
std::string where(const ImportIssue& issue) {
    return issue.file + ":" + std::to_string(issue.line) + ":" + std::to_string(issue.column);
}

std::string describe(const ImportReport& report) {
    std::string out;
    for (const auto& issue : report.errors)
        out += "  " + where(issue) + ": " + issue.message + "\n";
    return out.empty() ? "  (no errors)\n" : out;
}

const ImportIssue* find_issue(const ImportReport& report, std::string_view message_part) {
    const auto it = std::find_if(
        report.errors.begin(), report.errors.end(),
        [&](const ImportIssue& i) { return i.message.find(message_part) != std::string::npos; });
    return it == report.errors.end() ? nullptr : &*it;
}

// The fixture has exactly one fault: the report names it at `location` and nothing else.
void expect_only_issue(const ImportReport& report, std::string_view location,
                       std::string_view message_part) {
    EXPECT_FALSE(report.written);
    EXPECT_FALSE(report.ok());
    const ImportIssue* issue = find_issue(report, message_part);
    ASSERT_NE(issue, nullptr) << "no issue mentions \"" << message_part << "\":\n"
                              << describe(report);
    EXPECT_EQ(where(*issue), location) << issue->message;
    EXPECT_EQ(report.errors.size(), 1U) << "one fault, one issue expected:\n" << describe(report);
}

ImportReport import_into(const std::filesystem::path& db, const std::filesystem::path& dir) {
    auto store = RateStore::open_for_import(db);
    return store.import_directory(dir);
}

ImportReport import_fixture(std::string_view name) {
    auto store = RateStore::open_for_import(":memory:");
    return store.import_directory(fixture(name));
}

// The sample imported first, then `name` on top of it (for rules checked against the database).
ImportReport import_fixture_after_sample(std::string_view name) {
    auto store = RateStore::open_for_import(":memory:");
    const ImportReport sample = store.import_directory(sample_dir());
    EXPECT_TRUE(sample.written) << describe(sample);
    return store.import_directory(fixture(name));
}

std::string dump_rows(SQLite::Database& db, const std::string& table) {
    const int columns = SQLite::Statement(db, "SELECT * FROM \"" + table + "\"").getColumnCount();
    std::string order_by;
    for (int i = 1; i <= columns; ++i) order_by += (i > 1 ? ", " : "") + std::to_string(i);
    SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY " + order_by);
    std::string out;
    while (rows.executeStep()) {
        for (int i = 0; i < columns; ++i) {
            const SQLite::Column value = rows.getColumn(i);
            out += (value.isNull() ? std::string("NULL") : value.getString()) + "|";
        }
        out += "\n";
    }
    return out;
}

std::string dump_database(const fs::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    std::string out;
    SQLite::Statement tables(
        db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        out += "== " + tables.getColumn(1).getString() + "\n";
        out += dump_rows(db, tables.getColumn(0).getString());
    }
    return out;
}

int user_version(const fs::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace cargoquote::rates::test_support
