#pragma once
// The human-readable quote: one block per priced option with its charge lines, then rejections.

#include <cargoquote/quote/quote_engine.hpp>
#include <string>

namespace cargoquote::cli {

struct TableOptions {
    std::size_t max_options = 10;        // 0 = all
    std::size_t rejection_examples = 3;  // per reason; 0 = all
    bool explain = false;                // criteria, contributions and the reason for each rank
};

// Options in full up to max_options; rejections grouped by reason with a few examples each (the
// JSON output lists every option and every rejection).
[[nodiscard]] std::string format_quote_table(const QuoteResult& result,
                                             const TableOptions& options);

}  // namespace cargoquote::cli
