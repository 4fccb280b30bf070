#include <cargoquote/catalog/sla.hpp>

namespace cargoquote::selection {

std::string_view credit_rule_name(CreditRule rule) {
    switch (rule) {
        case CreditRule::None:
            return "none";
        case CreditRule::PrepaymentForNew:
            return "prepayment_for_new";
        case CreditRule::WithholdRiskyForNew:
            return "withhold_risky_for_new";
    }
    return "unknown";
}

std::optional<CreditRule> parse_credit_rule(std::string_view name) {
    if (name == "none") return CreditRule::None;
    if (name == "prepayment_for_new") return CreditRule::PrepaymentForNew;
    if (name == "withhold_risky_for_new") return CreditRule::WithholdRiskyForNew;
    return std::nullopt;
}

}  // namespace cargoquote::selection
