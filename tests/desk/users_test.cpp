// Users and bearer tokens: the token is shown once and only its SHA-256 reaches the disk; roles
// bind customers to one customer id; deactivation is final and audited.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <cargoquote/desk/desk_error.hpp>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "desk/desk_fixture.hpp"

namespace cargoquote::desk {
namespace {
using test::error_code_of;
using test::error_field_of;
using test::utc;

std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class UsersTest : public test::DeskTest {};

TEST_F(UsersTest, TokenIsPrefixedBase64urlOf32Bytes) {
    EXPECT_TRUE(std::regex_match(anna.token, std::regex("cqt_[A-Za-z0-9_-]{43}"))) << anna.token;
    EXPECT_EQ(anna.user.role, Role::Staff);
    EXPECT_EQ(anna.user.name, "Anna Agent");
    EXPECT_TRUE(anna.user.active);
    EXPECT_EQ(anna.user.created_at, utc("2026-11-01T00:00:00"));
}

TEST_F(UsersTest, TokensAreDistinct) {
    std::set<std::string> tokens{admin.token, anna.token, ben.token, acme.token};
    for (int i = 0; i < 20; ++i) {
        tokens.insert(store
                          .add_user({Role::Staff, "agent " + std::to_string(i), {}}, {},
                                    utc("2026-11-02T00:00:00"))
                          .token);
    }
    EXPECT_EQ(tokens.size(), 24u);
}

TEST_F(UsersTest, OnlyTheTokensSha256IsStored) {
    unsigned char expected[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(anna.token.data()), anna.token.size(), expected);
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(raw, "SELECT token_sha256 FROM users WHERE user_id = ?");
        q.bind(1, anna.user.id.value);
        ASSERT_TRUE(q.executeStep());
        const SQLite::Column hash = q.getColumn(0);
        ASSERT_EQ(hash.getBytes(), SHA256_DIGEST_LENGTH);
        EXPECT_EQ(std::memcmp(hash.getBlob(), expected, SHA256_DIGEST_LENGTH), 0);
    }
    // Nowhere in the database or its write-ahead log: not in a column, not in the audit trail.
    for (const auto& token : {admin.token, anna.token, ben.token, acme.token}) {
        EXPECT_EQ(file_bytes(path).find(token), std::string::npos);
        EXPECT_EQ(file_bytes(path.string() + "-wal").find(token), std::string::npos);
        EXPECT_EQ(file_bytes(path.string() + "-wal").find(token.substr(4)), std::string::npos);
    }
}

TEST_F(UsersTest, AuthenticateFindsTheTokensUser) {
    const auto found = store.authenticate(acme.token);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(*found, acme.user);
    EXPECT_EQ(found->customer_id, "ACME");
    EXPECT_EQ(store.authenticate(ben.token)->id, ben.user.id);
}

TEST_F(UsersTest, AuthenticateRefusesWrongAndMalformedTokens) {
    std::string altered = anna.token;
    altered.back() = altered.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(store.authenticate(altered).has_value());
    EXPECT_FALSE(store.authenticate("").has_value());
    EXPECT_FALSE(store.authenticate(anna.token.substr(4)).has_value());  // without its prefix
    EXPECT_FALSE(store.authenticate(anna.token + "x").has_value());
    EXPECT_FALSE(store.authenticate("Bearer " + anna.token).has_value());
}

TEST_F(UsersTest, CustomerUsersNeedACustomerIdAndOnlyThey) {
    const Instant at = utc("2026-11-02T00:00:00");
    EXPECT_EQ(error_code_of([&] {
                  (void)store.add_user({Role::Customer, "no id", {}}, {}, at);
              }),
              ErrorCode::MissingField);
    EXPECT_EQ(error_field_of([&] {
                  (void)store.add_user({Role::Customer, "x", ""}, {}, at);
              }),
              "customer_id");
    EXPECT_EQ(error_code_of([&] {
                  (void)store.add_user({Role::Staff, "bound", "ACME"}, {}, at);
              }),
              ErrorCode::InvalidInput);
    EXPECT_EQ(error_code_of([&] {
                  (void)store.add_user({Role::Admin, "bound", "ACME"}, {}, at);
              }),
              ErrorCode::InvalidInput);
    EXPECT_EQ(error_field_of([&] {
                  (void)store.add_user({Role::Staff, "  ", {}}, {}, at);
              }),
              "name");
    EXPECT_EQ(store.users().size(), 4u);  // nothing added
}

TEST_F(UsersTest, OnlyActiveAdminsManageUsers) {
    const Instant at = utc("2026-11-02T00:00:00");
    EXPECT_EQ(error_code_of([&] {
                  (void)store.add_user({Role::Staff, "x", {}}, anna.user.id, at);
              }),
              ErrorCode::Forbidden);
    EXPECT_EQ(error_code_of([&] { store.deactivate_user(ben.user.id, acme.user.id, at); }),
              ErrorCode::Forbidden);
    EXPECT_EQ(error_code_of([&] {
                  (void)store.add_user({Role::Staff, "x", {}}, UserId{999}, at);
              }),
              ErrorCode::Unauthorized);
    store.deactivate_user(admin.user.id, {}, at);
    EXPECT_EQ(error_code_of([&] {
                  (void)store.add_user({Role::Staff, "x", {}}, admin.user.id, at);
              }),
              ErrorCode::Unauthorized);
    EXPECT_TRUE(store.user(ben.user.id)->active);
}

TEST_F(UsersTest, DeactivationRefusesTheTokenForGood) {
    store.deactivate_user(ben.user.id, admin.user.id, utc("2026-11-03T09:00:00"));
    EXPECT_FALSE(store.authenticate(ben.token).has_value());
    EXPECT_FALSE(store.user(ben.user.id)->active);
    EXPECT_TRUE(store.authenticate(anna.token).has_value());
    EXPECT_EQ(error_code_of([&] {
                  store.deactivate_user(ben.user.id, admin.user.id, utc("2026-11-03T10:00:00"));
              }),
              ErrorCode::Conflict);
    EXPECT_EQ(error_code_of([&] {
                  store.deactivate_user(UserId{999}, admin.user.id, utc("2026-11-03T10:00:00"));
              }),
              ErrorCode::NotFound);
    // A deactivated agent can no longer take inquiries.
    EXPECT_EQ(error_code_of([&] {
                  (void)store.record_inquiry(test::inquiry(ben.user.id, "2026-11-25T08:00:00"));
              }),
              ErrorCode::Unauthorized);
}

TEST_F(UsersTest, AddingAndDeactivatingAreAudited) {
    store.deactivate_user(ben.user.id, admin.user.id, utc("2026-11-03T09:00:00"));
    const auto trail =
        store.audit_trail({.entity = AuditEntity::User, .entity_id = ben.user.id.value});
    ASSERT_EQ(trail.size(), 2u);
    EXPECT_EQ(trail[0].action, AuditAction::UserAdded);
    EXPECT_EQ(trail[0].user, admin.user.id);
    EXPECT_EQ(nlohmann::json::parse(trail[0].detail_json),
              (nlohmann::json{{"role", "staff"}, {"name", "Ben Agent"}}));
    EXPECT_EQ(trail[1].action, AuditAction::UserDeactivated);
    EXPECT_EQ(trail[1].at, utc("2026-11-03T09:00:00"));
    EXPECT_EQ(trail[1].user, admin.user.id);
    // The admin was added from the command line: no acting user.
    const auto first =
        store.audit_trail({.entity = AuditEntity::User, .entity_id = admin.user.id.value});
    ASSERT_EQ(first.size(), 1u);
    EXPECT_FALSE(first[0].user.has_value());
}

TEST_F(UsersTest, UsersAreListedById) {
    const auto users = store.users();
    ASSERT_EQ(users.size(), 4u);
    EXPECT_EQ(users[0], admin.user);
    EXPECT_EQ(users[3], acme.user);
    EXPECT_FALSE(store.user(UserId{999}).has_value());
}

}  // namespace
}  // namespace cargoquote::desk
