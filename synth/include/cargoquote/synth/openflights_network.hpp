#pragma once
// A cargo network on the REAL OpenFlights airports and routes with SYNTHETIC schedules, rates and
// carrier performance (no public cargo schedules or rate sheets exist). The synthesizer reads the
// OpenFlights files (airports.dat, airlines.dat, routes.dat, countries.dat), keeps what passes the
// rules documented at the top of
// synth/src/network/openflights_network.cpp (counting every skipped row by reason), and
// writes the rate-store CSV files of rates/README.md into a directory for
// RateStore::import_directory. Output is byte-identical for the same input files, seed and season.

#include <cargoquote/core/time.hpp>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cargoquote::synth {

// Skip reasons, in the order the rules are applied (the first failing rule counts).
namespace skip_reason {
// airports.dat
inline constexpr std::string_view kMalformedAirport = "malformed row (not 14 fields)";
inline constexpr std::string_view kNoIataCode = "no IATA code (\\N or empty)";
inline constexpr std::string_view kInvalidIataCode = "IATA code not 3 letters A-Z";
inline constexpr std::string_view kDuplicateIataCode = "IATA code already used by an earlier row";
inline constexpr std::string_view kNoTimeZone = "no tz database name (\\N or empty)";
inline constexpr std::string_view kUnknownTimeZone = "tz name not in the system tz database";
inline constexpr std::string_view kUnknownCountry = "country has no ISO 3166 code";
inline constexpr std::string_view kBadCoordinates = "latitude/longitude invalid";
inline constexpr std::string_view kUnusedAirport = "valid, but no kept route uses it";
// routes.dat
inline constexpr std::string_view kMalformedRoute = "malformed row (not 9 fields)";
inline constexpr std::string_view kCodeshare = "codeshare=Y (operated by another carrier)";
inline constexpr std::string_view kNotNonstop = "stops > 0 (not one flight leg)";
inline constexpr std::string_view kSelfLoop = "self-loop (source = destination)";
inline constexpr std::string_view kIcaoAirline = "3-letter ICAO airline code";
inline constexpr std::string_view kInvalidAirline = "airline code not a valid IATA designator";
inline constexpr std::string_view kNoAirlineId = "airline ID \\N (cannot join airlines.dat)";
inline constexpr std::string_view kUnknownAirlineId = "airline ID not in airlines.dat";
inline constexpr std::string_view kAmbiguousAirline =
    "airline code used by several airline IDs (not the single Active=Y one)";
inline constexpr std::string_view kUnknownAirport =
    "endpoint code not an IATA code in airports.dat";
inline constexpr std::string_view kAirportSkipped = "endpoint airport skipped (see airports.dat)";
inline constexpr std::string_view kTooLong = "great-circle distance > 16,000 km (bad match)";
inline constexpr std::string_view kTooShort = "great-circle distance < 50 km";
inline constexpr std::string_view kDuplicateRoute = "duplicate (airline, source, destination)";
// airlines.dat
inline constexpr std::string_view kMalformedAirline = "malformed row (not 8 fields)";
inline constexpr std::string_view kDuplicateAirlineId = "Airline ID already used by an earlier row";
inline constexpr std::string_view kUnusedAirline = "no kept route flown by it";
}  // namespace skip_reason

// Rows read from one input file, rows used, and rows skipped by reason (every reason of the file
// is listed, in rule order, with zero when nothing was skipped for it).
struct SourceTally {
    std::string file;
    std::size_t read = 0;
    std::size_t used = 0;
    std::vector<std::pair<std::string, std::size_t>> skipped;

    [[nodiscard]] std::size_t skipped_for(std::string_view reason) const;
    [[nodiscard]] std::size_t skipped_total() const;
};

struct SynthAirport {
    std::string code;
    std::string name;
    std::string city;     // airports.dat city, or the name when the city is missing
    std::string country;  // ISO 3166-1 alpha-2
    std::string time_zone;
    double latitude = 0;  // rounded to 6 decimals (as written to airports.csv)
    double longitude = 0;
    int hub_size = 0;  // kept routes touching the airport (in + out)
};

struct SynthCarrier {
    std::string code;
    std::string name;
    std::string airline_id;  // OpenFlights Airline ID
};

struct SynthRoute {
    std::string carrier;
    std::string origin;
    std::string destination;
    int distance_km = 0;  // great-circle, whole km
};

// The real part: what survives the rules, sorted by code (routes by carrier, origin, destination).
struct OpenFlightsNetwork {
    std::vector<SynthAirport> airports;
    std::vector<SynthCarrier> carriers;
    std::vector<SynthRoute> routes;
    SourceTally airports_tally;          // airports.dat
    SourceTally routes_tally;            // routes.dat
    SourceTally airlines_tally;          // airlines.dat: used = airlines that became carriers
    std::size_t time_zones_renamed = 0;  // backward tz aliases written under their current name
};

// Reads and filters the OpenFlights files in `directory`. InputError(FileUnreadable) naming the
// file when one of airports.dat, airlines.dat, routes.dat, countries.dat cannot be read.
[[nodiscard]] OpenFlightsNetwork load_openflights_network(const std::filesystem::path& directory);

struct NetworkSynthOptions {
    std::uint64_t seed = 42;
    Date season_from = Date(std::chrono::sys_days{std::chrono::year{2026} / 10 / 1});
    Date season_to = Date(std::chrono::sys_days{std::chrono::year{2027} / 3 / 31});
};

// Whole km, haversine on a sphere of radius 6371.0088 km.
[[nodiscard]] int great_circle_km(double lat1, double lon1, double lat2, double lon2);
// km / 800 km/h + 40 min, rounded to the nearest 5 minutes.
[[nodiscard]] int block_minutes(int distance_km);

struct NetworkCsvSummary {
    std::map<std::string, std::size_t> rows_by_file;  // data rows written per file name
    std::size_t flights = 0;                          // scheduled flights (carrier + flight number)
    // Of those, flights written as several flight_legs.csv rows because a DST change at either
    // end moves the local arrival time (each row keeps the block time exact over its period).
    std::size_t flights_split_at_dst = 0;
};

// Writes the rate-store CSV files for `network` into `directory` (created if needed; existing
// files of the same names are replaced). InputError(InvalidInput) naming `season_to` when the
// season ends before it starts.
NetworkCsvSummary write_network_csv(const OpenFlightsNetwork& network,
                                    const NetworkSynthOptions& options,
                                    const std::filesystem::path& directory);

// The rules in short, for the command's --help.
[[nodiscard]] std::string_view network_synth_rules();

}  // namespace cargoquote::synth
