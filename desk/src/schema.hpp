#pragma once
// Brings a desk database to this build's schema (desk/schema, PRAGMA user_version).

#include <SQLiteCpp/SQLiteCpp.h>

#include <string_view>

namespace cargoquote::desk {

[[nodiscard]] int user_version(SQLite::Database& db);

// Applies every pending migration in one write transaction; DeskError(SchemaMismatch) when the
// database is newer than this build. Safe when another process migrates the same file at once:
// the version is read again under the write lock.
void migrate(SQLite::Database& db, std::string_view path);

}  // namespace cargoquote::desk
