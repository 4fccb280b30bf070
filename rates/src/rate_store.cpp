#include "csv_import.hpp"
#include "migrations.hpp"

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace cargoquote::rates {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;

[[noreturn]] void database_failure(const std::exception& e, std::string_view doing) {
    throw RateStoreError(ErrorCode::DatabaseFailure, {}, fmt::format("{}: {}", doing, e.what()));
}

int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

// ---- reading rows back into domain values ----

std::string column_text(SQLite::Statement& q, int i) { return q.getColumn(i).getString(); }

// "" for NULL (an unset optional text).
std::string column_text_or_empty(SQLite::Statement& q, int i) {
    return q.getColumn(i).isNull() ? std::string{} : column_text(q, i);
}

Date column_date(SQLite::Statement& q, int i) { return Date::parse(column_text(q, i), "database"); }

std::optional<AirportCode> column_scope_airport(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull()) return std::nullopt;
    return AirportCode::parse(column_text(q, i));
}

RateClass rate_class_of(const std::string& s) {
    if (s == "SCR") return RateClass::SpecificCommodity;
    if (s == "CLASS") return RateClass::ClassRate;
    return RateClass::General;
}

void load_airports(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db, "SELECT code, name, city, country, time_zone, latitude, longitude "
                            "FROM airports ORDER BY code");
    while (q.executeStep()) {
        out.airports.push_back(Airport{AirportCode::parse(column_text(q, 0)), column_text(q, 1),
                                       column_text(q, 2), column_text(q, 3), column_text(q, 4),
                                       q.getColumn(5).getDouble(), q.getColumn(6).getDouble()});
    }
}

void load_carriers(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT code, name, awb_prefix, fictional, note FROM carriers ORDER BY code");
    while (q.executeStep()) {
        out.carriers.push_back(Carrier{CarrierCode::parse(column_text(q, 0)), column_text(q, 1),
                                       column_text(q, 2), q.getColumn(3).getInt() != 0,
                                       column_text(q, 4)});
    }
}

void load_fx(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db, "SELECT valid_from, base, quote, rate_nanos, source FROM fx_rates");
    while (q.executeStep()) {
        out.fx_rates.push_back(FxRate{column_date(q, 0), CurrencyCode::parse(column_text(q, 1)),
                                      CurrencyCode::parse(column_text(q, 2)),
                                      q.getColumn(3).getInt64(), column_text(q, 4)});
    }
    SQLite::Statement l(db, "SELECT valid_from, sdr_per_kg_micros FROM liability_limits");
    while (l.executeStep()) {
        out.liability_limits.push_back(LiabilityLimit{
            column_date(l, 0), Money(CurrencyCode::parse("XDR"), l.getColumn(1).getInt64())});
    }
}

void load_rate_lines(SQLite::Database& db, RateBookData& out) {
    std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> breaks;
    SQLite::Statement b(db, "SELECT line_id, from_g, rate_micros FROM rate_breaks ORDER BY line_id, from_g");
    while (b.executeStep()) {
        breaks[column_text(b, 0)].emplace_back(b.getColumn(1).getInt64(), b.getColumn(2).getInt64());
    }
    SQLite::Statement q(db,
                        "SELECT line_id, carrier, origin, destination, rate_class, commodity, "
                        "currency, min_charge_micros, divisor_cm3_per_kg, weight_step_g, "
                        "min_weight_g, class_percent_ppm, class_min_percent_ppm, valid_from, "
                        "valid_to, sheet, version FROM rate_lines ORDER BY carrier, origin, "
                        "destination, valid_from, line_id");
    while (q.executeStep()) {
        RateLine line;
        line.line_id = column_text(q, 0);
        line.carrier = CarrierCode::parse(column_text(q, 1));
        line.origin = AirportCode::parse(column_text(q, 2));
        line.destination = AirportCode::parse(column_text(q, 3));
        line.rate_class = rate_class_of(column_text(q, 4));
        line.commodity = column_text(q, 5);
        line.currency = CurrencyCode::parse(column_text(q, 6));
        line.min_charge = Money(line.currency, q.getColumn(7).getInt64());
        line.weight_rules = WeightRules{VolumetricDivisor{q.getColumn(8).getInt64()},
                                        Mass::grams(q.getColumn(9).getInt64())};
        line.min_weight = Mass::grams(q.getColumn(10).getInt64());
        line.class_percent = Ratio::from_ppm(q.getColumn(11).getInt64());
        line.class_min_percent = Ratio::from_ppm(q.getColumn(12).getInt64());
        line.valid_from = column_date(q, 13);
        line.valid_to = column_date(q, 14);
        line.sheet = column_text(q, 15);
        line.version = column_text(q, 16);
        for (const auto& [from_g, rate] : breaks[line.line_id]) {
            line.breaks.push_back(WeightBreak{Mass::grams(from_g), Money(line.currency, rate)});
        }
        out.rate_lines.push_back(std::move(line));
    }
}

