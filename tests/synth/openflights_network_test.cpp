// The network synthesizer (synth/src/network/): the skip rules on a small
// OpenFlights-format fixture (openflights_fixture.hpp: real rows read from shared/data plus
// invented rows, every row trips one rule), and on the real OpenFlights files
// (shared/data/openflights; both skipped when absent): known-quirk counts,
// determinism, that legs only use kept routes, that arrival day offsets agree with block time and
// the real zones (recomputed here through the engine's time functions), and import validation.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/synth/openflights_network.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "openflights_fixture.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::synth {
namespace {

using rates::ImportReport;
using rates::RateStore;

namespace fs = std::filesystem;
namespace reason = skip_reason;
using test::TempDir;

fs::path real_dir() { return test::source_dir() / ".." / "shared" / "data" / "openflights"; }

// The fixture, assembled once per test process; removed at exit. Empty without the real data.
struct MiniFixture {
    fs::path scratch =
        fs::temp_directory_path() / ("cargoquote_openflights_mini_" + std::to_string(::getpid()));
    std::optional<fs::path> dir = test::write_openflights_fixture(real_dir(), scratch);
    ~MiniFixture() {
        std::error_code ignored;
        fs::remove_all(scratch, ignored);
    }
};

const std::optional<fs::path>& mini_fixture() {
    static const MiniFixture fixture;
    return fixture.dir;
}

fs::path mini_dir() { return *mini_fixture(); }

#define REQUIRE_MINI_FIXTURE()                                                   \
    if (!mini_fixture()) {                                                       \
        CARGOQUOTE_SKIP_WITHOUT_SHARED_DATA(                                     \
            "OpenFlights data not found at "                                     \
            << real_dir().string()                                               \
            << " (shared/data/openflights next to the repository): the fixture " \
               "takes its real rows from there; fixture tests skipped");         \
    }

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// A small CSV reader for the generated files (header first, RFC 4180 quoting).
struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    [[nodiscard]] std::size_t col(std::string_view name) const {
        const auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) throw std::runtime_error("no column " + std::string(name));
        return static_cast<std::size_t>(it - header.begin());
    }
};

Csv read_csv(const fs::path& path) {
    const std::string text = slurp(path);
    Csv csv;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool first = true;
    const auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        if (first) {
            csv.header = std::move(record);
            first = false;
        } else {
            csv.rows.push_back(std::move(record));
        }
        record.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            end_record();
        } else {
            field += c;
        }
    }
    return csv;
}

std::string describe(const ImportReport& report) {
    std::string out;
    for (std::size_t i = 0; i < report.errors.size() && i < 20; ++i) {
        out += "  " + report.errors[i].location() + ": " + report.errors[i].message + "\n";
    }
    return out.empty() ? "  (no errors)\n" : out;
}

std::vector<std::string> csv_files(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// ---- pure helpers ----

TEST(NetworkSynthRules, BlockTimeIsDistanceAt800KmhPlus40MinutesInFiveMinuteSteps) {
    EXPECT_EQ(block_minutes(0), 40);
    EXPECT_EQ(block_minutes(800), 100);
    EXPECT_EQ(block_minutes(100), 50);  // 47.5 min rounds half up to 50
    EXPECT_EQ(block_minutes(66), 45);   // 44.95 min
    EXPECT_EQ(block_minutes(8000), 640);
    EXPECT_EQ(block_minutes(13800), 1075);  // 1035 + 40
}

TEST(NetworkSynthRules, GreatCircleOfTheBadSliMatchIsOver16000Km) {
    // LUN and the Los Alamitos row that routes.dat's SLI points to (README: 16,082 km).
    EXPECT_EQ(great_circle_km(-15.330800, 28.452600, 33.790001, -118.052002), 16082);
    EXPECT_EQ(great_circle_km(50.033333, 8.570556, 50.033333, 8.570556), 0);
}

TEST(NetworkSynthRules, MissingInputFileIsAnInputError) {
    TempDir dir("cq_synth_missing_");
    try {
        (void)load_openflights_network(dir / "nope");
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::FileUnreadable);
    }
}

// ---- the hand-made fixture: each row trips exactly one rule ----

