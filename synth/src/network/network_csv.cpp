// The SYNTHETIC part of the network (no public cargo schedules or rate sheets exist): schedules,
// rates, surcharges and carrier performance on the kept OpenFlights routes, written as the
// rate-store CSV files of rates/README.md. The rules (also printed by `cargoquote network synth
// --help`, see network_synth_rules.cpp):
//
// Randomness: one explicit PRNG (SplitMix64) per entity, seeded from --seed and a hash of the
//   entity's key ("route|LH|FRA|PVG"), so each value depends only on the seed and that entity.
//   Integers come from unbiased rejection sampling on the 64-bit output (no std:: distributions,
//   which differ between standard libraries). All money and frequency arithmetic is integer;
//   floating point is used only for the great-circle distance, which is rounded to whole km.
//
// Schedules (flight_legs.csv), for every kept route:
//   hub size = kept routes touching the airport (in + out). g = floor(sqrt(hub_o * hub_d));
//   level = number of thresholds {2,4,8,15,25,40,60,100,150,250,400} that g reaches (0..11);
//   weekly = clamp(3 + level + uniform{-1,0,1}, 3, 14); long haul has fewer: > 4,000 km
//   weekly*2/3 and > 8,000 km weekly/2, both clamped to 3..7. Weekly frequencies above 7 become
//   k = ceil(weekly/7) legs (distinct flight numbers) sharing the days evenly. A leg on n days
//   flies days {(s + floor(i*7/n)) mod 7}, s uniform 0..6. Departure (local at the origin): leg i
//   of k in slot i of the 05:00-01:00 window (20 h / k each), uniform within the slot, floored to
//   5 min; a single-leg route departs 01:00-04:55 with probability 6 %. Block time = km / 800 h
//   + 40 min, rounded to the nearest 5 min. Times are local (the engine converts them with each
//   date's own UTC offsets at search time). The local arrival time and day offset are computed
//   with the real zones (date-tz) for every departure date of the season: they change only near
//   a DST change at either end, and a flight gets one flight_legs.csv row per period with the
//   same local arrival (same flight number, leg_id suffix -1, -2, ...; periods without an
//   operating day are left out). So the flying time is the block time on every date, except
//   on the day a zone falls back: the engine reads a local time in the repeated hour as its
//   earlier instant, so an arrival at the later instant is written as the end of the repeated
//   hour (up to 60 min late on that day; such days get a one-day row). (One row
//   per flight computed for a single reference date would drift by 1-2 h over the season for
//   about 16 % of the flights, and a few short ones, e.g. AMM-BEY, would arrive before they
//   depart on some dates.) The departure local time stays the same all season.
//   Flight numbers: per carrier 100, 101, ... in route order; leg_id = carrier + 4 digits + -n.
//   Aircraft by distance: < 1,500 km narrowbody belly (320 or 738); 1,500-4,000 km widebody
//   belly (332 or 788); > 4,000 km freighter (74Y or 77X) with probability 35 % when both ends
//   are among the top 60 hubs (hub size, ties by code), else widebody belly (77W or 359).
//   aircraft_limits.csv: freighter 317x244x300 cm 4000 kg; widebody belly 317x244x160 cm 1500 kg;
//   narrowbody belly 200x120x110 cm 150 kg. connection_times.csv: default 120/240 min, top 60 hubs
//   90/180. handling_times.csv: one default row 180/180.
//
// Rates (rates.csv): one GEN line per kept route, all in USD (a simplification: real sheets are
//   in the origin's currency; the fixed FX rows let the engine quote in EUR or CNY). Carrier
//   factor f = uniform 0.850..1.200 per carrier. N = f * (1.20 + 0.0009 * km) USD/kg; breaks
//   0/45/100/300/500/1000 kg at N * 1.00/0.80/0.70/0.62/0.57/0.52; M = f * (40 + 0.015 * km);
//   amounts rounded half up to cents (integer arithmetic). Divisor 6000, step 0.5 kg, valid over
//   the season. Surcharges: a fuel MY per carrier (0.50-1.40 USD per chargeable kg, min 10 USD, at
//   cost) and one AW of 25 USD per shipment for all carriers. fx_rates.csv: the fixed sample set
//   (EUR, USD, CNY, XDR) valid from the season start. liability_limits.csv: 22 SDR/kg from
//   2019-12-28, 26 from 2024-12-28. customers.csv: one demo customer; margins.csv: one default
//   margin (12 %, at least 50 USD).
//
// Carrier performance (carrier_performance.csv), per carrier: flights observed uniform 500-5000,
//   flown as planned 80.0-98.0 %, damage claims 0.10-1.50 %, offloads 0.30-5.00 %.

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/synth/openflights_network.hpp>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "csv_writer.hpp"
#include "rng.hpp"
#include "schedule_rules.hpp"

