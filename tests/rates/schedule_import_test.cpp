// Schedules and handling in the rate store (rates/README.md, "Schedules and handling (network)"):
// the sample schedule, every validation rule of the six network files with the exact
// file:line:column it reports, the migration of a version-1 database and the all-or-nothing
// transaction.
//
// Fixtures live in tests/data/import/schedule_<case>/: a minimal airports.csv (PVG, FRA, DOH) and
// carriers.csv (Q1, P3) plus one schedule file whose line 2 is valid and whose line 3 carries
// exactly one fault. The cases checked against the database hold only the schedule file (line 2
// is the faulty one) and are imported on top of rates/sample.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "rates/import_checks.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::rates {
namespace {

namespace fs = std::filesystem;
using namespace test_support;

using test::TempDir;

const FlightLeg* find_leg(const ScheduleData& schedule, std::string_view leg_id) {
    const auto it = std::find_if(schedule.legs.begin(), schedule.legs.end(),
                                 [&](const FlightLeg& l) { return l.leg_id == leg_id; });
    return it == schedule.legs.end() ? nullptr : &*it;
}

const std::vector<std::string> kScheduleFiles = {
    "aircraft_limits.csv",  "carrier_performance.csv", "carrier_restrictions.csv",
    "connection_times.csv", "flight_legs.csv",         "handling_times.csv"};

// ---- the sample schedule ----

TEST(SampleSchedule, ImportCountsEveryScheduleFile) {
    auto store = RateStore::open_for_import(":memory:");
    const ImportReport report = store.import_directory(sample_dir());
    ASSERT_TRUE(report.ok()) << describe(report);
    EXPECT_TRUE(report.written);
    std::map<std::string, std::size_t> schedule_rows;
    for (const auto& file : kScheduleFiles) {
        const auto it = report.rows_by_file.find(file);
        schedule_rows[file] = it == report.rows_by_file.end() ? 0 : it->second;
    }
    const std::map<std::string, std::size_t> expected = {
        {"aircraft_limits.csv", 3},      {"carrier_performance.csv", 9},
        {"carrier_restrictions.csv", 6}, {"connection_times.csv", 8},
        {"flight_legs.csv", 339},        {"handling_times.csv", 9}};
    EXPECT_EQ(schedule_rows, expected);
}

TEST(SampleSchedule, LoadReturnsTheSchedule) {
    TempDir tmp{"cargoquote_schedule_"};
    {
        auto store = RateStore::open_for_import(tmp / "rates.db");
        const ImportReport report = store.import_directory(sample_dir());
        ASSERT_TRUE(report.written) << describe(report);
    }
    const ScheduleData schedule = RateStore::open_read_only(tmp / "rates.db").load().schedule;

    EXPECT_EQ(schedule.legs.size(), 339U);
    EXPECT_EQ(schedule.aircraft_limits.size(), 3U);
    EXPECT_EQ(schedule.restrictions.size(), 6U);
    EXPECT_EQ(schedule.connection_times.size(), 8U);
    EXPECT_EQ(schedule.handling_times.size(), 9U);
    EXPECT_EQ(schedule.performance.size(), 9U);

    // flight_legs.csv line 107: the Q1 PVG-FRA freighter, daily in the peak season.
    const FlightLeg* leg = find_leg(schedule, "Q1812-PVGFRA-W26A");
    ASSERT_NE(leg, nullptr);
    EXPECT_EQ(leg->carrier.str(), "Q1");
    EXPECT_EQ(leg->flight_number, "Q1 812");
    EXPECT_EQ(leg->origin.str(), "PVG");
    EXPECT_EQ(leg->destination.str(), "FRA");
    EXPECT_EQ(leg->departure_minute, 17 * 60 + 40);
    EXPECT_EQ(leg->arrival_minute, 22 * 60 + 30);
    EXPECT_EQ(leg->arrival_day_offset, 0);
    EXPECT_EQ(leg->days, 0x7F);
    EXPECT_EQ(leg->effective_from.iso(), "2026-10-01");
    EXPECT_EQ(leg->effective_to.iso(), "2026-12-31");
    EXPECT_EQ(leg->aircraft_type, "74Y");
    EXPECT_EQ(leg->category, AircraftCategory::Freighter);
    // From January the same flight operates four days a week.
    const FlightLeg* winter = find_leg(schedule, "Q1812-PVGFRA-W26B");
    ASSERT_NE(winter, nullptr);
    EXPECT_EQ(days_of_operation_text(winter->days), "1.3.5.7");
    EXPECT_EQ(winter->effective_from.iso(), "2027-01-01");

    // Legs come in a deterministic order: origin, departure time, carrier, flight number, leg_id.
    const auto order = [](const FlightLeg& l) {
        return std::make_tuple(l.origin, l.departure_minute, l.carrier, l.flight_number, l.leg_id);
    };
    EXPECT_TRUE(std::is_sorted(
        schedule.legs.begin(), schedule.legs.end(),
        [&](const FlightLeg& a, const FlightLeg& b) { return order(a) < order(b); }));

    const auto freighter = std::find_if(
        schedule.aircraft_limits.begin(), schedule.aircraft_limits.end(),
        [](const AircraftLimits& l) { return l.category == AircraftCategory::Freighter; });
    ASSERT_NE(freighter, schedule.aircraft_limits.end());
    EXPECT_EQ(freighter->max_length, Length::cm(317));
    EXPECT_EQ(freighter->max_width, Length::cm(244));
    EXPECT_EQ(freighter->max_height, Length::cm(300));
    EXPECT_EQ(freighter->max_piece_weight, test::kg("4000"));

    // ZZZ is stored as NULL and loads as "any"; the default rows sort first.
    EXPECT_FALSE(schedule.connection_times.front().airport.has_value());
    EXPECT_EQ(schedule.connection_times.front().online_minutes, 120);
    EXPECT_EQ(schedule.connection_times.front().interline_minutes, 240);
    EXPECT_FALSE(schedule.handling_times.front().carrier.has_value());
    EXPECT_FALSE(schedule.handling_times.front().airport.has_value());
    EXPECT_EQ(schedule.handling_times.front().cutoff_minutes, 180);
    EXPECT_EQ(schedule.handling_times.front().availability_minutes, 180);
    {
        SQLite::Database db((tmp / "rates.db").string(), SQLite::OPEN_READONLY);
        EXPECT_EQ(
            db.execAndGet("SELECT count(*) FROM connection_times WHERE airport IS NULL").getInt(),
            1);
        EXPECT_EQ(db.execAndGet("SELECT count(*) FROM handling_times WHERE carrier IS NULL AND "
                                "airport IS NULL")
                      .getInt(),
                  1);
    }

    std::set<std::string> refusals;
    for (const auto& r : schedule.restrictions)
        refusals.insert(r.carrier.str() + "/" + r.commodity);
    EXPECT_EQ(refusals,
              (std::set<std::string>{"J0/AVI", "J0/HUM", "P6/DGR", "Y6/VAL", "Z1/AVI", "Z1/DGR"}));

    // carrier_performance.csv line 2 (J0: a thin sample).
    const CarrierPerformance& j0 = schedule.performance.front();
    EXPECT_EQ(j0.carrier.str(), "J0");
    EXPECT_EQ(j0.flights_observed, 240);
    EXPECT_EQ(j0.flights_as_planned, 226);
    EXPECT_EQ(j0.damage_claim_ratio, Ratio::from_ppm(11'500));  // 1.15 %
    EXPECT_EQ(j0.offload_rate, Ratio::from_ppm(39'000));        // 3.9 %
}

// Every rate lane of every carrier has a path of at most three of that carrier's legs (days and
// times aside: the sample generator checked that each path connects within the week).
TEST(SampleSchedule, EveryRateLaneHasALegPathOfItsCarrier) {
    auto store = RateStore::open_for_import(":memory:");
    ASSERT_TRUE(store.import_directory(sample_dir()).written);
    const RateBookData data = store.load();

    std::map<std::pair<CarrierCode, AirportCode>, std::set<AirportCode>> next;
    for (const auto& leg : data.schedule.legs)
        next[{leg.carrier, leg.origin}].insert(leg.destination);
    std::set<std::tuple<CarrierCode, AirportCode, AirportCode>> lanes;
    for (const auto& line : data.rate_lines)
        lanes.insert({line.carrier, line.origin, line.destination});
    ASSERT_EQ(lanes.size(), 311U);

    std::vector<std::string> unserved;
    for (const auto& [carrier, origin, destination] : lanes) {
        std::set<AirportCode> reached = {origin};
        for (int legs = 0; legs < 3 && !reached.contains(destination); ++legs) {
            std::set<AirportCode> further = reached;
            for (const AirportCode& at : reached) {
                const auto it = next.find({carrier, at});
                if (it != next.end()) further.insert(it->second.begin(), it->second.end());
            }
            reached = std::move(further);
        }
        if (!reached.contains(destination)) {
            unserved.push_back(carrier.str() + " " + origin.str() + "-" + destination.str());
        }
    }
    EXPECT_TRUE(unserved.empty()) << unserved.size() << " lane(s) without legs, e.g. "
                                  << (unserved.empty() ? "" : unserved.front());
}

// ---- flight_legs.csv rules ----

TEST(ScheduleValidation, UnknownCarrier) {
    expect_only_issue(import_fixture("schedule_unknown_carrier"), "flight_legs.csv:3:18",
                      "carrier: unknown carrier 'Q9'");
}

TEST(ScheduleValidation, UnknownAirport) {
    expect_only_issue(import_fixture("schedule_unknown_airport"), "flight_legs.csv:3:32",
                      "destination: unknown airport 'XYZ'");
}

TEST(ScheduleValidation, BadLocalTime) {
    expect_only_issue(import_fixture("schedule_bad_time"), "flight_legs.csv:3:36",
                      "departure_local: '25:10' is not a local time HH:MM");
}

TEST(ScheduleValidation, DayOffsetOutOfRange) {
    expect_only_issue(import_fixture("schedule_day_offset_out_of_range"), "flight_legs.csv:3:48",
                      "arrival_day_offset: '4' is outside -1..3 days");
}

TEST(ScheduleValidation, BadDaysOfOperation) {
    expect_only_issue(import_fixture("schedule_bad_days"), "flight_legs.csv:3:50",
                      "days: '1.3.5.8' is not a days-of-operation pattern");
}

TEST(ScheduleValidation, BadAircraftCategory) {
    expect_only_issue(import_fixture("schedule_bad_aircraft_category"), "flight_legs.csv:3:84",
                      "aircraft_category: 'turboprop' is not freighter, widebody_belly or "
                      "narrowbody_belly");
}

TEST(ScheduleValidation, BadAircraftType) {
    expect_only_issue(import_fixture("schedule_bad_aircraft_type"), "flight_legs.csv:3:80",
                      "aircraft_type: 'B777' is not an IATA aircraft type code");
}

TEST(ScheduleValidation, EffectiveToBeforeEffectiveFrom) {
    expect_only_issue(import_fixture("schedule_effective_to_before_from"), "flight_legs.csv:3:69",
                      "effective_to: effective_to is before effective_from");
}

TEST(ScheduleValidation, OriginEqualsDestination) {
    expect_only_issue(import_fixture("schedule_same_origin_destination"), "flight_legs.csv:3:32",
                      "destination: origin and destination are the same airport");
}

TEST(ScheduleValidation, ArrivalBeforeDeparture) {
    // PVG 13:25 -> FRA 18:15 with offset -1 lands before it leaves on every day of the window; the
    // message shows the middle day (2026-12-30).
    expect_only_issue(import_fixture("schedule_arrival_before_departure"), "flight_legs.csv:3:48",
                      "arrival_day_offset: arrival 2026-12-29 18:15 (Europe/Berlin) is not after "
                      "departure 2026-12-30 13:25 (Asia/Shanghai)");
}

TEST(ScheduleValidation, DuplicateLegIdWithinTheFile) {
    expect_only_issue(import_fixture("schedule_duplicate_leg_id"), "flight_legs.csv:3:1",
                      "leg_id: duplicate key 'Q1812-PVGFRA-W26'");
}

TEST(ScheduleValidation, DuplicateLegIdAlreadyInTheDatabase) {
    // Another flight number, so only the key collides.
    expect_only_issue(import_fixture_after_sample("schedule_duplicate_leg_in_database"),
                      "flight_legs.csv:2:1",
                      "leg_id: duplicate key 'Q1812-PVGFRA-W26A' (already in the database)");
}

TEST(ScheduleValidation, OverlappingFlightWithinTheFile) {
    // Line 3 (Q1 812 PVG-FRA 2027-03-01..2027-06-30, 1.3.5.7) and line 2 (daily to 2027-03-31)
    // would both operate in March; the column is where line 3's effective_from starts.
    expect_only_issue(import_fixture("schedule_overlap_in_file"), "flight_legs.csv:3:58",
                      "effective_from: 'Q1812-PVGFRA-S27' (2027-03-01..2027-06-30, days 1.3.5.7) "
                      "overlaps 'Q1812-PVGFRA-W26' (2026-10-01..2027-03-31, days 1234567, line 2)");
}

TEST(ScheduleValidation, OverlappingFlightWithTheDatabase) {
    expect_only_issue(import_fixture_after_sample("schedule_overlap_with_database"),
                      "flight_legs.csv:2:58",
                      "overlaps 'Q1812-PVGFRA-W26B' (2027-01-01..2027-03-31, days 1.3.5.7, in the "
                      "database)");
}

TEST(ScheduleValidation, SameFlightOnOtherDaysOrDatesIsAccepted) {
    // Q1 812 on 1.3.5.7 and .2.4.6. over the season and daily after it; Q1 814 on Tuesdays in two
    // windows that share only 2026-10-29..31 (Thursday to Saturday).
    auto store = RateStore::open_for_import(":memory:");
    const ImportReport report =
        store.import_directory(fixture("schedule_same_flight_without_overlap"));
    ASSERT_TRUE(report.ok()) << describe(report);
    EXPECT_TRUE(report.written);
    EXPECT_EQ(store.load().schedule.legs.size(), 5U);
}

// ---- the other schedule files ----

TEST(ScheduleValidation, NonPositiveAircraftLimit) {
    expect_only_issue(import_fixture("schedule_limit_not_positive"), "aircraft_limits.csv:3:24",
                      "max_height_cm: '0' must be greater than zero");
}

TEST(ScheduleValidation, DuplicateAircraftCategoryWithinTheFile) {
    expect_only_issue(import_fixture("schedule_duplicate_aircraft_category"),
                      "aircraft_limits.csv:3:1", "aircraft_category: duplicate key 'freighter'");
}

TEST(ScheduleValidation, UnknownRestrictedCommodity) {
    expect_only_issue(import_fixture("schedule_bad_restriction"), "carrier_restrictions.csv:3:4",
                      "commodity: 'GEN' is not DGR, AVI, PER, VAL or HUM");
}

TEST(ScheduleValidation, DuplicateRestrictionWithinTheFile) {
    expect_only_issue(import_fixture("schedule_duplicate_restriction"),
                      "carrier_restrictions.csv:3:1", "carrier: duplicate key 'Q1/DGR'");
}

TEST(ScheduleValidation, NonPositiveConnectionTime) {
    expect_only_issue(import_fixture("schedule_connection_not_positive"),
                      "connection_times.csv:3:5",
                      "online_minutes: '0' is not a positive whole number");
}

TEST(ScheduleValidation, DuplicateDefaultConnectionTime) {
    expect_only_issue(import_fixture("schedule_duplicate_default_connection"),
                      "connection_times.csv:3:1", "airport: duplicate key 'ZZZ'");
}

TEST(ScheduleValidation, NonPositiveHandlingTime) {
    expect_only_issue(import_fixture("schedule_handling_not_positive"), "handling_times.csv:3:12",
                      "availability_minutes: '-30' is not a positive whole number");
}

TEST(ScheduleValidation, DuplicateHandlingTimeAlreadyInTheDatabase) {
    expect_only_issue(import_fixture_after_sample("schedule_duplicate_handling_in_database"),
                      "handling_times.csv:2:1",
                      "carrier: duplicate key 'ZZZ/ZZZ' (already in the database)");
}

TEST(ScheduleValidation, FlownAsPlannedAboveObserved) {
    expect_only_issue(import_fixture("schedule_as_planned_above_observed"),
                      "carrier_performance.csv:3:9",
                      "flights_as_planned: 5871 flights as planned is more than the 5870 flights "
                      "observed");
}

TEST(ScheduleValidation, PercentOutsideZeroToHundred) {
    expect_only_issue(import_fixture("schedule_percent_out_of_range"),
                      "carrier_performance.csv:3:19",
                      "offload_rate_percent: '120' is outside 0..100 percent");
}

TEST(ScheduleValidation, DuplicatePerformanceAlreadyInTheDatabase) {
    expect_only_issue(import_fixture_after_sample("schedule_duplicate_performance_in_database"),
                      "carrier_performance.csv:2:1",
                      "carrier: duplicate key 'Z1' (already in the database)");
}

// ---- migration ----

TEST(ScheduleMigration, VersionOneDatabaseIsMigratedKeepingItsData) {
    ASSERT_GE(latest_schema_version(), 2);
    TempDir tmp{"cargoquote_schedule_"};
    const fs::path path = tmp / "v1.db";
    const std::vector<std::string> v1_tables = {"airports",    "carriers",   "rate_lines",
                                                "rate_breaks", "surcharges", "customers",
                                                "margins",     "imports"};
    std::map<std::string, std::string> before;
    {
        // A database as a build with only migration 1 left it.
        SQLite::Database v1(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        v1.exec(read_text(test::source_dir() / "rates" / "schema" / "0001_initial.sql"));
        v1.exec(
            "INSERT INTO airports VALUES "
            "('PVG', 'Shanghai Pudong International Airport', 'Shanghai', 'CN', "
            "'Asia/Shanghai', 31.1434, 121.805), "
            "('FRA', 'Frankfurt am Main Airport', 'Frankfurt', 'DE', 'Europe/Berlin', "
            "50.0333, 8.5706)");
        v1.exec(
            "INSERT INTO carriers VALUES ('Q1', 'Aurora Cargo Lines (fictional)', '901', 1, "
            "'fictional carrier for sample data')");
        v1.exec(
            "INSERT INTO rate_lines VALUES ('Q1-PVG-FRA-GEN-W26', 'Q1', 'PVG', 'FRA', 'GEN', "
            "'', 'CNY', 440000000, 6000, 500, 0, 0, 0, '2026-10-01', '2027-03-31', "
            "'Q1 Asia-Europe tariff', 'W26')");
        v1.exec(
            "INSERT INTO rate_breaks VALUES ('Q1-PVG-FRA-GEN-W26', 0, 40900000), "
            "('Q1-PVG-FRA-GEN-W26', 45000, 31900000)");
        v1.exec(
            "INSERT INTO imports (imported_at, source, row_count) VALUES "
            "('2026-10-01T08:00:00Z', '/data/w26', 4)");
        v1.exec("PRAGMA user_version = 1");
        for (const auto& table : v1_tables) before[table] = dump_rows(v1, table);
        EXPECT_FALSE(v1.tableExists("flight_legs"));
    }
    // A read-only open does not migrate.
    try {
        (void)RateStore::open_read_only(path);
        ADD_FAILURE() << "open_read_only accepted a version-1 database";
    } catch (const RateStoreError& e) {
        EXPECT_EQ(e.code(), ErrorCode::SchemaMismatch);
    }

    {
        auto store = RateStore::open_for_import(path);
        EXPECT_EQ(store.schema_version(), latest_schema_version());
    }
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), latest_schema_version());
        for (const auto& table : v1_tables) EXPECT_EQ(dump_rows(db, table), before[table]) << table;
        for (const char* table : {"flight_legs", "aircraft_limits", "carrier_restrictions",
                                  "connection_times", "handling_times", "carrier_performance"}) {
            EXPECT_TRUE(db.tableExists(table)) << table;
        }
    }
    const RateBookData migrated = RateStore::open_read_only(path).load();
    ASSERT_EQ(migrated.rate_lines.size(), 1U);
    EXPECT_EQ(migrated.rate_lines.front().breaks, test::breaks("0:40.90 45:31.90", "CNY"));
    EXPECT_TRUE(migrated.schedule.legs.empty());

    // The migrated database takes a schedule that refers to its version-1 airports and carrier.
    {
        auto store = RateStore::open_for_import(path);
        const ImportReport report = store.import_directory(fixture("schedule_after_migration"));
        ASSERT_TRUE(report.written) << describe(report);
    }
    const RateBookData with_schedule = RateStore::open_read_only(path).load();
    ASSERT_EQ(with_schedule.schedule.legs.size(), 1U);
    EXPECT_EQ(with_schedule.schedule.legs.front().leg_id, "Q1812-PVGFRA-W26");
    EXPECT_EQ(with_schedule.schedule.handling_times.size(), 2U);
    EXPECT_EQ(with_schedule.rate_lines.size(), 1U);
}

// ---- all or nothing ----

TEST(ScheduleTransaction, RejectedScheduleImportLeavesTheDatabaseUnchanged) {
    TempDir tmp{"cargoquote_schedule_"};
    const fs::path db = tmp / "rates.db";
    ASSERT_TRUE(import_into(db, sample_dir()).written);
    const std::string before = dump_database(db);
    ASSERT_NE(before.find("Q1812-PVGFRA-W26A|"), std::string::npos);
    ASSERT_EQ(before.find("K7101-PVGFRA-W26"), std::string::npos);

    // schedule_partly_valid: a new carrier with a valid leg, restriction, handling time and
    // performance row, a new connection time at LEJ, and freighter limits the database already has.
    const ImportReport report = import_into(db, fixture("schedule_partly_valid"));
    expect_only_issue(report, "aircraft_limits.csv:2:1",
                      "aircraft_category: duplicate key 'freighter' (already in the database)");
    EXPECT_EQ(report.total_rows(), 7U);

    EXPECT_EQ(dump_database(db), before);
    const RateBookData data = RateStore::open_read_only(db).load();
    EXPECT_EQ(data.carriers.size(), 9U);
    EXPECT_EQ(data.schedule.legs.size(), 339U);
    EXPECT_EQ(data.schedule.connection_times.size(), 8U);
}

}  // namespace
}  // namespace cargoquote::rates
