#pragma once
// What a customer may see of an option: the sell price and its charge lines in the quote
// currency, the route and flights, transit and validity. Built once, when the option is quoted,
// from the engine's option; there is no buy price, margin, rate-line id or rate sheet in it, so
// a response built from it cannot leak them however it is later extended.
//
// Charge lines: every surcharge and the valuation charge at its amount (converted into the quote
// currency line by line, quoted_amounts.hpp), and "FRT Air freight" for the rest of the sell total
// (the weight charge with the margin and any conversion rounding), so the lines always add up to
// the total. The desk stores it with each quoted option; `cargoquote quote --format customer`
// prints it.

#include <cargoquote/quote/quote_engine.hpp>
#include <nlohmann/json.hpp>

namespace cargoquote {

inline constexpr std::string_view kSellViewSchema = "cargoquote.sell_option/1";

// `option_json` is the option as the engine's JSON writer printed it (its legs and times are
// copied from there); `option` is the same option, for the amounts.
[[nodiscard]] nlohmann::json sell_view(const PricedOption& option, int rank,
                                       const nlohmann::json& option_json);

}  // namespace cargoquote
