// Readers of the service levels: SLA tiers with per-customer overrides, and customer ranking
// preferences (schema 0003).

#include <fmt/format.h>

#include <cargoquote/core/decimal.hpp>
#include <sstream>

#include "import/field_parsers.hpp"
#include "import/table_readers.hpp"

namespace cargoquote::rates {

namespace {

using namespace fields;

constexpr WholeNumber<int> kHoursUpToAYear{
    kNotWhole, {kNonNegative.min, {366 * 24, "hours is more than a year"}}};
constexpr std::array<std::string_view, 3> kCreditRules = {"none", "prepayment_for_new",
                                                          "withhold_risky_for_new"};

// A probability given in percent (0..100) -> [0, 1].
double probability_of(const std::string& s) {
    return static_cast<double>(kPercentOfWhole(s).ppm()) / 1e6;
}

// Percent above the cheapest option (not negative, may exceed 100) -> 0.25 for 25 %.
double fraction_over_of(const std::string& s) {
    return static_cast<double>(kNonNegativePercent(s).ppm()) / 1e6;
}

std::vector<std::string> capabilities_of(const std::string& s) {
    std::vector<std::string> capabilities;
    std::istringstream in(s);
    std::string token;
    while (in >> token) {
        if (token != "freighter" && token != "online" && token != "direct") {
            throw InputError(
                ErrorCode::InvalidInput, {},
                fmt::format("unknown capability '{}' (freighter, online, direct)", token));
        }
        if (std::find(capabilities.begin(), capabilities.end(), token) != capabilities.end()) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("capability '{}' is listed twice", token));
        }
        capabilities.push_back(token);
    }
    return capabilities;
}

selection::CreditRule credit_rule_of(const std::string& s) {
    return named(s, selection::parse_credit_rule(s), kCreditRules);
}

// "price=0.4,time=0.3,..." : criteria price, time, reliability, risk, co2, each at most once,
// non-negative decimals, at least one positive.
selection::CriterionWeights weights_of(const std::string& s) {
    static const std::vector<std::string_view> kCriteria = {"price", "time", "reliability", "risk",
                                                            "co2"};
    std::set<std::string> seen;
    bool any_positive = false;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t comma = std::min(s.find(',', start), s.size());
        const std::string token = s.substr(start, comma - start);
        start = comma + 1;
        const auto equals = token.find('=');
        if (equals == std::string::npos) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("weight '{}' is not name=value", token));
        }
        const std::string name = token.substr(0, equals);
        const std::string value = token.substr(equals + 1);
        if (std::find(kCriteria.begin(), kCriteria.end(), name) == kCriteria.end()) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("unknown criterion '{}' (price, time, reliability, "
                                         "risk, co2)",
                                         name));
        }
        if (!seen.insert(name).second) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("criterion '{}' is given twice", name));
        }
        const auto micros = parse_scaled_decimal(value, 6);
        if (!micros || *micros < 0 || value.front() == '-' || value.front() == '+') {
            throw InputError(
                ErrorCode::InvalidNumber, {},
                fmt::format("weight '{}' of '{}' is not a non-negative decimal", value, name));
        }
        any_positive = any_positive || *micros > 0;
    }
    if (!any_positive) {
        throw InputError(ErrorCode::InvalidInput, {}, "at least one weight must be positive");
    }
    return selection::CriterionWeights::parse(s, {});
}

selection::RankingMethod method_of(const std::string& s) {
    return named(s, selection::parse_ranking_method(s), selection::kRankingMethodNames);
}

class SlaTiersReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        selection::SlaTier t;
        const auto tier = r.required("tier");
        t.customer_id = r.text("customer_id");
        const bool is_override = !t.customer_id.empty();
        if (is_override && !known().customers.contains(t.customer_id)) {
            r.error("customer_id", fmt::format("unknown customer '{}'", t.customer_id));
        }
        t.max_transit_hours = r.parse_optional("max_transit_hours", kHoursUpToAYear);
        t.min_reliability = r.parse_optional("min_reliability_percent", probability_of);
        read_max_price(r, t);
        t.max_price_over_cheapest =
            r.parse_optional("max_price_over_cheapest_percent", fraction_over_of);
        t.max_risk = r.parse_optional("max_risk_percent", probability_of);
        t.required_capabilities = r.parse_optional("required_capabilities", capabilities_of)
                                      .value_or(std::vector<std::string>{});
        const bool rule_given = read_credit_rule(r, t, is_override);
        if (tier && !is_override) {
            // Known from here on even when the row has other faults (no follow-on errors).
            known().tiers.insert(*tier);
            if (!rule_given || t.credit_rule) {
                known().tier_credit_rules[*tier] =
                    t.credit_rule.value_or(selection::CreditRule::None);
            }
        }
        if (tier) {
            const std::string key =
                is_override ? fmt::format("{}/{}", *tier, t.customer_id) : *tier;
            in_database(r, "tier", key, existing().sla_tiers, [&](const selection::SlaTier& e) {
                return e.tier == *tier && e.customer_id == t.customer_id;
            });
            if (!first_time(r, "tier", key)) return;
        }
        if (!tier || r.had_errors()) return;
        t.tier = *tier;
        if (is_override) {
            overrides_.push_back({rows().sla_tiers.size(), r.line(), r.column_of("tier"),
                                  r.column_of("credit_max_risk_percent"), rule_given});
        }
        rows().sla_tiers.push_back(std::move(t));
    }

    // A customer's override needs its tier defined (in the file or the database), and a
    // credit_max_risk_percent it gives without its own credit_rule needs the tier's rule to be
    // withhold_risky_for_new. Checked after the whole file: the tier row may come later.
    void finish() override {
        for (const auto& row : overrides_) {
            const auto& t = rows().sla_tiers[row.index];
            if (!known().tiers.contains(t.tier)) {
                issues().push_back({"sla_tiers.csv", row.line, row.tier_column,
                                    fmt::format("tier: unknown tier '{}' (no row defines it "
                                                "without a customer_id)",
                                                t.tier)});
                continue;
            }
            if (!t.credit_max_risk || row.rule_given) continue;
            const auto rule = known().tier_credit_rules.find(t.tier);
            if (rule != known().tier_credit_rules.end() &&
                rule->second != selection::CreditRule::WithholdRiskyForNew) {
                issues().push_back(
                    {"sla_tiers.csv", row.line, row.credit_max_risk_column,
                     fmt::format("credit_max_risk_percent: given without credit_rule "
                                 "withhold_risky_for_new (tier '{}' has {})",
                                 t.tier, selection::credit_rule_name(rule->second))});
            }
        }
    }

  private:
    // credit_max_risk_percent goes only with credit_rule withhold_risky_for_new: the row's own
    // rule, or for an override the tier's (checked in finish()). Returns whether the row names
    // its own rule.
    static bool read_credit_rule(RowReader& r, selection::SlaTier& t, bool is_override) {
        const bool rule_given = !r.text("credit_rule").empty();
        t.credit_rule = r.parse_optional("credit_rule", credit_rule_of);
        t.credit_max_risk = r.parse_optional("credit_max_risk_percent", probability_of);
        const bool max_risk_given = !r.text("credit_max_risk_percent").empty();
        if (max_risk_given && t.credit_rule &&
            *t.credit_rule != selection::CreditRule::WithholdRiskyForNew) {
            r.error("credit_max_risk_percent",
                    fmt::format("given without credit_rule withhold_risky_for_new (credit_rule "
                                "is {})",
                                selection::credit_rule_name(*t.credit_rule)));
        } else if (max_risk_given && !rule_given && !is_override) {
            r.error("credit_max_risk_percent",
                    "given without credit_rule withhold_risky_for_new (credit_rule is empty)");
        }
        return rule_given;
    }

    // max_price and max_price_currency come as a pair.
    static void read_max_price(RowReader& r, selection::SlaTier& t) {
        const std::string price_text = r.text("max_price");
        const auto ccy = r.parse_optional("max_price_currency", currency);
        if (!price_text.empty() && r.text("max_price_currency").empty()) {
            r.error("max_price_currency", "missing value: max_price needs its currency");
        } else if (price_text.empty() && !r.text("max_price_currency").empty()) {
            r.error("max_price_currency", "given without max_price");
        } else if (ccy) {
            t.max_price = r.parse("max_price", Amount{*ccy});
        }
    }

    struct OverrideRow {
        std::size_t index;  // into rows().sla_tiers
        std::size_t line;
        std::size_t tier_column;
        std::size_t credit_max_risk_column;
        bool rule_given;  // the row names its own credit_rule
    };
    std::vector<OverrideRow> overrides_;
};

class CustomerPreferencesReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        selection::CustomerPreference p;
        const auto id = known_customer(r, "customer_id");
        p.default_tier = r.text("default_tier");
        if (!p.default_tier.empty() && !known().tiers.contains(p.default_tier)) {
            r.error("default_tier", fmt::format("unknown tier '{}'", p.default_tier));
        }
        const auto method = r.parse_optional("method", method_of);
        const auto weights = r.parse_optional("weights", weights_of);
        if (id) {
            in_database(
                r, "customer_id", *id, existing().customer_preferences,
                [&](const selection::CustomerPreference& e) { return e.customer_id == *id; });
            if (!first_time(r, "customer_id", *id)) return;
        }
        if (!id || r.had_errors()) return;
        p.customer_id = *id;
        p.method = method;
        p.weights = weights;
        rows().customer_preferences.push_back(std::move(p));
    }
};

}  // namespace

std::unique_ptr<TableReader> sla_tiers_reader(ImportContext& context) {
    return std::make_unique<SlaTiersReader>(context);
}
std::unique_ptr<TableReader> customer_preferences_reader(ImportContext& context) {
    return std::make_unique<CustomerPreferencesReader>(context);
}

}  // namespace cargoquote::rates
