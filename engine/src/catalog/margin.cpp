#include <cargoquote/catalog/margin.hpp>
#include <tuple>

namespace cargoquote {

namespace {
// Higher is more specific; -1 when the rule does not apply to this customer.
int scope_rank(const MarginRule& rule, const Customer* customer) {
    if (!rule.customer_id.empty()) {
        return (customer != nullptr && rule.customer_id == customer->customer_id) ? 2 : -1;
    }
    if (!rule.customer_group.empty()) {
        return (customer != nullptr && rule.customer_group == customer->customer_group) ? 1 : -1;
    }
    return 0;
}
}  // namespace

const MarginRule* select_margin(std::span<const MarginRule> rules, const Customer* customer,
                                AirportCode origin, AirportCode destination, Mass chargeable,
                                Date on) {
    const MarginRule* best = nullptr;
    std::tuple<int, int, Mass> best_key{-1, -1, Mass{}};
    for (const auto& rule : rules) {
        if (on < rule.valid_from || rule.valid_to < on) continue;
        if (rule.origin && *rule.origin != origin) continue;
        if (rule.destination && *rule.destination != destination) continue;
        if (chargeable < rule.min_weight) continue;
        const int scope = scope_rank(rule, customer);
        if (scope < 0) continue;
        const int lane = (rule.origin ? 1 : 0) + (rule.destination ? 1 : 0);
        const std::tuple<int, int, Mass> key{scope, lane, rule.min_weight};
        if (best == nullptr || best_key < key) {
            best = &rule;
            best_key = key;
        }
    }
    return best;
}

}  // namespace cargoquote
