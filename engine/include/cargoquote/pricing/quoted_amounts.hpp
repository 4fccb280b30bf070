#pragma once
// An option's amounts in the quote currency. The engine prices in the rate line's currency and
// converts only the totals (buy_total_quoted, sell_total_quoted); these convert the rest with the
// same recorded rate (PricedOption::quote_fx), so every amount of a quote can be shown in one
// currency and still add up:
//   sum of quoted_amount(charge) + quoted_rounding  = buy_total_quoted
//   buy_total_quoted + quoted_margin                = sell_total_quoted
// Each line is rounded to the quote currency's minor unit on its own, so the converted lines can
// miss the converted total by a few minor units; quoted_rounding is that difference, shown as its
// own line rather than hidden in one of the charges.

#include <cargoquote/core/money.hpp>
#include <cargoquote/pricing/priced_option.hpp>

namespace cargoquote {

// `amount` (in the option's pricing currency) in the quote currency; unchanged when the option
// is quoted in its own currency.
[[nodiscard]] Money quoted_amount(const PricedOption& option, const Money& amount);

// buy_total_quoted minus the sum of the converted charge lines; zero without conversion.
[[nodiscard]] Money quoted_rounding(const PricedOption& option);

// The customer margin in the quote currency: the difference of the converted totals (within one
// minor unit of the margin converted on its own, and exactly what the customer pays above cost).
[[nodiscard]] Money quoted_margin(const PricedOption& option);

inline constexpr std::string_view kRoundingLineCode = "RD";
inline constexpr std::string_view kRoundingLineDescription = "Currency conversion rounding";

}  // namespace cargoquote
