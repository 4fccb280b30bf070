// Repricing on pricing plans gives exactly what pricing every row from the rate book gives: a
// synthesized mixed book on the sample rates (interline, special commodity, declared value,
// contract customers), through run_book and price_rows, with and without a requested currency.
#include <gtest/gtest.h>

#include <cargoquote/batch/book_output.hpp>
#include <cargoquote/batch/book_runner.hpp>
#include <cargoquote/pricing/pricing_plan.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/synth/shipment_book.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_data.hpp"

namespace cargoquote::batch {
namespace {

std::shared_ptr<const QuoteEngine> sample_engine() {
    auto store = rates::RateStore::open_for_import(":memory:");
    EXPECT_TRUE(store.import_directory(test::source_dir() / "rates" / "sample").written);
    return std::make_shared<const QuoteEngine>(std::make_shared<const RateBook>(store.load()));
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Every row in order, naming the first that differs.
void expect_same_lines(const std::string& planned, const std::string& plain) {
    const auto a = lines_of(planned);
    const auto b = lines_of(plain);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        ASSERT_EQ(a[i], b[i]) << "output line " << i + 1;
    }
}

// Adds a `currency` column asking for USD, EUR, CNY or the rate's own currency in turn, so the
// totals of most rows are converted.
std::string with_currency_column(const std::string& book) {
    static constexpr std::array<std::string_view, 4> kCurrencies = {"USD", "EUR", "", "CNY"};
    std::string out;
    std::size_t row = 0;
    for (const std::string& line : lines_of(book)) {
        out += line;
        out += row == 0 ? std::string_view(",currency") : std::string_view(",");
        if (row > 0) out += kCurrencies[row % kCurrencies.size()];
        out += '\n';
        ++row;
    }
    return out;
}

class PricingPlanTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        engine_ = sample_engine();
        std::ostringstream out;
        summary_ = synth::synthesize_shipment_book(
            engine_->book(), {.rows = 50'000, .seed = 1, .previous = true}, out);
        book_ = new std::string(out.str());
    }
    static void TearDownTestSuite() {
        delete book_;
        engine_.reset();
    }

    struct Run {
        std::string output;
        std::string errors;
        BatchSummary summary;
    };

    static Run run(const std::string& book, bool plans, int threads) {
        BatchSettings settings;
        settings.pricing_plans = plans;
        const BookPricer pricer(engine_, settings);
        std::istringstream in(book);
        std::ostringstream out;
        std::ostringstream err;
        BatchOptions options;
        options.threads = threads;
        Run r;
        r.summary = run_book(in, "book.csv", BookFormat::Csv, pricer, out, err, options);
        r.output = out.str();
        r.errors = err.str();
        return r;
    }

    static inline std::shared_ptr<const QuoteEngine> engine_;
    static inline synth::ShipmentBookSummary summary_;
    static inline std::string* book_ = nullptr;
};

TEST_F(PricingPlanTest, TheSynthesizedBookIsMixed) {
    EXPECT_EQ(summary_.rows, 50'000U);
    EXPECT_GT(summary_.interline_rows, 0U);
    EXPECT_GT(summary_.special_commodity_rows, 0U);
    EXPECT_GT(summary_.declared_value_rows, 0U);
    EXPECT_GT(summary_.customer_rows, 0U);
}

TEST_F(PricingPlanTest, RunBookOutputIsIdenticalWithAndWithoutPlans) {
    const Run planned = run(*book_, true, 2);
    const Run plain = run(*book_, false, 2);
    EXPECT_EQ(planned.summary.rows_read, 50'000U);
    EXPECT_GT(planned.summary.rows_priced, 49'000U);
    EXPECT_EQ(planned.summary.rows_priced, plain.summary.rows_priced);
    EXPECT_EQ(planned.summary.rejections_by_reason, plain.summary.rejections_by_reason);
    expect_same_lines(planned.output, plain.output);
    EXPECT_EQ(planned.errors, plain.errors);
    EXPECT_EQ(planned.output, plain.output);
}

TEST_F(PricingPlanTest, ConvertedTotalsAreIdenticalWithAndWithoutPlans) {
    const std::string book = with_currency_column(*book_);
    const Run planned = run(book, true, 1);
    const Run plain = run(book, false, 1);
    expect_same_lines(planned.output, plain.output);
    EXPECT_EQ(planned.errors, plain.errors);
    // The requested currencies differ from most rates': the converted path really ran.
    EXPECT_NE(planned.output, run(*book_, true, 1).output);
}

TEST_F(PricingPlanTest, PriceRowsIsIdenticalWithAndWithoutPlans) {
    // The in-memory path of the Python bindings, on the book's rows as fields.
    const auto lines = lines_of(with_currency_column(*book_));
    std::vector<BookColumn> columns;
    {
        std::string_view header = lines.front();
        while (true) {
            const std::size_t comma = header.find(',');
            columns.push_back(*book_column_named(header.substr(0, comma)));
            if (comma == std::string_view::npos) break;
            header.remove_prefix(comma + 1);
        }
    }
    std::vector<RowFields> rows;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        RowFields fields;
        std::string_view rest = lines[i];
        for (const BookColumn c : columns) {
            const std::size_t comma = rest.find(',');
            fields[c] = rest.substr(0, comma);
            rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
        }
        rows.push_back(fields);
    }
    const auto csv = [&](bool plans) {
        BatchSettings settings;
        settings.pricing_plans = plans;
        const PricedRows priced = price_rows(BookPricer(engine_, settings), rows, 2);
        EXPECT_TRUE(priced.errors.empty());
        std::string out;
        for (const RowOutcome& o : priced.outcomes) append_outcome_csv(out, o);
        return out;
    };
    expect_same_lines(csv(true), csv(false));
}

TEST_F(PricingPlanTest, PlansAreSharedByKeyAndKeptApart) {
    const RateBook& book = engine_->book();
    Shipment shipment;
    shipment.origin = AirportCode::parse("PVG");
    shipment.destination = AirportCode::parse("FRA");
    const Date day = Date::parse("2026-10-20", "t");
    const std::array<RouteSector, 1> route{
        RouteSector{CarrierCode::parse("Q1"), shipment.origin, shipment.destination}};
    const PricingContext walk_in{
        .book = book, .shipment = shipment, .rating_date = day, .quote_date = day};
    // The next day changes no rule; 2026-11-01 brings new FX rates.
    PricingContext next_day = walk_in;
    next_day.rating_date = day.plus_days(1);
    PricingContext new_fx = walk_in;
    new_fx.rating_date = Date::parse("2026-11-05", "t");
    PricingContext contract = walk_in;
    contract.customer = &book.data().customers.front();

    PricingPlanCache cache;
    const PricingPlan& first = cache.plan_for(walk_in, route);
    EXPECT_EQ(&cache.plan_for(walk_in, route), &first);
    EXPECT_EQ(&cache.plan_for(next_day, route), &first);
    EXPECT_TRUE(first.covers(next_day.rating_date));
    EXPECT_FALSE(first.covers(new_fx.rating_date));
    EXPECT_NE(&cache.plan_for(new_fx, route), &first);
    EXPECT_NE(&cache.plan_for(contract, route), &first);
    EXPECT_EQ(cache.size(), 3U);
    ASSERT_NE(first.sector(route[0].carrier, route[0].origin, route[0].destination), nullptr);
    EXPECT_NE(first.sector(route[0].carrier, route[0].origin, route[0].destination)->general,
              nullptr);

    PricingPlanCache bounded(2);
    (void)bounded.plan_for(walk_in, route);
    (void)bounded.plan_for(new_fx, route);
    (void)bounded.plan_for(contract, route);  // past the bound: starts afresh
    EXPECT_EQ(bounded.size(), 1U);
}

}  // namespace
}  // namespace cargoquote::batch
