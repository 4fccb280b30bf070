// Network synthesizer: the REAL OpenFlights network (airports, airlines, routes; ODbL) with
// SYNTHETIC schedules, rates, surcharges and carrier performance, written as rate-store CSV files.
//
// Rules (also printed by `cargoquote network synth --help`, see network_synth_rules()):
//
// Input files (shared/data/openflights/README.md): airports.dat, airlines.dat, routes.dat (CRLF,
// stripped), countries.dat. No header rows; RFC 4180 quoting; `\N` and empty both mean missing.
//
// Airports (airports.dat only; the first failing rule counts):
//   malformed row (not 14 fields); no IATA code; IATA code not 3 letters A-Z (e.g. "DU9");
//   duplicate IATA code; no tz name (1,021 rows, including DOH and the new IST); tz name not in
//   the system tz database (cargoquote::require_time_zone); country name without an ISO code
//   (countries.dat plus a small alias table for the OpenFlights spellings such as "Burma");
//   bad latitude/longitude. Of the valid airports only those used by a kept route are written
//   ("unused" is counted too). City falls back to the airport name when missing. The seven
//   backward tz aliases (Asia/Calcutta, ...) are written under their current names when the
//   system database knows those. Coordinates are rounded to 6 decimals before anything uses them.
//
// Routes (routes.dat; the first failing rule counts, in this order):
//   malformed row (not 9 fields); codeshare=Y (operated by another carrier, so the operating
//   carrier's own row is the one to keep); stops > 0 (not one flight leg); self-loop
//   (source code = destination code); 3-letter ICAO airline code; airline code that is not a
//   valid IATA designator (cargoquote::CarrierCode::is_valid); airline ID \N; airline ID not in
//   airlines.dat; ambiguous airline code; endpoint code not an IATA code of airports.dat;
//   endpoint airport skipped by the airport rules; great-circle distance > 16,000 km or < 50 km;
//   duplicate (airline, source, destination).
//   * Endpoints are keyed by CODE (the 2014 route code looked up among the 2019 IATA codes of
//     airports.dat), never by airport ID. Consequences: "IST" resolves to the new Istanbul
//     Airport row, which has no tz name, so IST routes are dropped (counted as "endpoint airport
//     skipped"); the old Ataturk row (now "ISL") is not used. "SLI" is not an IATA code in
//     airports.dat (the ID points to Los Alamitos AAF), so LUN-SLI is dropped as an unknown code;
//     the 16,000 km limit guards against such bad matches in other copies of the data.
//   * Airlines are joined by Airline ID (README: IATA airline codes are not unique in
//     airlines.dat). A carrier is keyed by code, so a code is ambiguous when the routes that
//     survive the earlier rules name several airline IDs for it: then the routes of the single
//     Active=Y airline among them are kept and the rest skipped; with no or several Active=Y
//     airlines all are skipped. In the real data every route code names exactly one airline ID,
//     so nothing is skipped for ambiguity there (the test fixture in
//     tests/rates/openflights_fixture.cpp covers the rule).
//
// Carriers: one per airline code with a kept route; name from airlines.dat (the joined row);
//   awb_prefix is a synthetic 3-digit number from a hash of the code (not the real prefix; it may
//   coincide with one); fictional=0; note "synthetic schedule and rates on OpenFlights routes
//   (ODbL)".
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
#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/network_synth.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace cargoquote::rates {

namespace {

namespace fs = std::filesystem;
namespace reason = synth_reason;

// ---- the PRNG: SplitMix64 with explicit integer mappings ----

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

class Rng {
  public:
    Rng(std::uint64_t seed, std::string_view stream)
        : state_(seed ^ (fnv1a(stream) * 0x9E3779B97F4A7C15ULL)) {
        (void)next();
    }

    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }

    // Uniform integer in [lo, hi] (inclusive), unbiased by rejection.
    std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
        const std::uint64_t range = static_cast<std::uint64_t>(hi - lo) + 1U;
        const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                    std::numeric_limits<std::uint64_t>::max() % range;
        std::uint64_t x = next();
        while (x >= limit) x = next();
        return lo + static_cast<std::int64_t>(x % range);
    }

    bool percent_chance(int percent) { return uniform(0, 99) < percent; }

  private:
    std::uint64_t state_;
};

// ---- reading the OpenFlights files ----

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(ErrorCode::FileUnreadable, path.string(),
                         "cannot read the OpenFlights file (expected airports.dat, airlines.dat, "
                         "routes.dat and countries.dat)");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// One record per physical line (no OpenFlights field contains a line break); a trailing CR is
