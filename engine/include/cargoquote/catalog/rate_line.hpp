#pragma once
// A rate line from a carrier's rate sheet: one lane, one rate class, one validity window.

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/core/units.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote {

// GEN: minimum + normal + quantity breaks. SCR: specific commodity item with a minimum weight.
// CLASS: a percentage of the same carrier's general N rate (and of its minimum).
enum class RateClass { General, SpecificCommodity, ClassRate };

[[nodiscard]] std::string_view rate_class_name(RateClass c);  // "GEN", "SCR", "CLASS"

// A break applies from `from` (inclusive); the first general break is from 0 kg (the N rate).
struct WeightBreak {
    Mass from;
    Money rate_per_kg;
    friend bool operator==(const WeightBreak&, const WeightBreak&) = default;
};

struct RateLine {
    std::string line_id;
    CarrierCode carrier;
    AirportCode origin;
    AirportCode destination;
    RateClass rate_class = RateClass::General;
    std::string commodity;  // "" (GEN), item number (SCR) or class code (CLASS)
    CurrencyCode currency;
    Money min_charge{CurrencyCode{}, 0};
    std::vector<WeightBreak> breaks;  // ascending by weight
    WeightRules weight_rules;
    Mass min_weight;          // SCR: the least weight the commodity rate is sold for
    Ratio class_percent;      // CLASS: percent of N
    Ratio class_min_percent;  // CLASS: minimum as percent of M
    Date valid_from;
    Date valid_to;
    std::string sheet;
    std::string version;

    [[nodiscard]] bool valid_on(Date d) const { return valid_from <= d && d <= valid_to; }
};

}  // namespace cargoquote
