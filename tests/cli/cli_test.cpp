// End-to-end tests of the `cargoquote` command: the real binary (CARGOQUOTE_CLI_PATH) on a rate
// database imported from rates/sample, with stdout, stderr and the exit code captured separately.
//
// Golden files live in tests/data/golden. When the output changes on purpose, regenerate them with
//     CARGOQUOTE_UPDATE_GOLDEN=1 ctest --test-dir <build> -L cli
// (each golden test then rewrites its file instead of comparing), review the diff by hand, e.g.
// check that weight charge = chargeable weight x rate, buy total = sum of the charge lines and
// sell total = buy total + margin, and commit it. The JSON tests below check those sums exactly,
// independent of the golden text.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli_runner.hpp"
#include "sample_cli_fixture.hpp"
#include "support/test_data.hpp"

namespace cargoquote::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// ---- decimal strings to exact integers ----

__extension__ typedef __int128 Wide;

// "23929.01" at 2 digits -> 2392901; fails the test when `text` has more than `digits` decimals.
std::int64_t scaled(const json& value, int digits) {
    const std::string text = value.get<std::string>();
    const bool negative = !text.empty() && text[0] == '-';
    const std::string body = negative ? text.substr(1) : text;
    const auto dot = body.find('.');
    std::string whole = body.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "" : body.substr(dot + 1);
    EXPECT_LE(fraction.size(), static_cast<std::size_t>(digits))
        << "'" << text << "' has too many decimals";
    fraction.resize(static_cast<std::size_t>(digits), '0');
    const std::int64_t n = std::stoll(whole + fraction);
    return negative ? -n : n;
}
std::int64_t cents(const json& money) { return scaled(money.at("amount"), 2); }
std::int64_t grams(const json& kg_text) { return scaled(kg_text, 3); }

// numerator / denominator rounded half up (both non-negative).
std::int64_t round_half_up(Wide numerator, Wide denominator) {
    return static_cast<std::int64_t>((numerator + denominator / 2) / denominator);
}

// ---- golden files ----

using CliGolden = CliTest;

TEST_F(CliGolden, QuoteTable) {
    const CliRun run = cargoquote_on_sample(kAcmeQuote);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    expect_golden(run.out, "pvg_fra_acme.txt");
}

TEST_F(CliGolden, QuoteJson) {
    const CliRun run = cargoquote_on_sample(plus(kAcmeQuote, {"--json"}));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    expect_golden(run.out, "pvg_fra_acme.json");
}

