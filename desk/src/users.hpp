#pragma once
// Users, their tokens, and the checks on whoever acts.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/desk/records.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace cargoquote::desk {

[[nodiscard]] IssuedUser insert_user(SQLite::Database& db, const NewUser& user,
                                     std::optional<UserId> added_by, Instant at);
[[nodiscard]] std::optional<User> user_by_token(SQLite::Database& db, std::string_view token);
[[nodiscard]] std::optional<User> find_user(SQLite::Database& db, UserId id);
[[nodiscard]] std::vector<User> all_users(SQLite::Database& db);
void deactivate(SQLite::Database& db, UserId user, std::optional<UserId> by, Instant at);

// The acting user, who must exist and be active (else DeskError Unauthorized).
[[nodiscard]] User acting_user(SQLite::Database& db, UserId id, std::string_view field = "by");
// A customer's user may act only on its own customer's inquiries (else DeskError Forbidden).
void require_customer_scope(const User& actor, const std::optional<std::string>& customer_id,
                            std::string_view what);

}  // namespace cargoquote::desk
