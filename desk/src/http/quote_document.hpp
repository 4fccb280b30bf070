#pragma once
// The quote as the customer receives it: reference, each offered option's route and flights,
// transit, sell price with its charge lines in the quote currency, validity and conditions, as
// JSON, plain text and HTML. Built from the options' sell-side views only.

#include <cargoquote/desk/desk_store.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cargoquote::desk::http {

[[nodiscard]] nlohmann::json quote_document(const QuoteDetail& detail);

}  // namespace cargoquote::desk::http
