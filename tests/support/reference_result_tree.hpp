#pragma once
// The result documents built as nlohmann::json trees, the way the engine built them before it
// wrote text directly: the oracle for JsonWriter's output (same bytes from dump()).

#include <cargoquote/quote/quote_engine.hpp>
#include <nlohmann/json.hpp>

namespace cargoquote::test::reference {

[[nodiscard]] nlohmann::json tree(const Money& money);
[[nodiscard]] nlohmann::json tree(const Piece& piece);
[[nodiscard]] nlohmann::json tree(const Shipment& shipment);
[[nodiscard]] nlohmann::json tree(const QuoteRequest& request);
[[nodiscard]] nlohmann::json tree(const QuoteResult& result);
[[nodiscard]] nlohmann::json tree(const SearchOutcome& outcome, const RateBook& book);

}  // namespace cargoquote::test::reference