// dropped (routes.dat has CRLF). Quoting as Python's csv module: a quote opens a quoted field
// only at the start of a field, "" inside quotes is a literal quote.
std::vector<std::string> split_record(std::string_view line) {
    std::vector<std::string> fields;
    std::string current;
    bool quoted = false;
    bool at_field_start = true;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    current += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
        } else if (c == ',') {
            fields.push_back(std::move(current));
            current.clear();
            at_field_start = true;
            continue;
        } else if (c == '"' && at_field_start) {
            quoted = true;
        } else {
            current += c;
        }
        at_field_start = false;
    }
    fields.push_back(std::move(current));
    return fields;
}

template <typename F>
void for_each_record(const fs::path& path, F&& handle) {
    const std::string content = read_file(path);
    std::size_t begin = 0;
    while (begin < content.size()) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string::npos) end = content.size();
        std::string_view line(content.data() + begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) handle(split_record(line));
        begin = end + 1;
    }
}

bool missing(std::string_view s) { return s.empty() || s == "\\N"; }

std::optional<double> parse_degrees(const std::string& text, double limit) {
    if (missing(text)) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v) || v < -limit || v > limit) {
        return std::nullopt;
    }
    // Round to the 6 decimals written to airports.csv, so every later computation (and anyone
    // recomputing from airports.csv) sees the same value.
    return std::strtod(fmt::format("{:.6f}", v).c_str(), nullptr);
}

// OpenFlights airport country names that countries.dat spells differently (or has no code for).
const std::unordered_map<std::string, std::string>& country_aliases() {
    static const std::unordered_map<std::string, std::string> aliases = {
        {"Burma", "MM"},
        {"Brunei", "BN"},
        {"Cape Verde", "CV"},
        {"Congo (Brazzaville)", "CG"},
        {"Congo (Kinshasa)", "CD"},
        {"East Timor", "TL"},
        {"Faroe Islands", "FO"},
        {"Johnston Atoll", "UM"},
        {"Kyrgyzstan", "KG"},
        {"Macau", "MO"},
        {"Micronesia", "FM"},
        {"Midway Islands", "UM"},
        {"Saint Helena", "SH"},
        {"Saint Kitts and Nevis", "KN"},
        {"Saint Lucia", "LC"},
        {"Saint Pierre and Miquelon", "PM"},
        {"Saint Vincent and the Grenadines", "VC"},
        {"Svalbard", "SJ"},
        {"Swaziland", "SZ"},
        {"Virgin Islands", "VI"},  // the US Virgin Islands (STT, STX)
        {"Wake Island", "UM"},
        {"Wallis and Futuna", "WF"},
        {"West Bank", "PS"},
    };
    return aliases;
}

// The tz "backward" aliases OpenFlights uses, with their current names.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kZoneRenames = {{
    {"America/Buenos_Aires", "America/Argentina/Buenos_Aires"},
    {"Asia/Calcutta", "Asia/Kolkata"},
    {"Asia/Katmandu", "Asia/Kathmandu"},
    {"Asia/Rangoon", "Asia/Yangon"},
    {"Asia/Saigon", "Asia/Ho_Chi_Minh"},
    {"Europe/Kiev", "Europe/Kyiv"},
    {"Pacific/Truk", "Pacific/Chuuk"},
}};

bool zone_exists(const std::string& name) {
    try {
        require_time_zone(name, "time_zone");
        return true;
    } catch (const InputError&) {
        return false;
    }
}

class Tally {
  public:
    Tally(std::string file, std::initializer_list<std::string_view> reasons) {
        tally_.file = std::move(file);
        for (auto r : reasons) tally_.skipped.emplace_back(std::string(r), 0);
    }
    void read() { ++tally_.read; }
    void skip(std::string_view r) {
        for (auto& [name, count] : tally_.skipped) {
            if (name == r) {
                ++count;
                return;
            }
        }
        throw std::logic_error(fmt::format("unlisted skip reason '{}'", r));
    }
    SourceTally finish(std::size_t used) {
        tally_.used = used;
        if (tally_.used + tally_.skipped_total() != tally_.read) {
            throw std::logic_error(fmt::format("{}: {} read but {} used + {} skipped", tally_.file,
                                               tally_.read, tally_.used, tally_.skipped_total()));
        }
        return tally_;
    }

  private:
    SourceTally tally_;
};

struct AirlineRow {
    std::string name;
    bool active = false;
};

struct RouteCandidate {
    std::string carrier;
    std::string airline_id;
    std::string origin;
    std::string destination;
};

