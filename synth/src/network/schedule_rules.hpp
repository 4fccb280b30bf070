#pragma once
// The synthetic schedule of one route (rules at the top of network_csv.cpp): weekly frequency
// from the hub sizes, aircraft by distance, and the local arrival on a given date from the real
// tz rules of both ends.

#include <date/tz.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rng.hpp"

namespace cargoquote::synth::detail {

// Flights a week: 3-14 from the hub sizes of both ends, at most 7 on long haul.
[[nodiscard]] int weekly_frequency(int hub_o, int hub_d, int km, Rng& rng);

struct Aircraft {
    std::string_view type;
    std::string_view category;
};
[[nodiscard]] Aircraft aircraft_for(int km, bool hub_to_hub, Rng& rng);

// Local arrival (minute of day, days after the departure's local date) of a departure at
// `departure` minutes after local midnight of `day` (a UTC day number) at the origin, flying
// `block` minutes. A departure in a spring-forward gap or a fall-back overlap takes the first
// offset, as the engine's cargoquote::to_instant does.
struct LocalArrival {
    int minute = 0;
    int day_offset = 0;
    friend bool operator==(const LocalArrival&, const LocalArrival&) = default;
};
[[nodiscard]] LocalArrival arrival_on(const date::time_zone* origin,
                                      const date::time_zone* destination, std::int64_t day,
                                      int departure, int block);

// UTC day numbers of the UTC-offset changes of `zone` between `first` - 4 and `last` + 4.
[[nodiscard]] std::vector<std::int64_t> offset_change_days(const date::time_zone* zone,
                                                           std::int64_t first, std::int64_t last);

// Whether a flight on the weekdays of `mask` (bit 0 = Monday) operates on some day in
// [first, last].
[[nodiscard]] bool operates_between(unsigned mask, std::int64_t first, std::int64_t last);

[[nodiscard]] std::string hhmm(int minute_of_day);
// "1.3.5.7" style: the digit of each operating day, '.' for the others.
[[nodiscard]] std::string days_text(unsigned mask);

}  // namespace cargoquote::synth::detail
