#pragma once
// The desk schema migrations compiled into the binary from desk/schema/NNNN_*.sql, in order.
// Migration i (1-based) moves PRAGMA user_version from i-1 to i.

#include <span>
#include <string_view>

namespace cargoquote::desk {

[[nodiscard]] std::span<const std::string_view> desk_schema_migrations();

}  // namespace cargoquote::desk