// ---- writing CSV ----

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

class CsvWriter {
  public:
    CsvWriter(std::string name, std::initializer_list<std::string_view> header)
        : name_(std::move(name)) {
        std::string line;
        for (auto h : header) {
            if (!line.empty()) line += ',';
            line += h;
        }
        content_ = line + "\n";
        columns_ = header.size();
    }
    void row(std::initializer_list<std::string_view> fields) {
        if (fields.size() != columns_) {
            throw std::logic_error(
                fmt::format("{}: {} fields for {} columns", name_, fields.size(), columns_));
        }
        bool first = true;
        for (auto f : fields) {
            if (!first) content_ += ',';
            content_ += csv_field(f);
            first = false;
        }
        content_ += '\n';
        ++rows_;
    }
    void save(const fs::path& directory, std::map<std::string, std::size_t>& rows_by_file) const {
        const fs::path path = directory / name_;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << content_;
        out.close();
        if (!out) {
            throw InputError(ErrorCode::FileUnreadable, path.string(), "cannot write the CSV file");
        }
        rows_by_file[name_] = rows_;
    }

  private:
    std::string name_;
    std::string content_;
    std::size_t columns_ = 0;
    std::size_t rows_ = 0;
};

// Cents from an amount in units of 1e-9 USD, rounded half up (amounts are never negative).
std::int64_t nano_to_cents(std::int64_t nano) { return (nano + 5'000'000) / 10'000'000; }

std::string cents_text(std::int64_t cents) {
    return fmt::format("{}.{:02}", cents / 100, cents % 100);
}

std::string hhmm(int minute_of_day) {
    return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
}

std::string days_text(unsigned mask) {
    std::string out;
    for (int d = 0; d < 7; ++d) out += (mask & (1U << d)) ? static_cast<char>('1' + d) : '.';
    return out;
}

std::int64_t isqrt(std::int64_t v) {
    std::int64_t r = static_cast<std::int64_t>(std::sqrt(static_cast<double>(v)));
    while (r * r > v) --r;
    while ((r + 1) * (r + 1) <= v) ++r;
    return r;
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

struct Aircraft {
    std::string_view type;
    std::string_view category;
};

Aircraft aircraft_for(int km, bool hub_to_hub, Rng& rng) {
    const bool first = rng.uniform(0, 1) == 0;
    if (km < 1500) return {first ? "320" : "738", "narrowbody_belly"};
    if (km <= 4000) return {first ? "332" : "788", "widebody_belly"};
    if (hub_to_hub && rng.percent_chance(35)) return {first ? "74Y" : "77X", "freighter"};
    return {first ? "77W" : "359", "widebody_belly"};
}

// Local arrival (minute of day, days after the departure's local date) of a departure at
// `departure` minutes after local midnight of `day` at the origin, flying `block` minutes. A
// departure in a spring-forward gap or a fall-back overlap takes the first offset, as the
// engine's cargoquote::to_instant does.
struct LocalArrival {
    int minute = 0;
    int day_offset = 0;
    friend bool operator==(const LocalArrival&, const LocalArrival&) = default;
};

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

constexpr std::string_view kCarrierNote =
    "synthetic schedule and rates on OpenFlights routes (ODbL)";
constexpr std::array<int, 6> kBreakKg = {0, 45, 100, 300, 500, 1000};
constexpr std::array<int, 6> kBreakPercent = {100, 80, 70, 62, 57, 52};
constexpr int kTopHubs = 60;

}  // namespace

std::size_t SourceTally::skipped_for(std::string_view r) const {
    for (const auto& [name, count] : skipped) {
        if (name == r) return count;
    }
    return 0;
}

std::size_t SourceTally::skipped_total() const {
    std::size_t total = 0;
    for (const auto& entry : skipped) total += entry.second;
    return total;
}

int great_circle_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRadiusKm = 6371.0088;
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dlat = (lat2 - lat1) * kRad;
    const double dlon = (lon2 - lon1) * kRad;
    const double a =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    const double c = 2 * std::asin(std::min(1.0, std::sqrt(a)));
    return static_cast<int>(std::lround(kRadiusKm * c));
}

int block_minutes(int distance_km) {
    // km / 800 km/h in minutes = km * 60 / 800 = km * 3 / 40; + 40; nearest 5 (half up).
    const int exact_times_40 = distance_km * 3 + 40 * 40;  // minutes * 40
    return (exact_times_40 + 100) / 200 * 5;               // (minutes + 2.5) / 5, floored, * 5
}

