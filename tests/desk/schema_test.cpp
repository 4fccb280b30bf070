// The schema refuses what the desk promises never to do: no row of the audit trail, an inquiry,
// an option shown, a quote or a booking is changed or removed, even by hand in sqlite3; a user
// can only be deactivated. Also: migrations, WAL, and SQLite failures as cargoquote errors.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cargoquote/desk/desk_error.hpp>
#include <string>

#include "desk/desk_fixture.hpp"

namespace cargoquote::desk {
namespace {
using test::error_code_of;
using test::utc;

class SchemaTest : public test::DeskTest {
  protected:
    void SetUp() override {
        const Quote quote = quoted_inquiry();
        (void)store.book(quote.reference, 1, anna.user.id, utc("2026-11-25T09:00:00"));
        store.deactivate_user(ben.user.id, admin.user.id, utc("2026-11-25T10:00:00"));
    }
    // The SQLite error message of `sql` run by hand on the file, "" when it succeeded.
    std::string refusal(const std::string& sql) {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        try {
            raw.exec(sql);
        } catch (const SQLite::Exception& e) {
            return e.what();
        }
        return "";
    }
};

struct AppendOnlyTable {
    const char* table;
    const char* column;  // any column: the triggers refuse every UPDATE
};

constexpr AppendOnlyTable kAppendOnly[] = {
    {"inquiries", "rate_snapshot"},   {"quoted_options", "sell_total_micros"},
    {"option_rate_lines", "version"}, {"quotes", "sent_at"},
    {"quote_options", "rank"},        {"bookings", "booked_at"},
    {"audit_events", "detail_json"},
};

TEST_F(SchemaTest, AppendOnlyTablesRefuseUpdateAndDelete) {
    for (const auto& t : kAppendOnly) {
        SCOPED_TRACE(t.table);
        const std::string expected = std::string(t.table) + " are append-only";
        EXPECT_THAT(refusal(fmt::format("UPDATE {0} SET {1} = {1}", t.table, t.column)),
                    testing::HasSubstr(expected));
        EXPECT_THAT(refusal(fmt::format("DELETE FROM {}", t.table)), testing::HasSubstr(expected));
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        EXPECT_GT(raw.execAndGet(fmt::format("SELECT count(*) FROM {}", t.table)).getInt(), 0);
    }
}

TEST_F(SchemaTest, UsersCanOnlyBeDeactivated) {
    const std::string anna_id = std::to_string(anna.user.id.value);
    const std::string ben_id = std::to_string(ben.user.id.value);
    EXPECT_THAT(refusal("DELETE FROM users WHERE user_id = " + anna_id),
                testing::HasSubstr("users are never deleted"));
    for (const char* change : {"name = 'Mallory'", "role = 'admin'", "token_sha256 = zeroblob(32)",
                               "created_at = 0", "user_id = 77"}) {
        SCOPED_TRACE(change);
        EXPECT_THAT(refusal(fmt::format("UPDATE users SET {} WHERE user_id = {}", change, anna_id)),
                    testing::HasSubstr("a user can only be deactivated"));
    }
    EXPECT_THAT(refusal("UPDATE users SET active = 1 WHERE user_id = " + ben_id),
                testing::HasSubstr("a user can only be deactivated"));
    EXPECT_FALSE(store.user(ben.user.id)->active);
    EXPECT_EQ(refusal("UPDATE users SET active = 0 WHERE user_id = " + anna_id), "");
    EXPECT_FALSE(store.user(anna.user.id)->active);
}

TEST_F(SchemaTest, ConstraintsBackTheStoreChecks) {
    // A second booking of the booked quote, a second quote of the sent inquiry.
    EXPECT_THAT(refusal("INSERT INTO bookings (quote_id, rank, booked_by, booked_at) "
                        "VALUES (1, 2, 2, 0)"),
                testing::HasSubstr("UNIQUE"));
    EXPECT_THAT(refusal("INSERT INTO quotes (reference, inquiry_id, sent_by, sent_at, "
                        "offer_valid_from, offer_valid_to) "
                        "VALUES ('Q-9', 1, 2, 0, '2026-11-25', '2026-11-25')"),
                testing::HasSubstr("UNIQUE"));
    // A customer user without a customer id.
    EXPECT_THAT(refusal("INSERT INTO users (role, name, token_sha256, created_at) "
                        "VALUES ('customer', 'x', randomblob(32), 0)"),
                testing::HasSubstr("CHECK"));
}

TEST_F(SchemaTest, TheFileIsWalAtTheLatestVersionAndReopens) {
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
        EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), latest_desk_schema_version());
    }
    EXPECT_EQ(latest_desk_schema_version(), 1);
    EXPECT_EQ(store.schema_version(), 1);
    DeskStore again = DeskStore::open(path);
    EXPECT_EQ(again.users().size(), 4u);
    EXPECT_EQ(again.quote_by_ref("Q-000001")->booking->option_rank, 1);
}

TEST_F(SchemaTest, ANewerFileIsASchemaMismatch) {
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 2");
    }
    EXPECT_EQ(error_code_of([&] { (void)DeskStore::open(path); }), ErrorCode::SchemaMismatch);
}

TEST_F(SchemaTest, SqliteFailuresAreDatabaseFailures) {
    EXPECT_EQ(error_code_of([&] { (void)DeskStore::open(dir / "no such dir" / "desk.db"); }),
              ErrorCode::DatabaseFailure);

    // Another connection holds the write lock past the busy timeout: the write fails as ours,
    // while reads go on from their WAL snapshot.
    DeskStore impatient = DeskStore::open(
        path, {.max_connections = 1, .busy_timeout = std::chrono::milliseconds(50)});
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec("BEGIN IMMEDIATE");
    try {
        (void)impatient.record_inquiry(test::inquiry(anna.user.id, "2026-11-25T11:00:00"));
        ADD_FAILURE() << "the write went through a held lock";
    } catch (const DeskError& e) {
        EXPECT_EQ(e.code(), ErrorCode::DatabaseFailure);
        EXPECT_THAT(e.what(), testing::HasSubstr("recording an inquiry"));
    }
    EXPECT_EQ(impatient.inquiries({}).items.size(), 1u);
    raw.exec("ROLLBACK");
    EXPECT_NO_THROW(
        (void)impatient.record_inquiry(test::inquiry(anna.user.id, "2026-11-25T11:00:00")));
}

}  // namespace
}  // namespace cargoquote::desk