TEST(NetworkSynthMini, SkipCountsPerRule) {
    REQUIRE_MINI_FIXTURE();
    const auto net = load_openflights_network(mini_dir());

    const auto& a = net.airports_tally;
    EXPECT_EQ(a.read, 17U);
    EXPECT_EQ(a.used, 6U);  // FRA AMS HKG RGN PVG JFK
    EXPECT_EQ(a.skipped_for(reason::kMalformedAirport), 1U);
    EXPECT_EQ(a.skipped_for(reason::kNoIataCode), 1U);
    EXPECT_EQ(a.skipped_for(reason::kInvalidIataCode), 1U);    // DU9
    EXPECT_EQ(a.skipped_for(reason::kDuplicateIataCode), 1U);  // a second FRA
    EXPECT_EQ(a.skipped_for(reason::kNoTimeZone), 1U);         // DOH
    EXPECT_EQ(a.skipped_for(reason::kUnknownTimeZone), 1U);    // MRZ Mars/Olympus_Mons
    EXPECT_EQ(a.skipped_for(reason::kUnknownCountry), 1U);     // FRD "Freedonia"
    EXPECT_EQ(a.skipped_for(reason::kBadCoordinates), 1U);     // XBC latitude 95
    EXPECT_EQ(a.skipped_for(reason::kUnusedAirport), 3U);      // LUN EWR SLI: only skipped routes
    EXPECT_EQ(a.used + a.skipped_total(), a.read);

    const auto& r = net.routes_tally;
    EXPECT_EQ(r.read, 26U);
    EXPECT_EQ(r.used, 8U);
    EXPECT_EQ(r.skipped_for(reason::kMalformedRoute), 1U);
    EXPECT_EQ(r.skipped_for(reason::kCodeshare), 2U);
    EXPECT_EQ(r.skipped_for(reason::kNotNonstop), 1U);
    EXPECT_EQ(r.skipped_for(reason::kSelfLoop), 1U);
    EXPECT_EQ(r.skipped_for(reason::kIcaoAirline), 1U);       // DLH
    EXPECT_EQ(r.skipped_for(reason::kInvalidAirline), 1U);    // 99
    EXPECT_EQ(r.skipped_for(reason::kNoAirlineId), 1U);       // XQ with \N
    EXPECT_EQ(r.skipped_for(reason::kUnknownAirlineId), 1U);  // XR 99999
    EXPECT_EQ(r.skipped_for(reason::kAmbiguousAirline), 3U);  // Q7 defunct row, both Q8 rows
    EXPECT_EQ(r.skipped_for(reason::kUnknownAirport), 1U);    // ZZY
    EXPECT_EQ(r.skipped_for(reason::kAirportSkipped), 2U);    // DOH (no tz), MRZ (bad tz)
    EXPECT_EQ(r.skipped_for(reason::kTooLong), 1U);           // LUN-SLI 16,082 km
    EXPECT_EQ(r.skipped_for(reason::kTooShort), 1U);          // JFK-EWR 34 km
    EXPECT_EQ(r.skipped_for(reason::kDuplicateRoute), 1U);
    EXPECT_EQ(r.used + r.skipped_total(), r.read);

    const auto& l = net.airlines_tally;
    EXPECT_EQ(l.read, 11U);
    EXPECT_EQ(l.used, 5U);
    EXPECT_EQ(l.skipped_for(reason::kMalformedAirline), 1U);
    EXPECT_EQ(l.skipped_for(reason::kDuplicateAirlineId), 1U);
    EXPECT_EQ(l.skipped_for(reason::kUnusedAirline), 4U);
}

