// Opening the rate store (missing file, schema versions, WAL) and reading while another connection
// writes. The database files are inspected with SQLiteCpp directly, independent of RateStore.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "rates/import_checks.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::rates {
namespace {

namespace fs = std::filesystem;
using namespace test_support;

using test::TempDir;

// The code of the RateStoreError thrown by `open`, or a marker message when none was thrown.
std::string store_error_of(const std::function<void()>& open) {
    try {
        open();
    } catch (const RateStoreError& e) {
        return std::string(error_code_name(e.code()));
    } catch (const std::exception& e) {
        return std::string("<other exception: ") + e.what() + ">";
    }
    return "<nothing thrown>";
}

void set_user_version(const fs::path& path, int version) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE IF NOT EXISTS unrelated (x INTEGER)");
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

void import_sample(const fs::path& db) {
    auto store = RateStore::open_for_import(db);
    const ImportReport report = store.import_directory(test::source_dir() / "rates" / "sample");
    ASSERT_TRUE(report.written) << (report.errors.empty() ? "" : report.errors.front().message);
}

bool has_airport(const RateBookData& data, std::string_view code) {
    return std::any_of(data.airports.begin(), data.airports.end(),
                       [&](const Airport& a) { return a.code.str() == code; });
}

// ---- opening ----

TEST(RateStoreOpen, ReadOnlyOpenOfMissingFileIsDatabaseMissing) {
    TempDir tmp{"cargoquote_store_"};
    const fs::path missing = tmp / "missing.db";
    try {
        (void)RateStore::open_read_only(missing);
        FAIL() << "open_read_only of a missing file did not throw";
    } catch (const RateStoreError& e) {
        EXPECT_EQ(e.code(), ErrorCode::DatabaseMissing);
        EXPECT_EQ(e.field(), "--db");
        EXPECT_NE(e.detail().find(missing.string()), std::string::npos) << e.detail();
    }
    EXPECT_FALSE(fs::exists(missing)) << "a read-only open must not create the file";
}

TEST(RateStoreOpen, NewerSchemaIsRejectedByBothOpens) {
    TempDir tmp{"cargoquote_store_"};
    const fs::path db = tmp / "newer.db";
    set_user_version(db, latest_schema_version() + 1);

    EXPECT_EQ(store_error_of([&] { (void)RateStore::open_read_only(db); }), "schema_mismatch");
    EXPECT_EQ(store_error_of([&] { (void)RateStore::open_for_import(db); }), "schema_mismatch");
    EXPECT_EQ(user_version(db), latest_schema_version() + 1) << "a rejected open must not migrate";
}

TEST(RateStoreOpen, OlderSchemaIsRejectedByReadOnlyOpen) {
    TempDir tmp{"cargoquote_store_"};
    const fs::path db = tmp / "older.db";
    set_user_version(db, 0);
    EXPECT_EQ(store_error_of([&] { (void)RateStore::open_read_only(db); }), "schema_mismatch");
}

TEST(RateStoreOpen, ImportOpenOfFreshFileCreatesLatestSchemaInWalMode) {
    TempDir tmp{"cargoquote_store_"};
    const fs::path db = tmp / "fresh.db";
    // One migration per rates/schema/*.sql file.
    const auto migrations = std::count_if(
        fs::directory_iterator(test::source_dir() / "rates" / "schema"), fs::directory_iterator{},
        [](const fs::directory_entry& e) { return e.path().extension() == ".sql"; });
    ASSERT_EQ(latest_schema_version(), migrations);

    {
        auto store = RateStore::open_for_import(db);
        EXPECT_EQ(store.schema_version(), latest_schema_version());
    }
    SQLite::Database check(db.string(), SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("PRAGMA user_version").getInt(), latest_schema_version());
    EXPECT_EQ(check.execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_TRUE(check.tableExists("rate_lines"));
    // And it opens read-only afterwards, empty.
    EXPECT_TRUE(RateStore::open_read_only(db).load().rate_lines.empty());
}

// ---- reading while another connection writes (WAL) ----

// A reader opened before the write, and one opened during it, both load the committed snapshot
// while `begin` (a write transaction holding new rows) is open on another connection; after the
// commit a new load sees the rows.
void expect_readers_not_blocked_by(std::string_view begin) {
    TempDir tmp{"cargoquote_store_"};
    const fs::path db = tmp / "rates.db";
    import_sample(db);
    const RateStore reader_before = RateStore::open_read_only(db);

    SQLite::Database writer(db.string(), SQLite::OPEN_READWRITE);
    writer.exec(std::string(begin));
    writer.exec(
        "INSERT INTO airports VALUES ('HAM', 'Hamburg Airport', 'Hamburg', 'DE', "
        "'Europe/Berlin', 53.6304, 9.9882)");
    writer.exec(
        "INSERT INTO rate_lines VALUES ('Q1-PVG-HAM-GEN-W26', 'Q1', 'PVG', 'HAM', 'GEN', '', "
        "'CNY', 440000000, 6000, 500, 0, 0, 0, '2026-10-01', '2027-03-31', 'test', 'W26')");

    // A blocked read would wait for the 5 s busy timeout and then throw DatabaseFailure.
    const RateBookData during = reader_before.load();
    EXPECT_EQ(during.airports.size(), 38U);
    EXPECT_EQ(during.rate_lines.size(), 327U);
    EXPECT_FALSE(has_airport(during, "HAM"));
    const RateBookData opened_during = RateStore::open_read_only(db).load();
    EXPECT_EQ(opened_during.airports.size(), 38U);
    EXPECT_EQ(opened_during.rate_lines.size(), 327U);

    writer.exec("COMMIT");
    const RateBookData after = reader_before.load();
    EXPECT_EQ(after.airports.size(), 39U);
    EXPECT_EQ(after.rate_lines.size(), 328U);
    EXPECT_TRUE(has_airport(after, "HAM"));
}

TEST(RateStoreConcurrency, ReadersLoadTheOldSnapshotDuringAnImmediateWriteTransaction) {
    expect_readers_not_blocked_by("BEGIN IMMEDIATE");
}

// In a rollback-journal database BEGIN IMMEDIATE does not block readers either; BEGIN EXCLUSIVE
// does, so this case is the one that fails unless the store really is in WAL mode.
TEST(RateStoreConcurrency, ReadersLoadTheOldSnapshotDuringAnExclusiveWriteTransaction) {
    expect_readers_not_blocked_by("BEGIN EXCLUSIVE");
}

}  // namespace
}  // namespace cargoquote::rates
