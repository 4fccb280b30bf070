#include <cargoquote/catalog/fx.hpp>
#include <cargoquote/pricing/quoted_amounts.hpp>

namespace cargoquote {

Money quoted_amount(const PricedOption& option, const Money& amount) {
    return option.quote_fx ? FxTable::convert(amount, *option.quote_fx) : amount;
}

Money quoted_rounding(const PricedOption& option) {
    Money rounding = option.buy_total_quoted;
    if (!option.quote_fx) return Money::zero(rounding.currency());
    for (const ChargeLine& line : option.charges) rounding -= quoted_amount(option, line.amount);
    return rounding;
}

Money quoted_margin(const PricedOption& option) {
    return option.sell_total_quoted - option.buy_total_quoted;
}

}  // namespace cargoquote
