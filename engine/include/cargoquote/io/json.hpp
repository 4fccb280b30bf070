#pragma once
// The one JSON schema shared by the library, the CLI and Python. Field names follow IATA ONE
// Record where they fit (grossWeight, dimensions, offerValidFrom/offerValidTo, ratelines).
// Money is {"amount": "623.00", "currency": "EUR"}: a decimal string, never a JSON number.
// Documented in README.md, "JSON schema".

#include <cargoquote/core/error.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <nlohmann/json.hpp>
#include <string_view>

namespace cargoquote {

inline constexpr std::string_view kQuoteRequestSchema = "cargoquote.quote_request/1";
inline constexpr std::string_view kQuoteResultSchema = "cargoquote.quote_result/1";
inline constexpr std::string_view kRouteSearchSchema = "cargoquote.route_search/1";

// Strict: unknown fields and wrong types are InputErrors naming the JSON Pointer of the field.
[[nodiscard]] QuoteRequest quote_request_from_json(const nlohmann::json& document);
// Parses text first; malformed JSON is InputError(InvalidJson) with the byte position.
[[nodiscard]] QuoteRequest parse_quote_request(std::string_view text);
// The request's "shipment" object and one of its "pieces" on their own (as the Python bindings
// take them). `pointer` is where the value sits in its document and prefixes error fields:
// "/shipment" inside a request, "" for a standalone shipment.
[[nodiscard]] Shipment shipment_from_json(const nlohmann::json& value, std::string_view pointer);
[[nodiscard]] Piece piece_from_json(const nlohmann::json& value, std::string_view pointer);

[[nodiscard]] nlohmann::json to_json(const QuoteRequest& request);
[[nodiscard]] nlohmann::json to_json(const Shipment& shipment);
[[nodiscard]] nlohmann::json to_json(const Piece& piece);
[[nodiscard]] nlohmann::json to_json(const QuoteResult& result);
[[nodiscard]] nlohmann::json to_json(const Money& money);
[[nodiscard]] nlohmann::json to_json(const Error& error);
// Itineraries with legs in local and UTC time (zones from `book`), or the reason for none.
[[nodiscard]] nlohmann::json to_json(const SearchOutcome& outcome, const RateBook& book);

}  // namespace cargoquote
