#pragma once
// The human-readable quote: one block per priced option with its charge lines, then rejections.

#include <cargoquote/quote/quote_engine.hpp>

#include <string>

namespace cargoquote::cli {

[[nodiscard]] std::string format_quote_table(const QuoteResult& result);

}  // namespace cargoquote::cli
