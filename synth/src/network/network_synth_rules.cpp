// The rules of the network synthesizer in short, for `cargoquote network synth --help` (the full
// rules: openflights_network.cpp and network_csv.cpp).

#include <cargoquote/synth/openflights_network.hpp>

namespace cargoquote::synth {

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

}  // namespace cargoquote::synth