OpenFlightsNetwork load_openflights_network(const fs::path& directory) {
    OpenFlightsNetwork net;

    // countries.dat: name -> ISO code
    std::unordered_map<std::string, std::string> countries;
    for_each_record(directory / "countries.dat", [&](const std::vector<std::string>& f) {
        if (f.size() == 3 && !missing(f[1])) countries.emplace(f[0], f[1]);
    });

    // airports.dat
    Tally airport_tally("airports.dat",
                        {reason::kMalformedAirport, reason::kNoIataCode, reason::kInvalidIataCode,
                         reason::kDuplicateIataCode, reason::kNoTimeZone, reason::kUnknownTimeZone,
                         reason::kUnknownCountry, reason::kBadCoordinates, reason::kUnusedAirport});
    std::unordered_set<std::string> listed_codes;  // every IATA-format code in airports.dat
    std::map<std::string, SynthAirport> valid_airports;
    std::unordered_map<std::string, std::optional<std::string>> zone_cache;  // name -> written name
    for_each_record(directory / "airports.dat", [&](const std::vector<std::string>& f) {
        airport_tally.read();
        if (f.size() != 14) return airport_tally.skip(reason::kMalformedAirport);
        const std::string& code = f[4];
        if (missing(code)) return airport_tally.skip(reason::kNoIataCode);
        if (!AirportCode::is_valid(code)) return airport_tally.skip(reason::kInvalidIataCode);
        if (!listed_codes.insert(code).second)
            return airport_tally.skip(reason::kDuplicateIataCode);
        const std::string& tz = f[11];
        if (missing(tz)) return airport_tally.skip(reason::kNoTimeZone);
        auto [zone_it, fresh] = zone_cache.try_emplace(tz);
        if (fresh) {
            if (zone_exists(tz)) {
                zone_it->second = tz;
                for (const auto& [old_name, new_name] : kZoneRenames) {
                    if (tz == old_name && zone_exists(std::string(new_name))) {
                        zone_it->second = std::string(new_name);
                    }
                }
            }
        }
        if (!zone_it->second) return airport_tally.skip(reason::kUnknownTimeZone);
        std::string country;
        if (const auto a = country_aliases().find(f[3]); a != country_aliases().end()) {
            country = a->second;
        } else if (const auto c = countries.find(f[3]); c != countries.end()) {
            country = c->second;
        } else {
            return airport_tally.skip(reason::kUnknownCountry);
        }
        const auto lat = parse_degrees(f[6], 90);
        const auto lon = parse_degrees(f[7], 180);
        if (!lat || !lon) return airport_tally.skip(reason::kBadCoordinates);
        SynthAirport a;
        a.code = code;
        a.name = missing(f[1]) ? code : f[1];
        a.city = missing(f[2]) ? a.name : f[2];
        a.country = country;
        a.time_zone = *zone_it->second;
        a.latitude = *lat;
        a.longitude = *lon;
        valid_airports.emplace(code, std::move(a));
    });

    // airlines.dat, by Airline ID
    Tally airline_tally("airlines.dat", {reason::kMalformedAirline, reason::kDuplicateAirlineId,
                                         reason::kUnusedAirline});
    std::unordered_map<std::string, AirlineRow> airlines;
    for_each_record(directory / "airlines.dat", [&](const std::vector<std::string>& f) {
        airline_tally.read();
        if (f.size() != 8) return airline_tally.skip(reason::kMalformedAirline);
        AirlineRow row{missing(f[1]) ? std::string() : f[1], f[7] == "Y"};
        if (!airlines.emplace(f[0], std::move(row)).second) {
            return airline_tally.skip(reason::kDuplicateAirlineId);
        }
    });

    // routes.dat, pass 1: row-level rules up to the airline join
    Tally route_tally(
        "routes.dat",
        {reason::kMalformedRoute, reason::kCodeshare, reason::kNotNonstop, reason::kSelfLoop,
         reason::kIcaoAirline, reason::kInvalidAirline, reason::kNoAirlineId,
         reason::kUnknownAirlineId, reason::kAmbiguousAirline, reason::kUnknownAirport,
         reason::kAirportSkipped, reason::kTooLong, reason::kTooShort, reason::kDuplicateRoute});
    std::vector<RouteCandidate> candidates;
    for_each_record(directory / "routes.dat", [&](const std::vector<std::string>& f) {
        route_tally.read();
        if (f.size() != 9) return route_tally.skip(reason::kMalformedRoute);
        if (f[6] == "Y") return route_tally.skip(reason::kCodeshare);
        if (!missing(f[7]) && f[7] != "0") return route_tally.skip(reason::kNotNonstop);
        if (f[2] == f[4]) return route_tally.skip(reason::kSelfLoop);
        const std::string& code = f[0];
        if (code.size() == 3) return route_tally.skip(reason::kIcaoAirline);
        if (!CarrierCode::is_valid(code)) return route_tally.skip(reason::kInvalidAirline);
        if (missing(f[1])) return route_tally.skip(reason::kNoAirlineId);
        if (!airlines.contains(f[1])) return route_tally.skip(reason::kUnknownAirlineId);
        candidates.push_back(RouteCandidate{code, f[1], f[2], f[4]});
    });

    // Pass 2: one airline per code (see the rules above).
    std::map<std::string, std::set<std::string>> ids_by_code;
    for (const auto& c : candidates) ids_by_code[c.carrier].insert(c.airline_id);
    std::map<std::string, std::string> chosen_id;  // code -> airline ID; absent: ambiguous
    for (const auto& [code, ids] : ids_by_code) {
        if (ids.size() == 1) {
            chosen_id[code] = *ids.begin();
            continue;
        }
        std::vector<std::string> active;
        for (const auto& id : ids) {
            if (airlines.at(id).active) active.push_back(id);
        }
        if (active.size() == 1) chosen_id[code] = active.front();
    }

    std::set<std::tuple<std::string, std::string, std::string>> seen_routes;
    std::vector<SynthRoute> routes;
    for (const auto& c : candidates) {
        const auto chosen = chosen_id.find(c.carrier);
        if (chosen == chosen_id.end() || chosen->second != c.airline_id) {
            route_tally.skip(reason::kAmbiguousAirline);
            continue;
        }
        const auto o = valid_airports.find(c.origin);
        const auto d = valid_airports.find(c.destination);
        if (!listed_codes.contains(c.origin) || !listed_codes.contains(c.destination)) {
            route_tally.skip(reason::kUnknownAirport);
            continue;
        }
        if (o == valid_airports.end() || d == valid_airports.end()) {
            route_tally.skip(reason::kAirportSkipped);
            continue;
        }
        const int km = great_circle_km(o->second.latitude, o->second.longitude, d->second.latitude,
                                       d->second.longitude);
        if (km > 16000) {
            route_tally.skip(reason::kTooLong);
            continue;
        }
        if (km < 50) {
            route_tally.skip(reason::kTooShort);
            continue;
        }
        if (!seen_routes.emplace(c.carrier, c.origin, c.destination).second) {
            route_tally.skip(reason::kDuplicateRoute);
            continue;
        }
        routes.push_back(SynthRoute{c.carrier, c.origin, c.destination, km});
    }
    std::sort(routes.begin(), routes.end(), [](const SynthRoute& a, const SynthRoute& b) {
        return std::tie(a.carrier, a.origin, a.destination) <
               std::tie(b.carrier, b.origin, b.destination);
    });

    // Hub sizes, kept airports, carriers.
    for (const auto& r : routes) {
        ++valid_airports.at(r.origin).hub_size;
        ++valid_airports.at(r.destination).hub_size;
    }
    for (auto& [code, airport] : valid_airports) {
        if (airport.hub_size > 0) {
            net.airports.push_back(std::move(airport));
        } else {
            airport_tally.skip(reason::kUnusedAirport);
        }
    }
    std::set<std::string> flying;
    for (const auto& r : routes) flying.insert(r.carrier);
    for (const auto& [code, id] : chosen_id) {
        if (!flying.contains(code)) continue;
        const AirlineRow& row = airlines.at(id);
        net.carriers.push_back(SynthCarrier{code, row.name.empty() ? code : row.name, id});
    }
    for (std::size_t i = net.carriers.size(); i < airlines.size(); ++i) {
        airline_tally.skip(reason::kUnusedAirline);
    }

    net.routes = std::move(routes);
    net.airports_tally = airport_tally.finish(net.airports.size());
    net.routes_tally = route_tally.finish(net.routes.size());
    net.airlines_tally = airline_tally.finish(net.carriers.size());
    for (const auto& [name, written] : zone_cache) {
        if (written && *written != name) ++net.time_zones_renamed;
    }
    return net;
}

