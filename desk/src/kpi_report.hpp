#pragma once
// The KPI report (definitions in cargoquote/desk/kpis.hpp), read in one snapshot.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/desk/kpis.hpp>

namespace cargoquote::desk {

[[nodiscard]] KpiReport read_kpis(SQLite::Database& db, KpiGroupBy group_by,
                                  const TimeRange& received);

}  // namespace cargoquote::desk
