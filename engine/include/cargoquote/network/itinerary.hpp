#pragma once
// A concrete way to move a shipment: dated instances of scheduled legs, from the ready time at
// origin to availability at destination.

#include <cargoquote/catalog/schedule.hpp>
#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/time.hpp>
#include <vector>

namespace cargoquote {

struct LegInstance {
    const FlightLeg* leg = nullptr;  // owned by the RateBook's schedule
    Instant departure;
    Instant arrival;
    int connection_minutes = 0;  // time since the previous leg's arrival (0 on the first leg)
    int minimum_connection_minutes = 0;  // the MCT that applied (0 on the first leg)
};

struct Itinerary {
    std::vector<LegInstance> legs;
    Instant ready;
    Instant latest_acceptance;  // cut-off: cargo at the terminal by then
    Instant available;          // at destination, after the time to availability
    int transit_minutes = 0;    // ready -> available

    [[nodiscard]] bool online() const;                        // one carrier for every leg
    [[nodiscard]] std::vector<CarrierCode> carriers() const;  // in order of first use
    [[nodiscard]] std::vector<AirportCode> airports() const;  // origin, transfers, destination
};

}  // namespace cargoquote
