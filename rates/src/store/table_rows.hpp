#pragma once
// Each table's SQL: insert() writes the rows an import adds, load() reads the table back into
// RateBookData. Grouped as the schema migrations group the tables; the table specs
// (table_specs.cpp) pair them with the CSV files.

#include <SQLiteCpp/Database.h>

#include <cargoquote/catalog/rate_book.hpp>

namespace cargoquote::rates {

using TableInsert = void (*)(SQLite::Database&, const RateBookData&);
using TableLoad = void (*)(SQLite::Database&, RateBookData&);

// Reference data (reference_rows.cpp).
void insert_airports(SQLite::Database& db, const RateBookData& rows);
void load_airports(SQLite::Database& db, RateBookData& out);
void insert_carriers(SQLite::Database& db, const RateBookData& rows);
void load_carriers(SQLite::Database& db, RateBookData& out);
void insert_fx_rates(SQLite::Database& db, const RateBookData& rows);
void load_fx_rates(SQLite::Database& db, RateBookData& out);
void insert_liability_limits(SQLite::Database& db, const RateBookData& rows);
void load_liability_limits(SQLite::Database& db, RateBookData& out);
void insert_customers(SQLite::Database& db, const RateBookData& rows);
void load_customers(SQLite::Database& db, RateBookData& out);

// Tariffs (tariff_rows.cpp).
void insert_rate_lines(SQLite::Database& db, const RateBookData& rows);  // with their breaks
void load_rate_lines(SQLite::Database& db, RateBookData& out);
void insert_surcharges(SQLite::Database& db, const RateBookData& rows);
void load_surcharges(SQLite::Database& db, RateBookData& out);
void insert_margins(SQLite::Database& db, const RateBookData& rows);
void load_margins(SQLite::Database& db, RateBookData& out);

// Schedules and handling (schedule_rows.cpp).
void insert_flight_legs(SQLite::Database& db, const RateBookData& rows);
void load_flight_legs(SQLite::Database& db, RateBookData& out);
void insert_aircraft_limits(SQLite::Database& db, const RateBookData& rows);
void load_aircraft_limits(SQLite::Database& db, RateBookData& out);
void insert_carrier_restrictions(SQLite::Database& db, const RateBookData& rows);
void load_carrier_restrictions(SQLite::Database& db, RateBookData& out);
void insert_connection_times(SQLite::Database& db, const RateBookData& rows);
void load_connection_times(SQLite::Database& db, RateBookData& out);
void insert_handling_times(SQLite::Database& db, const RateBookData& rows);
void load_handling_times(SQLite::Database& db, RateBookData& out);
void insert_carrier_performance(SQLite::Database& db, const RateBookData& rows);
void load_carrier_performance(SQLite::Database& db, RateBookData& out);

// Service levels (service_level_rows.cpp).
void insert_sla_tiers(SQLite::Database& db, const RateBookData& rows);
void load_sla_tiers(SQLite::Database& db, RateBookData& out);
void insert_customer_preferences(SQLite::Database& db, const RateBookData& rows);
void load_customer_preferences(SQLite::Database& db, RateBookData& out);

}  // namespace cargoquote::rates
