#pragma once
// Service-level agreements: the QPR limits (Quality of service, Price, Risk) a customer's quotes
// must keep, by named tier (express, standard, economy) with per-customer overrides, and the
// customer's default ranking method and weights. Data from the rate store.

#include <cargoquote/catalog/criterion_weights.hpp>
#include <cargoquote/catalog/ranking_method.hpp>
#include <cargoquote/core/money.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote::selection {

enum class CreditRule {
    None,
    PrepaymentForNew,     // a new customer (no history) or one with overdue invoices must prepay
    WithholdRiskyForNew,  // options above `credit_max_risk` are withheld from such customers
};
[[nodiscard]] std::string_view credit_rule_name(
    CreditRule rule);  // "none", "prepayment_for_new", ...
[[nodiscard]] std::optional<CreditRule> parse_credit_rule(std::string_view name);

// One row: a tier (customer_id empty) or a customer's override of a tier (unset fields inherit).
struct SlaTier {
    std::string tier;         // "express", "standard", "economy", ...
    std::string customer_id;  // "" = the tier itself
    std::optional<int> max_transit_hours;
    std::optional<double> min_reliability;          // probability in [0, 1]
    std::optional<Money> max_price;                 // in its own currency
    std::optional<double> max_price_over_cheapest;  // 0.25 = at most 25 % above the cheapest option
    std::optional<double> max_risk;                 // in [0, 1]
    std::vector<std::string> required_capabilities;  // "freighter" (every leg), "online", "direct"
    std::optional<CreditRule> credit_rule;
    std::optional<double> credit_max_risk;  // for WithholdRiskyForNew
};

// A customer's defaults for ranking: the SLA tier, the MCDM method and weights.
struct CustomerPreference {
    std::string customer_id;
    std::string default_tier;                 // "" = none
    std::optional<RankingMethod> method;      // none = the engine default
    std::optional<CriterionWeights> weights;  // none = the default weights
};

}  // namespace cargoquote::selection
