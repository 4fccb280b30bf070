#pragma once
// The outcome of pricing one carrier's rates for a shipment: either a priced option with every
// charge line, or a rejection with the reason. Both are data; neither is an error.

#include <cargoquote/catalog/fx.hpp>
#include <cargoquote/catalog/rate_line.hpp>
#include <cargoquote/catalog/surcharge.hpp>
#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/rejection_reason.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/network/itinerary.hpp>
#include <cargoquote/pricing/weight_charge.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote {

enum class ChargeKind { Weight, Surcharge, Valuation, Margin };

// Text fields are views into the RateBook (kept alive by QuoteResult::book) or static literals,
// so pricing allocates no strings.
struct ChargeLine {
    ChargeKind kind = ChargeKind::Surcharge;
    std::string_view code;  // "WT" weight charge, "VC" valuation, else the IATA code
    std::string_view description;
    std::optional<SurchargeBasis> basis;  // surcharges only
    // What the rate was multiplied by: grams (kg bases), a count (piece, shipment), or the base
    // amount (percent bases).
    std::int64_t quantity = 0;
    Money base_amount;  // percent bases: the freight or declared value the percent applies to
    Money rate;         // amount bases: per unit, in the surcharge's own currency
    Ratio percent;      // percent bases
    Money amount;       // in the option's currency, rounded to its minor unit
    std::optional<FxUse> converted;  // set when the rate's currency differed from the option's
    std::string_view bound_applied;  // "minimum" / "maximum" / ""
    bool margin_applies = false;
    int sector = 0;  // index into PricedOption::sectors for interline options
};

// One carrier's part of an interline itinerary, priced on its own rate for the sector's lane.
struct SectorPrice {
    CarrierCode carrier;
    AirportCode origin;
    AirportCode destination;
    const RateLine* rate_line = nullptr;
    RateClass rate_class_used = RateClass::General;
    std::string pricing_note;
    ChargeableWeight weights;
    WeightCharge weight_charge;
    Money buy_total;  // in the sector's own currency
};

struct MarginDetail {
    std::string margin_id;  // "" when no margin rule applied
    Money markable_base;    // buy charges the percent applies to
    Ratio percent;
    Money per_kg;
    Money amount;  // in the option's currency
    bool minimum_applied = false;
    std::optional<FxUse> converted;
};

struct PricedOption {
    CarrierCode carrier;
    std::string_view carrier_name;        // from the RateBook
    const RateLine* rate_line = nullptr;  // owned by the RateBook the result keeps alive
    RateClass rate_class_used = RateClass::General;
    std::string pricing_note;  // why this rate class was used (commodity precedence)
    ChargeableWeight weights;
    WeightCharge weight_charge;
    std::vector<ChargeLine> charges;  // weight charge first, then surcharges, valuation
    Money buy_total;                  // sum of `charges`, option currency
    MarginDetail margin;
    Money sell_total;       // buy_total + margin
    CurrencyCode currency;  // the rate line's currency
    // Totals in the quote currency (same as above when the currencies agree).
    Money buy_total_quoted;
    Money sell_total_quoted;
    std::optional<FxUse> quote_fx;
    Date offer_valid_from;
    Date offer_valid_to;
    // The scheduled route; empty legs when the rate book has no schedules.
    Itinerary itinerary;
    // Interline only: one entry per carrier sector (the top-level rate_line, weights and
    // weight_charge are the first sector's). Empty for on-line options.
    std::vector<SectorPrice> sectors;
};

struct Rejection {
    CarrierCode carrier;
    RejectionReason reason_code = RejectionReason::NoValidRate;
    std::string reason;     // a sentence for the customer-service agent
    std::string itinerary;  // flights of the rejected itinerary, "" when not itinerary-specific
};

}  // namespace cargoquote
