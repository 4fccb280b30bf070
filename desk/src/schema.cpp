#include "schema.hpp"

#include <fmt/format.h>

#include <cargoquote/desk/desk_error.hpp>
#include <cargoquote/desk/desk_store.hpp>
#include <string>

#include "migrations.hpp"

namespace cargoquote::desk {

int latest_desk_schema_version() { return static_cast<int>(desk_schema_migrations().size()); }

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

namespace {
void refuse_newer(int version, std::string_view path) {
    if (version > latest_desk_schema_version()) {
        throw DeskError(ErrorCode::SchemaMismatch, "--desk",
                        fmt::format("'{}' has desk schema version {}, newer than this build's {}",
                                    path, version, latest_desk_schema_version()));
    }
}
}  // namespace

void migrate(SQLite::Database& db, std::string_view path) {
    refuse_newer(user_version(db), path);
    if (user_version(db) == latest_desk_schema_version()) return;
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    const int version = user_version(db);
    refuse_newer(version, path);
    const auto migrations = desk_schema_migrations();
    for (int v = version; v < latest_desk_schema_version(); ++v) {
        db.exec(std::string(migrations[static_cast<std::size_t>(v)]));
    }
    db.exec(fmt::format("PRAGMA user_version = {}", latest_desk_schema_version()));
    transaction.commit();
}

}  // namespace cargoquote::desk