void load_surcharges(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT surcharge_id, code, description, carrier, origin, destination, "
                        "commodity, basis, amount_micros, percent_ppm, currency, min_micros, "
                        "max_micros, valid_from, valid_to, apply_margin FROM surcharges "
                        "ORDER BY surcharge_id");
    while (q.executeStep()) {
        Surcharge s;
        s.surcharge_id = column_text(q, 0);
        s.code = column_text(q, 1);
        s.description = column_text(q, 2);
        if (!q.getColumn(3).isNull()) s.carrier = CarrierCode::parse(column_text(q, 3));
        s.origin = column_scope_airport(q, 4);
        s.destination = column_scope_airport(q, 5);
        s.commodity = column_text(q, 6);
        s.basis = parse_surcharge_basis(column_text(q, 7)).value_or(SurchargeBasis::Shipment);
        const auto ccy = CurrencyCode::parse(column_text(q, 10));
        s.amount = Money(ccy, q.getColumn(8).getInt64());
        s.percent = Ratio::from_ppm(q.getColumn(9).getInt64());
        if (!q.getColumn(11).isNull()) s.minimum = Money(ccy, q.getColumn(11).getInt64());
        if (!q.getColumn(12).isNull()) s.maximum = Money(ccy, q.getColumn(12).getInt64());
        s.valid_from = column_date(q, 13);
        s.valid_to = column_date(q, 14);
        s.apply_margin = q.getColumn(15).getInt() != 0;
        out.surcharges.push_back(std::move(s));
    }
}

void load_customers_and_margins(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement c(db, "SELECT customer_id, name, customer_group, credit_status, since "
                            "FROM customers ORDER BY customer_id");
    while (c.executeStep()) {
        Customer customer{column_text(c, 0), column_text(c, 1), column_text(c, 2),
                          parse_credit_status(column_text(c, 3)).value_or(CreditStatus::New),
                          std::nullopt};
        if (!c.getColumn(4).isNull()) customer.since = column_date(c, 4);
        out.customers.push_back(std::move(customer));
    }
    SQLite::Statement m(db,
                        "SELECT margin_id, customer_id, customer_group, origin, destination, "
                        "min_weight_g, percent_ppm, per_kg_micros, min_per_shipment_micros, "
                        "currency, valid_from, valid_to FROM margins ORDER BY margin_id");
    while (m.executeStep()) {
        const auto ccy = CurrencyCode::parse(column_text(m, 9));
        out.margins.push_back(MarginRule{column_text(m, 0), column_text(m, 1), column_text(m, 2),
                                         column_scope_airport(m, 3), column_scope_airport(m, 4),
                                         Mass::grams(m.getColumn(5).getInt64()),
                                         Ratio::from_ppm(m.getColumn(6).getInt64()),
                                         Money(ccy, m.getColumn(7).getInt64()),
                                         Money(ccy, m.getColumn(8).getInt64()), column_date(m, 10),
                                         column_date(m, 11)});
    }
}