NetworkCsvSummary write_network_csv(const OpenFlightsNetwork& network,
                                    const NetworkSynthOptions& options, const fs::path& directory) {
    if (options.season_to < options.season_from) {
        throw InputError(ErrorCode::InvalidInput, "--to", "the season ends before it starts");
    }
    fs::create_directories(directory);
    NetworkCsvSummary summary;
    auto& rows_by_file = summary.rows_by_file;
    const std::uint64_t seed = options.seed;
    const std::string from = options.season_from.iso();
    const std::string to = options.season_to.iso();
    const std::int64_t first_day = options.season_from.days().time_since_epoch().count();
    const std::int64_t last_day = options.season_to.days().time_since_epoch().count();

    std::unordered_map<std::string, const SynthAirport*> airport_by_code;
    for (const auto& a : network.airports) airport_by_code.emplace(a.code, &a);

    // Top hubs: hub size descending, then code.
    std::vector<const SynthAirport*> by_size;
    for (const auto& a : network.airports) by_size.push_back(&a);
    std::sort(by_size.begin(), by_size.end(), [](const SynthAirport* a, const SynthAirport* b) {
        return std::tie(b->hub_size, a->code) < std::tie(a->hub_size, b->code);
    });
    if (by_size.size() > static_cast<std::size_t>(kTopHubs)) by_size.resize(kTopHubs);
    std::set<std::string> top_hubs;
    for (const auto* a : by_size) top_hubs.insert(a->code);

    // airports.csv
    CsvWriter airports("airports.csv",
                       {"code", "name", "city", "country", "time_zone", "latitude", "longitude"});
    for (const auto& a : network.airports) {
        airports.row({a.code, a.name, a.city, a.country, a.time_zone,
                      fmt::format("{:.6f}", a.latitude), fmt::format("{:.6f}", a.longitude)});
    }
    airports.save(directory, rows_by_file);

    // carriers.csv, carrier factors, fuel, performance
    CsvWriter carriers("carriers.csv", {"code", "name", "awb_prefix", "fictional", "note"});
    CsvWriter surcharges(
        "surcharges.csv",
        {"surcharge_id", "code", "description", "carrier", "origin", "destination", "commodity",
         "basis", "rate", "currency", "min", "max", "valid_from", "valid_to", "apply_margin"});
    CsvWriter performance("carrier_performance.csv",
                          {"carrier", "flights_observed", "flights_as_planned",
                           "damage_claim_ratio_percent", "offload_rate_percent"});
    std::unordered_map<std::string, std::int64_t> factor_milli;
    for (const auto& c : network.carriers) {
        const std::string prefix = fmt::format("{:03}", fnv1a("awb|" + c.code) % 1000U);
        carriers.row({c.code, c.name, prefix, "0", kCarrierNote});

        Rng rng(seed, "carrier|" + c.code);
        factor_milli[c.code] = rng.uniform(850, 1200);
        const std::int64_t fuel_cents = rng.uniform(50, 140);
        surcharges.row({"MY-" + c.code, "MY", "Fuel surcharge (synthetic)", c.code, "ZZZ", "ZZZ",
                        "", "chargeable_kg", cents_text(fuel_cents), "USD", "10.00", "", from, to,
                        "0"});

        Rng perf(seed, "performance|" + c.code);
        const std::int64_t observed = perf.uniform(500, 5000);
        const std::int64_t planned_permille = perf.uniform(800, 980);
        const std::int64_t claims_bp = perf.uniform(10, 150);    // hundredths of a percent
        const std::int64_t offloads_bp = perf.uniform(30, 500);  // hundredths of a percent
        performance.row({c.code, std::to_string(observed),
                         std::to_string(observed * planned_permille / 1000), cents_text(claims_bp),
                         cents_text(offloads_bp)});
    }
    surcharges.row({"AW-ALL", "AW", "Air waybill fee (synthetic)", "ZZZ", "ZZZ", "ZZZ", "",
                    "shipment", "25.00", "USD", "", "", from, to, "1"});
    carriers.save(directory, rows_by_file);
    surcharges.save(directory, rows_by_file);
    performance.save(directory, rows_by_file);

    // rates.csv and flight_legs.csv
    CsvWriter rates(
        "rates.csv",
        {"line_id", "carrier", "origin", "destination", "rate_class", "commodity", "currency",
         "min_charge", "breaks", "divisor", "weight_step_kg", "min_weight_kg", "class_percent",
         "class_min_percent", "valid_from", "valid_to", "sheet", "version"});
    CsvWriter legs("flight_legs.csv",
                   {"leg_id", "carrier", "flight_number", "origin", "destination",
                    "departure_local", "arrival_local", "arrival_day_offset", "days",
                    "effective_from", "effective_to", "aircraft_type", "aircraft_category"});
    const std::string version = fmt::format("seed-{}", seed);
    struct Zone {
        const date::time_zone* zone = nullptr;
        std::vector<std::int64_t> changes;  // UTC days of offset changes around the season
    };
    std::unordered_map<std::string, Zone> zones;
    const auto zone_of = [&](const SynthAirport& a) -> const Zone& {
        auto [it, fresh] = zones.try_emplace(a.time_zone);
        if (fresh) {
            it->second.zone = date::locate_zone(a.time_zone);
            it->second.changes = offset_change_days(it->second.zone, first_day, last_day);
        }
        return it->second;
    };
    std::map<std::string, int> next_flight_number;
    for (const auto& r : network.routes) {
        const SynthAirport& o = *airport_by_code.at(r.origin);
        const SynthAirport& d = *airport_by_code.at(r.destination);
        const std::int64_t km = r.distance_km;

        // Rate line: amounts in units of 1e-9 USD = factor (1e-3) * base (1e-4) * percent (1e-2).
        const std::int64_t f = factor_milli.at(r.carrier);
        const std::int64_t base_e4 = 12000 + 9 * km;  // (1.20 + 0.0009 km) * 1e4
        std::string breaks;
        for (std::size_t i = 0; i < kBreakKg.size(); ++i) {
            if (!breaks.empty()) breaks += ' ';
            breaks += fmt::format("{}:{}", kBreakKg[i],
                                  cents_text(nano_to_cents(f * base_e4 * kBreakPercent[i])));
        }
        const std::int64_t min_e3 = 40000 + 15 * km;  // (40 + 0.015 km) * 1e3
        const std::string min_charge = cents_text(nano_to_cents(f * min_e3 * 1000));
        rates.row({fmt::format("{}-{}-{}-GEN", r.carrier, r.origin, r.destination), r.carrier,
                   r.origin, r.destination, "GEN", "", "USD", min_charge, breaks, "6000", "0.5", "",
                   "", "", from, to, fmt::format("{} synthetic tariff", r.carrier), version});

        // Schedule.
        Rng rng(seed, fmt::format("route|{}|{}|{}", r.carrier, r.origin, r.destination));
        const int weekly = weekly_frequency(o.hub_size, d.hub_size, r.distance_km, rng);
        const Aircraft aircraft = aircraft_for(
            r.distance_km, top_hubs.contains(r.origin) && top_hubs.contains(r.destination), rng);
        const int block = block_minutes(r.distance_km);
        const int leg_count = (weekly + 6) / 7;
        const Zone& origin_zone = zone_of(o);
        const Zone& destination_zone = zone_of(d);
        for (int leg = 0; leg < leg_count; ++leg) {
            const int n_days = weekly / leg_count + (leg < weekly % leg_count ? 1 : 0);
            const int start = static_cast<int>(rng.uniform(0, 6));
            unsigned mask = 0;
            for (int i = 0; i < n_days; ++i) mask |= 1U << ((start + i * 7 / n_days) % 7);

            int departure = 0;
            if (leg_count == 1 && rng.percent_chance(6)) {
                departure = 60 + static_cast<int>(rng.uniform(0, 239));  // 01:00-04:59
            } else {
                const int slot = 1200 / leg_count;  // the 05:00-01:00 window
                departure = 300 + leg * slot + static_cast<int>(rng.uniform(0, slot - 1));
            }
            departure = departure / 5 * 5 % 1440;

            int& number = next_flight_number.try_emplace(r.carrier, 100).first->second;
            if (number > 9999) {
                throw std::logic_error(
                    fmt::format("carrier {} has more than 9900 flights", r.carrier));
            }

            // Local arrival for each departure date: it only changes on days near a UTC-offset
            // change of either zone, so evaluate the season start and 3 days either side of each
            // change; a new flight_legs.csv row starts wherever the local arrival changes.
            std::set<std::int64_t> checkpoints{first_day};
            for (const auto* changes : {&origin_zone.changes, &destination_zone.changes}) {
                for (const std::int64_t change : *changes) {
                    for (std::int64_t day = change - 3; day <= change + 3; ++day) {
                        if (day >= first_day && day <= last_day) checkpoints.insert(day);
                    }
                }
            }
            std::vector<std::pair<std::int64_t, LocalArrival>> periods;  // first day, arrival
            for (const std::int64_t day : checkpoints) {
                const LocalArrival arrival =
                    arrival_on(origin_zone.zone, destination_zone.zone, day, departure, block);
                if (periods.empty() || !(periods.back().second == arrival)) {
                    periods.emplace_back(day, arrival);
                }
            }
            int rows = 0;
            for (std::size_t p = 0; p < periods.size(); ++p) {
                const std::int64_t period_from = periods[p].first;
                const std::int64_t period_to =
                    p + 1 < periods.size() ? periods[p + 1].first - 1 : last_day;
                if (!operates_between(mask, period_from, period_to)) continue;
                const LocalArrival& arrival = periods[p].second;
                if (arrival.day_offset < -1 || arrival.day_offset > 3) {
                    throw std::logic_error(
                        fmt::format("{} {}-{}: arrival day offset {} out of range", r.carrier,
                                    r.origin, r.destination, arrival.day_offset));
                }
                ++rows;
                const auto iso = [](std::int64_t day) {
                    return Date(std::chrono::sys_days{std::chrono::days{day}}).iso();
                };
                legs.row({fmt::format("{}{:04}-{}", r.carrier, number, rows), r.carrier,
                          fmt::format("{} {}", r.carrier, number), r.origin, r.destination,
                          hhmm(departure), hhmm(arrival.minute), std::to_string(arrival.day_offset),
                          days_text(mask), iso(period_from), iso(period_to), aircraft.type,
                          aircraft.category});
            }
            ++summary.flights;
            if (rows > 1) ++summary.flights_split_at_dst;
            ++number;
        }
    }
    rates.save(directory, rows_by_file);
    legs.save(directory, rows_by_file);

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
        fx.row({from, base, quote, rate, kFxSource});
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
    margins.row({"DEFAULT", "", "", "ZZZ", "ZZZ", "0", "12", "0", "50", "USD", from, to});
    margins.save(directory, rows_by_file);

    return summary;
}

