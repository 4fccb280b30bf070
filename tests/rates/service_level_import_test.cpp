// Service levels in the rate store (rates/README.md, "Service levels (QPR)"): the sample tiers and
// customer preferences, every validation rule of sla_tiers.csv and customer_preferences.csv with
// the exact file:line:column it reports, the migration of a version-2 database and the
// all-or-nothing transaction.
//
// Fixtures live in tests/data/import/sla_<case>/: a minimal customers.csv (ACME-DE, NEWCO), an
// sla_tiers.csv whose line 2 defines `express` and, for the customer_preferences.csv cases, a
// customer_preferences.csv whose line 2 is valid. The file under test carries exactly one fault on
// line 3. The cases checked against the database hold only the file under test (line 2 is the
// faulty one) and are imported on top of rates/sample.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "rates/import_checks.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::rates {
namespace {

namespace fs = std::filesystem;
using namespace test_support;
using selection::CreditRule;
using selection::CustomerPreference;
using selection::SlaTier;
using test::TempDir;

const SlaTier* find_tier(const RateBookData& data, std::string_view tier,
                         std::string_view customer_id) {
    const auto it = std::find_if(
        data.sla_tiers.begin(), data.sla_tiers.end(),
        [&](const SlaTier& t) { return t.tier == tier && t.customer_id == customer_id; });
    return it == data.sla_tiers.end() ? nullptr : &*it;
}

// ---- the sample ----

TEST(SampleServiceLevels, ImportCountsBothFiles) {
    auto store = RateStore::open_for_import(":memory:");
    const ImportReport report = store.import_directory(sample_dir());
    ASSERT_TRUE(report.ok()) << describe(report);
    EXPECT_TRUE(report.written);
    EXPECT_EQ(report.rows_by_file.at("sla_tiers.csv"), 5U);
    EXPECT_EQ(report.rows_by_file.at("customer_preferences.csv"), 3U);
}

TEST(SampleServiceLevels, LoadReturnsTiersAndPreferencesInKeyOrder) {
    TempDir tmp{"cargoquote_sla_"};
    ASSERT_TRUE(import_into(tmp / "rates.db", sample_dir()).written);
    const RateBookData data = RateStore::open_read_only(tmp / "rates.db").load();

    std::vector<std::pair<std::string, std::string>> keys;
    for (const auto& t : data.sla_tiers) keys.emplace_back(t.tier, t.customer_id);
    EXPECT_EQ(keys, (std::vector<std::pair<std::string, std::string>>{{"economy", ""},
                                                                      {"express", ""},
                                                                      {"express", "ACME-DE"},
                                                                      {"standard", ""},
                                                                      {"standard", "SHA-TEX"}}));
    std::vector<std::string> customers;
    for (const auto& p : data.customer_preferences) customers.push_back(p.customer_id);
    EXPECT_EQ(customers, (std::vector<std::string>{"ACME-DE", "NEWCO", "SHA-TEX"}));

    const SlaTier* express = find_tier(data, "express", "");
    ASSERT_NE(express, nullptr);
    EXPECT_EQ(express->max_transit_hours, 48);
    EXPECT_EQ(express->min_reliability, 0.90);
    EXPECT_FALSE(express->max_price.has_value());
    EXPECT_EQ(express->max_price_over_cheapest, 0.25);
    EXPECT_EQ(express->max_risk, 0.30);
    EXPECT_TRUE(express->required_capabilities.empty());
    EXPECT_EQ(express->credit_rule, CreditRule::WithholdRiskyForNew);
    EXPECT_EQ(express->credit_max_risk, 0.20);

    const SlaTier* economy = find_tier(data, "economy", "");
    ASSERT_NE(economy, nullptr);
    EXPECT_EQ(economy->max_transit_hours, 168);
    EXPECT_FALSE(economy->max_price_over_cheapest.has_value());
    EXPECT_EQ(economy->credit_rule, CreditRule::None);
    EXPECT_FALSE(economy->credit_max_risk.has_value());
}

TEST(SampleServiceLevels, CustomerOverridesRoundTripFieldByField) {
    auto store = RateStore::open_for_import(":memory:");
    ASSERT_TRUE(store.import_directory(sample_dir()).written);
    const RateBookData data = store.load();

    // ACME-DE on express: 36 h and freighters only; everything else inherits (unset).
    const SlaTier* acme = find_tier(data, "express", "ACME-DE");
    ASSERT_NE(acme, nullptr);
    EXPECT_EQ(acme->max_transit_hours, 36);
    EXPECT_FALSE(acme->min_reliability.has_value());
    EXPECT_FALSE(acme->max_price.has_value());
    EXPECT_FALSE(acme->max_price_over_cheapest.has_value());
    EXPECT_FALSE(acme->max_risk.has_value());
    EXPECT_EQ(acme->required_capabilities, (std::vector<std::string>{"freighter"}));
    EXPECT_FALSE(acme->credit_rule.has_value());
    EXPECT_FALSE(acme->credit_max_risk.has_value());

    // SHA-TEX on standard: a price ceiling of exactly CNY 30000.
    const SlaTier* shatex = find_tier(data, "standard", "SHA-TEX");
    ASSERT_NE(shatex, nullptr);
    ASSERT_TRUE(shatex->max_price.has_value());
    EXPECT_EQ(*shatex->max_price, Money(CurrencyCode::parse("CNY"), 30'000'000'000));
    EXPECT_FALSE(shatex->max_transit_hours.has_value());
    EXPECT_TRUE(shatex->required_capabilities.empty());

    const auto preference = [&](std::string_view id) {
        const auto it =
            std::find_if(data.customer_preferences.begin(), data.customer_preferences.end(),
                         [&](const CustomerPreference& p) { return p.customer_id == id; });
        return it == data.customer_preferences.end() ? CustomerPreference{} : *it;
    };
    const CustomerPreference acme_pref = preference("ACME-DE");
    EXPECT_EQ(acme_pref.default_tier, "express");
    EXPECT_EQ(acme_pref.method, selection::RankingMethod::Topsis);
    ASSERT_TRUE(acme_pref.weights.has_value());
    EXPECT_EQ(acme_pref.weights->values, (std::array<double, 5>{0.3, 0.4, 0.2, 0.1, 0.0}));
    const CustomerPreference newco = preference("NEWCO");
    EXPECT_EQ(newco.customer_id, "NEWCO");
    EXPECT_EQ(newco.default_tier, "economy");
    EXPECT_FALSE(newco.method.has_value());
    EXPECT_FALSE(newco.weights.has_value());
}

TEST(SampleServiceLevels, StoredAsIntegersPpmHoursAndMicros) {
    TempDir tmp{"cargoquote_sla_"};
    ASSERT_TRUE(import_into(tmp / "rates.db", sample_dir()).written);
    SQLite::Database db((tmp / "rates.db").string(), SQLite::OPEN_READONLY);
    // dump_rows orders by every column; NULL (the tier itself) sorts before a customer.
    EXPECT_EQ(dump_rows(db, "sla_tiers"),
              "economy|NULL|168|700000|NULL|NULL|NULL|700000||none|NULL|\n"
              "express|NULL|48|900000|NULL|NULL|250000|300000||withhold_risky_for_new|200000|\n"
              "express|ACME-DE|36|NULL|NULL|NULL|NULL|NULL|freighter|NULL|NULL|\n"
              "standard|NULL|96|800000|NULL|NULL|600000|500000||prepayment_for_new|NULL|\n"
              "standard|SHA-TEX|NULL|NULL|30000000000|CNY|NULL|NULL||NULL|NULL|\n");
    EXPECT_EQ(db.execAndGet("SELECT typeof(min_reliability_ppm) FROM sla_tiers WHERE "
                            "tier = 'express' AND customer_id IS NULL")
                  .getString(),
              "integer");
}

// ---- sla_tiers.csv rules ----

TEST(ServiceLevelValidation, UnknownCustomer) {
    expect_only_issue(import_fixture("sla_unknown_customer"), "sla_tiers.csv:3:9",
                      "customer_id: unknown customer 'NOBODY'");
}

TEST(ServiceLevelValidation, OverrideOfAnUnknownTier) {
    expect_only_issue(import_fixture("sla_unknown_tier"), "sla_tiers.csv:3:1",
                      "tier: unknown tier 'premium'");
}

TEST(ServiceLevelValidation, PercentOutsideZeroToHundred) {
    expect_only_issue(import_fixture("sla_percent_out_of_range"), "sla_tiers.csv:3:14",
                      "min_reliability_percent: '101' is outside 0..100 percent");
}

TEST(ServiceLevelValidation, NegativeHours) {
    expect_only_issue(import_fixture("sla_negative_hours"), "sla_tiers.csv:3:11",
                      "max_transit_hours: '-4' must not be negative");
}

TEST(ServiceLevelValidation, NonIntegerHours) {
    expect_only_issue(import_fixture("sla_fractional_hours"), "sla_tiers.csv:3:11",
                      "max_transit_hours: '96.5' is not a whole number");
}

TEST(ServiceLevelValidation, BadCurrency) {
    expect_only_issue(import_fixture("sla_bad_currency"), "sla_tiers.csv:3:23",
                      "max_price_currency: 'RMB' is not a supported ISO 4217 currency code");
}

TEST(ServiceLevelValidation, MaxPriceWithoutCurrency) {
    expect_only_issue(import_fixture("sla_price_without_currency"), "sla_tiers.csv:3:23",
                      "max_price_currency: missing value: max_price needs its currency");
}

TEST(ServiceLevelValidation, CurrencyWithoutMaxPrice) {
    expect_only_issue(import_fixture("sla_currency_without_price"), "sla_tiers.csv:3:18",
                      "max_price_currency: given without max_price");
}

TEST(ServiceLevelValidation, UnknownCapability) {
    expect_only_issue(import_fixture("sla_unknown_capability"), "sla_tiers.csv:3:25",
                      "required_capabilities: unknown capability 'widebody'");
}

TEST(ServiceLevelValidation, BadCreditRule) {
    expect_only_issue(import_fixture("sla_bad_credit_rule"), "sla_tiers.csv:3:26",
                      "credit_rule: 'prepay' is not none, prepayment_for_new or "
                      "withhold_risky_for_new");
}

TEST(ServiceLevelValidation, CreditMaxRiskWithoutWithholdRiskyForNew) {
    expect_only_issue(import_fixture("sla_credit_max_risk_without_withhold"), "sla_tiers.csv:3:45",
                      "credit_max_risk_percent: given without credit_rule withhold_risky_for_new "
                      "(credit_rule is prepayment_for_new)");
}

TEST(ServiceLevelValidation, CreditMaxRiskOnAnOverrideWhoseTierDoesNotWithhold) {
    // The override names no credit_rule of its own: it inherits the tier's prepayment_for_new.
    expect_only_issue(import_fixture("sla_credit_max_risk_inherited_rule"), "sla_tiers.csv:3:26",
                      "credit_max_risk_percent: given without credit_rule withhold_risky_for_new "
                      "(tier 'standard' has prepayment_for_new)");
}

TEST(ServiceLevelValidation, DuplicateTierWithinTheFile) {
    expect_only_issue(import_fixture("sla_duplicate_tier"), "sla_tiers.csv:3:1",
                      "tier: duplicate key 'express'");
}

TEST(ServiceLevelValidation, DuplicateOverrideAlreadyInTheDatabase) {
    expect_only_issue(import_fixture_after_sample("sla_duplicate_tier_in_database"),
                      "sla_tiers.csv:2:1",
                      "tier: duplicate key 'express/ACME-DE' (already in the database)");
}

// ---- customer_preferences.csv rules ----

TEST(ServiceLevelValidation, PreferenceOfAnUnknownCustomer) {
    expect_only_issue(import_fixture("sla_pref_unknown_customer"), "customer_preferences.csv:3:1",
                      "customer_id: unknown customer 'NOBODY'");
}

TEST(ServiceLevelValidation, UnknownDefaultTier) {
    expect_only_issue(import_fixture("sla_pref_unknown_default_tier"),
                      "customer_preferences.csv:3:7", "default_tier: unknown tier 'premium'");
}

TEST(ServiceLevelValidation, BadMethod) {
    expect_only_issue(import_fixture("sla_pref_bad_method"), "customer_preferences.csv:3:15",
                      "method: 'electre' is not weighted_sum, topsis or vikor");
}

TEST(ServiceLevelValidation, WeightNotNameEqualsValue) {
    expect_only_issue(import_fixture("sla_pref_weight_not_name_value"),
                      "customer_preferences.csv:3:9", "weights: weight 'time' is not name=value");
}

TEST(ServiceLevelValidation, WeightOfAnUnknownCriterion) {
    expect_only_issue(import_fixture("sla_pref_weight_unknown_criterion"),
                      "customer_preferences.csv:3:9", "weights: unknown criterion 'cost'");
}

TEST(ServiceLevelValidation, NegativeWeight) {
    expect_only_issue(import_fixture("sla_pref_weight_negative"), "customer_preferences.csv:3:9",
                      "weights: weight '-0.5' of 'price' is not a non-negative decimal");
}

TEST(ServiceLevelValidation, CriterionWeightedTwice) {
    expect_only_issue(import_fixture("sla_pref_weight_duplicate_criterion"),
                      "customer_preferences.csv:3:9", "weights: criterion 'price' is given twice");
}

TEST(ServiceLevelValidation, NoPositiveWeight) {
    expect_only_issue(import_fixture("sla_pref_weight_none_positive"),
                      "customer_preferences.csv:3:9",
                      "weights: at least one weight must be positive");
}

TEST(ServiceLevelValidation, DuplicatePreferenceWithinTheFile) {
    expect_only_issue(import_fixture("sla_pref_duplicate_customer"), "customer_preferences.csv:3:1",
                      "customer_id: duplicate key 'ACME-DE'");
}

TEST(ServiceLevelValidation, DuplicatePreferenceAlreadyInTheDatabase) {
    expect_only_issue(import_fixture_after_sample("sla_pref_duplicate_in_database"),
                      "customer_preferences.csv:2:1",
                      "customer_id: duplicate key 'NEWCO' (already in the database)");
}

// ---- migration ----

TEST(ServiceLevelMigration, VersionTwoDatabaseIsMigratedKeepingItsData) {
    ASSERT_GE(latest_schema_version(), 3);
    TempDir tmp{"cargoquote_sla_"};
    const fs::path path = tmp / "v2.db";
    const fs::path schema = test::source_dir() / "rates" / "schema";
    const std::vector<std::string> v2_tables = {"airports",
                                                "carriers",
                                                "rate_lines",
                                                "rate_breaks",
                                                "surcharges",
                                                "customers",
                                                "margins",
                                                "imports",
                                                "flight_legs",
                                                "aircraft_limits",
                                                "carrier_restrictions",
                                                "connection_times",
                                                "handling_times",
                                                "carrier_performance"};
    std::map<std::string, std::string> before;
    {
        // A database as a build with migrations 1 and 2 left it.
        SQLite::Database v2(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        v2.exec(read_text(schema / "0001_initial.sql"));
        v2.exec(read_text(schema / "0002_schedules.sql"));
        v2.exec(
            "INSERT INTO airports VALUES "
            "('PVG', 'Shanghai Pudong International Airport', 'Shanghai', 'CN', "
            "'Asia/Shanghai', 31.1434, 121.805), "
            "('FRA', 'Frankfurt am Main Airport', 'Frankfurt', 'DE', 'Europe/Berlin', "
            "50.0333, 8.5706)");
        v2.exec(
            "INSERT INTO carriers VALUES ('Q1', 'Aurora Cargo Lines (fictional)', '901', 1, "
            "'fictional carrier for sample data')");
        v2.exec(
            "INSERT INTO customers VALUES ('ACME-DE', 'Acme Antriebstechnik GmbH (fictional)', "
            "'AUTOMOTIVE', 'good', '2019-03-01')");
        v2.exec(
            "INSERT INTO margins VALUES ('M-ACME', 'ACME-DE', '', 'PVG', 'FRA', 0, 80000, 0, 0, "
            "'EUR', '2026-10-01', '2027-03-31')");
        v2.exec(
            "INSERT INTO flight_legs VALUES ('Q1812-PVGFRA-W26', 'Q1', 'Q1 812', 'PVG', 'FRA', "
            "1060, 1350, 0, 127, '2026-10-01', '2027-03-31', '74Y', 'freighter')");
        v2.exec("INSERT INTO handling_times VALUES (NULL, NULL, 180, 180)");
        v2.exec(
            "INSERT INTO imports (imported_at, source, row_count) VALUES "
            "('2026-10-01T08:00:00Z', '/data/w26', 7)");
        v2.exec("PRAGMA user_version = 2");
        for (const auto& table : v2_tables) before[table] = dump_rows(v2, table);
        EXPECT_FALSE(v2.tableExists("sla_tiers"));
    }
    // A read-only open does not migrate.
    try {
        (void)RateStore::open_read_only(path);
        ADD_FAILURE() << "open_read_only accepted a version-2 database";
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
        for (const auto& table : v2_tables) EXPECT_EQ(dump_rows(db, table), before[table]) << table;
        EXPECT_TRUE(db.tableExists("sla_tiers"));
        EXPECT_TRUE(db.tableExists("customer_preferences"));
    }
    const RateBookData migrated = RateStore::open_read_only(path).load();
    EXPECT_EQ(migrated.customers.size(), 1U);
    EXPECT_EQ(migrated.margins.size(), 1U);
    EXPECT_EQ(migrated.schedule.legs.size(), 1U);
    EXPECT_TRUE(migrated.sla_tiers.empty());
    EXPECT_TRUE(migrated.customer_preferences.empty());

    // The migrated database takes service levels for its version-2 customer. The override gives
    // only credit_max_risk_percent and inherits withhold_risky_for_new from its tier.
    {
        auto store = RateStore::open_for_import(path);
        const ImportReport report = store.import_directory(fixture("sla_after_migration"));
        ASSERT_TRUE(report.written) << describe(report);
    }
    const RateBookData with_sla = RateStore::open_read_only(path).load();
    ASSERT_EQ(with_sla.sla_tiers.size(), 2U);
    const SlaTier* acme = find_tier(with_sla, "express", "ACME-DE");
    ASSERT_NE(acme, nullptr);
    EXPECT_EQ(acme->credit_max_risk, 0.10);
    EXPECT_FALSE(acme->credit_rule.has_value());
    ASSERT_EQ(with_sla.customer_preferences.size(), 1U);
    ASSERT_TRUE(with_sla.customer_preferences.front().weights.has_value());
    EXPECT_EQ(with_sla.customer_preferences.front().weights->values,
              (std::array<double, 5>{0, 0, 0, 0, 1}));
    EXPECT_FALSE(with_sla.customer_preferences.front().method.has_value());
    EXPECT_EQ(with_sla.schedule.legs.size(), 1U);
}

// ---- all or nothing ----

TEST(ServiceLevelTransaction, RejectedImportLeavesTheDatabaseUnchanged) {
    TempDir tmp{"cargoquote_sla_"};
    const fs::path db = tmp / "rates.db";
    ASSERT_TRUE(import_into(db, sample_dir()).written);
    const std::string before = dump_database(db);
    ASSERT_EQ(before.find("overnight"), std::string::npos);
    ASSERT_EQ(before.find("BER-NEW"), std::string::npos);

    // sla_partly_valid: a new customer, a new tier with an override for it and its preference,
    // all valid, and a preference for ACME-DE, which the database already has.
    const ImportReport report = import_into(db, fixture("sla_partly_valid"));
    expect_only_issue(report, "customer_preferences.csv:3:1",
                      "customer_id: duplicate key 'ACME-DE' (already in the database)");
    EXPECT_EQ(report.total_rows(), 5U);

    EXPECT_EQ(dump_database(db), before);
    const RateBookData data = RateStore::open_read_only(db).load();
    EXPECT_EQ(data.customers.size(), 5U);
    EXPECT_EQ(data.sla_tiers.size(), 5U);
    EXPECT_EQ(data.customer_preferences.size(), 3U);
}

}  // namespace
}  // namespace cargoquote::rates
