#include "quote_result.hpp"

#include <cargoquote/io/json.hpp>
#include <cargoquote/selection/qpr.hpp>

namespace cargoquote::python {

namespace {
using nlohmann::json;

template <typename T>
json optional_json(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}
}  // namespace

json sla_limits_json(const QuoteResult& result) {
    const auto& sla = result.selection.sla;
    if (!sla) return nullptr;
    const auto& l = sla->limits;
    return json{
        {"tier", sla->tier},
        {"customer_override", sla->customer_override},
        {"max_transit_hours", optional_json(l.max_transit_hours)},
        {"min_reliability", optional_json(l.min_reliability)},
        {"max_price", l.max_price ? json(l.max_price->amount_text()) : json(nullptr)},
        {"max_price_currency", l.max_price ? json(l.max_price->currency().str()) : json(nullptr)},
        {"max_price_over_cheapest", optional_json(l.max_price_over_cheapest)},
        {"max_risk", optional_json(l.max_risk)},
        {"required_capabilities", l.required_capabilities},
        {"credit_rule", l.credit_rule
                            ? json(std::string(selection::credit_rule_name(*l.credit_rule)))
                            : json(nullptr)},
        {"credit_max_risk", optional_json(l.credit_max_risk)}};
}

ResultView quote_to_view(const QuoteEngine& engine, const QuoteRequest& request) {
    const QuoteResult result = engine.quote(request);
    return ResultView{std::make_shared<const json>(to_json(result)), sla_limits_json(result)};
}

}  // namespace cargoquote::python
