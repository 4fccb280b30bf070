#pragma once
// A customer of the forwarder: the scope of margins, SLA overrides and ranking preferences, and
// the credit standing that decides prepayment.

#include <cargoquote/core/time.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace cargoquote {

enum class CreditStatus { Good, New, Overdue };
[[nodiscard]] std::string_view credit_status_name(CreditStatus s);
[[nodiscard]] std::optional<CreditStatus> parse_credit_status(std::string_view name);

struct Customer {
    std::string customer_id;
    std::string name;
    std::string customer_group;  // "" = none
    CreditStatus credit_status = CreditStatus::New;
    std::optional<Date> since;
};

}  // namespace cargoquote