namespace cargoquote::synth {

namespace {

namespace fs = std::filesystem;
using detail::CsvWriter;
using detail::LocalArrival;
using detail::Rng;
using RowsByFile = std::map<std::string, std::size_t>;

constexpr std::string_view kCarrierNote =
    "synthetic schedule and rates on OpenFlights routes (ODbL)";
constexpr std::array<int, 6> kBreakKg = {0, 45, 100, 300, 500, 1000};
constexpr std::array<int, 6> kBreakPercent = {100, 80, 70, 62, 57, 52};
constexpr int kTopHubs = 60;

// Cents from an amount in units of 1e-9 USD, rounded half up (amounts are never negative).
std::int64_t nano_to_cents(std::int64_t nano) { return (nano + 5'000'000) / 10'000'000; }

std::string cents_text(std::int64_t cents) {
    return fmt::format("{}.{:02}", cents / 100, cents % 100);
}

// What every table of one run shares.
struct Season {
    std::uint64_t seed = 0;
    std::string from;  // ISO dates
    std::string to;
    std::int64_t first_day = 0;  // UTC day numbers
    std::int64_t last_day = 0;
};

// The kTopHubs airports by hub size (descending, then code).
std::set<std::string> top_hubs_of(const std::vector<SynthAirport>& airports) {
    std::vector<const SynthAirport*> by_size;
    by_size.reserve(airports.size());
    for (const auto& a : airports) by_size.push_back(&a);
    std::sort(by_size.begin(), by_size.end(), [](const SynthAirport* a, const SynthAirport* b) {
        return std::tie(b->hub_size, a->code) < std::tie(a->hub_size, b->code);
    });
    if (by_size.size() > static_cast<std::size_t>(kTopHubs)) by_size.resize(kTopHubs);
    std::set<std::string> top_hubs;
    for (const auto* a : by_size) top_hubs.insert(a->code);
    return top_hubs;
}

void write_airports(const std::vector<SynthAirport>& airports, const fs::path& directory,
                    RowsByFile& rows_by_file) {
    CsvWriter csv("airports.csv",
                  {"code", "name", "city", "country", "time_zone", "latitude", "longitude"});
    for (const auto& a : airports) {
        csv.row({a.code, a.name, a.city, a.country, a.time_zone, fmt::format("{:.6f}", a.latitude),
                 fmt::format("{:.6f}", a.longitude)});
    }
    csv.save(directory, rows_by_file);
}

// carriers.csv, surcharges.csv (a fuel MY per carrier, one AW for all) and
// carrier_performance.csv; returns each carrier's rate factor in thousandths.
std::unordered_map<std::string, std::int64_t> write_carriers(
    const std::vector<SynthCarrier>& carriers, const Season& season, const fs::path& directory,
    RowsByFile& rows_by_file) {
    CsvWriter carrier_csv("carriers.csv", {"code", "name", "awb_prefix", "fictional", "note"});
    CsvWriter surcharges(
        "surcharges.csv",
        {"surcharge_id", "code", "description", "carrier", "origin", "destination", "commodity",
         "basis", "rate", "currency", "min", "max", "valid_from", "valid_to", "apply_margin"});
    CsvWriter performance("carrier_performance.csv",
                          {"carrier", "flights_observed", "flights_as_planned",
                           "damage_claim_ratio_percent", "offload_rate_percent"});
    std::unordered_map<std::string, std::int64_t> factor_milli;
    for (const auto& c : carriers) {
        const std::string prefix = fmt::format("{:03}", detail::fnv1a("awb|" + c.code) % 1000U);
        carrier_csv.row({c.code, c.name, prefix, "0", kCarrierNote});

        Rng rng(season.seed, "carrier|" + c.code);
        factor_milli[c.code] = rng.uniform(850, 1200);
        const std::int64_t fuel_cents = rng.uniform(50, 140);
        surcharges.row({"MY-" + c.code, "MY", "Fuel surcharge (synthetic)", c.code, "ZZZ", "ZZZ",
                        "", "chargeable_kg", cents_text(fuel_cents), "USD", "10.00", "",
                        season.from, season.to, "0"});

        Rng perf(season.seed, "performance|" + c.code);
        const std::int64_t observed = perf.uniform(500, 5000);
        const std::int64_t planned_permille = perf.uniform(800, 980);
        const std::int64_t claims_bp = perf.uniform(10, 150);    // hundredths of a percent
        const std::int64_t offloads_bp = perf.uniform(30, 500);  // hundredths of a percent
        performance.row({c.code, std::to_string(observed),
                         std::to_string(observed * planned_permille / 1000), cents_text(claims_bp),
                         cents_text(offloads_bp)});
    }
    surcharges.row({"AW-ALL", "AW", "Air waybill fee (synthetic)", "ZZZ", "ZZZ", "ZZZ", "",
                    "shipment", "25.00", "USD", "", "", season.from, season.to, "1"});
    carrier_csv.save(directory, rows_by_file);
    surcharges.save(directory, rows_by_file);
    performance.save(directory, rows_by_file);
    return factor_milli;
}

// The route's GEN rate line. Amounts in units of 1e-9 USD = factor (1e-3) * base (1e-4) *
// percent (1e-2).
void write_rate_line(CsvWriter& rates, const SynthRoute& r, std::int64_t factor_milli,
                     const Season& season, const std::string& version) {
    const std::int64_t km = r.distance_km;
    const std::int64_t base_e4 = 12000 + 9 * km;  // (1.20 + 0.0009 km) * 1e4
    std::string breaks;
    for (std::size_t i = 0; i < kBreakKg.size(); ++i) {
        if (!breaks.empty()) breaks += ' ';
        breaks += fmt::format("{}:{}", kBreakKg[i],
                              cents_text(nano_to_cents(factor_milli * base_e4 * kBreakPercent[i])));
    }
    const std::int64_t min_e3 = 40000 + 15 * km;  // (40 + 0.015 km) * 1e3
    const std::string min_charge = cents_text(nano_to_cents(factor_milli * min_e3 * 1000));
    rates.row({fmt::format("{}-{}-{}-GEN", r.carrier, r.origin, r.destination), r.carrier, r.origin,
               r.destination, "GEN", "", "USD", min_charge, breaks, "6000", "0.5", "", "", "",
               season.from, season.to, fmt::format("{} synthetic tariff", r.carrier), version});
}

// A tz zone with the UTC days of its offset changes around the season, looked up once.
struct Zone {
    const date::time_zone* zone = nullptr;
    std::vector<std::int64_t> changes;
};

class Zones {
  public:
    explicit Zones(const Season& season) : season_(season) {}
    const Zone& of(const SynthAirport& a) {
        auto [it, fresh] = zones_.try_emplace(a.time_zone);
        if (fresh) {
            it->second.zone = date::locate_zone(a.time_zone);
            it->second.changes =
                detail::offset_change_days(it->second.zone, season_.first_day, season_.last_day);
        }
        return it->second;
    }

