#pragma once
// Scheduled service: weekly flight legs in local times, what each aircraft category can take,
// which special cargo each carrier accepts, connection and handling times, and carrier
// performance. All of it is data from the rate store.

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/core/units.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote {

enum class AircraftCategory { Freighter, WideBodyBelly, NarrowBodyBelly };

[[nodiscard]] std::string_view aircraft_category_name(AircraftCategory c);  // "freighter", ...
[[nodiscard]] std::optional<AircraftCategory> parse_aircraft_category(std::string_view name);

// The largest piece an aircraft category takes (main deck for freighters, lower deck for bellies).
struct AircraftLimits {
    AircraftCategory category = AircraftCategory::WideBodyBelly;
    Length max_length;
    Length max_width;
    Length max_height;
    Mass max_piece_weight;
};

// Days of operation as ISO weekdays: bit 0 = Monday ... bit 6 = Sunday.
using WeekdayMask = std::uint8_t;
// "1234567" style (IATA SSIM): digits of the operating days, '.' or absent for the others.
[[nodiscard]] std::optional<WeekdayMask> parse_days_of_operation(std::string_view text);
[[nodiscard]] std::string days_of_operation_text(WeekdayMask mask);  // "1.3.5.7"

// One scheduled flight leg, repeating weekly on its days between effective_from and effective_to
// (dates of departure, local at the origin).
struct FlightLeg {
    std::string leg_id;
    CarrierCode carrier;
    std::string flight_number;  // "Q1 881"
    AirportCode origin;
    AirportCode destination;
    int departure_minute = 0;    // minutes after local midnight at the origin
    int arrival_minute = 0;      // minutes after local midnight at the destination
    int arrival_day_offset = 0;  // 0 same local date, 1 next day, ... (-1 across the date line)
    WeekdayMask days = 0x7F;
    Date effective_from;
    Date effective_to;
    std::string aircraft_type;  // IATA type code, e.g. "74Y"
    AircraftCategory category = AircraftCategory::WideBodyBelly;
};

// Special cargo a carrier refuses (absent row: accepted). Commodity is a class code (DGR, AVI...).
struct CarrierRestriction {
    CarrierCode carrier;
    std::string commodity;
};

// Minimum connection time at an airport; the row with no airport is the default.
struct ConnectionTime {
    std::optional<AirportCode> airport;
    int online_minutes = 120;     // same carrier
    int interline_minutes = 240;  // change of carrier
};

// Latest acceptance before departure and time to availability after arrival, by carrier and
// airport; absent fields mean any. The most specific row wins.
struct HandlingTime {
    std::optional<CarrierCode> carrier;
    std::optional<AirportCode> airport;
    int cutoff_minutes = 180;
    int availability_minutes = 180;
};

// Carrier performance (Cargo iQ "flown as planned", claims, offloads), for reliability and risk.
struct CarrierPerformance {
    CarrierCode carrier;
    std::int64_t flights_observed = 0;
    std::int64_t flights_as_planned = 0;
    Ratio damage_claim_ratio;  // claims / shipments
    Ratio offload_rate;        // offloaded / booked
};

struct ScheduleData {
    std::vector<FlightLeg> legs;
    std::vector<AircraftLimits> aircraft_limits;
    std::vector<CarrierRestriction> restrictions;
    std::vector<ConnectionTime> connection_times;
    std::vector<HandlingTime> handling_times;
    std::vector<CarrierPerformance> performance;
};

}  // namespace cargoquote
