#pragma once
// The one JSON schema shared by the library, the CLI and Python. Field names follow IATA ONE
// Record where they fit (grossWeight, dimensions, offerValidFrom/offerValidTo, ratelines).
// Money is {"amount": "623.00", "currency": "EUR"}: a decimal string, never a JSON number.
// Documented in README.md, "JSON schema".

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json_writer.hpp>
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

// The documents as text, written without a tree (JsonWriter): the same bytes as dump(indent)
// of the trees below, which are parsed from this text. Prefer these where text is wanted.
[[nodiscard]] std::string quote_result_text(const QuoteResult& result, int indent = -1);
[[nodiscard]] std::string quote_request_text(const QuoteRequest& request, int indent = -1);
// One entry of the result's bookingOptions[] and slaRejections[] on its own (compact), as in the
// whole document: for readers that need one option, not all.
[[nodiscard]] std::string booking_option_text(const QuoteResult& result, std::size_t index);
[[nodiscard]] std::string sla_rejection_text(const QuoteResult& result, std::size_t index);
[[nodiscard]] std::string route_search_text(const SearchOutcome& outcome, const RateBook& book,
                                            int indent = -1);
// Into a larger document being written.
void write_json(JsonWriter& writer, const QuoteResult& result);
void write_json(JsonWriter& writer, const QuoteRequest& request);
void write_json(JsonWriter& writer, const Shipment& shipment);
void write_json(JsonWriter& writer, const Piece& piece);
void write_json(JsonWriter& writer, const SearchOutcome& outcome, const RateBook& book);

[[nodiscard]] nlohmann::json to_json(const QuoteRequest& request);
[[nodiscard]] nlohmann::json to_json(const Shipment& shipment);
[[nodiscard]] nlohmann::json to_json(const Piece& piece);
[[nodiscard]] nlohmann::json to_json(const QuoteResult& result);
[[nodiscard]] nlohmann::json to_json(const Money& money);
[[nodiscard]] nlohmann::json to_json(const Error& error);
// Itineraries with legs in local and UTC time (zones from `book`), or the reason for none.
[[nodiscard]] nlohmann::json to_json(const SearchOutcome& outcome, const RateBook& book);

}  // namespace cargoquote