TEST(NetworkSynthMini, KeptNetwork) {
    REQUIRE_MINI_FIXTURE();
    const auto net = load_openflights_network(mini_dir());
    std::vector<std::string> routes;
    for (const auto& r : net.routes)
        routes.push_back(r.carrier + " " + r.origin + "-" + r.destination);
    EXPECT_EQ(routes,
              (std::vector<std::string>{"CA FRA-PVG", "CA PVG-FRA", "CA PVG-RGN", "DL JFK-FRA",
                                        "LH FRA-PVG", "LH PVG-FRA", "Q6 HKG-RGN", "Q7 FRA-AMS"}));
    std::map<std::string, std::string> carriers;
    for (const auto& c : net.carriers) carriers[c.code] = c.name + " #" + c.airline_id;
    EXPECT_EQ(carriers,
              (std::map<std::string, std::string>{{"CA", "Air China #751"},
                                                  {"DL", "Delta Air Lines #2009"},
                                                  {"LH", "Lufthansa #3320"},
                                                  {"Q6", "Fixture Comma, Quote \"Air\" #90016"},
                                                  {"Q7", "Fixture Seven Air (active) #90011"}}));
    std::map<std::string, std::string> airports;
    for (const auto& a : net.airports) {
        airports[a.code] = a.country + " " + a.time_zone + " " + std::to_string(a.hub_size);
    }
    EXPECT_EQ(airports, (std::map<std::string, std::string>{
                            {"AMS", "NL Europe/Amsterdam 1"},
                            {"FRA", "DE Europe/Berlin 6"},
                            {"HKG", "HK Asia/Hong_Kong 1"},
                            {"JFK", "US America/New_York 1"},
                            {"PVG", "CN Asia/Shanghai 5"},
                            {"RGN", "MM Asia/Yangon 2"}}));  // "Burma", Asia/Rangoon renamed
    EXPECT_EQ(net.time_zones_renamed, 1U);
}

TEST(NetworkSynthMini, CsvFilesImportAndAreDeterministic) {
    REQUIRE_MINI_FIXTURE();
    TempDir dir("cq_synth_mini_");
    const auto net = load_openflights_network(mini_dir());
    NetworkSynthOptions options;
    options.seed = 7;
    const auto written = write_network_csv(net, options, dir / "a");
    (void)write_network_csv(net, options, dir / "b");
    options.seed = 8;
    (void)write_network_csv(net, options, dir / "c");

    EXPECT_EQ(written.rows_by_file.at("rates.csv"), 8U);
    EXPECT_EQ(written.rows_by_file.at("carriers.csv"), 5U);
    EXPECT_EQ(written.rows_by_file.at("airports.csv"), 6U);
    EXPECT_GE(written.flights, 8U);
    EXPECT_GE(written.rows_by_file.at("flight_legs.csv"), written.flights);
    // FRA-PVG and JFK-FRA: Europe and the US leave summer time on different days, China has none.
    EXPECT_GT(written.flights_split_at_dst, 0U);
    for (const auto& name : csv_files(dir / "a")) {
        EXPECT_EQ(slurp(dir / "a" / name), slurp(dir / "b" / name)) << name;
    }
    EXPECT_NE(slurp(dir / "a" / "flight_legs.csv"), slurp(dir / "c" / "flight_legs.csv"));
    EXPECT_NE(slurp(dir / "a" / "rates.csv"), slurp(dir / "c" / "rates.csv"));

    auto store = RateStore::open_for_import(":memory:");
    const auto report = store.import_directory(dir / "a");
    ASSERT_TRUE(report.ok()) << describe(report);
    const auto book = store.load();
    const auto q6 = std::find_if(book.carriers.begin(), book.carriers.end(),
                                 [](const Carrier& c) { return c.code.view() == "Q6"; });
    ASSERT_NE(q6, book.carriers.end());
    EXPECT_EQ(q6->name, "Fixture Comma, Quote \"Air\"");  // quoted in carriers.csv
    EXPECT_FALSE(q6->fictional);
    EXPECT_EQ(book.rate_lines.size(), 8U);
}

