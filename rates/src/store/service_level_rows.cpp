// SQL of the service levels: sla_tiers, customer_preferences (schema 0003).

#include "store/row_inserter.hpp"
#include "store/sql_values.hpp"
#include "store/table_rows.hpp"

namespace cargoquote::rates {

void insert_sla_tiers(SQLite::Database& db, const RateBookData& rows) {
    RowInserter tier(db, "INSERT INTO sla_tiers VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& t : rows.sla_tiers) {
        std::optional<std::string> price_currency;
        if (t.max_price) price_currency = t.max_price->currency().str();
        std::optional<std::string_view> credit_rule;
        if (t.credit_rule) credit_rule = selection::credit_rule_name(*t.credit_rule);
        tier.insert(t.tier, text_or_null(t.customer_id), t.max_transit_hours,
                    ppm_or_null(t.min_reliability), micros_or_null(t.max_price), price_currency,
                    ppm_or_null(t.max_price_over_cheapest), ppm_or_null(t.max_risk),
                    joined_words(t.required_capabilities), credit_rule,
                    ppm_or_null(t.credit_max_risk));
    }
}

void load_sla_tiers(SQLite::Database& db, RateBookData& out) {
    // NULL (the tier itself) sorts before the customers' overrides.
    SQLite::Statement q(db,
                        "SELECT tier, customer_id, max_transit_hours, min_reliability_ppm, "
                        "max_price_micros, max_price_currency, max_price_over_cheapest_ppm, "
                        "max_risk_ppm, required_capabilities, credit_rule, "
                        "credit_max_risk_ppm FROM sla_tiers ORDER BY tier, customer_id");
    while (q.executeStep()) {
        selection::SlaTier t;
        t.tier = column_text(q, 0);
        t.customer_id = column_text_or_empty(q, 1);
        if (!q.getColumn(2).isNull()) t.max_transit_hours = q.getColumn(2).getInt();
        t.min_reliability = column_probability(q, 3);
        if (!q.getColumn(4).isNull()) {
            t.max_price = Money(CurrencyCode::parse(column_text(q, 5)), q.getColumn(4).getInt64());
        }
        t.max_price_over_cheapest = column_probability(q, 6);
        t.max_risk = column_probability(q, 7);
        t.required_capabilities = split_words(column_text(q, 8));
        if (!q.getColumn(9).isNull()) {
            t.credit_rule = selection::parse_credit_rule(column_text(q, 9));
        }
        t.credit_max_risk = column_probability(q, 10);
        out.sla_tiers.push_back(std::move(t));
    }
}

void insert_customer_preferences(SQLite::Database& db, const RateBookData& rows) {
    RowInserter preference(db, "INSERT INTO customer_preferences VALUES (?,?,?,?)");
    for (const auto& p : rows.customer_preferences) {
        preference.insert(
            p.customer_id, text_or_null(p.default_tier),
            text_or_null(p.method ? std::string(selection::ranking_method_name(*p.method)) : ""),
            text_or_null(p.weights ? p.weights->text() : ""));
    }
}

void load_customer_preferences(SQLite::Database& db, RateBookData& out) {
    SQLite::Statement q(db,
                        "SELECT customer_id, default_tier, method, weights "
                        "FROM customer_preferences ORDER BY customer_id");
    while (q.executeStep()) {
        selection::CustomerPreference p{column_text(q, 0), column_text_or_empty(q, 1), {}, {}};
        if (const auto method = column_text_or_empty(q, 2); !method.empty()) {
            p.method = selection::parse_ranking_method(method);  // the schema CHECKs the name
        }
        if (const auto weights = column_text_or_empty(q, 3); !weights.empty()) {
            p.weights = selection::CriterionWeights::parse(weights, "customer_preferences.weights");
        }
        out.customer_preferences.push_back(std::move(p));
    }
}

}  // namespace cargoquote::rates
