#pragma once
// Writing and reading the audit trail. append_audit runs inside the caller's write transaction,
// so the entry commits (or rolls back) with the change it records.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/desk/audit.hpp>
#include <nlohmann/json.hpp>
#include <vector>

namespace cargoquote::desk {

void append_audit(SQLite::Database& db, Instant at, std::optional<UserId> user, AuditEntity entity,
                  std::int64_t entity_id, AuditAction action, const nlohmann::json& detail);

[[nodiscard]] std::vector<AuditEntry> read_audit(SQLite::Database& db, const AuditFilter& filter);

}  // namespace cargoquote::desk
