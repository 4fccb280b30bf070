#include "schedule_rules.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace cargoquote::synth::detail {

namespace {

std::int64_t isqrt(std::int64_t v) {
    std::int64_t r = static_cast<std::int64_t>(std::sqrt(static_cast<double>(v)));
    while (r * r > v) --r;
    while ((r + 1) * (r + 1) <= v) ++r;
    return r;
}

}  // namespace

std::string hhmm(int minute_of_day) {
    return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
}

std::string days_text(unsigned mask) {
    std::string out;
    for (int d = 0; d < 7; ++d) out += (mask & (1U << d)) ? static_cast<char>('1' + d) : '.';
    return out;
}

int weekly_frequency(int hub_o, int hub_d, int km, Rng& rng) {
    static constexpr std::array<std::int64_t, 11> kThresholds = {2,  4,   8,   15,  25, 40,
                                                                 60, 100, 150, 250, 400};
    const std::int64_t g = isqrt(static_cast<std::int64_t>(hub_o) * hub_d);
    int level = 0;
    for (auto t : kThresholds) level += g >= t ? 1 : 0;
    const int weekly = std::clamp(3 + level + static_cast<int>(rng.uniform(-1, 1)), 3, 14);
    if (km > 8000) return std::clamp(weekly / 2, 3, 7);
    if (km > 4000) return std::clamp(weekly * 2 / 3, 3, 7);
    return weekly;
}

Aircraft aircraft_for(int km, bool hub_to_hub, Rng& rng) {
    const bool first = rng.uniform(0, 1) == 0;
    if (km < 1500) return {first ? "320" : "738", "narrowbody_belly"};
    if (km <= 4000) return {first ? "332" : "788", "widebody_belly"};
    if (hub_to_hub && rng.percent_chance(35)) return {first ? "74Y" : "77X", "freighter"};
    return {first ? "77W" : "359", "widebody_belly"};
}

LocalArrival arrival_on(const date::time_zone* origin, const date::time_zone* destination,
                        std::int64_t day, int departure, int block) {
    const date::local_days local_day{date::days{static_cast<int>(day)}};
    const date::local_seconds departure_local = local_day + std::chrono::minutes(departure);
    const auto info = origin->get_info(departure_local);
    const date::sys_seconds departure_utc{departure_local.time_since_epoch() - info.first.offset};
    const date::sys_seconds arrival_utc = departure_utc + std::chrono::minutes(block);
    auto arrival_local = destination->to_local(arrival_utc);
    // In the repeated hour after a fall-back the engine reads a local time as its earlier
    // instant; an arrival at the later one is written as the first local time after the
    // repeated hour (at most 60 minutes late, on that one day only).
    if (const auto local = destination->get_info(arrival_local);
        local.result == date::local_info::ambiguous && arrival_utc >= local.second.begin) {
        arrival_local =
            date::local_seconds{local.second.begin.time_since_epoch() + local.first.offset};
        const auto over = (arrival_local.time_since_epoch() % std::chrono::minutes(5));
        if (over.count() != 0) arrival_local += std::chrono::minutes(5) - over;
    }
    const auto arrival_day = date::floor<date::days>(arrival_local);
    return LocalArrival{
        static_cast<int>(
            std::chrono::duration_cast<std::chrono::minutes>(arrival_local - arrival_day).count()),
        static_cast<int>((arrival_day - local_day).count())};
}

// UTC day numbers of the UTC-offset changes of `zone` between `first` - 4 and `last` + 4.
std::vector<std::int64_t> offset_change_days(const date::time_zone* zone, std::int64_t first,
                                             std::int64_t last) {
    std::vector<std::int64_t> out;
    date::sys_seconds t{date::sys_days{date::days{static_cast<int>(first - 4)}}};
    const date::sys_seconds end{date::sys_days{date::days{static_cast<int>(last + 5)}}};
    while (true) {
        const auto info = zone->get_info(t);
        if (info.end >= end) break;
        if (zone->get_info(info.end).offset != info.offset) {
            out.push_back(date::floor<date::days>(info.end).time_since_epoch().count());
        }
        t = info.end;
    }
    return out;
}

bool operates_between(unsigned mask, std::int64_t first, std::int64_t last) {
    if (last - first >= 6) return true;
    for (std::int64_t d = first; d <= last; ++d) {
        const date::weekday wd{date::sys_days{date::days{static_cast<int>(d)}}};
        if (mask & (1U << (wd.iso_encoding() - 1))) return true;
    }
    return false;
}

}  // namespace cargoquote::synth::detail
