// Reading the REAL OpenFlights network (airports, airlines, routes; ODbL): what is kept, and why
// the rest is skipped. The synthetic part is network_csv.cpp.
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

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/codes.hpp>
#include <cargoquote/synth/openflights_network.hpp>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "openflights_files.hpp"
#include "tally.hpp"

namespace cargoquote::synth {

namespace {

namespace fs = std::filesystem;
namespace reason = skip_reason;
using detail::for_each_record;
using detail::missing;
using detail::Tally;

// airports.dat: the rows that pass the airport rules, by code.
struct AirportsRead {
    Tally tally{"airports.dat",
                {reason::kMalformedAirport, reason::kNoIataCode, reason::kInvalidIataCode,
                 reason::kDuplicateIataCode, reason::kNoTimeZone, reason::kUnknownTimeZone,
                 reason::kUnknownCountry, reason::kBadCoordinates, reason::kUnusedAirport}};
    std::unordered_set<std::string> listed_codes;  // every IATA-format code in the file
    std::map<std::string, SynthAirport> valid;
    std::unordered_map<std::string, std::optional<std::string>> zones;  // tz name -> written name
};

AirportsRead read_airports(const fs::path& file, const detail::CountryCodes& countries) {
    AirportsRead read;
    for_each_record(file, [&](const std::vector<std::string>& f) {
        Tally& tally = read.tally;
        tally.read();
        if (f.size() != 14) return tally.skip(reason::kMalformedAirport);
        const std::string& code = f[4];
        if (missing(code)) return tally.skip(reason::kNoIataCode);
        if (!AirportCode::is_valid(code)) return tally.skip(reason::kInvalidIataCode);
        if (!read.listed_codes.insert(code).second) return tally.skip(reason::kDuplicateIataCode);
        const std::string& tz = f[11];
        if (missing(tz)) return tally.skip(reason::kNoTimeZone);
        auto [zone, fresh] = read.zones.try_emplace(tz);
        if (fresh) zone->second = detail::current_zone_name(tz);
        if (!zone->second) return tally.skip(reason::kUnknownTimeZone);
        const auto country = detail::country_code(countries, f[3]);
        if (!country) return tally.skip(reason::kUnknownCountry);
        const auto lat = detail::parse_degrees(f[6], 90);
        const auto lon = detail::parse_degrees(f[7], 180);
        if (!lat || !lon) return tally.skip(reason::kBadCoordinates);
        SynthAirport a;
        a.code = code;
        a.name = missing(f[1]) ? code : f[1];
        a.city = missing(f[2]) ? a.name : f[2];
        a.country = *country;
        a.time_zone = *zone->second;
        a.latitude = *lat;
        a.longitude = *lon;
        read.valid.emplace(code, std::move(a));
    });
    return read;
}

struct AirlineRow {
    std::string name;
    bool active = false;
};

// airlines.dat, by Airline ID.
struct AirlinesRead {
    Tally tally{"airlines.dat",
                {reason::kMalformedAirline, reason::kDuplicateAirlineId, reason::kUnusedAirline}};
    std::unordered_map<std::string, AirlineRow> by_id;
};

AirlinesRead read_airlines(const fs::path& file) {
    AirlinesRead read;
    for_each_record(file, [&](const std::vector<std::string>& f) {
        read.tally.read();
        if (f.size() != 8) return read.tally.skip(reason::kMalformedAirline);
        AirlineRow row{missing(f[1]) ? std::string() : f[1], f[7] == "Y"};
        if (!read.by_id.emplace(f[0], std::move(row)).second) {
            return read.tally.skip(reason::kDuplicateAirlineId);
        }
    });
    return read;
}

struct RouteCandidate {
    std::string carrier;
    std::string airline_id;
    std::string origin;
    std::string destination;
};

Tally route_tally() {
    return Tally(
        "routes.dat",
        {reason::kMalformedRoute, reason::kCodeshare, reason::kNotNonstop, reason::kSelfLoop,
         reason::kIcaoAirline, reason::kInvalidAirline, reason::kNoAirlineId,
         reason::kUnknownAirlineId, reason::kAmbiguousAirline, reason::kUnknownAirport,
         reason::kAirportSkipped, reason::kTooLong, reason::kTooShort, reason::kDuplicateRoute});
}

// routes.dat, pass 1: the row-level rules up to the airline join.
std::vector<RouteCandidate> read_route_candidates(const fs::path& file,
                                                  const AirlinesRead& airlines, Tally& tally) {
    std::vector<RouteCandidate> candidates;
    for_each_record(file, [&](const std::vector<std::string>& f) {
        tally.read();
        if (f.size() != 9) return tally.skip(reason::kMalformedRoute);
        if (f[6] == "Y") return tally.skip(reason::kCodeshare);
        if (!missing(f[7]) && f[7] != "0") return tally.skip(reason::kNotNonstop);
        if (f[2] == f[4]) return tally.skip(reason::kSelfLoop);
        const std::string& code = f[0];
        if (code.size() == 3) return tally.skip(reason::kIcaoAirline);
        if (!CarrierCode::is_valid(code)) return tally.skip(reason::kInvalidAirline);
        if (missing(f[1])) return tally.skip(reason::kNoAirlineId);
        if (!airlines.by_id.contains(f[1])) return tally.skip(reason::kUnknownAirlineId);
        candidates.push_back(RouteCandidate{code, f[1], f[2], f[4]});
    });
    return candidates;
}

// Pass 2: one airline ID per code, the only one the candidates name, else the single Active=Y
// one among them; a code without one is ambiguous (absent from the result).
std::map<std::string, std::string> choose_airline_ids(const std::vector<RouteCandidate>& candidates,
                                                      const AirlinesRead& airlines) {
    std::map<std::string, std::set<std::string>> ids_by_code;
    for (const auto& c : candidates) ids_by_code[c.carrier].insert(c.airline_id);
    std::map<std::string, std::string> chosen_id;
    for (const auto& [code, ids] : ids_by_code) {
        if (ids.size() == 1) {
            chosen_id[code] = *ids.begin();
            continue;
        }
        std::vector<std::string> active;
        for (const auto& id : ids) {
            if (airlines.by_id.at(id).active) active.push_back(id);
        }
        if (active.size() == 1) chosen_id[code] = active.front();
    }
    return chosen_id;
}

// The rest of the route rules (airline, endpoints, distance, duplicates), sorted by carrier,
// origin, destination.
std::vector<SynthRoute> keep_routes(const std::vector<RouteCandidate>& candidates,
                                    const std::map<std::string, std::string>& chosen_id,
                                    const AirportsRead& airports, Tally& tally) {
    std::set<std::tuple<std::string, std::string, std::string>> seen_routes;
    std::vector<SynthRoute> routes;
    for (const auto& c : candidates) {
        const auto chosen = chosen_id.find(c.carrier);
        if (chosen == chosen_id.end() || chosen->second != c.airline_id) {
            tally.skip(reason::kAmbiguousAirline);
            continue;
        }
        const auto o = airports.valid.find(c.origin);
        const auto d = airports.valid.find(c.destination);
        if (!airports.listed_codes.contains(c.origin) ||
            !airports.listed_codes.contains(c.destination)) {
            tally.skip(reason::kUnknownAirport);
            continue;
        }
        if (o == airports.valid.end() || d == airports.valid.end()) {
            tally.skip(reason::kAirportSkipped);
            continue;
        }
        const int km = great_circle_km(o->second.latitude, o->second.longitude, d->second.latitude,
                                       d->second.longitude);
        if (km > 16000) {
            tally.skip(reason::kTooLong);
            continue;
        }
        if (km < 50) {
            tally.skip(reason::kTooShort);
            continue;
        }
        if (!seen_routes.emplace(c.carrier, c.origin, c.destination).second) {
            tally.skip(reason::kDuplicateRoute);
            continue;
        }
        routes.push_back(SynthRoute{c.carrier, c.origin, c.destination, km});
    }
    std::sort(routes.begin(), routes.end(), [](const SynthRoute& a, const SynthRoute& b) {
        return std::tie(a.carrier, a.origin, a.destination) <
               std::tie(b.carrier, b.origin, b.destination);
    });
    return routes;
}

// The valid airports a kept route touches, with their hub sizes (kept routes in + out).
std::vector<SynthAirport> used_airports(AirportsRead& airports,
                                        const std::vector<SynthRoute>& routes) {
    for (const auto& r : routes) {
        ++airports.valid.at(r.origin).hub_size;
        ++airports.valid.at(r.destination).hub_size;
    }
    std::vector<SynthAirport> used;
    for (auto& [code, airport] : airports.valid) {
        if (airport.hub_size > 0) {
            used.push_back(std::move(airport));
        } else {
            airports.tally.skip(reason::kUnusedAirport);
        }
    }
    return used;
}

// One carrier per chosen airline code that flies a kept route.
std::vector<SynthCarrier> flying_carriers(AirlinesRead& airlines,
                                          const std::map<std::string, std::string>& chosen_id,
                                          const std::vector<SynthRoute>& routes) {
    std::set<std::string> flying;
    for (const auto& r : routes) flying.insert(r.carrier);
    std::vector<SynthCarrier> carriers;
    for (const auto& [code, id] : chosen_id) {
        if (!flying.contains(code)) continue;
        const AirlineRow& row = airlines.by_id.at(id);
        carriers.push_back(SynthCarrier{code, row.name.empty() ? code : row.name, id});
    }
    for (std::size_t i = carriers.size(); i < airlines.by_id.size(); ++i) {
        airlines.tally.skip(reason::kUnusedAirline);
    }
    return carriers;
}

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
    const detail::CountryCodes countries = detail::read_country_codes(directory / "countries.dat");
    AirportsRead airports = read_airports(directory / "airports.dat", countries);
    AirlinesRead airlines = read_airlines(directory / "airlines.dat");
    Tally routes_tally = route_tally();
    const std::vector<RouteCandidate> candidates =
        read_route_candidates(directory / "routes.dat", airlines, routes_tally);
    const auto chosen_id = choose_airline_ids(candidates, airlines);

    OpenFlightsNetwork net;
    net.routes = keep_routes(candidates, chosen_id, airports, routes_tally);
    net.airports = used_airports(airports, net.routes);
    net.carriers = flying_carriers(airlines, chosen_id, net.routes);
    net.airports_tally = airports.tally.finish(net.airports.size());
    net.routes_tally = routes_tally.finish(net.routes.size());
    net.airlines_tally = airlines.tally.finish(net.carriers.size());
    for (const auto& [name, written] : airports.zones) {
        if (written && *written != name) ++net.time_zones_renamed;
    }
    return net;
}

}  // namespace cargoquote::synth
