#pragma once
// One reader per CSV file, grouped as the schema migrations group the tables. The table specs
// (table_specs.cpp) pair each with its file, its columns and its SQL.

#include <memory>

#include "import/import_context.hpp"

namespace cargoquote::rates {

using ReaderFactory = std::unique_ptr<TableReader> (*)(ImportContext&);

// Reference data (reference_tables.cpp).
std::unique_ptr<TableReader> airports_reader(ImportContext& context);
std::unique_ptr<TableReader> carriers_reader(ImportContext& context);
std::unique_ptr<TableReader> fx_rates_reader(ImportContext& context);
std::unique_ptr<TableReader> liability_limits_reader(ImportContext& context);
std::unique_ptr<TableReader> customers_reader(ImportContext& context);

// Tariffs (tariff_tables.cpp).
std::unique_ptr<TableReader> rate_lines_reader(ImportContext& context);
std::unique_ptr<TableReader> surcharges_reader(ImportContext& context);
std::unique_ptr<TableReader> margins_reader(ImportContext& context);

// Schedules and handling (schedule_tables.cpp).
std::unique_ptr<TableReader> flight_legs_reader(ImportContext& context);
std::unique_ptr<TableReader> aircraft_limits_reader(ImportContext& context);
std::unique_ptr<TableReader> carrier_restrictions_reader(ImportContext& context);
std::unique_ptr<TableReader> connection_times_reader(ImportContext& context);
std::unique_ptr<TableReader> handling_times_reader(ImportContext& context);
std::unique_ptr<TableReader> carrier_performance_reader(ImportContext& context);

// Service levels (service_level_tables.cpp).
std::unique_ptr<TableReader> sla_tiers_reader(ImportContext& context);
std::unique_ptr<TableReader> customer_preferences_reader(ImportContext& context);

}  // namespace cargoquote::rates
