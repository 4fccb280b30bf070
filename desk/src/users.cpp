#include "users.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_error.hpp>
#include <nlohmann/json.hpp>

#include "audit_log.hpp"
#include "sql_values.hpp"
#include "token.hpp"

namespace cargoquote::desk {

namespace {

constexpr std::string_view kUserColumns =
    "SELECT user_id, role, name, customer_id, active, created_at FROM users ";

User user_from_row(SQLite::Statement& row) {
    const auto role = parse_role(row.getColumn(1).getString());
    if (!role) throw DeskError(ErrorCode::DatabaseFailure, "users", "unknown role in the database");
    return User{.id = UserId{row.getColumn(0).getInt64()},
                .role = *role,
                .name = row.getColumn(2).getString(),
                .customer_id = optional_text(row.getColumn(3)),
                .active = row.getColumn(4).getInt() != 0,
                .created_at = instant_from(row.getColumn(5))};
}

void validate(const NewUser& user) {
    if (user.name.find_first_not_of(" \t") == std::string::npos) {
        throw InputError(ErrorCode::MissingField, "name", "a user needs a name");
    }
    if (user.role == Role::Customer) {
        if (!user.customer_id || user.customer_id->empty()) {
            throw InputError(ErrorCode::MissingField, "customer_id",
                             "a customer user must be bound to a customer id");
        }
    } else if (user.customer_id) {
        throw InputError(ErrorCode::InvalidInput, "customer_id",
                         fmt::format("only customer users have a customer id, not {} users",
                                     role_name(user.role)));
    }
}

// Users are managed by an active admin, or from the command line at the machine (no user).
void require_user_manager(SQLite::Database& db, std::optional<UserId> by) {
    if (!by) return;
    const User actor = acting_user(db, *by);
    if (actor.role != Role::Admin) {
        throw DeskError(ErrorCode::Forbidden, "by",
                        fmt::format("only an admin manages users; user {} is {}", actor.id.value,
                                    role_name(actor.role)));
    }
}

}  // namespace

IssuedUser insert_user(SQLite::Database& db, const NewUser& user, std::optional<UserId> added_by,
                       Instant at) {
    validate(user);
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    require_user_manager(db, added_by);
    std::string token = new_token();
    const TokenHash hash = token_hash(token);
    SQLite::Statement insert(db,
                             "INSERT INTO users (role, name, customer_id, token_sha256, active, "
                             "created_at) VALUES (?, ?, ?, ?, 1, ?)");
    insert.bind(1, std::string(role_name(user.role)));
    insert.bind(2, user.name);
    bind_optional(insert, 3, user.customer_id);
    insert.bind(4, hash.data(), static_cast<int>(hash.size()));
    insert.bind(5, unix_seconds(at));
    insert.exec();
    const UserId id{db.getLastInsertRowid()};
    nlohmann::json detail{{"role", role_name(user.role)}, {"name", user.name}};
    if (user.customer_id) detail["customerId"] = *user.customer_id;
    append_audit(db, at, added_by, AuditEntity::User, id.value, AuditAction::UserAdded, detail);
    transaction.commit();
    return IssuedUser{.user = User{.id = id,
                                   .role = user.role,
                                   .name = user.name,
                                   .customer_id = user.customer_id,
                                   .active = true,
                                   .created_at = at},
                      .token = std::move(token)};
}

std::optional<User> user_by_token(SQLite::Database& db, std::string_view token) {
    if (!looks_like_token(token)) return std::nullopt;
    const TokenHash hash = token_hash(token);
    SQLite::Statement query(db,
                            std::string(kUserColumns) + "WHERE token_sha256 = ? AND active = 1");
    query.bind(1, hash.data(), static_cast<int>(hash.size()));
    if (!query.executeStep()) return std::nullopt;
    return user_from_row(query);
}

std::optional<User> find_user(SQLite::Database& db, UserId id) {
    SQLite::Statement query(db, std::string(kUserColumns) + "WHERE user_id = ?");
    query.bind(1, id.value);
    if (!query.executeStep()) return std::nullopt;
    return user_from_row(query);
}

std::vector<User> all_users(SQLite::Database& db) {
    SQLite::Statement query(db, std::string(kUserColumns) + "ORDER BY user_id");
    std::vector<User> users;
    while (query.executeStep()) users.push_back(user_from_row(query));
    return users;
}

void deactivate(SQLite::Database& db, UserId user, std::optional<UserId> by, Instant at) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    require_user_manager(db, by);
    const auto target = find_user(db, user);
    if (!target) {
        throw DeskError(ErrorCode::NotFound, "user", fmt::format("no user {}", user.value));
    }
    if (!target->active) {
        throw DeskError(ErrorCode::Conflict, "user",
                        fmt::format("user {} is already deactivated", user.value));
    }
    SQLite::Statement update(db, "UPDATE users SET active = 0 WHERE user_id = ?");
    update.bind(1, user.value);
    update.exec();
    append_audit(db, at, by, AuditEntity::User, user.value, AuditAction::UserDeactivated,
                 nlohmann::json{{"name", target->name}, {"role", role_name(target->role)}});
    transaction.commit();
}

User acting_user(SQLite::Database& db, UserId id, std::string_view field) {
    auto user = find_user(db, id);
    if (!user) {
        throw DeskError(ErrorCode::Unauthorized, std::string(field),
                        fmt::format("no user {}", id.value));
    }
    if (!user->active) {
        throw DeskError(ErrorCode::Unauthorized, std::string(field),
                        fmt::format("user {} is deactivated", id.value));
    }
    return *std::move(user);
}

void require_customer_scope(const User& actor, const std::optional<std::string>& customer_id,
                            std::string_view what) {
    if (actor.role == Role::Customer && actor.customer_id != customer_id) {
        throw DeskError(ErrorCode::Forbidden, "by",
                        fmt::format("user {} acts for customer {} and may not use {}",
                                    actor.id.value, actor.customer_id.value_or(""), what));
    }
}

}  // namespace cargoquote::desk
