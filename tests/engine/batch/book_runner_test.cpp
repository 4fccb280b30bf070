// Batch repricing end to end on the hand-built rate book: hand-computed totals, every row
// accounted for whatever is wrong with it, the same output on 1 and N threads, cancellation.
#include <gtest/gtest.h>

#include <cargoquote/batch/book_output.hpp>
#include <cargoquote/batch/book_runner.hpp>
#include <sstream>

#include "support/test_data.hpp"

namespace cargoquote::batch {
namespace {

constexpr std::string_view kHeader =
    "shipment_id,origin,destination,pieces,ready,commodity,customer,carrier,routing,previous_total,"
    "previous_currency\n";

struct BatchRun {
    std::string output;
    std::string errors;
    BatchSummary summary;
};

class BookRunnerTest : public ::testing::Test {
  protected:
    std::shared_ptr<const QuoteEngine> engine = std::make_shared<const QuoteEngine>(
        std::make_shared<const RateBook>(test::small_rate_book()));

    BatchRun run(const std::string& book, BatchSettings settings = {}, BatchOptions options = {},
                 BookFormat format = BookFormat::Csv) const {
        std::istringstream in(book);
        std::ostringstream out;
        std::ostringstream err;
        const BookPricer pricer(engine, std::move(settings));
        BatchRun r;
        r.summary = run_book(in, "book.csv", format, pricer, out, err, options);
        r.output = out.str();
        r.errors = err.str();
        return r;
    }
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// gtest's prefix check: the whole line on failure, not a cut substring.
::testing::AssertionResult starts_with(const std::string& line, std::string_view prefix) {
    if (line.rfind(prefix, 0) == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "'" << line << "' does not start with '" << prefix << "'";
}

TEST_F(BookRunnerTest, RepricesOnTheBookedCarrierWithHandComputedTotals) {
    // A1, 1 piece 100x100x100 cm @ 200 kg: volume 166.67 -> 167.0 kg, chargeable 200 kg.
    //   weight: 200 kg at +100 25.00 = 5000.00 (+300: 300 x 22.00 = 6600.00 is dearer)
    //   surcharges: MY 8.50 x 200 = 1700.00, SC 1.00 x 200 gross = 200.00, CH 15.00 x 1 -> min
    //   40.00, AW 50.00, MC 5 % of 5000.00 = 250.00; total 2240.00; buy 7240.00
    //   margin DEFAULT 12 % of the markable 5340.00 (not MY, SC) = 640.80; sell 7880.80
    //   previous 7000.00 CNY: change 880.80 = 12.58 %
    const BatchRun r = run(std::string(kHeader) +
                           "S1,PVG,FRA,1x100x100x100@200,2026-11-26T10:00,GEN,,A1,,7000,CNY\n");
    const auto out = lines_of(r.output);
    ASSERT_EQ(out.size(), 2U) << r.errors;
    EXPECT_EQ(out[0] + "\n", output_header());
    EXPECT_EQ(out[1],
              "2,S1,1,priced,,A1,,,,CNY,200.0,5000.00,2240.00,0.00,7240.00,640.80,7880.80,7000.00,"
              "880.80,12.58");
    EXPECT_EQ(r.summary.rows_priced, 1U);
}

TEST_F(BookRunnerTest, AsOfDatePricesOnTheRatesInForceThatDay) {
    // On 2026-09-15 only the expired A1 sheet (M 100, N 1.00) and no surcharges are in force.
    BatchSettings settings;
    settings.as_of = Date::parse("2026-09-15", "t");
    const BatchRun r =
        run(std::string(kHeader) + "S1,PVG,FRA,1x10x10x10@10,2026-11-26T10:00,,,A1,,,\n", settings);
    const auto out = lines_of(r.output);
    ASSERT_EQ(out.size(), 2U) << r.errors;
    EXPECT_NE(out[1].find(",CNY,10.0,100.00,"), std::string::npos) << out[1];
}

TEST_F(BookRunnerTest, EveryRowIsInTheOutputOrTheErrorsFile) {
    const std::string book =
        std::string(kHeader) +
        "OK1,PVG,FRA,2x50x40x30@12,2026-11-26T10:00,,,A1,,,\n"          // 2 priced
        "BADNUM,PVG,FRA,2x50x40x30@1.2.3,2026-11-26T10:00,,,A1,,,\n"    // 3 invalid_piece_spec
        "AIRPORT,PVG,XXX,1x1x1x1@1,2026-11-26T10:00,,,A1,,,\n"          // 4 unknown_airport
        "\n"                                                            // 5 empty_row
        "SHORT,PVG,FRA,1x1x1x1@1\n"                                     // 6 malformed_row
        "GARBLED,PVG,FRA,1x1x1x1@1,2026-11-26T10:00,\xC3\x28,,A1,,,\n"  // 7 invalid_utf8
        "NORATE,PVG,JFK,1x10x10x10@5,2026-11-26T10:00,,,A1,,,\n"        // 8 rejected no_rate
        "PREV,PVG,FRA,1x10x10x10@5,2026-11-26T10:00,,,B2,,abc,CNY\n"    // 9 invalid_number
        "\"OK2, quoted\",PVG,FRA,1x10x10x10@5,2026-11-26T10:00,,ACME,B2,,,\n";  // 10 priced
    const BatchRun r = run(book);
    EXPECT_EQ(r.summary.rows_read, 9U);
    EXPECT_EQ(r.summary.rows_priced, 2U);
    EXPECT_EQ(r.summary.rows_rejected, 1U);
    EXPECT_EQ(r.summary.rows_failed, 6U);
    EXPECT_EQ(lines_of(r.output).size() - 1 + lines_of(r.errors).size() - 1, 9U);
    const auto errors = lines_of(r.errors);
    EXPECT_TRUE(starts_with(errors[1], "3,BADNUM,4,pieces,invalid_piece_spec,"));
    EXPECT_TRUE(starts_with(errors[2], "4,AIRPORT,3,destination,unknown_airport,"));
    EXPECT_EQ(errors[3], "5,,0,,empty_row,empty line");
    EXPECT_TRUE(starts_with(errors[4], "6,,0,,malformed_row"));
    EXPECT_TRUE(starts_with(errors[5], "7,,0,,invalid_utf8"));
    EXPECT_TRUE(starts_with(errors[6], "9,PREV,10,previous_total,invalid_number,"));
    const auto out = lines_of(r.output);
    EXPECT_TRUE(starts_with(out[1], "2,OK1,1,priced,,A"));
    EXPECT_TRUE(starts_with(out[2], "8,NORATE,1,rejected,no_rate,A1,,,"));
    EXPECT_TRUE(starts_with(out[3], "10,\"OK2, quoted\",1,priced,,B2,,"));
    EXPECT_EQ(r.summary.rejections_by_reason.at("no_rate"), 1U);
    EXPECT_EQ(r.summary.errors_by_code.at("invalid_utf8"), 1U);
}

TEST_F(BookRunnerTest, AStrayQuoteLosesOnlyItsOwnRow) {
    // Once, an unclosed quote on row 2 swallowed every row after it into one error, exit 0.
    std::string book(kHeader);
    book += "S1,PVG,FRA,1x10x10x10@5,\"2026-11-26T10:00,,,A1,,,\n";
    for (int i = 2; i <= 2000; ++i) {
        book += "S" + std::to_string(i) + ",PVG,FRA,1x10x10x10@5,2026-11-26T10:00,,,A1,,,\n";
    }
    const BatchRun r = run(book);
    EXPECT_EQ(r.summary.rows_read, 2000U);
    EXPECT_EQ(r.summary.rows_priced, 1999U);
    EXPECT_EQ(r.summary.rows_failed, 1U);
    const auto errors = lines_of(r.errors);
    ASSERT_EQ(errors.size(), 2U);
    EXPECT_TRUE(starts_with(errors[1], "2,,0,,malformed_row,a quoted field is not closed"));
    EXPECT_TRUE(starts_with(lines_of(r.output)[1], "3,S2,1,priced,"));
}

TEST_F(BookRunnerTest, OutputIsTheSameOnOneAndManyThreadsAndInInputOrder) {
    std::string book(kHeader);
    const char* pieces[] = {"1x10x10x10@5", "3x120x80x100@250", "2x60x40x50@1.5", "bad"};
    for (int i = 0; i < 20000; ++i) {
        book += "S" + std::to_string(i) + ",PVG,FRA," + pieces[i % 4] + ",2026-11-26T10:00,,," +
                (i % 3 == 0 ? "B2" : "A1") + ",,,\n";
    }
    BatchOptions one;
    one.threads = 1;
    one.chunk_rows = 256;
    BatchOptions many;
    many.threads = 4;
    many.chunk_rows = 97;
    const BatchRun a = run(book, {}, one);
    const BatchRun b = run(book, {}, many);
    EXPECT_EQ(a.output, b.output);
    EXPECT_EQ(a.errors, b.errors);
    EXPECT_EQ(a.summary.rows_read, 20000U);
    EXPECT_EQ(a.summary.rows_failed, 5000U);
    const auto out = lines_of(b.output);
    for (std::size_t k = 2; k < out.size(); ++k) {
        ASSERT_LT(std::stoull(out[k - 1]), std::stoull(out[k])) << "not in input order at " << k;
    }
}

TEST_F(BookRunnerTest, JsonLinesNameFieldsByJsonPointer) {
    const std::string book =
        R"({"shipment_id":"J1","origin":"PVG","destination":"FRA","pieces":"1x10x10x10@5","ready":"2026-11-26T10:00","carrier":"A1"})"
        "\n"
        R"({"shipment_id":"J2","origin":"PVG","destination":"FRA","pieces":"1x10x10x10@5","ready":"2026-13-26T10:00","carrier":"A1"})"
        "\n";
    const BatchRun r = run(book, {}, {}, BookFormat::JsonLines);
    EXPECT_EQ(r.summary.rows_priced, 1U);
    const auto errors = lines_of(r.errors);
    ASSERT_EQ(errors.size(), 2U);
    EXPECT_TRUE(starts_with(errors[1], "2,J2,0,/ready,invalid_date_time,"));
}

TEST_F(BookRunnerTest, CancelStopsReadingAndSaysSo) {
    std::string book(kHeader);
    for (int i = 0; i < 10000; ++i) book += "S,PVG,FRA,1x10x10x10@5,2026-11-26T10:00,,,A1,,,\n";
    std::atomic<bool> cancel{false};
    BatchOptions options;
    options.chunk_rows = 100;
    options.threads = 1;
    options.cancel = &cancel;
    options.progress = [&](const BatchProgress& p) {
        if (p.rows >= 1000) cancel.store(true);
    };
    const BatchRun r = run(book, {}, options);
    EXPECT_TRUE(r.summary.cancelled);
    EXPECT_LT(r.summary.rows_read, 10000U);
}

TEST_F(BookRunnerTest, InterlineRoutingIsPricedSectorBySector) {
    // A routing the book cannot price names the sector without a rate.
    const BatchRun r =
        run(std::string(kHeader) +
            "R1,PVG,FRA,1x10x10x10@5,2026-11-26T10:00,,,A1,A1:PVG-JFK;B2:JFK-FRA,,\n"
            "R2,PVG,FRA,1x10x10x10@5,2026-11-26T10:00,,,A1,A1:PVG-JFK;B2:JFK-PVG,,\n");
    const auto out = lines_of(r.output);
    ASSERT_EQ(out.size(), 2U) << r.errors;
    EXPECT_TRUE(starts_with(out[1], "2,R1,1,rejected,no_sector_rate,A1,A1:PVG-JFK;B2:JFK-FRA,,,"));
    EXPECT_NE(r.errors.find("3,R2,9,routing,invalid_input,"), std::string::npos) << r.errors;
}

TEST(ChangePercent, RoundsHalfAwayFromZero) {
    const auto cny = [](std::string_view a) { return test::money(a, "CNY"); };
    EXPECT_EQ(change_percent_text(cny("1"), cny("8")), "12.50");
    EXPECT_EQ(change_percent_text(cny("-1"), cny("3")), "-33.33");
    EXPECT_EQ(change_percent_text(cny("0.00005"), cny("1")), "0.01");
    EXPECT_EQ(change_percent_text(cny("-0.00005"), cny("1")), "-0.01");
    EXPECT_EQ(change_percent_text(cny("5"), cny("0")), "");
}

}  // namespace
}  // namespace cargoquote::batch
