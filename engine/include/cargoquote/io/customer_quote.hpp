#pragma once
// The quote as the customer reads it, option by option, from the options' sell views
// (sell_view.hpp, schema cargoquote.sell_option/1): carrier, flights, transit, the sell price's
// charge lines in the quote currency and the validity, as plain text and as HTML. The desk's
// quote document and `cargoquote quote --format customer` both print these, so a customer gets
// the same quote from either.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cargoquote {

inline constexpr std::string_view kQuoteConditions =
    "Rates are subject to space and equipment at booking and to the carriers' conditions of "
    "carriage. Chargeable weight is the greater of gross and volume weight (IATA rules). Charges "
    "in another currency were converted at the rate shown on the day of quoting. The offer is "
    "valid for booking until the date shown.";

void append_customer_option_text(std::string& out, const nlohmann::json& sell_view);
void append_customer_option_html(std::string& out, const nlohmann::json& sell_view);

// Escapes &, <, >, " and ' for HTML text and attribute values.
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace cargoquote
