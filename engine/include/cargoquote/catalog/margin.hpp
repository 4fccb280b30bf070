#pragma once
// Customer margins: percent of the marked-up buy charges, plus an amount per chargeable kg, with a
// minimum per shipment. Chosen by customer, then group, then default; then lane; then weight break.

#include <cargoquote/catalog/customer.hpp>
#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/core/units.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cargoquote {

struct MarginRule {
    std::string margin_id;
    std::string customer_id;                 // "" = not customer-specific
    std::string customer_group;              // "" = not group-specific (both empty: default)
    std::optional<AirportCode> origin;       // none = any (ZZZ)
    std::optional<AirportCode> destination;  // none = any
    Mass min_weight;
    Ratio percent;
    Money per_kg;
    Money min_per_shipment;  // currency of per_kg and the minimum
    Date valid_from;
    Date valid_to;
};

// The most specific rule for this customer (nullptr customer: defaults only), lane, weight and
// date; nullptr when none applies.
[[nodiscard]] const MarginRule* select_margin(std::span<const MarginRule> rules,
                                              const Customer* customer, AirportCode origin,
                                              AirportCode destination, Mass chargeable, Date on);

// The rules that apply to this customer, lane and date whatever the weight, in their order:
// select_margin over them gives what it gives over all `rules` for any chargeable weight.
[[nodiscard]] std::vector<MarginRule> margin_rules_in_force(std::span<const MarginRule> rules,
                                                            const Customer* customer,
                                                            AirportCode origin,
                                                            AirportCode destination, Date on);

}  // namespace cargoquote