  private:
    const Season& season_;
    std::unordered_map<std::string, Zone> zones_;
};

// One flight's days and local departure time.
struct FlightPlan {
    unsigned mask = 0;  // operating weekdays, bit 0 = Monday
    int departure = 0;  // minutes after local midnight at the origin
};

// Leg `leg` of `leg_count` sharing `weekly` flights a week (draws from `rng` in a fixed order).
FlightPlan plan_flight(int leg, int leg_count, int weekly, Rng& rng) {
    FlightPlan plan;
    const int n_days = weekly / leg_count + (leg < weekly % leg_count ? 1 : 0);
    const int start = static_cast<int>(rng.uniform(0, 6));
    for (int i = 0; i < n_days; ++i) plan.mask |= 1U << ((start + i * 7 / n_days) % 7);
    if (leg_count == 1 && rng.percent_chance(6)) {
        plan.departure = 60 + static_cast<int>(rng.uniform(0, 239));  // 01:00-04:59
    } else {
        const int slot = 1200 / leg_count;  // the 05:00-01:00 window
        plan.departure = 300 + leg * slot + static_cast<int>(rng.uniform(0, slot - 1));
    }
    plan.departure = plan.departure / 5 * 5 % 1440;
    return plan;
}

// The local arrival for each departure date, as periods (first day, arrival): it only changes
// on days near a UTC-offset change of either zone, so the season start and 3 days either side of
// each change are evaluated, and a period starts wherever the local arrival changes.
std::vector<std::pair<std::int64_t, LocalArrival>> arrival_periods(const Zone& origin,
                                                                   const Zone& destination,
                                                                   const Season& season,
                                                                   int departure, int block) {
    std::set<std::int64_t> checkpoints{season.first_day};
    for (const auto* changes : {&origin.changes, &destination.changes}) {
        for (const std::int64_t change : *changes) {
            for (std::int64_t day = change - 3; day <= change + 3; ++day) {
                if (day >= season.first_day && day <= season.last_day) checkpoints.insert(day);
            }
        }
    }
    std::vector<std::pair<std::int64_t, LocalArrival>> periods;
    for (const std::int64_t day : checkpoints) {
        const LocalArrival arrival =
            detail::arrival_on(origin.zone, destination.zone, day, departure, block);
        if (periods.empty() || !(periods.back().second == arrival)) {
            periods.emplace_back(day, arrival);
        }
    }
    return periods;
}

// The flights of every route as flight_legs.csv rows (one per period with the same local
// arrival), numbered per carrier from 100.
class LegWriter {
  public:
    LegWriter(const Season& season, const std::set<std::string>& top_hubs)
        : season_(season), top_hubs_(top_hubs), zones_(season) {}

