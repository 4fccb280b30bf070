#pragma once
// The engine's port to rate data: an immutable, indexed, in-memory snapshot of everything a quote
// needs. The rate store (rates/) fills RateBookData from SQLite; tests fill it by hand.
//
// Thread-safety: a constructed RateBook is never modified; concurrent const calls are safe.

#include <cargoquote/catalog/fx.hpp>
#include <cargoquote/catalog/margin.hpp>
#include <cargoquote/catalog/rate_line.hpp>
#include <cargoquote/catalog/schedule.hpp>
#include <cargoquote/catalog/sla.hpp>
#include <cargoquote/catalog/surcharge.hpp>
#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace cargoquote {

struct Airport {
    AirportCode code;
    std::string name;
    std::string city;
    std::string country;
    std::string time_zone;  // IANA
    double latitude = 0;    // degrees; geometry only, never money
    double longitude = 0;
};

struct Carrier {
    CarrierCode code;
    std::string name;
    std::string awb_prefix;
    bool fictional = false;
    std::string note;
};

// Carrier liability limit in SDR per kg, in force from valid_from (26 since 2024-12-28).
struct LiabilityLimit {
    Date valid_from;
    Money sdr_per_kg;  // currency XDR
};

struct RateBookData {
    std::vector<Airport> airports;
    std::vector<Carrier> carriers;
    std::vector<RateLine> rate_lines;
    std::vector<Surcharge> surcharges;
    std::vector<FxRate> fx_rates;
    std::vector<LiabilityLimit> liability_limits;
    std::vector<Customer> customers;
    std::vector<MarginRule> margins;
    ScheduleData schedule;  // flight legs and handling rules; empty when no schedules are loaded
    std::vector<selection::SlaTier> sla_tiers;
    std::vector<selection::CustomerPreference> customer_preferences;
};

class RateBook {
  public:
    explicit RateBook(RateBookData data);

    [[nodiscard]] const Airport* airport(AirportCode code) const;
    [[nodiscard]] const Carrier* carrier(CarrierCode code) const;
    [[nodiscard]] const Customer* customer(std::string_view customer_id) const;
    // Every rate line on the lane, grouped by carrier (carriers in code order), any validity.
    [[nodiscard]] std::span<const RateLine* const> lines_on_lane(AirportCode origin,
                                                                 AirportCode destination) const;
    // Surcharges that may apply to shipments of carrier `c` from `origin`: the carrier's own and
    // the any-carrier ones, scoped to that origin or to any. Precomputed for every carrier and
    // origin that has rate lines; destination, commodity and validity are left to the caller.
    [[nodiscard]] std::span<const Surcharge* const> surcharge_candidates(CarrierCode c,
                                                                         AirportCode origin) const;
    [[nodiscard]] const FxTable& fx() const { return fx_; }
    [[nodiscard]] std::optional<LiabilityLimit> liability_limit(Date on) const;
    // The carrier's performance record, or nullptr when it has none.
    [[nodiscard]] const CarrierPerformance* performance(CarrierCode carrier) const;
    [[nodiscard]] std::span<const MarginRule> margins() const { return data_.margins; }
    [[nodiscard]] const RateBookData& data() const { return data_; }

  private:
    RateBookData data_;
    FxTable fx_;
    std::unordered_map<AirportCode, std::size_t> airports_;
    std::unordered_map<CarrierCode, std::size_t> carriers_;
    std::unordered_map<CarrierCode, std::size_t> performance_;
    std::unordered_map<std::string, std::size_t> customers_;
    // Keys pack the codes' characters into one integer (no string building on lookups).
    std::unordered_map<std::uint64_t, std::vector<const RateLine*>> lanes_;
    std::unordered_map<std::uint64_t, std::vector<const Surcharge*>> surcharge_candidates_;
};

}  // namespace cargoquote