void load_schedule(SQLite::Database& db, RateBookData& out) {
    ScheduleData& schedule = out.schedule;
    SQLite::Statement legs(db,
                           "SELECT leg_id, carrier, flight_number, origin, destination, "
                           "departure_minute, arrival_minute, arrival_day_offset, days_mask, "
                           "effective_from, effective_to, aircraft_type, aircraft_category "
                           "FROM flight_legs ORDER BY origin, departure_minute, carrier, "
                           "flight_number, leg_id");
    while (legs.executeStep()) {
        FlightLeg leg;
        leg.leg_id = column_text(legs, 0);
        leg.carrier = CarrierCode::parse(column_text(legs, 1));
        leg.flight_number = column_text(legs, 2);
        leg.origin = AirportCode::parse(column_text(legs, 3));
        leg.destination = AirportCode::parse(column_text(legs, 4));
        leg.departure_minute = legs.getColumn(5).getInt();
        leg.arrival_minute = legs.getColumn(6).getInt();
        leg.arrival_day_offset = legs.getColumn(7).getInt();
        leg.days = static_cast<WeekdayMask>(legs.getColumn(8).getInt());
        leg.effective_from = column_date(legs, 9);
        leg.effective_to = column_date(legs, 10);
        leg.aircraft_type = column_text(legs, 11);
        leg.category = parse_aircraft_category(column_text(legs, 12))
                           .value_or(AircraftCategory::WideBodyBelly);
        schedule.legs.push_back(std::move(leg));
    }
    SQLite::Statement limits(
        db,
        "SELECT aircraft_category, max_length_um, max_width_um, max_height_um, "
        "max_piece_weight_g FROM aircraft_limits ORDER BY aircraft_category");
    while (limits.executeStep()) {
        schedule.aircraft_limits.push_back(
            AircraftLimits{parse_aircraft_category(column_text(limits, 0))
                               .value_or(AircraftCategory::WideBodyBelly),
                           Length::micrometres(limits.getColumn(1).getInt64()),
                           Length::micrometres(limits.getColumn(2).getInt64()),
                           Length::micrometres(limits.getColumn(3).getInt64()),
                           Mass::grams(limits.getColumn(4).getInt64())});
    }
    SQLite::Statement restrictions(
        db, "SELECT carrier, commodity FROM carrier_restrictions ORDER BY carrier, commodity");
    while (restrictions.executeStep()) {
        schedule.restrictions.push_back(CarrierRestriction{
            CarrierCode::parse(column_text(restrictions, 0)), column_text(restrictions, 1)});
    }
    // NULL (the default) sorts first.
    SQLite::Statement connections(db,
                                  "SELECT airport, online_minutes, interline_minutes "
                                  "FROM connection_times ORDER BY airport");
    while (connections.executeStep()) {
        schedule.connection_times.push_back(ConnectionTime{column_scope_airport(connections, 0),
                                                           connections.getColumn(1).getInt(),
                                                           connections.getColumn(2).getInt()});
    }
    SQLite::Statement handling(db,
                               "SELECT carrier, airport, cutoff_minutes, availability_minutes "
                               "FROM handling_times ORDER BY carrier, airport");
    while (handling.executeStep()) {
        HandlingTime h;
        if (!handling.getColumn(0).isNull())
            h.carrier = CarrierCode::parse(column_text(handling, 0));
        h.airport = column_scope_airport(handling, 1);
        h.cutoff_minutes = handling.getColumn(2).getInt();
        h.availability_minutes = handling.getColumn(3).getInt();
        schedule.handling_times.push_back(h);
    }
    SQLite::Statement performance(db,
                                  "SELECT carrier, flights_observed, flights_as_planned, "
                                  "damage_claim_ratio_ppm, offload_rate_ppm "
                                  "FROM carrier_performance ORDER BY carrier");
    while (performance.executeStep()) {
        schedule.performance.push_back(CarrierPerformance{
            CarrierCode::parse(column_text(performance, 0)), performance.getColumn(1).getInt64(),
            performance.getColumn(2).getInt64(),
            Ratio::from_ppm(performance.getColumn(3).getInt64()),
            Ratio::from_ppm(performance.getColumn(4).getInt64())});
    }
}

std::optional<double> column_probability(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull()) return std::nullopt;
    return static_cast<double>(q.getColumn(i).getInt64()) / 1e6;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t space = std::min(text.find(' ', start), text.size());
        if (space > start) words.push_back(text.substr(start, space - start));
        start = space + 1;
    }
    return words;
}