std::string_view network_synth_rules() {
    return R"(The network is REAL (OpenFlights airports, airlines and routes, ODbL); schedules,
rates, surcharges and carrier performance are SYNTHETIC (no public ones exist).

Airports (airports.dat): kept with a 3-letter IATA code, an Olson tz name known to the system
  tz database (backward aliases renamed), a country with an ISO code and valid coordinates, and
  only when a kept route uses them. Others are skipped and counted by reason.
Routes (routes.dat, CRLF), skipped in this order: malformed, codeshare=Y (operated by another
  carrier), stops > 0, self-loop, 3-letter ICAO airline code, invalid IATA designator, airline ID
  \N or unknown, ambiguous airline code, endpoint code unknown in airports.dat, endpoint airport
  skipped, distance > 16,000 km or < 50 km, duplicate.
  Endpoints are keyed by the route's airport CODE (2014) among the 2019 IATA codes, never by ID:
  IST is the new Istanbul Airport row, which has no tz name, so IST routes are dropped; SLI is not
  an IATA code in airports.dat, so LUN-SLI is dropped.
  Airlines are joined by Airline ID; a code used with several airline IDs keeps the single
  Active=Y airline, else all its routes are skipped.
Carriers: one per kept airline code, name from airlines.dat, synthetic AWB prefix (hash of the
  code, not the real prefix), fictional=0.
Schedules: hub size = kept routes touching the airport; 3-14 flights a week from the hub sizes of
  both ends (long haul > 4,000 km at most 7), several legs per day with their own flight numbers,
  days and departure times (mostly 05:00-01:00 local) by seed; block time = km / 800 km/h
  + 40 min (5-min steps); arrival local time and day offset from the real tz rules for every
  date, with a new row (same flight number) where a DST change moves the local arrival, so the
  flying time is exact on every date (an arrival in the repeated hour of a fall-back day is
  written as the end of that hour). Aircraft: < 1,500 km narrowbody belly (320/738),
  1,500-4,000 km widebody belly (332/788), > 4,000 km freighter (74Y/77X, 35 % of routes between
  two of the top 60 hubs) or widebody belly (77W/359).
Rates: one GEN line per route in USD (a simplification), carrier factor 0.85-1.20 by seed,
  N = factor x (1.20 + 0.0009 x km) USD/kg, breaks 0/45/100/300/500/1000 at
  100/80/70/62/57/52 % of N, M = factor x (40 + 0.015 x km), divisor 6000, step 0.5 kg; fuel MY
  per carrier, one AW per shipment, fixed sample FX, liability 22/26 SDR, one default margin.
Performance: per carrier 500-5000 flights observed, 80-98 % as planned, claims 0.1-1.5 %,
  offloads 0.3-5 %. Same seed and input -> byte-identical CSV files.)";
}

}  // namespace cargoquote::rates
