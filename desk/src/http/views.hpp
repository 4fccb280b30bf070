#pragma once
// JSON of the desk's records, in two audiences. The staff views carry everything the store
// holds (buy totals, margins, rate lines, the engine's option document); the customer views are
// built only from the sell-side view of each option (sell_view.hpp) and the customer's own
// request, so no buy price, margin or rate-line id can appear in them.

#include <cargoquote/desk/desk_store.hpp>
#include <nlohmann/json.hpp>

namespace cargoquote::desk::http {

enum class Audience { Staff, Customer };

[[nodiscard]] Audience audience_of(const User& user);

[[nodiscard]] nlohmann::json user_json(const User& user);
[[nodiscard]] nlohmann::json quote_json(const Quote& quote);
[[nodiscard]] nlohmann::json booking_json(const Booking& booking);
[[nodiscard]] nlohmann::json inquiry_summary_json(const Inquiry& inquiry, Audience audience);
[[nodiscard]] nlohmann::json inquiry_json(const InquiryDetail& detail, Audience audience);
[[nodiscard]] nlohmann::json kpi_json(const KpiReport& report);

}  // namespace cargoquote::desk::http