void load_service_levels(SQLite::Database& db, RateBookData& out) {
    // NULL (the tier itself) sorts before the customers' overrides.
    SQLite::Statement tiers(db,
                            "SELECT tier, customer_id, max_transit_hours, min_reliability_ppm, "
                            "max_price_micros, max_price_currency, max_price_over_cheapest_ppm, "
                            "max_risk_ppm, required_capabilities, credit_rule, "
                            "credit_max_risk_ppm FROM sla_tiers ORDER BY tier, customer_id");
    while (tiers.executeStep()) {
        selection::SlaTier t;
        t.tier = column_text(tiers, 0);
        t.customer_id = column_text_or_empty(tiers, 1);
        if (!tiers.getColumn(2).isNull()) t.max_transit_hours = tiers.getColumn(2).getInt();
        t.min_reliability = column_probability(tiers, 3);
        if (!tiers.getColumn(4).isNull()) {
            t.max_price = Money(CurrencyCode::parse(column_text(tiers, 5)),
                                tiers.getColumn(4).getInt64());
        }
        t.max_price_over_cheapest = column_probability(tiers, 6);
        t.max_risk = column_probability(tiers, 7);
        t.required_capabilities = split_words(column_text(tiers, 8));
        if (!tiers.getColumn(9).isNull()) {
            t.credit_rule = selection::parse_credit_rule(column_text(tiers, 9));
        }
        t.credit_max_risk = column_probability(tiers, 10);
        out.sla_tiers.push_back(std::move(t));
    }
    SQLite::Statement preferences(db,
                                  "SELECT customer_id, default_tier, method, weights "
                                  "FROM customer_preferences ORDER BY customer_id");
    while (preferences.executeStep()) {
        out.customer_preferences.push_back(selection::CustomerPreference{
            column_text(preferences, 0), column_text_or_empty(preferences, 1),
            column_text_or_empty(preferences, 2), column_text_or_empty(preferences, 3)});
    }
}

// ---- writing an import batch ----

template <typename T>
void bind_optional_airport(SQLite::Statement& q, int index, const std::optional<T>& code) {
    if (code) {
        q.bind(index, code->str());
    } else {
        q.bind(index);  // NULL = any
    }
}

void write_schedule(SQLite::Database& db, const ScheduleData& rows) {
    SQLite::Statement leg(db, "INSERT INTO flight_legs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& l : rows.legs) {
        leg.bind(1, l.leg_id);
        leg.bind(2, l.carrier.str());
        leg.bind(3, l.flight_number);
        leg.bind(4, l.origin.str());
        leg.bind(5, l.destination.str());
        leg.bind(6, l.departure_minute);
        leg.bind(7, l.arrival_minute);
        leg.bind(8, l.arrival_day_offset);
        leg.bind(9, static_cast<int>(l.days));
        leg.bind(10, l.effective_from.iso());
        leg.bind(11, l.effective_to.iso());
        leg.bind(12, l.aircraft_type);
        leg.bind(13, std::string(aircraft_category_name(l.category)));
        leg.exec();
        leg.reset();
    }
    SQLite::Statement limit(db, "INSERT INTO aircraft_limits VALUES (?,?,?,?,?)");
    for (const auto& l : rows.aircraft_limits) {
        limit.bind(1, std::string(aircraft_category_name(l.category)));
        limit.bind(2, l.max_length.in_micrometres());
        limit.bind(3, l.max_width.in_micrometres());
        limit.bind(4, l.max_height.in_micrometres());
        limit.bind(5, l.max_piece_weight.in_grams());
        limit.exec();
        limit.reset();
    }
    // The CSV's free-text note has no place in CarrierRestriction yet; the column stays empty.
    SQLite::Statement restriction(
        db, "INSERT INTO carrier_restrictions (carrier, commodity) VALUES (?,?)");
    for (const auto& r : rows.restrictions) {
        restriction.bind(1, r.carrier.str());
        restriction.bind(2, r.commodity);
        restriction.exec();
        restriction.reset();
    }
    SQLite::Statement connection(db, "INSERT INTO connection_times VALUES (?,?,?)");
    for (const auto& c : rows.connection_times) {
        bind_optional_airport(connection, 1, c.airport);
        connection.bind(2, c.online_minutes);
        connection.bind(3, c.interline_minutes);
        connection.exec();
        connection.reset();
    }
    SQLite::Statement handling(db, "INSERT INTO handling_times VALUES (?,?,?,?)");
    for (const auto& h : rows.handling_times) {
        bind_optional_airport(handling, 1, h.carrier);
        bind_optional_airport(handling, 2, h.airport);
        handling.bind(3, h.cutoff_minutes);
        handling.bind(4, h.availability_minutes);
        handling.exec();
        handling.reset();
    }
    SQLite::Statement performance(db, "INSERT INTO carrier_performance VALUES (?,?,?,?,?)");
    for (const auto& p : rows.performance) {
        performance.bind(1, p.carrier.str());
        performance.bind(2, p.flights_observed);
        performance.bind(3, p.flights_as_planned);
        performance.bind(4, p.damage_claim_ratio.ppm());
        performance.bind(5, p.offload_rate.ppm());
        performance.exec();
        performance.reset();
    }
}