    void write_route(const SynthRoute& r, const SynthAirport& o, const SynthAirport& d,
                     NetworkCsvSummary& summary) {
        Rng rng(season_.seed, fmt::format("route|{}|{}|{}", r.carrier, r.origin, r.destination));
        const int weekly = detail::weekly_frequency(o.hub_size, d.hub_size, r.distance_km, rng);
        const detail::Aircraft aircraft = detail::aircraft_for(
            r.distance_km, top_hubs_.contains(r.origin) && top_hubs_.contains(r.destination), rng);
        const int block = block_minutes(r.distance_km);
        const int leg_count = (weekly + 6) / 7;
        const Zone& origin_zone = zones_.of(o);
        const Zone& destination_zone = zones_.of(d);
        for (int leg = 0; leg < leg_count; ++leg) {
            const FlightPlan plan = plan_flight(leg, leg_count, weekly, rng);
            int& number = next_flight_number_.try_emplace(r.carrier, 100).first->second;
            if (number > 9999) {
                throw std::logic_error(
                    fmt::format("carrier {} has more than 9900 flights", r.carrier));
            }
            const int rows = write_flight(
                r, number, plan, aircraft,
                arrival_periods(origin_zone, destination_zone, season_, plan.departure, block));
            ++summary.flights;
            if (rows > 1) ++summary.flights_split_at_dst;
            ++number;
        }
    }

