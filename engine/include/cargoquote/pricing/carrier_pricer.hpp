#pragma once
// Prices one carrier's rate lines on a lane for a shipment on a date: commodity precedence, the
// weight charge, surcharges, valuation charge and customer margin.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/pricing/priced_option.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <span>
#include <variant>

namespace cargoquote {

class PricingPlan;

struct PricingContext {
    const RateBook& book;
    const Shipment& shipment;
    const Customer* customer = nullptr;  // nullptr: walk-in / default margins only
    Date rating_date;                    // the shipping date: the rates in force on it apply
    Date quote_date;                     // offers are valid from this day
    int offer_validity_days = 2;
    bool apply_margin = true;  // false when pricing one sector of an interline itinerary
    // The rule lookups already done for this context's route, date, customer and commodity
    // (pricing_plan.hpp); nullptr: look everything up in `book`. Same outcome either way.
    const PricingPlan* plan = nullptr;
};

using PricingOutcome = std::variant<PricedOption, Rejection>;

// `carrier_lines`: every rate line of one carrier on the shipment's lane (any class, validity).
// The first of `lines` of class `cls` for `commodity` ("" for general cargo) valid on `on`.
[[nodiscard]] const RateLine* rate_line_in_force(std::span<const RateLine* const> lines,
                                                 RateClass cls, std::string_view commodity,
                                                 Date on);

[[nodiscard]] PricingOutcome price_carrier(const PricingContext& context,
                                           std::span<const RateLine* const> carrier_lines);

// The customer margin on `charges` (those with margin_applies) for a shipment of `chargeable`
// weight, in `currency`. Throws nothing; a missing FX rate for the margin's own currency yields
// nullopt.
[[nodiscard]] std::optional<MarginDetail> compute_margin(const PricingContext& context,
                                                         CurrencyCode currency, Mass chargeable,
                                                         const std::vector<ChargeLine>& charges);

}  // namespace cargoquote