// A probability or fraction held as a double (from ppm at import) back to INTEGER ppm, or NULL.
void bind_ppm(SQLite::Statement& q, int index, const std::optional<double>& value) {
    if (value) {
        q.bind(index, static_cast<std::int64_t>(std::llround(*value * 1e6)));
    } else {
        q.bind(index);
    }
}

void bind_optional_text(SQLite::Statement& q, int index, const std::string& text) {
    if (text.empty()) {
        q.bind(index);  // NULL = none
    } else {
        q.bind(index, text);
    }
}

void write_service_levels(SQLite::Database& db, const RateBookData& rows) {
    SQLite::Statement tier(db, "INSERT INTO sla_tiers VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& t : rows.sla_tiers) {
        tier.bind(1, t.tier);
        bind_optional_text(tier, 2, t.customer_id);
        if (t.max_transit_hours) tier.bind(3, *t.max_transit_hours); else tier.bind(3);
        bind_ppm(tier, 4, t.min_reliability);
        if (t.max_price) {
            tier.bind(5, t.max_price->micros());
            tier.bind(6, t.max_price->currency().str());
        } else {
            tier.bind(5);
            tier.bind(6);
        }
        bind_ppm(tier, 7, t.max_price_over_cheapest);
        bind_ppm(tier, 8, t.max_risk);
        std::string capabilities;
        for (const auto& c : t.required_capabilities) {
            capabilities += (capabilities.empty() ? "" : " ") + c;
        }
        tier.bind(9, capabilities);
        if (t.credit_rule) {
            tier.bind(10, std::string(selection::credit_rule_name(*t.credit_rule)));
        } else {
            tier.bind(10);
        }
        bind_ppm(tier, 11, t.credit_max_risk);
        tier.exec();
        tier.reset();
    }
    SQLite::Statement preference(db, "INSERT INTO customer_preferences VALUES (?,?,?,?)");
    for (const auto& p : rows.customer_preferences) {
        preference.bind(1, p.customer_id);
        bind_optional_text(preference, 2, p.default_tier);
        bind_optional_text(preference, 3, p.method);
        bind_optional_text(preference, 4, p.weights);
        preference.exec();
        preference.reset();
    }
}

