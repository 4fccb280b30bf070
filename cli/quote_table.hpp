#pragma once
// The human-readable quote: one block per priced option with its charge lines, then rejections.

#include <cargoquote/quote/quote_engine.hpp>
#include <string>
#include <string_view>

namespace cargoquote::cli {

struct TableOptions {
    std::size_t max_options = 10;        // 0 = all
    std::size_t rejection_examples = 3;  // per reason; 0 = all
    bool explain = false;                // criteria, contributions and the reason for each rank
    std::size_t width = 100;             // long free text (reasons, notes) wraps at this column
};

// Appends `text` after `first_prefix`, wrapped at spaces to `width` columns; continuation lines
// start with `next_prefix`.
void append_wrapped(std::string& out, std::string_view first_prefix, std::string_view next_prefix,
                    std::string_view text, std::size_t width);

// `text` with every line longer than `width` wrapped at spaces, continuations indented four
// columns deeper than the line.
[[nodiscard]] std::string fit_to_width(std::string_view text, std::size_t width);

// Options in full up to max_options; rejections grouped by reason with a few examples each (the
// JSON output lists every option and every rejection).
[[nodiscard]] std::string format_quote_table(const QuoteResult& result,
                                             const TableOptions& options);

}  // namespace cargoquote::cli
