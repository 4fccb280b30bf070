#pragma once
// The QPR constraint model: a customer's SLA caps Quality of service (transit, reliability,
// required capabilities), Price (absolute or relative to the cheapest option) and Risk (including
// credit rules). Limits apply before any normalization or ranking; an option that breaks one is
// not ranked but returned with every limit it breaks, the actual value and the limit.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/catalog/sla.hpp>
#include <cargoquote/selection/criteria.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote::selection {

// A tier with the customer's override applied (unset override fields inherit).
struct ResolvedSla {
    std::string tier;
    SlaTier limits;
    bool customer_override = false;
};

// The named tier for `customer` (nullptr: the tier alone). nullopt when the tier does not exist.
[[nodiscard]] std::optional<ResolvedSla> resolve_sla(const RateBook& book, std::string_view tier,
                                                     const Customer* customer);

struct LimitBreach {
    std::string limit;    // "max_transit_hours", "min_reliability", "max_price",
                          // "max_price_over_cheapest", "max_risk", "capability", "credit_max_risk"
    std::string actual;   // e.g. "61.5 h"
    std::string allowed;  // e.g. "48 h"
    double excess = 0;    // relative amount over the limit (0.28 = 28 % over); 1 for capabilities
};

// Every limit `criteria` breaks. `cheapest` is the lowest price among all priced options (same
// currency as criteria.price); `price_currency` converts max_price through `book`'s FX on `on`.
[[nodiscard]] std::vector<LimitBreach> check_sla(const ResolvedSla& sla,
                                                 const OptionCriteria& criteria, double cheapest,
                                                 const Money& price, const RateBook& book, Date on,
                                                 const Customer* customer);

// True when the SLA's credit rule asks this customer to prepay (new customer or overdue invoices).
[[nodiscard]] bool prepayment_required(const ResolvedSla& sla, const Customer* customer);

}  // namespace cargoquote::selection