TEST_F(CliGolden, RatesShowLane) {
    const CliRun run =
        cargoquote_on_sample({"rates", "show", "--lane", "PVG-FRA", "--date", "2026-11-26"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    expect_golden(run.out, "rates_show_pvg_fra.txt");
}

TEST_F(CliGolden, DatabaseFromEnvironmentGivesTheSameQuote) {
    const CliRun run = cargoquote(kAcmeQuote, {"CARGOQUOTE_DB=" + db().string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    expect_golden(run.out, "pvg_fra_acme.txt");
}

// ---- the JSON result adds up, independent of the golden text ----

using CliQuoteJson = CliTest;

TEST_F(CliQuoteJson, TotalsAddUpForEveryOption) {
    const CliRun run =
        cargoquote_on_sample(plus(kAcmeQuote, {"--json", "--sla", "none", "--method",
                                               "weighted_sum", "--weights", "price=1"}));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json doc = json::parse(run.out);
    EXPECT_EQ(doc.at("schema"), "cargoquote.quote_result/1");
    EXPECT_EQ(doc.at("currency"), "CNY");
    // The sample schedules give 11 options that nothing dominates; one interline itinerary that
    // nothing priceable dominates has a sector whose carrier files no rate, and is rejected with
    // its flights.
    EXPECT_EQ(doc.at("dominatedOptions"), 0);
    ASSERT_EQ(doc.at("rejections").size(), 1U);
    for (const json& r : doc.at("rejections")) {
        EXPECT_EQ(r.at("reason"), "no_sector_rate");
        EXPECT_FALSE(r.at("itinerary").is_null());
    }
    const json& options = doc.at("bookingOptions");
    ASSERT_EQ(options.size(), 11U);

    std::int64_t previous_sell = 0;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const json& o = options[i];
        SCOPED_TRACE("option " + o.at("carrier").at("code").get<std::string>());
        const json& price = o.at("price");
        EXPECT_EQ(o.at("rank"), i + 1);

        // 3 pieces 120x80x100 cm at 250 kg: gross 750 kg beats volume 2880000 / 6000 = 480 kg.
        const std::int64_t chargeable = grams(o.at("chargeableWeight").at("chargeableWeight"));
        EXPECT_EQ(chargeable, 750'000);
        EXPECT_EQ(grams(o.at("chargeableWeight").at("volumeWeight")), 480'000);

        // Weight charge = declared weight x rate per kg (no minimum, no higher break here).
        const json& wc = o.at("weightCharge");
        EXPECT_FALSE(wc.at("minimumApplied").get<bool>());
        EXPECT_FALSE(wc.at("higherBreakApplied").get<bool>());
        EXPECT_EQ(grams(wc.at("declaredWeight")), chargeable);
        EXPECT_EQ(cents(wc.at("amount")),
                  round_half_up(Wide{grams(wc.at("declaredWeight"))} * cents(wc.at("rate")), 1000));

        // Buy total = sum of the charge lines; the margin's base = those the margin applies to.
        std::int64_t lines = 0, markable = 0;
        for (const json& line : price.at("ratelines")) {
            EXPECT_EQ(line.at("amount").at("currency"), "CNY");
            lines += cents(line.at("amount"));
            if (line.at("marginApplies").get<bool>()) markable += cents(line.at("amount"));
            if (line.at("kind") == "weight" && line.at("sector") == 0) {
                EXPECT_EQ(cents(line.at("amount")), cents(wc.at("amount")));
            }
        }
        const std::int64_t buy = cents(price.at("buyTotal"));
        EXPECT_EQ(buy, lines);

        // ACME-DE from 300 kg: 8 % of the markable charges + 0.20 CNY per chargeable kg (min 400).
        const json& margin = price.at("margin");
        EXPECT_EQ(margin.at("marginId"), "ACME-DE-PVG-FRA-300");
        EXPECT_EQ(cents(margin.at("markableBase")), markable);
        EXPECT_FALSE(margin.at("minimumApplied").get<bool>());
        const std::int64_t percent_x10000 = scaled(margin.at("percent"), 4);
        const std::int64_t per_kg = cents(margin.at("perKg"));
        EXPECT_EQ(percent_x10000, 80'000);
        EXPECT_EQ(per_kg, 20);
        const Wide margin_x1e9 =
            Wide{markable} * percent_x10000 * 1000 + Wide{per_kg} * chargeable * 1'000'000;
        EXPECT_EQ(cents(margin.at("amount")), round_half_up(margin_x1e9, 1'000'000'000));

        // Sell = buy + margin; nothing converted, so the quoted totals are the same. With
        // --method weighted_sum --weights price=1 the ranking is cheapest first.
        const std::int64_t sell = cents(price.at("sellTotal"));
        EXPECT_EQ(sell, buy + cents(margin.at("amount")));
        EXPECT_EQ(cents(o.at("quoted").at("sellTotal")), sell);
        EXPECT_EQ(cents(o.at("quoted").at("buyTotal")), buy);
        EXPECT_GE(sell, previous_sell);
        previous_sell = sell;
    }
}

TEST_F(CliQuoteJson, CheapestOptionByHand) {
    // P6: 750 kg x 21.70 (+500) = 16275.00; fuel 0.85 EUR x 750 = 637.50 EUR x 8.030632 = 5119.53;
    // security 0.16 EUR x 750 = 120.00 EUR x 8.030632 = 963.68; AW 50.00; CH 3 x 12.00 = 36.00 ->
    // minimum 60.00. Buy 22468.21; margin 8 % x (16275 + 50 + 60) + 0.20 x 750 = 1460.80.
    const CliRun run =
        cargoquote_on_sample(plus(kAcmeQuote, {"--json", "--sla", "none", "--method",
                                               "weighted_sum", "--weights", "price=1"}));
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json p6 = json::parse(run.out).at("bookingOptions").at(0);
    EXPECT_EQ(p6.at("carrier").at("code"), "P6");
    EXPECT_EQ(p6.at("weightCharge").at("appliedBreak"), "500.0");

    std::map<std::string, std::int64_t> charges;  // by code: the line order is presentation
    for (const json& line : p6.at("price").at("ratelines")) {
        charges[line.at("code").get<std::string>()] = cents(line.at("amount"));
        if (!line.at("fx").is_null()) {
            // Foreign amount x FX rate, rounded to the cent once.
            const Wide foreign_x1000 =
                Wide{cents(line.at("rate"))} * grams(line.at("quantity").at("value"));
            EXPECT_EQ(cents(line.at("amount")),
                      round_half_up(foreign_x1000 * scaled(line.at("fx").at("rate"), 9),
                                    Wide{1000} * 1'000'000'000))
                << line.at("code");
        }
    }
    EXPECT_EQ(
        charges,
        (std::map<std::string, std::int64_t>{
            {"WT", 1'627'500}, {"MY", 511'953}, {"SC", 96'368}, {"AW", 5'000}, {"CH", 6'000}}));
    EXPECT_EQ(cents(p6.at("price").at("buyTotal")), 2'246'821);
    EXPECT_EQ(cents(p6.at("price").at("margin").at("amount")), 146'080);
    EXPECT_EQ(cents(p6.at("price").at("sellTotal")), 2'392'901);
}

TEST_F(CliQuoteJson, RequestFileGivesTheSameOptionsAsTheCommandLine) {
    const CliRun direct = cargoquote_on_sample(plus(kAcmeQuote, {"--json"}));
    ASSERT_EQ(direct.exit_code, 0) << direct.err;
    const json result = json::parse(direct.out);
    const fs::path request = scratch() / "request.json";
    write_file(request, result.at("request").dump());

    const CliRun from_file =
        cargoquote_on_sample({"quote", "--request", request.string(), "--json"});
    ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
    EXPECT_EQ(json::parse(from_file.out).at("bookingOptions"), result.at("bookingOptions"));
}

// ---- errors: one line on stderr naming the problem, the ErrorCode as exit code ----

using CliErrors = CliTest;

TEST_F(CliErrors, MalformedPieceSpec) {
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--piece", "3x120x80@250")),
                 ErrorCode::InvalidPieceSpec, {"--piece", "3x120x80@250"});
}

TEST_F(CliErrors, UnknownAirport) {
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--from", "XYZ")), ErrorCode::UnknownAirport,
                 {"--from", "XYZ"});
}

TEST_F(CliErrors, NegativeWeight) {
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--piece", "1x10x10x10@-5")),
                 ErrorCode::NegativeQuantity, {"--piece", "weight must be greater than zero"});
}

TEST_F(CliErrors, UnknownCustomer) {
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--customer", "NOBODY")),
                 ErrorCode::UnknownCustomer, {"--customer", "NOBODY"});
}

TEST_F(CliErrors, MissingDatabaseFile) {
    expect_error(cargoquote(plus(kAcmeQuote, {"--db", "/nonexistent/x.db"})),
                 ErrorCode::DatabaseMissing, {"--db", "/nonexistent/x.db"});
}

TEST_F(CliErrors, NoDatabaseGiven) {
    // run_cli removes CARGOQUOTE_DB from the child's environment.
    expect_error(cargoquote(kAcmeQuote), ErrorCode::DatabaseMissing, {"--db", "CARGOQUOTE_DB"});
}

TEST_F(CliErrors, UnknownOption) {
    expect_error(cargoquote_on_sample(plus(kAcmeQuote, {"--bogus"})), ErrorCode::Usage,
                 {"--bogus"});
}

TEST_F(CliErrors, MalformedJsonRequest) {
    const fs::path request = scratch() / "malformed.json";
    write_file(request, R"({"schema": "cargoquote.quote_request/1", "shipment": {)");
    expect_error(cargoquote_on_sample({"quote", "--request", request.string()}),
                 ErrorCode::InvalidJson, {"JSON"});
}

TEST_F(CliErrors, AWeightPastItsRangeIsRefusedNotWrapped) {
    // Once priced at -4,611,686,017,383.23 CNY (signed overflow in the chargeable weight).
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--piece", "1x1x1x1@9223372036854")),
                 ErrorCode::QuantityOutOfRange, {"--piece", "weight must be at most 250000.0 kg"});
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--piece", "100000x1x1x1@2000")),
                 ErrorCode::QuantityOutOfRange, {"--piece", "gross weight must be at most"});
    expect_error(cargoquote_on_sample(with(kAcmeQuote, "--piece", "1x5000.1x1x1@1")),
                 ErrorCode::QuantityOutOfRange, {"--piece", "length must be at most 5000 cm"});
}

// The demo request with `edit` applied to its JSON text, written to a file.
fs::path request_file(std::string_view name, const std::string& text) {
    const fs::path path =
        fs::temp_directory_path() /
        ("cargoquote_cli_req_" + std::to_string(::getpid()) + "_" + std::string(name));
    write_file(path, text);
    return path;
}

constexpr std::string_view kRequestHead =
    R"({"schema":"cargoquote.quote_request/1","shipment":{"origin":"PVG","destination":"FRA",)"
    R"("readyTime":"2026-11-26T10:00","pieces":[{"count":1,"dimensions":{"length":"10",)"
    R"("width":"10","height":"10","unit":"CMT"},"grossWeight":{"value":)";

TEST_F(CliErrors, AJsonNumberOutsideDoubleRangeNamesItsPointer) {
    // Once exit 1 "internal" (nlohmann's out_of_range escaped).
    const fs::path weight =
        request_file("weight.json", std::string(kRequestHead) + R"(1e400,"unit":"KGM"}}]}})");
    expect_error(cargoquote_on_sample({"quote", "--request", weight.string()}),
                 ErrorCode::InvalidNumber,
                 {"/shipment/pieces/0/grossWeight/value", "outside the range of a double"});
    const fs::path days =
        request_file("days.json", std::string(kRequestHead) +
                                      R"("5","unit":"KGM"}}]},"offerValidityDays":1e400})");
    expect_error(cargoquote_on_sample({"quote", "--request", days.string()}),
                 ErrorCode::InvalidNumber, {"/offerValidityDays"});
}

TEST_F(CliErrors, ADuplicateJsonKeyIsRefusedByPointer) {
    const fs::path path = request_file(
        "dup.json", std::string(kRequestHead) + R"("5","value":"500","unit":"KGM"}}]}})");
    expect_error(cargoquote_on_sample({"quote", "--request", path.string()}),
                 ErrorCode::InvalidInput,
                 {"/shipment/pieces/0/grossWeight/value", "appears twice"});
}

TEST_F(CliErrors, MoneyAsAJsonNumberIsRefused) {
    const fs::path path = request_file(
        "money.json",
        std::string(kRequestHead) +
            R"("5","unit":"KGM"}}],"declaredValue":{"amount":50000,"currency":"EUR"}}})");
    expect_error(cargoquote_on_sample({"quote", "--request", path.string()}),
                 ErrorCode::InvalidNumber, {"/shipment/declaredValue/amount", "decimal string"});
}

TEST_F(CliErrors, ARequestFileWithShipmentOptionsIsAUsageError) {
    const fs::path path =
        request_file("ok.json", std::string(kRequestHead) + R"("5","unit":"KGM"}}]}})");
    const CliRun run = cargoquote_on_sample({"quote", "--request", path.string(), "--from", "PVG"});
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::Usage)) << run.err;
    EXPECT_NE(run.err.find("--from"), std::string::npos) << run.err;
    EXPECT_EQ(cargoquote_on_sample({"quote", "--request", path.string()}).exit_code, 0);
}

TEST_F(CliErrors, LimitOutOfRangeIsAUsageError) {
    for (const std::string limit : {"-1", "99999999999999999999"}) {
        const CliRun run = cargoquote_on_sample(plus(kAcmeQuote, {"--limit", limit}));
        EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::Usage)) << limit << ": " << run.err;
        EXPECT_NE(run.err.find("--limit"), std::string::npos) << run.err;
    }
}

TEST_F(CliQuoteJson, ASurchargeInEuroIsConvertedExactlyAndRoundedOnce) {
    // X4 fuel: 1.05 EUR/kg x 20.5 kg = 21.525 EUR, x 8.030632 (EUR->CNY in force on the day)
    // = 172.8594... -> 172.86 CNY. Rounding to the cent in EUR first (21.53) gave 172.90.
    const CliRun run = cargoquote_on_sample({"quote", "--from", "PVG", "--to", "FRA", "--piece",
                                             "1x10x10x10@20.5", "--ready", "2026-11-26T10:00",
                                             "--date", "2026-11-25", "--sla", "none", "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    bool seen = false;
    const json result = json::parse(run.out);
    for (const json& option : result.at("bookingOptions")) {
        if (option.at("carrier").at("code") != "X4") continue;
        for (const json& line : option.at("price").at("ratelines")) {
            if (line.at("code") != "MY") continue;
            EXPECT_EQ(line.at("fx").at("rate"), "8.030632");
            EXPECT_EQ(line.at("amount").at("amount"), "172.86");
            EXPECT_EQ(cents(line.at("amount")),
                      round_half_up(Wide{105} * 20'500 * 8'030'632, Wide{1'000} * 1'000'000));
            seen = true;
        }
    }
    EXPECT_TRUE(seen) << "no X4 fuel line";
}

TEST_F(CliErrors, HelpIsUsageOnStdout) {
    const CliRun run = cargoquote({"--help"});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(run.err, "");
    for (const std::string_view part : {"Usage:", "quote", "rates"}) {
        EXPECT_NE(run.out.find(part), std::string::npos) << run.out;
    }
}

// The import/validate report on stderr: the file:line[:column] of each issue line, then the
// final "cargoquote: ..." summary line.
struct ReportedIssues {
    std::vector<std::string> locations;
    std::string summary;
};

ReportedIssues reported_issues(const std::string& err) {
    ReportedIssues out;
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("cargoquote: ", 0) == 0) {
            out.summary = line;
        } else {
            out.locations.push_back(line.substr(0, line.find(": ")));
        }
    }
    return out;
}

