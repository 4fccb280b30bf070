// SQL of the tariffs: rate_lines with rate_breaks, surcharges, margins (schema 0001).

#include <map>

#include "store/row_inserter.hpp"
#include "store/sql_values.hpp"
#include "store/table_rows.hpp"

namespace cargoquote::rates {

namespace {

RateClass rate_class_of(const std::string& s) {
    if (s == "SCR") return RateClass::SpecificCommodity;
    if (s == "CLASS") return RateClass::ClassRate;
    return RateClass::General;
}

}  // namespace

void insert_rate_lines(SQLite::Database& db, const RateBookData& rows) {
    RowInserter line(db, "INSERT INTO rate_lines VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    RowInserter brk(db, "INSERT INTO rate_breaks VALUES (?,?,?)");
    for (const auto& l : rows.rate_lines) {
        line.insert(l.line_id, l.carrier.str(), l.origin.str(), l.destination.str(),
                    rate_class_name(l.rate_class), l.commodity, l.currency.str(),
                    l.min_charge.micros(), l.weight_rules.divisor.cm3_per_kg,
                    l.weight_rules.rounding_step.in_grams(), l.min_weight.in_grams(),
                    l.class_percent.ppm(), l.class_min_percent.ppm(), l.valid_from.iso(),
                    l.valid_to.iso(), l.sheet, l.version);
        for (const auto& b : l.breaks) {
            brk.insert(l.line_id, b.from.in_grams(), b.rate_per_kg.micros());
        }
    }
}

void load_rate_lines(SQLite::Database& db, RateBookData& out) {
    std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> breaks;
    SQLite::Statement b(
        db, "SELECT line_id, from_g, rate_micros FROM rate_breaks ORDER BY line_id, from_g");
    while (b.executeStep()) {
        breaks[column_text(b, 0)].emplace_back(b.getColumn(1).getInt64(),
                                               b.getColumn(2).getInt64());
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

void insert_surcharges(SQLite::Database& db, const RateBookData& rows) {
    RowInserter surcharge(db, "INSERT INTO surcharges VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& s : rows.surcharges) {
        surcharge.insert(s.surcharge_id, s.code, s.description, code_or_any(s.carrier),
                         code_or_any(s.origin), code_or_any(s.destination), s.commodity,
                         surcharge_basis_name(s.basis), s.amount.micros(), s.percent.ppm(),
                         s.currency().str(), micros_or_null(s.minimum), micros_or_null(s.maximum),
                         s.valid_from.iso(), s.valid_to.iso(), s.apply_margin ? 1 : 0);
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

void insert_margins(SQLite::Database& db, const RateBookData& rows) {
    RowInserter margin(db, "INSERT INTO margins VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& m : rows.margins) {
        margin.insert(m.margin_id, m.customer_id, m.customer_group, code_or_any(m.origin),
                      code_or_any(m.destination), m.min_weight.in_grams(), m.percent.ppm(),
                      m.per_kg.micros(), m.min_per_shipment.micros(), m.per_kg.currency().str(),
                      m.valid_from.iso(), m.valid_to.iso());
    }
}

void load_margins(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT margin_id, customer_id, customer_group, origin, destination, "
                        "min_weight_g, percent_ppm, per_kg_micros, min_per_shipment_micros, "
                        "currency, valid_from, valid_to FROM margins ORDER BY margin_id");
    while (q.executeStep()) {
        const auto ccy = CurrencyCode::parse(column_text(q, 9));
        out.margins.push_back(MarginRule{
            column_text(q, 0), column_text(q, 1), column_text(q, 2), column_scope_airport(q, 3),
            column_scope_airport(q, 4), Mass::grams(q.getColumn(5).getInt64()),
            Ratio::from_ppm(q.getColumn(6).getInt64()), Money(ccy, q.getColumn(7).getInt64()),
            Money(ccy, q.getColumn(8).getInt64()), column_date(q, 10), column_date(q, 11)});
    }
}

}  // namespace cargoquote::rates