void write_batch(SQLite::Database& db, const RateBookData& rows) {
    SQLite::Statement airport(db,
                              "INSERT INTO airports VALUES (?,?,?,?,?,?,?) ON CONFLICT(code) DO "
                              "UPDATE SET name=excluded.name, city=excluded.city, "
                              "country=excluded.country, time_zone=excluded.time_zone, "
                              "latitude=excluded.latitude, longitude=excluded.longitude");
    for (const auto& a : rows.airports) {
        airport.bind(1, a.code.str());
        airport.bind(2, a.name);
        airport.bind(3, a.city);
        airport.bind(4, a.country);
        airport.bind(5, a.time_zone);
        airport.bind(6, a.latitude);
        airport.bind(7, a.longitude);
        airport.exec();
        airport.reset();
    }
    SQLite::Statement carrier(db,
                              "INSERT INTO carriers (code, name, awb_prefix, fictional, note) "
                              "VALUES (?,?,?,?,?) ON CONFLICT(code) DO UPDATE SET "
                              "name=excluded.name, awb_prefix=excluded.awb_prefix, "
                              "fictional=excluded.fictional, note=excluded.note");
    for (const auto& c : rows.carriers) {
        carrier.bind(1, c.code.str());
        carrier.bind(2, c.name);
        carrier.bind(3, c.awb_prefix);
        carrier.bind(4, c.fictional ? 1 : 0);
        carrier.bind(5, c.note);
        carrier.exec();
        carrier.reset();
    }
    SQLite::Statement fx(db, "INSERT INTO fx_rates VALUES (?,?,?,?,?)");
    for (const auto& r : rows.fx_rates) {
        fx.bind(1, r.valid_from.iso());
        fx.bind(2, r.base.str());
        fx.bind(3, r.quote.str());
        fx.bind(4, r.rate_nanos);
        fx.bind(5, r.source);
        fx.exec();
        fx.reset();
    }
    SQLite::Statement limit(db, "INSERT INTO liability_limits VALUES (?,?)");
    for (const auto& l : rows.liability_limits) {
        limit.bind(1, l.valid_from.iso());
        limit.bind(2, l.sdr_per_kg.micros());
        limit.exec();
        limit.reset();
    }
    SQLite::Statement customer(db,
                               "INSERT INTO customers VALUES (?,?,?,?,?) ON CONFLICT(customer_id) "
                               "DO UPDATE SET name=excluded.name, "
                               "customer_group=excluded.customer_group, "
                               "credit_status=excluded.credit_status, since=excluded.since");
    for (const auto& c : rows.customers) {
        customer.bind(1, c.customer_id);
        customer.bind(2, c.name);
        customer.bind(3, c.customer_group);
        customer.bind(4, std::string(credit_status_name(c.credit_status)));
        if (c.since) {
            customer.bind(5, c.since->iso());
        } else {
            customer.bind(5);
        }
        customer.exec();
        customer.reset();
    }
    SQLite::Statement line(db, "INSERT INTO rate_lines VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    SQLite::Statement brk(db, "INSERT INTO rate_breaks VALUES (?,?,?)");
    for (const auto& l : rows.rate_lines) {
        line.bind(1, l.line_id);
        line.bind(2, l.carrier.str());
        line.bind(3, l.origin.str());
        line.bind(4, l.destination.str());
        line.bind(5, std::string(rate_class_name(l.rate_class)));
        line.bind(6, l.commodity);
        line.bind(7, l.currency.str());
        line.bind(8, l.min_charge.micros());
        line.bind(9, l.weight_rules.divisor.cm3_per_kg);
        line.bind(10, l.weight_rules.rounding_step.in_grams());
        line.bind(11, l.min_weight.in_grams());
        line.bind(12, l.class_percent.ppm());
        line.bind(13, l.class_min_percent.ppm());
        line.bind(14, l.valid_from.iso());
        line.bind(15, l.valid_to.iso());
        line.bind(16, l.sheet);
        line.bind(17, l.version);
        line.exec();
        line.reset();
        for (const auto& b : l.breaks) {
            brk.bind(1, l.line_id);
            brk.bind(2, b.from.in_grams());
            brk.bind(3, b.rate_per_kg.micros());
            brk.exec();
            brk.reset();
        }
    }
    SQLite::Statement surcharge(db, "INSERT INTO surcharges VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& s : rows.surcharges) {
        surcharge.bind(1, s.surcharge_id);
        surcharge.bind(2, s.code);
        surcharge.bind(3, s.description);
        bind_optional_airport(surcharge, 4, s.carrier);
        bind_optional_airport(surcharge, 5, s.origin);
        bind_optional_airport(surcharge, 6, s.destination);
        surcharge.bind(7, s.commodity);
        surcharge.bind(8, std::string(surcharge_basis_name(s.basis)));
        surcharge.bind(9, s.amount.micros());
        surcharge.bind(10, s.percent.ppm());
        surcharge.bind(11, s.currency().str());
        if (s.minimum) surcharge.bind(12, s.minimum->micros()); else surcharge.bind(12);
        if (s.maximum) surcharge.bind(13, s.maximum->micros()); else surcharge.bind(13);
        surcharge.bind(14, s.valid_from.iso());
        surcharge.bind(15, s.valid_to.iso());
        surcharge.bind(16, s.apply_margin ? 1 : 0);
        surcharge.exec();
        surcharge.reset();
    }
    SQLite::Statement margin(db, "INSERT INTO margins VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& m : rows.margins) {
        margin.bind(1, m.margin_id);
        margin.bind(2, m.customer_id);
        margin.bind(3, m.customer_group);
        bind_optional_airport(margin, 4, m.origin);
        bind_optional_airport(margin, 5, m.destination);
        margin.bind(6, m.min_weight.in_grams());
        margin.bind(7, m.percent.ppm());
        margin.bind(8, m.per_kg.micros());
        margin.bind(9, m.min_per_shipment.micros());
        margin.bind(10, m.per_kg.currency().str());
        margin.bind(11, m.valid_from.iso());
        margin.bind(12, m.valid_to.iso());
        margin.exec();
        margin.reset();
    }
    write_schedule(db, rows.schedule);
    write_service_levels(db, rows);
}

}  // namespace

struct RateStore::Impl {
    explicit Impl(SQLite::Database database) : db(std::move(database)) {}
    SQLite::Database db;
};

int latest_schema_version() { return static_cast<int>(schema_migrations().size()); }