// several_faults (tests/data/import) has five faults and, on rates.csv line 2, a valid PVG-FRA
// line.
const std::vector<std::string> kSeveralFaults = {"airports.csv:4:44", "customers.csv:2:58",
                                                 "rates.csv:3:40", "rates.csv:3:94", "rates.csv:4"};

fs::path several_faults_dir() {
    return test::source_dir() / "tests" / "data" / "import" / "several_faults";
}

TEST_F(CliErrors, RejectedImportListsEveryIssueAndWritesNothing) {
    const std::string fresh_db = (scratch() / "rejected.db").string();
    const CliRun run =
        cargoquote({"rates", "import", several_faults_dir().string(), "--db", fresh_db});
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::ImportRejected));
    EXPECT_EQ(run.out, "");
    const ReportedIssues issues = reported_issues(run.err);
    EXPECT_EQ(issues.locations, kSeveralFaults) << run.err;
    EXPECT_NE(issues.summary.find("5 error(s); nothing was written"), std::string::npos)
        << issues.summary;

    // Validation runs before the database file is created: a rejected first import leaves none.
    EXPECT_FALSE(fs::exists(fresh_db));
}

TEST_F(CliErrors, ValidateReportsTheSameIssues) {
    const CliRun run = cargoquote({"rates", "validate", several_faults_dir().string()});
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::ImportRejected));
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(reported_issues(run.err).locations, kSeveralFaults) << run.err;
}

}  // namespace
}  // namespace cargoquote::cli