TEST(NetworkSynthMini, RateLinesFollowTheDistanceFormula) {
    REQUIRE_MINI_FIXTURE();
    TempDir dir("cq_synth_rates_");
    const auto net = load_openflights_network(mini_dir());
    NetworkSynthOptions options;
    (void)write_network_csv(net, options, dir / "out");
    const Csv rates = read_csv(dir / "out" / "rates.csv");
    ASSERT_EQ(rates.rows.size(), 8U);
    std::map<std::tuple<std::string, std::string, std::string>, int> km;
    for (const auto& r : net.routes) km[{r.carrier, r.origin, r.destination}] = r.distance_km;
    for (const auto& row : rates.rows) {
        const int d = km.at(
            {row[rates.col("carrier")], row[rates.col("origin")], row[rates.col("destination")]});
        EXPECT_EQ(row[rates.col("currency")], "USD");
        EXPECT_EQ(row[rates.col("divisor")], "6000");
        EXPECT_EQ(row[rates.col("weight_step_kg")], "0.5");
        std::istringstream breaks(row[rates.col("breaks")]);
        std::vector<std::pair<std::string, double>> parsed;
        std::string token;
        while (breaks >> token) {
            const auto colon = token.find(':');
            parsed.emplace_back(token.substr(0, colon), std::stod(token.substr(colon + 1)));
        }
        ASSERT_EQ(parsed.size(), 6U);
        const std::vector<std::string> kg = {"0", "45", "100", "300", "500", "1000"};
        const std::vector<double> share = {1.0, 0.80, 0.70, 0.62, 0.57, 0.52};
        const double n_base = 1.2 + 0.0009 * d;
        const double factor = parsed[0].second / n_base;
        EXPECT_GE(factor, 0.85 - 0.01) << row[0];
        EXPECT_LE(factor, 1.20 + 0.01) << row[0];
        for (std::size_t i = 0; i < 6; ++i) {
            EXPECT_EQ(parsed[i].first, kg[i]);
            EXPECT_NEAR(parsed[i].second, factor * n_base * share[i], 0.011) << row[0];
        }
    }
    // Both directions of one carrier's route share the carrier factor and the distance.
    const auto line = [&](std::string_view id) {
        for (const auto& row : rates.rows) {
            if (row[0] == id) return row[rates.col("breaks")];
        }
        return std::string();
    };
    EXPECT_EQ(line("LH-FRA-PVG-GEN"), line("LH-PVG-FRA-GEN"));
}

// ---- the real OpenFlights data ----

// The seed-42 synthesis, shared by the tests of one process (CTest runs each test in its own).
struct RealRuns {
    fs::path root;
    OpenFlightsNetwork network;
    NetworkCsvSummary written;
    NetworkSynthOptions options;
    RealRuns() : root(fs::temp_directory_path() / ("cq_synth_real_" + std::to_string(::getpid()))) {
        fs::remove_all(root);
        network = load_openflights_network(real_dir());
        options.seed = 42;
        written = write_network_csv(network, options, root / "seed42");
    }
    ~RealRuns() {
        std::error_code ignored;
        fs::remove_all(root, ignored);
    }
    [[nodiscard]] fs::path dir() const { return root / "seed42"; }
};

const RealRuns* real_runs() {
    if (!fs::is_directory(real_dir())) return nullptr;
    static const auto runs = std::make_unique<RealRuns>();
    return runs.get();
}

#define REQUIRE_REAL_DATA()                                                                   \
    const RealRuns* runs = real_runs();                                                       \
    if (runs == nullptr) {                                                                    \
        CARGOQUOTE_SKIP_WITHOUT_SHARED_DATA(                                                  \
            "OpenFlights data not found at "                                                  \
            << real_dir().string()                                                            \
            << " (shared/data/openflights next to the repository); real-data tests skipped"); \
    }

TEST(NetworkSynthReal, SameSeedIsByteIdenticalAndAnotherSeedDiffers) {
    REQUIRE_REAL_DATA();
    // A second run from scratch (reading the files again) with the same seed, and seed 43.
    (void)write_network_csv(load_openflights_network(real_dir()), runs->options,
                            runs->root / "seed42b");
    NetworkSynthOptions other = runs->options;
    other.seed = 43;
    (void)write_network_csv(runs->network, other, runs->root / "seed43");
    const auto files = csv_files(runs->dir());
    EXPECT_EQ(files, csv_files(runs->root / "seed42b"));
    EXPECT_EQ(files.size(), 13U);
    for (const auto& name : files) {
        EXPECT_TRUE(slurp(runs->dir() / name) == slurp(runs->root / "seed42b" / name)) << name;
    }
    // The seed drives schedules, rates and performance; the real network does not depend on it.
    for (const auto* name :
         {"flight_legs.csv", "rates.csv", "carrier_performance.csv", "surcharges.csv"}) {
        EXPECT_FALSE(slurp(runs->dir() / name) == slurp(runs->root / "seed43" / name)) << name;
    }
    for (const auto* name : {"airports.csv", "carriers.csv", "connection_times.csv"}) {
        EXPECT_TRUE(slurp(runs->dir() / name) == slurp(runs->root / "seed43" / name)) << name;
    }
}

