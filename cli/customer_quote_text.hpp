#pragma once
// `cargoquote quote --format customer`: the quote as the customer receives it. A reference, the
// lane, the quote date and currency, then each option's sell view (flights, transit, the sell
// price and its charge lines in the quote currency, validity) and the conditions. No buy price,
// margin, rate-line id or rate sheet: the text is built from the sell views alone, as the desk's
// customer quote is (io/customer_quote.hpp).

#include <cargoquote/quote/quote_engine.hpp>
#include <cstddef>
#include <string>

namespace cargoquote::cli {

// "CQ-20261125-5D41A2": the quote date and a hash of the request, so quoting the same request
// again gives the same reference.
[[nodiscard]] std::string customer_quote_reference(const QuoteResult& result);

// The conditions wrap at `width` columns.
[[nodiscard]] std::string format_customer_quote(const QuoteResult& result, std::size_t max_options,
                                                std::size_t width);

}  // namespace cargoquote::cli