    void save(const fs::path& directory, RowsByFile& rows_by_file) const {
        legs_.save(directory, rows_by_file);
    }

  private:
    // One row per period in which the flight operates; returns the number of rows.
    int write_flight(const SynthRoute& r, int number, const FlightPlan& plan,
                     const detail::Aircraft& aircraft,
                     const std::vector<std::pair<std::int64_t, LocalArrival>>& periods) {
        int rows = 0;
        for (std::size_t p = 0; p < periods.size(); ++p) {
            const std::int64_t period_from = periods[p].first;
            const std::int64_t period_to =
                p + 1 < periods.size() ? periods[p + 1].first - 1 : season_.last_day;
            if (!detail::operates_between(plan.mask, period_from, period_to)) continue;
            const LocalArrival& arrival = periods[p].second;
            if (arrival.day_offset < -1 || arrival.day_offset > 3) {
                throw std::logic_error(fmt::format("{} {}-{}: arrival day offset {} out of range",
                                                   r.carrier, r.origin, r.destination,
                                                   arrival.day_offset));
            }
            ++rows;
            const auto iso = [](std::int64_t day) {
                return Date(std::chrono::sys_days{std::chrono::days{day}}).iso();
            };
            legs_.row({fmt::format("{}{:04}-{}", r.carrier, number, rows), r.carrier,
                       fmt::format("{} {}", r.carrier, number), r.origin, r.destination,
                       detail::hhmm(plan.departure), detail::hhmm(arrival.minute),
                       std::to_string(arrival.day_offset), detail::days_text(plan.mask),
                       iso(period_from), iso(period_to), aircraft.type, aircraft.category});
        }
        return rows;
    }

