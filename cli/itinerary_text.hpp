#pragma once
// Human-readable itineraries: one line per leg in local times, then transit, cut-off and
// availability. Shared by the quote table and `network search`.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/network/itinerary.hpp>
#include <string>

namespace cargoquote::cli {

[[nodiscard]] std::string duration_text(int minutes);  // "1d 02h05m", "19h15m"
// "2026-11-26 09:00", local at the airport.
[[nodiscard]] std::string local_time(const RateBook& book, Instant t, AirportCode at);
void append_itinerary(std::string& out, const RateBook& book, const Itinerary& it);

}  // namespace cargoquote::cli