// The counts follow from shared/data/openflights/README.md ("Known quirks") and the rule order in
// synth/src/network/openflights_network.cpp; the data files are fixed (sha256 in that README).
TEST(NetworkSynthReal, KnownQuirksAreCounted) {
    REQUIRE_REAL_DATA();
    const auto& r = runs->network.routes_tally;
    EXPECT_EQ(r.read, 67663U);
    // All 14,597 codeshare rows: the codeshare rule is the first one after the field count.
    EXPECT_EQ(r.skipped_for(reason::kCodeshare), 14597U);
    EXPECT_EQ(r.skipped_for(reason::kNotNonstop), 11U);  // README: no row has both
    EXPECT_EQ(r.skipped_for(reason::kSelfLoop), 1U);     // IL PKN-PKN
    EXPECT_EQ(r.skipped_for(reason::kIcaoAirline), 373U);
    EXPECT_EQ(r.skipped_for(reason::kInvalidAirline), 0U);
    // 479 rows have no Airline ID; 8 of them are codeshares, counted there.
    EXPECT_EQ(r.skipped_for(reason::kNoAirlineId), 471U);
    EXPECT_EQ(r.skipped_for(reason::kUnknownAirlineId), 0U);
    // Every route code names exactly one Airline ID, so the Airline-ID join leaves no ambiguity.
    EXPECT_EQ(r.skipped_for(reason::kAmbiguousAirline), 0U);
    // Keyed by code: codes such as SLI that are not IATA codes in airports.dat ...
    EXPECT_EQ(r.skipped_for(reason::kUnknownAirport), 592U);
    // ... and airports without a tz name (about 680 IST rows, 340 DOH, 120 HYD, 110 ISB, ...).
    EXPECT_EQ(r.skipped_for(reason::kAirportSkipped), 1391U);
    EXPECT_EQ(r.skipped_for(reason::kTooLong), 0U);  // LUN-SLI already dropped as unknown code
    EXPECT_EQ(r.skipped_for(reason::kTooShort), 188U);
    EXPECT_EQ(r.skipped_for(reason::kDuplicateRoute), 0U);  // README: no duplicate triples
    EXPECT_EQ(r.used, 50039U);
    EXPECT_EQ(r.used + r.skipped_total(), r.read);

    const auto& a = runs->network.airports_tally;
    EXPECT_EQ(a.read, 7698U);
    EXPECT_EQ(a.skipped_for(reason::kNoIataCode), 1626U);
    EXPECT_EQ(a.skipped_for(reason::kInvalidIataCode), 1U);  // DU9
    EXPECT_EQ(a.skipped_for(reason::kNoTimeZone), 556U);     // of the 1,021 without a tz name
    EXPECT_EQ(a.skipped_for(reason::kUnknownTimeZone), 0U);
    EXPECT_EQ(a.skipped_for(reason::kUnknownCountry), 0U);
    EXPECT_EQ(a.used, runs->network.airports.size());
    EXPECT_EQ(runs->network.time_zones_renamed, 7U);

    std::set<std::string> codes;
    for (const auto& ap : runs->network.airports) codes.insert(ap.code);
    EXPECT_FALSE(codes.contains("IST"));  // new Istanbul Airport row: no tz name
    EXPECT_FALSE(codes.contains("ISL"));  // the 2014 IST, not referenced by code
    EXPECT_FALSE(codes.contains("DOH"));
    EXPECT_FALSE(codes.contains("SLI"));
    EXPECT_TRUE(codes.contains("ATL"));
    EXPECT_TRUE(codes.contains("PVG"));
}

