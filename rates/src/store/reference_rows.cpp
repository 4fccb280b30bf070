// SQL of the reference tables: airports, carriers, fx_rates, liability_limits, customers
// (schema 0001). Airports, carriers and customers are upserted by their code.

#include "store/row_inserter.hpp"
#include "store/sql_values.hpp"
#include "store/table_rows.hpp"

namespace cargoquote::rates {

void insert_airports(SQLite::Database& db, const RateBookData& rows) {
    RowInserter airport(db,
                        "INSERT INTO airports VALUES (?,?,?,?,?,?,?) ON CONFLICT(code) DO "
                        "UPDATE SET name=excluded.name, city=excluded.city, "
                        "country=excluded.country, time_zone=excluded.time_zone, "
                        "latitude=excluded.latitude, longitude=excluded.longitude");
    for (const auto& a : rows.airports) {
        airport.insert(a.code.str(), a.name, a.city, a.country, a.time_zone, a.latitude,
                       a.longitude);
    }
}

void load_airports(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT code, name, city, country, time_zone, latitude, longitude "
                        "FROM airports ORDER BY code");
    while (q.executeStep()) {
        out.airports.push_back(Airport{AirportCode::parse(column_text(q, 0)), column_text(q, 1),
                                       column_text(q, 2), column_text(q, 3), column_text(q, 4),
                                       q.getColumn(5).getDouble(), q.getColumn(6).getDouble()});
    }
}

void insert_carriers(SQLite::Database& db, const RateBookData& rows) {
    RowInserter carrier(db,
                        "INSERT INTO carriers (code, name, awb_prefix, fictional, note) "
                        "VALUES (?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET "
                        "name=excluded.name, awb_prefix=excluded.awb_prefix, "
                        "fictional=excluded.fictional, note=excluded.note");
    for (const auto& c : rows.carriers) {
        carrier.insert(c.code.str(), c.name, c.awb_prefix, c.fictional ? 1 : 0, c.note);
    }
}

void load_carriers(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(
        db, "SELECT code, name, awb_prefix, fictional, note FROM carriers ORDER BY code");
    while (q.executeStep()) {
        out.carriers.push_back(Carrier{CarrierCode::parse(column_text(q, 0)), column_text(q, 1),
                                       column_text(q, 2), q.getColumn(3).getInt() != 0,
                                       column_text(q, 4)});
    }
}

void insert_fx_rates(SQLite::Database& db, const RateBookData& rows) {
    RowInserter fx(db, "INSERT INTO fx_rates VALUES (?,?,?,?,?)");
    for (const auto& r : rows.fx_rates) {
        fx.insert(r.valid_from.iso(), r.base.str(), r.quote.str(), r.rate_nanos, r.source);
    }
}

void load_fx_rates(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db, "SELECT valid_from, base, quote, rate_nanos, source FROM fx_rates");
    while (q.executeStep()) {
        out.fx_rates.push_back(FxRate{column_date(q, 0), CurrencyCode::parse(column_text(q, 1)),
                                      CurrencyCode::parse(column_text(q, 2)),
                                      q.getColumn(3).getInt64(), column_text(q, 4)});
    }
}

void insert_liability_limits(SQLite::Database& db, const RateBookData& rows) {
    RowInserter limit(db, "INSERT INTO liability_limits VALUES (?,?)");
    for (const auto& l : rows.liability_limits) {
        limit.insert(l.valid_from.iso(), l.sdr_per_kg.micros());
    }
}

void load_liability_limits(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db, "SELECT valid_from, sdr_per_kg_micros FROM liability_limits");
    while (q.executeStep()) {
        out.liability_limits.push_back(LiabilityLimit{
            column_date(q, 0), Money(CurrencyCode::parse("XDR"), q.getColumn(1).getInt64())});
    }
}

void insert_customers(SQLite::Database& db, const RateBookData& rows) {
    RowInserter customer(db,
                         "INSERT INTO customers VALUES (?,?,?,?,?) ON CONFLICT(customer_id) "
                         "DO UPDATE SET name=excluded.name, "
                         "customer_group=excluded.customer_group, "
                         "credit_status=excluded.credit_status, since=excluded.since");
    for (const auto& c : rows.customers) {
        customer.insert(c.customer_id, c.name, c.customer_group,
                        credit_status_name(c.credit_status), date_or_null(c.since));
    }
}

void load_customers(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT customer_id, name, customer_group, credit_status, since "
                        "FROM customers ORDER BY customer_id");
    while (q.executeStep()) {
        Customer customer{column_text(q, 0), column_text(q, 1), column_text(q, 2),
                          parse_credit_status(column_text(q, 3)).value_or(CreditStatus::New),
                          std::nullopt};
        if (!q.getColumn(4).isNull()) customer.since = column_date(q, 4);
        out.customers.push_back(std::move(customer));
    }
}

}  // namespace cargoquote::rates
