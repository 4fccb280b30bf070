#pragma once
// Prices a scheduled itinerary.
//   On-line (one carrier): the carrier's rate for the itinerary's origin-destination.
//   Interline: each sector (a run of consecutive legs on one carrier) is priced on that carrier's
//   rate for the sector's own lane, with the surcharges it files for that sector; the sectors'
//   charges are added up in the first sector's currency and the customer margin applies once.
//   A sector without a rate rejects the itinerary with the reason.

#include <cargoquote/network/itinerary.hpp>
#include <cargoquote/pricing/carrier_pricer.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace cargoquote {

// Sector prices depend only on (carrier, sector origin, sector destination, margin or not) for a
// given shipment and date, so one quote prices each once however many itineraries share it.
// Use one cache per quote (per PricingContext); not thread-safe.
class SectorPriceCache {
  public:
    [[nodiscard]] const PricingOutcome* find(std::uint64_t key) const;
    const PricingOutcome& store(std::uint64_t key, PricingOutcome outcome);

  private:
    std::unordered_map<std::uint64_t, PricingOutcome> outcomes_;
};

// A run of consecutive legs on one carrier, priced on that carrier's rate for its own lane.
struct RouteSector {
    CarrierCode carrier;
    AirportCode origin;
    AirportCode destination;
    friend bool operator==(const RouteSector&, const RouteSector&) = default;
};

// The rate lines of the sector's carrier on the sector's lane (any class, validity).
[[nodiscard]] std::span<const RateLine* const> carrier_lines(const RateBook& book,
                                                             const RouteSector& sector);

// The itinerary's sectors: each run of consecutive legs on one carrier.
[[nodiscard]] std::vector<RouteSector> route_sectors(const Itinerary& itinerary);

// Prices a route given only as its carrier sectors (a booked routing being repriced): the same
// rules as price_itinerary, without flights. Rejections carry no itinerary text.
[[nodiscard]] PricingOutcome price_route(const PricingContext& context,
                                         std::span<const RouteSector> sectors,
                                         SectorPriceCache* cache = nullptr);

[[nodiscard]] PricingOutcome price_itinerary(const PricingContext& context, Itinerary itinerary,
                                             SectorPriceCache* cache = nullptr);

// "A1 100 PVG-ICN, A1 200 ICN-FRA"
[[nodiscard]] std::string describe_flights(const Itinerary& itinerary);

}  // namespace cargoquote