TEST(NetworkSynthReal, LegsAndAirportsBelongToKeptRoutes) {
    REQUIRE_REAL_DATA();
    const Csv rates = read_csv(runs->dir() / "rates.csv");
    const Csv legs = read_csv(runs->dir() / "flight_legs.csv");
    const Csv airports = read_csv(runs->dir() / "airports.csv");
    std::set<std::tuple<std::string, std::string, std::string>> lanes;
    std::set<std::string> route_airports;
    for (const auto& row : rates.rows) {
        lanes.emplace(row[rates.col("carrier")], row[rates.col("origin")],
                      row[rates.col("destination")]);
        route_airports.insert(row[rates.col("origin")]);
        route_airports.insert(row[rates.col("destination")]);
    }
    EXPECT_EQ(lanes.size(), runs->network.routes.size());
    std::set<std::string> airport_codes;
    for (const auto& row : airports.rows) airport_codes.insert(row[airports.col("code")]);
    EXPECT_EQ(airport_codes, route_airports);  // exactly the airports of kept routes

    std::set<std::tuple<std::string, std::string, std::string>> lanes_with_legs;
    std::set<std::string> leg_ids;
    // Rows of one flight (a DST split): same lane, days and departure; periods ascending, disjoint.
    struct Flight {
        std::string lane, days, departure, last_to;
    };
    std::map<std::string, Flight> flights;
    for (const auto& row : legs.rows) {
        const auto key = std::make_tuple(row[legs.col("carrier")], row[legs.col("origin")],
                                         row[legs.col("destination")]);
        ASSERT_TRUE(lanes.contains(key)) << row[0];
        lanes_with_legs.insert(key);
        EXPECT_TRUE(leg_ids.insert(row[legs.col("leg_id")]).second) << row[0];
        const std::string lane = row[legs.col("origin")] + "-" + row[legs.col("destination")];
        const auto [it, fresh] = flights.try_emplace(
            row[legs.col("flight_number")],
            Flight{lane, row[legs.col("days")], row[legs.col("departure_local")], ""});
        if (!fresh) {
            EXPECT_EQ(it->second.lane, lane) << row[0];
            EXPECT_EQ(it->second.days, row[legs.col("days")]) << row[0];
            EXPECT_EQ(it->second.departure, row[legs.col("departure_local")]) << row[0];
            EXPECT_LT(it->second.last_to, row[legs.col("effective_from")]) << row[0];
        }
        it->second.last_to = row[legs.col("effective_to")];
        EXPECT_LE(row[legs.col("effective_from")], row[legs.col("effective_to")]) << row[0];
    }
    EXPECT_EQ(lanes_with_legs, lanes);  // every kept route is flown
    EXPECT_EQ(flights.size(), runs->written.flights);
    EXPECT_EQ(legs.rows.size(), runs->written.rows_by_file.at("flight_legs.csv"));

    // Weekly frequency per route is 3..14; long haul (> 4,000 km) at most daily.
    std::map<std::string, int> weekly;
    for (const auto& [number, flight] : flights) {
        weekly[number.substr(0, 2) + " " + flight.lane] += static_cast<int>(
            std::count_if(flight.days.begin(), flight.days.end(), [](char c) { return c != '.'; }));
    }
    for (const auto& r : runs->network.routes) {
        const int w = weekly.at(r.carrier + " " + r.origin + "-" + r.destination);
        EXPECT_GE(w, 3);
        EXPECT_LE(w, r.distance_km > 4000 ? 7 : 14);
    }
}