RateStore::RateStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RateStore::RateStore(RateStore&&) noexcept = default;
RateStore& RateStore::operator=(RateStore&&) noexcept = default;
RateStore::~RateStore() = default;

RateStore RateStore::open_read_only(const fs::path& path) {
    if (!fs::exists(path)) {
        throw RateStoreError(ErrorCode::DatabaseMissing, "--db",
                             fmt::format("rate database '{}' does not exist (create it with "
                                         "'cargoquote rates import DIR --db {}')",
                                         path.string(), path.string()));
    }
    try {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY, kBusyTimeoutMs);
        const int version = user_version(db);
        if (version != latest_schema_version()) {
            throw RateStoreError(ErrorCode::SchemaMismatch, "--db",
                                 fmt::format("'{}' has schema version {}, this build needs {}{}",
                                             path.string(), version, latest_schema_version(),
                                             version < latest_schema_version()
                                                 ? " (re-run 'cargoquote rates import' to migrate)"
                                                 : " (built by a newer cargoquote)"));
        }
        return RateStore(std::make_unique<Impl>(std::move(db)));
    } catch (const SQLite::Exception& e) {
        throw RateStoreError(ErrorCode::DatabaseFailure, "--db",
                             fmt::format("cannot open '{}': {}", path.string(), e.what()));
    }
}

RateStore RateStore::open_for_import(const fs::path& path) {
    try {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                            kBusyTimeoutMs);
        const int version = user_version(db);
        if (version > latest_schema_version()) {
            throw RateStoreError(ErrorCode::SchemaMismatch, "--db",
                                 fmt::format("'{}' has schema version {}, newer than this build's {}",
                                             path.string(), version, latest_schema_version()));
        }
        // WAL: readers keep their snapshot while an import writes.
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA foreign_keys = ON");
        if (version < latest_schema_version()) {
            SQLite::Transaction migrate(db);
            const auto migrations = schema_migrations();
            for (int v = version; v < latest_schema_version(); ++v) {
                db.exec(std::string(migrations[static_cast<std::size_t>(v)]));
            }
            db.exec(fmt::format("PRAGMA user_version = {}", latest_schema_version()));
            migrate.commit();
        }
        return RateStore(std::make_unique<Impl>(std::move(db)));
    } catch (const SQLite::Exception& e) {
        throw RateStoreError(ErrorCode::DatabaseFailure, "--db",
                             fmt::format("cannot open '{}' for import: {}", path.string(), e.what()));
    }
}

int RateStore::schema_version() const { return user_version(impl_->db); }

RateBookData RateStore::load() const {
    try {
        RateBookData data;
        // One read transaction: a consistent snapshot even while an import commits.
        impl_->db.exec("BEGIN");
        load_airports(impl_->db, data);
        load_carriers(impl_->db, data);
        load_fx(impl_->db, data);
        load_rate_lines(impl_->db, data);
        load_surcharges(impl_->db, data);
        load_customers_and_margins(impl_->db, data);
        load_schedule(impl_->db, data);
        load_service_levels(impl_->db, data);
        impl_->db.exec("COMMIT");
        return data;
    } catch (const SQLite::Exception& e) {
        try {
            impl_->db.exec("ROLLBACK");
        } catch (const SQLite::Exception&) {
        }
        database_failure(e, "reading the rate store");
    }
}

ImportReport RateStore::import_directory(const fs::path& directory) {
    ImportBatch batch = read_import_directory(directory, load());
    if (!batch.report.ok()) return batch.report;
    try {
        SQLite::Transaction transaction(impl_->db);
        write_batch(impl_->db, batch.rows);
        SQLite::Statement log(impl_->db,
                              "INSERT INTO imports (imported_at, source, row_count) VALUES "
                              "(strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?)");
        log.bind(1, fs::absolute(directory).string());
        log.bind(2, static_cast<std::int64_t>(batch.report.total_rows()));
        log.exec();
        transaction.commit();
        batch.report.written = true;
    } catch (const SQLite::Exception& e) {
        // The transaction rolled back: nothing was written.
        batch.report.errors.push_back({directory.string(), 0, 0,
                                       fmt::format("database refused the import: {}", e.what())});
    }
    return batch.report;
}

std::shared_ptr<const RateBook> load_rate_book(const fs::path& path) {
    return std::make_shared<const RateBook>(RateStore::open_read_only(path).load());
}

}  // namespace cargoquote::rates
