#pragma once
// Why an option is not offered: the stable codes of expected outcomes (no rate, no route, outside
// the SLA), as ErrorCode is for bad input. Each has one name, written to JSON, CSV and Python;
// the list is append-only, like the error codes.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace cargoquote {

enum class RejectionReason {
    NoRatesOnLane,     // no carrier files a rate for the lane
    NoValidRate,       // the carrier's rates are not in force on the rating date
    NoGeneralRate,     // no general cargo rate to price or to compare a commodity rate with
    NoClassRate,       // a class rate's base rate is missing
    NoRate,            // the itinerary's carrier has no rate for its origin-destination
    NoSectorRate,      // an interline sector has no rate
    NoFxRate,          // no exchange rate in force into the quote or rate currency
    NoRoute,           // no sequence of scheduled legs links the airports
    PieceTooLarge,     // most candidate legs cannot take a piece of this size
    CommodityRefused,  // most candidate legs refuse the commodity
    NoService,         // most candidate legs have no departure in the search window
    ConnectionMissed,  // most candidate connections cannot be made
    OutsideSla,        // every priced option breaks the SLA (batch rows)
};

inline constexpr std::array<std::pair<RejectionReason, std::string_view>, 13> kRejectionReasons = {{
    {RejectionReason::NoRatesOnLane, "no_rates_on_lane"},
    {RejectionReason::NoValidRate, "no_valid_rate"},
    {RejectionReason::NoGeneralRate, "no_general_rate"},
    {RejectionReason::NoClassRate, "no_class_rate"},
    {RejectionReason::NoRate, "no_rate"},
    {RejectionReason::NoSectorRate, "no_sector_rate"},
    {RejectionReason::NoFxRate, "no_fx_rate"},
    {RejectionReason::NoRoute, "no_route"},
    {RejectionReason::PieceTooLarge, "piece_too_large"},
    {RejectionReason::CommodityRefused, "commodity_refused"},
    {RejectionReason::NoService, "no_service"},
    {RejectionReason::ConnectionMissed, "connection_missed"},
    {RejectionReason::OutsideSla, "outside_sla"},
}};

// "no_fx_rate", ...
[[nodiscard]] constexpr std::string_view rejection_reason_name(RejectionReason reason) noexcept {
    for (const auto& [r, name] : kRejectionReasons) {
        if (r == reason) return name;
    }
    return "unknown";
}

[[nodiscard]] constexpr std::optional<RejectionReason> parse_rejection_reason(
    std::string_view name) noexcept {
    for (const auto& [r, n] : kRejectionReasons) {
        if (n == name) return r;
    }
    return std::nullopt;
}

}  // namespace cargoquote
