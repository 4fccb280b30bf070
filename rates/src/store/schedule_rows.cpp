// SQL of the schedules and handling rules: flight_legs, aircraft_limits, carrier_restrictions,
// connection_times, handling_times, carrier_performance (schema 0002).

#include "store/row_inserter.hpp"
#include "store/sql_values.hpp"
#include "store/table_rows.hpp"

namespace cargoquote::rates {

namespace {

AircraftCategory category_of(const std::string& name) {
    return parse_aircraft_category(name).value_or(AircraftCategory::WideBodyBelly);
}

}  // namespace

void insert_flight_legs(SQLite::Database& db, const RateBookData& rows) {
    RowInserter leg(db, "INSERT INTO flight_legs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& l : rows.schedule.legs) {
        leg.insert(l.leg_id, l.carrier.str(), l.flight_number, l.origin.str(), l.destination.str(),
                   l.departure_minute, l.arrival_minute, l.arrival_day_offset,
                   static_cast<int>(l.days), l.effective_from.iso(), l.effective_to.iso(),
                   l.aircraft_type, aircraft_category_name(l.category));
    }
}

void load_flight_legs(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT leg_id, carrier, flight_number, origin, destination, "
                        "departure_minute, arrival_minute, arrival_day_offset, days_mask, "
                        "effective_from, effective_to, aircraft_type, aircraft_category "
                        "FROM flight_legs ORDER BY origin, departure_minute, carrier, "
                        "flight_number, leg_id");
    while (q.executeStep()) {
        FlightLeg leg;
        leg.leg_id = column_text(q, 0);
        leg.carrier = CarrierCode::parse(column_text(q, 1));
        leg.flight_number = column_text(q, 2);
        leg.origin = AirportCode::parse(column_text(q, 3));
        leg.destination = AirportCode::parse(column_text(q, 4));
        leg.departure_minute = q.getColumn(5).getInt();
        leg.arrival_minute = q.getColumn(6).getInt();
        leg.arrival_day_offset = q.getColumn(7).getInt();
        leg.days = static_cast<WeekdayMask>(q.getColumn(8).getInt());
        leg.effective_from = column_date(q, 9);
        leg.effective_to = column_date(q, 10);
        leg.aircraft_type = column_text(q, 11);
        leg.category = category_of(column_text(q, 12));
        out.schedule.legs.push_back(std::move(leg));
    }
}

void insert_aircraft_limits(SQLite::Database& db, const RateBookData& rows) {
    RowInserter limit(db, "INSERT INTO aircraft_limits VALUES (?,?,?,?,?)");
    for (const auto& l : rows.schedule.aircraft_limits) {
        limit.insert(aircraft_category_name(l.category), l.max_length.in_micrometres(),
                     l.max_width.in_micrometres(), l.max_height.in_micrometres(),
                     l.max_piece_weight.in_grams());
    }
}

void load_aircraft_limits(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT aircraft_category, max_length_um, max_width_um, max_height_um, "
                        "max_piece_weight_g FROM aircraft_limits ORDER BY aircraft_category");
    while (q.executeStep()) {
        out.schedule.aircraft_limits.push_back(AircraftLimits{
            category_of(column_text(q, 0)), Length::micrometres(q.getColumn(1).getInt64()),
            Length::micrometres(q.getColumn(2).getInt64()),
            Length::micrometres(q.getColumn(3).getInt64()),
            Mass::grams(q.getColumn(4).getInt64())});
    }
}

void insert_carrier_restrictions(SQLite::Database& db, const RateBookData& rows) {
    // The CSV's free-text note has no place in CarrierRestriction yet; the column stays empty.
    RowInserter restriction(db,
                            "INSERT INTO carrier_restrictions (carrier, commodity) VALUES (?,?)");
    for (const auto& r : rows.schedule.restrictions)
        restriction.insert(r.carrier.str(), r.commodity);
}

void load_carrier_restrictions(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(
        db, "SELECT carrier, commodity FROM carrier_restrictions ORDER BY carrier, commodity");
    while (q.executeStep()) {
        out.schedule.restrictions.push_back(
            CarrierRestriction{CarrierCode::parse(column_text(q, 0)), column_text(q, 1)});
    }
}

void insert_connection_times(SQLite::Database& db, const RateBookData& rows) {
    RowInserter connection(db, "INSERT INTO connection_times VALUES (?,?,?)");
    for (const auto& c : rows.schedule.connection_times) {
        connection.insert(code_or_any(c.airport), c.online_minutes, c.interline_minutes);
    }
}

void load_connection_times(SQLite::Database& db, RateBookData& out) {
    // NULL (the default) sorts first.
    SQLite::Statement q(db,
                        "SELECT airport, online_minutes, interline_minutes "
                        "FROM connection_times ORDER BY airport");
    while (q.executeStep()) {
        out.schedule.connection_times.push_back(ConnectionTime{
            column_scope_airport(q, 0), q.getColumn(1).getInt(), q.getColumn(2).getInt()});
    }
}

void insert_handling_times(SQLite::Database& db, const RateBookData& rows) {
    RowInserter handling(db, "INSERT INTO handling_times VALUES (?,?,?,?)");
    for (const auto& h : rows.schedule.handling_times) {
        handling.insert(code_or_any(h.carrier), code_or_any(h.airport), h.cutoff_minutes,
                        h.availability_minutes);
    }
}

void load_handling_times(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT carrier, airport, cutoff_minutes, availability_minutes "
                        "FROM handling_times ORDER BY carrier, airport");
    while (q.executeStep()) {
        HandlingTime h;
        if (!q.getColumn(0).isNull()) h.carrier = CarrierCode::parse(column_text(q, 0));
        h.airport = column_scope_airport(q, 1);
        h.cutoff_minutes = q.getColumn(2).getInt();
        h.availability_minutes = q.getColumn(3).getInt();
        out.schedule.handling_times.push_back(h);
    }
}

void insert_carrier_performance(SQLite::Database& db, const RateBookData& rows) {
    RowInserter performance(db, "INSERT INTO carrier_performance VALUES (?,?,?,?,?)");
    for (const auto& p : rows.schedule.performance) {
        performance.insert(p.carrier.str(), p.flights_observed, p.flights_as_planned,
                           p.damage_claim_ratio.ppm(), p.offload_rate.ppm());
    }
}

void load_carrier_performance(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT carrier, flights_observed, flights_as_planned, "
                        "damage_claim_ratio_ppm, offload_rate_ppm "
                        "FROM carrier_performance ORDER BY carrier");
    while (q.executeStep()) {
        out.schedule.performance.push_back(CarrierPerformance{
            CarrierCode::parse(column_text(q, 0)), q.getColumn(1).getInt64(),
            q.getColumn(2).getInt64(), Ratio::from_ppm(q.getColumn(3).getInt64()),
            Ratio::from_ppm(q.getColumn(4).getInt64())});
    }
}

}  // namespace cargoquote::rates
