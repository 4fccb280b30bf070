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

ResultDocument::ResultDocument(QuoteResult result)
    : result_(std::move(result)),
      options_(result_->options.size()),
      sla_rejections_(result_->sla_rejections.size()) {}

ResultDocument::ResultDocument(json tree) : tree_(std::move(tree)) {
    std::call_once(built_, [] {});
}

const json& ResultDocument::booking_option(std::size_t index) const {
    if (!result_) return tree().at("bookingOptions").at(index);
    auto& entry = options_.at(index);
    if (!entry)
        entry = std::make_unique<const json>(json::parse(booking_option_text(*result_, index)));
    return *entry;
}

const json& ResultDocument::sla_rejection(std::size_t index) const {
    if (!result_) return tree().at("slaRejections").at(index);
    auto& entry = sla_rejections_.at(index);
    if (!entry)
        entry = std::make_unique<const json>(json::parse(sla_rejection_text(*result_, index)));
    return *entry;
}

const json& ResultDocument::tree() const {
    std::call_once(built_, [this] { tree_ = json::parse(quote_result_text(*result_)); });
    return tree_;
}

std::size_t ResultDocument::option_count() const {
    return result_ ? result_->options.size() : tree_.at("bookingOptions").size();
}

const json& QuoteView::node() const {
    return outside_sla ? doc->sla_rejection(index).at("option") : doc->booking_option(index);
}

const json* QuoteView::criteria() const {
    if (outside_sla) return &doc->sla_rejection(index).at("criteria");
    static const auto at = "/assessment/criteria"_json_pointer;
    const json& option = doc->booking_option(index);
    return option.contains(at) ? &option.at(at) : nullptr;
}

const PricedOption* QuoteView::option() const {
    const QuoteResult* r = doc->result();
    if (r == nullptr) return nullptr;
    return outside_sla ? &r->sla_rejections.at(index).option : &r->options.at(index);
}

const OptionAssessment* QuoteView::assessment() const {
    const QuoteResult* r = doc->result();
    if (r == nullptr || outside_sla || index >= r->assessments.size()) return nullptr;
    return &r->assessments[index];
}

const selection::OptionCriteria* QuoteView::option_criteria() const {
    const QuoteResult* r = doc->result();
    if (r == nullptr) return nullptr;
    if (outside_sla) return &r->sla_rejections.at(index).criteria;
    const OptionAssessment* a = assessment();
    return a != nullptr ? &a->criteria : nullptr;
}

ResultView quote_to_view(const QuoteEngine& engine, const QuoteRequest& request) {
    QuoteResult result = engine.quote(request);
    json limits = sla_limits_json(result);
    return ResultView{std::make_shared<const ResultDocument>(std::move(result)), std::move(limits)};
}

}  // namespace cargoquote::python