    const Season& season_;
    const std::set<std::string>& top_hubs_;
    Zones zones_;
    std::map<std::string, int> next_flight_number_;
    CsvWriter legs_{"flight_legs.csv",
                    {"leg_id", "carrier", "flight_number", "origin", "destination",
                     "departure_local", "arrival_local", "arrival_day_offset", "days",
                     "effective_from", "effective_to", "aircraft_type", "aircraft_category"}};
};

// rates.csv and flight_legs.csv: a rate line and the flights of every route.
void write_routes(const OpenFlightsNetwork& network, const Season& season,
                  const std::set<std::string>& top_hubs,
                  const std::unordered_map<std::string, std::int64_t>& factor_milli,
                  const fs::path& directory, NetworkCsvSummary& summary) {
    std::unordered_map<std::string, const SynthAirport*> airport_by_code;
    for (const auto& a : network.airports) airport_by_code.emplace(a.code, &a);
    CsvWriter rates(
        "rates.csv",
        {"line_id", "carrier", "origin", "destination", "rate_class", "commodity", "currency",
         "min_charge", "breaks", "divisor", "weight_step_kg", "min_weight_kg", "class_percent",
         "class_min_percent", "valid_from", "valid_to", "sheet", "version"});
    LegWriter legs(season, top_hubs);
    const std::string version = fmt::format("seed-{}", season.seed);
    for (const auto& r : network.routes) {
        write_rate_line(rates, r, factor_milli.at(r.carrier), season, version);
        legs.write_route(r, *airport_by_code.at(r.origin), *airport_by_code.at(r.destination),
                         summary);
    }
    rates.save(directory, summary.rows_by_file);
    legs.save(directory, summary.rows_by_file);
}

// The tables that do not depend on the routes: aircraft limits, connection and handling
// times, FX, liability limits, a demo customer and the default margin.
void write_fixed_tables(const Season& season, const std::set<std::string>& top_hubs,
                        const fs::path& directory, RowsByFile& rows_by_file) {
    CsvWriter limits("aircraft_limits.csv", {"aircraft_category", "max_length_cm", "max_width_cm",
                                             "max_height_cm", "max_piece_weight_kg"});
    limits.row({"freighter", "317", "244", "300", "4000"});
    limits.row({"widebody_belly", "317", "244", "160", "1500"});
    limits.row({"narrowbody_belly", "200", "120", "110", "150"});
    limits.save(directory, rows_by_file);

    CsvWriter connections("connection_times.csv",
                          {"airport", "online_minutes", "interline_minutes"});
    connections.row({"ZZZ", "120", "240"});
    for (const auto& code : top_hubs) connections.row({code, "90", "180"});
    connections.save(directory, rows_by_file);

    CsvWriter handling("handling_times.csv",
                       {"carrier", "airport", "cutoff_minutes", "availability_minutes"});
    handling.row({"ZZZ", "ZZZ", "180", "180"});
    handling.save(directory, rows_by_file);

    CsvWriter fx("fx_rates.csv", {"valid_from", "base", "quote", "rate", "source"});
    constexpr std::string_view kFxSource = "fixed sample rate (not a market fixing)";
    for (const auto& [base, quote, rate] :
         std::array<std::tuple<std::string_view, std::string_view, std::string_view>, 6>{{
             {"EUR", "USD", "1.142000"},
             {"USD", "CNY", "7.185000"},
             {"EUR", "CNY", "8.205270"},
             {"XDR", "EUR", "1.195271"},
             {"XDR", "USD", "1.365000"},
             {"XDR", "CNY", "9.807525"},
         }}) {
        fx.row({season.from, base, quote, rate, kFxSource});
    }
    fx.save(directory, rows_by_file);

    CsvWriter liability("liability_limits.csv", {"valid_from", "sdr_per_kg"});
    liability.row({"2019-12-28", "22"});
    liability.row({"2024-12-28", "26"});
    liability.save(directory, rows_by_file);

    CsvWriter customers("customers.csv",
                        {"customer_id", "name", "customer_group", "credit_status", "since"});
    customers.row(
        {"DEMO", "Synthetic network demo customer (fictional)", "", "good", "2024-01-01"});
    customers.save(directory, rows_by_file);

    CsvWriter margins("margins.csv", {"margin_id", "customer_id", "customer_group", "origin",
                                      "destination", "min_weight_kg", "percent", "per_kg",
                                      "min_per_shipment", "currency", "valid_from", "valid_to"});
    margins.row(
        {"DEFAULT", "", "", "ZZZ", "ZZZ", "0", "12", "0", "50", "USD", season.from, season.to});
    margins.save(directory, rows_by_file);
}

}  // namespace

NetworkCsvSummary write_network_csv(const OpenFlightsNetwork& network,
                                    const NetworkSynthOptions& options, const fs::path& directory) {
    if (options.season_to < options.season_from) {
        throw InputError(ErrorCode::InvalidInput, "season_to", "the season ends before it starts");
    }
    fs::create_directories(directory);
    const Season season{options.seed, options.season_from.iso(), options.season_to.iso(),
                        options.season_from.days().time_since_epoch().count(),
                        options.season_to.days().time_since_epoch().count()};
    const std::set<std::string> top_hubs = top_hubs_of(network.airports);
    NetworkCsvSummary summary;
    write_airports(network.airports, directory, summary.rows_by_file);
    const auto factor_milli =
        write_carriers(network.carriers, season, directory, summary.rows_by_file);
    write_routes(network, season, top_hubs, factor_milli, directory, summary);
    write_fixed_tables(season, top_hubs, directory, summary.rows_by_file);
    return summary;
}

}  // namespace cargoquote::synth
