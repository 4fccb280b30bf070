#include "itinerary_text.hpp"

#include <fmt/format.h>

namespace cargoquote::cli {

std::string duration_text(int minutes) {
    const int days = minutes / 1440, hours = (minutes % 1440) / 60, mins = minutes % 60;
    return days > 0 ? fmt::format("{}d {:02}h{:02}m", days, hours, mins)
                    : fmt::format("{}h{:02}m", hours, mins);
}

// "2026-11-26 09:00" local at the airport (its offset shown once per leg line).
std::string local_time(const RateBook& book, Instant t, AirportCode at) {
    const Airport* airport = book.airport(at);
    const std::string iso =
        local_iso_with_offset(t, airport != nullptr ? airport->time_zone : "UTC");
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

void append_itinerary(std::string& out, const RateBook& book, const Itinerary& it) {
    if (it.legs.empty()) return;
    for (const auto& l : it.legs) {
        // The connection before this leg gets its own line, so a leg line fits 100 columns.
        if (l.minimum_connection_minutes > 0) {
            out += fmt::format("              connection {} at {} (minimum {})\n",
                               duration_text(l.connection_minutes), l.leg->origin.view(),
                               duration_text(l.minimum_connection_minutes));
        }
        out +=
            fmt::format("    {:<9} {} {} -> {} {}  {} {}\n", l.leg->flight_number,
                        l.leg->origin.view(), local_time(book, l.departure, l.leg->origin),
                        l.leg->destination.view(), local_time(book, l.arrival, l.leg->destination),
                        l.leg->aircraft_type, aircraft_category_name(l.leg->category));
    }
    out += fmt::format("    transit {}: cut-off {} at {}, available {} at {}\n",
                       duration_text(it.transit_minutes),
                       local_time(book, it.latest_acceptance, it.legs.front().leg->origin),
                       it.legs.front().leg->origin.view(),
                       local_time(book, it.available, it.legs.back().leg->destination),
                       it.legs.back().leg->destination.view());
}

}  // namespace cargoquote::cli