// Recomputes arrival time and day offset with the engine's tz functions (date-tz behind
// cargoquote::to_instant / local_iso_with_offset), independently of the generator's code path:
// on the first and the last day of each row's period the flying time is exactly the block time.
TEST(NetworkSynthReal, ArrivalDayOffsetsAgreeWithBlockTimeAndZones) {
    REQUIRE_REAL_DATA();
    const Csv legs = read_csv(runs->dir() / "flight_legs.csv");
    const Csv airports = read_csv(runs->dir() / "airports.csv");
    struct Place {
        std::string zone;
        double lat, lon;
    };
    std::map<std::string, Place> place;
    for (const auto& row : airports.rows) {
        place[row[airports.col("code")]] =
            Place{row[airports.col("time_zone")], std::stod(row[airports.col("latitude")]),
                  std::stod(row[airports.col("longitude")])};
    }
    std::map<int, int> offsets;
    std::size_t checked = 0, split_rows = 0, late_on_fall_back = 0;
    for (std::size_t i = 0; i < legs.rows.size(); ++i) {
        const auto& row = legs.rows[i];
        const int offset = std::stoi(row[legs.col("arrival_day_offset")]);
        ++offsets[offset];
        ASSERT_GE(offset, -1) << row[0];
        ASSERT_LE(offset, 3) << row[0];
        const bool split =
            row[0].substr(row[0].size() - 2) != "-1" ||
            (i + 1 < legs.rows.size() &&
             legs.rows[i + 1][legs.col("flight_number")] == row[legs.col("flight_number")]);
        split_rows += split ? 1 : 0;
        // Every row of a DST-split flight, every offset other than 0, and every 25th row.
        if (!split && offset == 0 && i % 25 != 0) continue;
        const Place& o = place.at(row[legs.col("origin")]);
        const Place& d = place.at(row[legs.col("destination")]);
        const int block = block_minutes(great_circle_km(o.lat, o.lon, d.lat, d.lon));
        for (const auto* column : {"effective_from", "effective_to"}) {
            ++checked;
            const std::string day = row[legs.col(column)];
            const Date departure_date = Date::parse(day, "test");
            const Instant departure = to_instant(
                LocalDateTime::parse(day + "T" + row[legs.col("departure_local")], "test"), o.zone);
            const Instant arrival(departure.utc() + std::chrono::minutes(block));
            const std::string local = local_iso_with_offset(arrival, d.zone);  // ...T06:45+08:00
            const Date arrival_date = Date::parse(local.substr(0, 10), "test");
            if (local.substr(11, 5) == row[legs.col("arrival_local")] &&
                (arrival_date.days() - departure_date.days()).count() == offset) {
                continue;
            }
            // The only allowed difference: an arrival in the repeated hour after a fall-back,
            // whose local time the engine would read as the earlier instant, is written as the
            // end of that hour.
            ++late_on_fall_back;
            const Instant reread =
                to_instant(LocalDateTime::parse(local.substr(0, 16), "test"), d.zone);
            EXPECT_LT(reread, arrival)
                << row[0] << " " << column << ": " << local << " is not in a repeated hour";
            const Instant written =
                to_instant(LocalDateTime::parse(departure_date.plus_days(offset).iso() + "T" +
                                                    row[legs.col("arrival_local")],
                                                "test"),
                           d.zone);
            EXPECT_GT(written, arrival) << row[0] << " " << column << " expected " << local;
            EXPECT_LE(written.utc() - arrival.utc(), std::chrono::minutes(60)) << row[0];
        }
    }
    EXPECT_GT(checked, 10000U);
    EXPECT_GT(split_rows, 1000U);
    EXPECT_LT(late_on_fall_back, checked / 50) << "arrivals moved out of a repeated hour";
    EXPECT_GT(offsets[1], 0);   // overnight long haul
    EXPECT_GT(offsets[-1], 0);  // westbound across the date line
}

TEST(NetworkSynthReal, CsvFilesPassImportValidation) {
    REQUIRE_REAL_DATA();
    auto store = RateStore::open_for_import(":memory:");
    const auto report = store.import_directory(runs->dir());
    ASSERT_TRUE(report.ok()) << describe(report);
    EXPECT_TRUE(report.written);
    for (const auto* name :
         {"airports.csv", "carriers.csv", "rates.csv", "surcharges.csv", "fx_rates.csv",
          "liability_limits.csv", "customers.csv", "margins.csv"}) {
        ASSERT_TRUE(report.rows_by_file.contains(name)) << name;
        EXPECT_EQ(report.rows_by_file.at(name), runs->written.rows_by_file.at(name)) << name;
    }
    // The schedule files are checked too once the importer reads them.
    std::size_t schedule_files = 0;
    for (const auto* name : {"flight_legs.csv", "aircraft_limits.csv", "connection_times.csv",
                             "handling_times.csv", "carrier_performance.csv"}) {
        if (!report.rows_by_file.contains(name)) continue;
        ++schedule_files;
        EXPECT_EQ(report.rows_by_file.at(name), runs->written.rows_by_file.at(name)) << name;
    }
    if (schedule_files == 0) {
        std::cout << "[   NOTE   ] this build's importer does not read the schedule files yet; "
                     "only the rate, airport and carrier files were validated\n";
    }
}

}  // namespace
}  // namespace cargoquote::synth
