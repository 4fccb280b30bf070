#pragma once
// Hand-drawn networks for route-search tests. Each leg is one readable line:
//   "A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter"
// carrier, flight number, origin-destination, local departure, local arrival + day offset,
// days of operation (ISO weekdays), aircraft category. Legs run 2026-10-01..2027-03-31.

#include <cargoquote/catalog/rate_book.hpp>
#include <string_view>
#include <vector>

namespace cargoquote::test {

// Airports with real zones: PVG ICN NRT ANC FRA AMS JFK DXB LHR.
[[nodiscard]] RateBookData network_fixture(const std::vector<std::string_view>& legs);

}  // namespace cargoquote::test
