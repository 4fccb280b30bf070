#include <cargoquote/catalog/customer.hpp>

namespace cargoquote {

std::string_view credit_status_name(CreditStatus s) {
    switch (s) {
        case CreditStatus::Good:
            return "good";
        case CreditStatus::New:
            return "new";
        case CreditStatus::Overdue:
            return "overdue";
    }
    return "unknown";
}

std::optional<CreditStatus> parse_credit_status(std::string_view name) {
    if (name == "good") return CreditStatus::Good;
    if (name == "new") return CreditStatus::New;
    if (name == "overdue") return CreditStatus::Overdue;
    return std::nullopt;
}

}  // namespace cargoquote
