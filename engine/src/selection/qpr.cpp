#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/selection/qpr.hpp>

namespace cargoquote::selection {

namespace {
bool risky_customer(const Customer* customer) {
    return customer == nullptr || customer->credit_status != CreditStatus::Good;
}

template <typename T>
void inherit(std::optional<T>& field, const std::optional<T>& base) {
    if (!field) field = base;
}

std::string percent(double x) { return fmt::format("{:.1f} %", 100 * x); }
}  // namespace

std::optional<ResolvedSla> resolve_sla(const RateBook& book, std::string_view tier,
                                       const Customer* customer) {
    const SlaTier* base = nullptr;
    const SlaTier* override_row = nullptr;
    for (const auto& row : book.data().sla_tiers) {
        if (row.tier != tier) continue;
        if (row.customer_id.empty()) base = &row;
        if (customer != nullptr && row.customer_id == customer->customer_id) override_row = &row;
    }
    if (base == nullptr) return std::nullopt;
    ResolvedSla sla{std::string(tier), *base, override_row != nullptr};
    if (override_row != nullptr) {
        SlaTier merged = *override_row;
        inherit(merged.max_transit_hours, base->max_transit_hours);
        inherit(merged.min_reliability, base->min_reliability);
        inherit(merged.max_price, base->max_price);
        inherit(merged.max_price_over_cheapest, base->max_price_over_cheapest);
        inherit(merged.max_risk, base->max_risk);
        inherit(merged.credit_rule, base->credit_rule);
        inherit(merged.credit_max_risk, base->credit_max_risk);
        if (merged.required_capabilities.empty())
            merged.required_capabilities = base->required_capabilities;
        sla.limits = merged;
    }
    return sla;
}

std::vector<LimitBreach> check_sla(const ResolvedSla& sla, const OptionCriteria& c, double cheapest,
                                   const Money& price, const RateBook& book, Date on,
                                   const Customer* customer) {
    std::vector<LimitBreach> breaches;
    const SlaTier& l = sla.limits;
    if (l.max_transit_hours && c.legs > 0 && c.transit_minutes > *l.max_transit_hours * 60.0) {
        breaches.push_back({"max_transit_hours", fmt::format("{:.1f} h", c.transit_minutes / 60.0),
                            fmt::format("{} h", *l.max_transit_hours),
                            c.transit_minutes / (*l.max_transit_hours * 60.0) - 1});
    }
    if (l.min_reliability && c.reliability < *l.min_reliability) {
        breaches.push_back(
            {"min_reliability", percent(c.reliability), percent(*l.min_reliability),
             (*l.min_reliability - c.reliability) / std::max(*l.min_reliability, 1e-9)});
    }
    if (l.max_price) {
        Money cap = *l.max_price;
        if (cap.currency() != price.currency()) {
            if (const auto fx = book.fx().find(cap.currency(), price.currency(), on)) {
                cap = FxTable::convert(cap, *fx);
            }
        }
        if (cap.currency() == price.currency() && cap < price) {
            breaches.push_back(
                {"max_price", price.to_string(), cap.to_string(),
                 static_cast<double>(price.micros()) /
                         static_cast<double>(std::max<std::int64_t>(cap.micros(), 1)) -
                     1});
        }
    }
    if (l.max_price_over_cheapest && cheapest > 0) {
        const double over = c.price / cheapest - 1;
        if (over > *l.max_price_over_cheapest + 1e-12) {
            breaches.push_back({"max_price_over_cheapest", percent(over) + " over the cheapest",
                                percent(*l.max_price_over_cheapest),
                                over - *l.max_price_over_cheapest});
        }
    }
    if (l.max_risk && c.risk > *l.max_risk) {
        breaches.push_back({"max_risk", percent(c.risk), percent(*l.max_risk),
                            (c.risk - *l.max_risk) / std::max(*l.max_risk, 1e-9)});
    }
    for (const auto& capability : l.required_capabilities) {
        const bool ok = (capability == "freighter" && c.all_freighter) ||
                        (capability == "online" && !c.interline) ||
                        (capability == "direct" && c.legs == 1);
        if (!ok)
            breaches.push_back({"capability", fmt::format("not {}", capability), capability, 1});
    }
    if (l.credit_rule == CreditRule::WithholdRiskyForNew && risky_customer(customer) &&
        l.credit_max_risk && c.risk > *l.credit_max_risk) {
        breaches.push_back({"credit_max_risk", percent(c.risk), percent(*l.credit_max_risk),
                            (c.risk - *l.credit_max_risk) / std::max(*l.credit_max_risk, 1e-9)});
    }
    return breaches;
}

bool prepayment_required(const ResolvedSla& sla, const Customer* customer) {
    return sla.limits.credit_rule == CreditRule::PrepaymentForNew && risky_customer(customer);
}

}  // namespace cargoquote::selection
