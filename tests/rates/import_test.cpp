// CSV import into the rate store (rates/README.md): the sample data set, every validation rule
// with the exact file:line:column it reports, and the all-or-nothing transaction.
//
// Fixtures live in tests/data/import/<case>/: a minimal valid airports.csv and carriers.csv plus a
// rates.csv whose line 2 is valid and whose line 3 carries exactly one fault (unless noted).

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cargoquote/rates/rate_store.hpp>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "rates/import_checks.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::rates {
namespace {

namespace fs = std::filesystem;
using namespace test_support;
using test::TempDir;

// ---- the sample data set ----

TEST(SampleImport, CountsEveryRowOfEveryFile) {
    TempDir tmp{"cargoquote_import_"};
    auto store = RateStore::open_for_import(tmp / "rates.db");
    const ImportReport report = store.import_directory(sample_dir());

    ASSERT_TRUE(report.ok()) << describe(report);
    EXPECT_TRUE(report.written);
    const std::map<std::string, std::size_t> expected = {{"airports.csv", 38},
                                                         {"carriers.csv", 9},
                                                         {"customers.csv", 5},
                                                         {"fx_rates.csv", 12},
                                                         {"liability_limits.csv", 2},
                                                         {"margins.csv", 6},
                                                         {"rates.csv", 327},
                                                         {"surcharges.csv", 113},
                                                         {"aircraft_limits.csv", 3},
                                                         {"carrier_performance.csv", 9},
                                                         {"carrier_restrictions.csv", 6},
                                                         {"connection_times.csv", 8},
                                                         {"flight_legs.csv", 339},
                                                         {"handling_times.csv", 9},
                                                         {"sla_tiers.csv", 5},
                                                         {"customer_preferences.csv", 3}};
    EXPECT_EQ(report.rows_by_file, expected);
    EXPECT_EQ(report.total_rows(), 894U);
}

TEST(SampleImport, LoadReturnsTheImportedRows) {
    TempDir tmp{"cargoquote_import_"};
    ASSERT_TRUE(import_into(tmp / "rates.db", sample_dir()).written);
    const RateBookData data = RateStore::open_read_only(tmp / "rates.db").load();

    EXPECT_EQ(data.airports.size(), 38U);
    EXPECT_EQ(data.carriers.size(), 9U);
    EXPECT_EQ(data.customers.size(), 5U);
    EXPECT_EQ(data.fx_rates.size(), 12U);
    EXPECT_EQ(data.liability_limits.size(), 2U);
    EXPECT_EQ(data.margins.size(), 6U);
    EXPECT_EQ(data.rate_lines.size(), 327U);
    EXPECT_EQ(data.surcharges.size(), 113U);

    // PVG-FRA has a W26 GEN line from each of the nine carriers; the S26 lines of Q1 and X8
    // expired.
    const Date day = Date::parse("2026-11-26", "test");
    std::multiset<std::string> gen_carriers;
    for (const auto& line : data.rate_lines) {
        if (line.origin.str() == "PVG" && line.destination.str() == "FRA" &&
            line.rate_class == RateClass::General && line.valid_on(day)) {
            gen_carriers.insert(line.carrier.str());
        }
    }
    EXPECT_EQ(gen_carriers,
              (std::multiset<std::string>{"J0", "P3", "P6", "Q1", "X2", "X4", "X8", "Y6", "Z1"}));
}

TEST(SampleImport, RateLineRoundTripsExactly) {
    auto store = RateStore::open_for_import(":memory:");
    ASSERT_TRUE(store.import_directory(sample_dir()).written);
    const RateBookData data = store.load();

    const auto it =
        std::find_if(data.rate_lines.begin(), data.rate_lines.end(),
                     [](const RateLine& l) { return l.line_id == "Q1-PVG-FRA-GEN-W26"; });
    ASSERT_NE(it, data.rate_lines.end());
    // rates.csv line 2.
    EXPECT_EQ(it->carrier.str(), "Q1");
    EXPECT_EQ(it->currency.str(), "CNY");
    EXPECT_EQ(it->min_charge, test::money("440.00", "CNY"));
    EXPECT_EQ(it->breaks,
              test::breaks("0:40.90 45:31.90 100:28.40 300:24.50 500:21.70 1000:19.60", "CNY"));
    EXPECT_EQ(it->weight_rules.divisor.cm3_per_kg, 6000);
    EXPECT_EQ(it->weight_rules.rounding_step, test::kg("0.5"));
    EXPECT_EQ(it->valid_from.iso(), "2026-10-01");
    EXPECT_EQ(it->valid_to.iso(), "2027-03-31");
    EXPECT_EQ(it->sheet, "Q1 Asia-Europe tariff");
    EXPECT_EQ(it->version, "W26");
}

// ---- one fixture per validation rule ----

TEST(ImportValidation, UnknownAirport) {
    expect_only_issue(import_fixture("unknown_airport"), "rates.csv:3:27", "unknown airport 'XYZ'");
}

TEST(ImportValidation, RateLineFromAnAirportToItself) {
    expect_only_issue(import_fixture("rate_same_origin_destination"), "rates.csv:3:27",
                      "origin and destination are the same airport");
}

TEST(ImportValidation, DuplicatedHeaderColumnIsOneErrorNamingIt) {
    // Once: one "expected 19 fields" error per row instead of one naming the column.
    const ImportReport report = import_fixture("duplicate_header_column");
    expect_only_issue(report, "rates.csv:1:19", "column 'carrier' appears twice (also column 2)");
}

TEST(ImportValidation, FxRateWithMoreDecimalsThanStoredIsRefused) {
    expect_only_issue(import_fixture("fx_too_many_decimals"), "fx_rates.csv:2:20",
                      "'8.2052700001' has more than 9 decimals");
}

TEST(ImportValidation, NegativeAmount) {
    expect_only_issue(import_fixture("negative_amount"), "rates.csv:3:40",
                      "min_charge: '-75.00' must not be negative");
}

TEST(ImportValidation, BreaksNotAscending) {
    expect_only_issue(import_fixture("breaks_not_ascending"), "rates.csv:3:46",
                      "breaks not ascending: 45.0 kg after 100.0 kg");
}

TEST(ImportValidation, OverlappingValidityWithinTheFile) {
    // Line 3 (2027-03-01..2027-09-30) overlaps line 2 (..2027-03-31) on the same key; the column
    // is where line 3's valid_from field starts.
    const ImportReport report = import_fixture("overlap_in_file");
    expect_only_issue(report, "rates.csv:3:86", "overlaps 'Q1-PVG-FRA-GEN-W26'");
    if (const ImportIssue* issue = find_issue(report, "overlaps")) {
        EXPECT_NE(issue->message.find("line 2"), std::string::npos) << issue->message;
    }
}

TEST(ImportValidation, OverlappingValidityWithTheDatabase) {
    // Only rates.csv: carrier and airports come from the sample already in the database.
    const ImportReport report = import_fixture_after_sample("overlap_with_database");
    expect_only_issue(report, "rates.csv:2:86", "overlaps 'Q1-PVG-FRA-GEN-W26'");
    if (const ImportIssue* issue = find_issue(report, "overlaps")) {
        EXPECT_NE(issue->message.find("in the database"), std::string::npos) << issue->message;
    }
}

TEST(ImportValidation, BadCurrency) {
    expect_only_issue(import_fixture("bad_currency"), "rates.csv:3:36",
                      "currency: 'RMB' is not a supported ISO 4217 currency code");
}

TEST(ImportValidation, MissingValue) {
    expect_only_issue(import_fixture("missing_value"), "rates.csv:3:20",
                      "missing value for 'carrier'");
}

TEST(ImportValidation, MissingColumn) {
    // The header problem is about the whole line: column 0, and location() leaves it out.
    const ImportReport report = import_fixture("missing_column");
    expect_only_issue(report, "rates.csv:1:0", "missing column 'version'");
    ASSERT_FALSE(report.errors.empty());
    EXPECT_EQ(report.errors.front().location(), "rates.csv:1");
}

TEST(ImportValidation, DuplicateLineIdWithinTheFile) {
    expect_only_issue(import_fixture("duplicate_line_id"), "rates.csv:3:1",
                      "duplicate key 'Q1-PVG-FRA-GEN-W26'");
}

TEST(ImportValidation, DuplicateLineIdAlreadyInTheDatabase) {
    // Valid from 2027-04-01, the day after the database's line ends: no overlap, only the key.
    expect_only_issue(import_fixture_after_sample("duplicate_in_database"), "rates.csv:2:1",
                      "duplicate key 'Q1-PVG-FRA-GEN-W26' (already in the database)");
}

TEST(ImportValidation, WrongFieldCount) {
    const ImportReport report = import_fixture("wrong_field_count");
    expect_only_issue(report, "rates.csv:3:0", "expected 18 fields, found 19");
    ASSERT_FALSE(report.errors.empty());
    EXPECT_EQ(report.errors.front().location(), "rates.csv:3");
}

TEST(ImportValidation, InvalidUtf8) {
    // A lone 0xFF byte inside the sheet name of line 3.
    expect_only_issue(import_fixture("invalid_utf8"), "rates.csv:3:110", "invalid UTF-8");
}

TEST(ImportValidation, BadDate) {
    expect_only_issue(import_fixture("bad_date"), "rates.csv:3:93",
                      "valid_to: '2027-02-30' is not a date YYYY-MM-DD");
}

TEST(ImportValidation, ReportsEveryFaultOfEveryFile) {
    // airports.csv line 4: latitude 148; customers.csv line 2: credit status; rates.csv line 3:
    // negative minimum and month 13 (two in one row); rates.csv line 4: 17 fields.
    const ImportReport report = import_fixture("several_faults");
    EXPECT_FALSE(report.written);
    std::vector<std::string> found;
    for (const auto& issue : report.errors) found.push_back(where(issue) + " " + issue.message);
    EXPECT_EQ(found,
              (std::vector<std::string>{
                  "airports.csv:4:44 latitude: '148.3538' is outside -90..90 degrees",
                  "customers.csv:2:58 credit_status: 'excellent' is not good, new or overdue",
                  "rates.csv:3:40 min_charge: '-75.00' must not be negative",
                  "rates.csv:3:94 valid_to: '2027-13-01' is not a date YYYY-MM-DD",
                  "rates.csv:4:0 expected 18 fields, found 17"}));
    // Rows are counted whether valid or not.
    EXPECT_EQ(report.rows_by_file.at("rates.csv"), 3U);
    EXPECT_EQ(report.rows_by_file.at("airports.csv"), 3U);
}

// ---- all or nothing ----

TEST(ImportTransaction, RejectedImportLeavesTheDatabaseUnchanged) {
    TempDir tmp{"cargoquote_import_"};
    const fs::path db = tmp / "rates.db";
    ASSERT_TRUE(import_into(db, sample_dir()).written);
    const std::string before = dump_database(db);
    const int version_before = user_version(db);
    // The dump covers what the rejected import would have changed.
    ASSERT_NE(before.find("PVG|Shanghai Pudong International Airport|"), std::string::npos);
    ASSERT_EQ(before.find("K9-PVG-HAM-GEN-W26"), std::string::npos);

    // partly_valid: valid rows in seven files (an airport rename, a new airport, carrier, rate
    // line, FX rate, liability limit, customer, surcharge) and one unknown customer in margins.csv.
    const ImportReport report = import_into(db, fixture("partly_valid"));
    expect_only_issue(report, "margins.csv:3:16", "unknown customer 'NOBODY'");
    EXPECT_EQ(report.total_rows(), 10U);

    EXPECT_EQ(dump_database(db), before);
    EXPECT_EQ(user_version(db), version_before);
    EXPECT_EQ(RateStore::open_read_only(db).load().airports.size(), 38U);
}

}  // namespace
}  // namespace cargoquote::rates
