#pragma once
// The schema migrations compiled into the binary from rates/schema/NNNN_*.sql, in order.
// Migration i (1-based) moves PRAGMA user_version from i-1 to i.

#include <span>
#include <string_view>

namespace cargoquote::rates {

[[nodiscard]] std::span<const std::string_view> schema_migrations();

}  // namespace cargoquote::rates
