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

// Every condition of select_margin but the weight.
bool in_force_for(const MarginRule& rule, const Customer* customer, AirportCode origin,
                  AirportCode destination, Date on) {
    if (on < rule.valid_from || rule.valid_to < on) return false;
    if (rule.origin && *rule.origin != origin) return false;
    if (rule.destination && *rule.destination != destination) return false;
    return scope_rank(rule, customer) >= 0;
}
}  // namespace

const MarginRule* select_margin(std::span<const MarginRule> rules, const Customer* customer,
                                AirportCode origin, AirportCode destination, Mass chargeable,
                                Date on) {
    const MarginRule* best = nullptr;
    std::tuple<int, int, Mass> best_key{-1, -1, Mass{}};
    for (const auto& rule : rules) {
        if (chargeable < rule.min_weight) continue;
        if (!in_force_for(rule, customer, origin, destination, on)) continue;
        const int scope = scope_rank(rule, customer);
        const int lane = (rule.origin ? 1 : 0) + (rule.destination ? 1 : 0);
        const std::tuple<int, int, Mass> key{scope, lane, rule.min_weight};
        if (best == nullptr || best_key < key) {
            best = &rule;
            best_key = key;
        }
    }
    return best;
}

std::vector<MarginRule> margin_rules_in_force(std::span<const MarginRule> rules,
                                              const Customer* customer, AirportCode origin,
                                              AirportCode destination, Date on) {
    std::vector<MarginRule> out;
    for (const auto& rule : rules) {
        if (in_force_for(rule, customer, origin, destination, on)) out.push_back(rule);
    }
    return out;
}

}  // namespace cargoquote
