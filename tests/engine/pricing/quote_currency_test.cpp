// One currency per quote: in whatever currency a quote is asked for, every amount it shows is in
// that currency and adds up (the charge lines and the rounding line to the buy total, buy total
// and margin to the sell total), in the engine's structures and in the JSON document alike.
// Quotes are drawn from synthesized books on the sample rates (several pricing currencies,
// interline sectors, surcharges in a third currency).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cargoquote/catalog/fx.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/pricing/quoted_amounts.hpp>
#include <nlohmann/json.hpp>

#include "support/drawn_requests.hpp"
#include "support/test_data.hpp"

namespace cargoquote {
namespace {
using nlohmann::json;

const QuoteEngine& sample_engine() {
    static const QuoteEngine engine(
        test::imported_rate_book(test::source_dir() / "rates" / "sample"));
    return engine;
}

Money money_of(const json& m, CurrencyCode expected_currency) {
    RC_ASSERT(m.at("currency").get<std::string>() == expected_currency.str());
    return Money::parse(expected_currency, m.at("amount").get<std::string>(), "amount");
}

// One minor unit in micros (10'000 for the cent; 1 for XDR's six digits).
std::int64_t minor_unit_micros(CurrencyCode currency) {
    std::int64_t micros = 1'000'000;
    for (int digits = currency.minor_unit_digits(); digits > 0; --digits) micros /= 10;
    return micros;
}

void check_option_adds_up(const PricedOption& o, CurrencyCode quote_ccy) {
    RC_ASSERT(o.buy_total_quoted.currency() == quote_ccy);
    RC_ASSERT(o.sell_total_quoted.currency() == quote_ccy);
    Money lines = Money::zero(quote_ccy);
    for (const ChargeLine& c : o.charges) {
        const Money quoted = quoted_amount(o, c.amount);
        RC_ASSERT(quoted.currency() == quote_ccy);
        RC_ASSERT(quoted == quoted.rounded_to_minor_unit());
        if (o.quote_fx) {
            // Each line converted on its own: within half a minor unit of the exact product.
            const auto exact_nano_micros =
                static_cast<Int128>(c.amount.micros()) * o.quote_fx->rate_nanos;
            const auto error =
                static_cast<Int128>(quoted.micros()) * 1'000'000'000 - exact_nano_micros;
            const Int128 twice_bound =
                static_cast<Int128>(minor_unit_micros(quote_ccy)) * 1'000'000'000;
            RC_ASSERT(2 * error <= twice_bound);
            RC_ASSERT(-2 * error <= twice_bound);
        } else {
            RC_ASSERT(quoted == c.amount);
        }
        lines += quoted;
    }
    const Money rounding = quoted_rounding(o);
    RC_ASSERT(lines + rounding == o.buy_total_quoted);
    // Every line can be off by at most half a minor unit, so the rounding line is that small.
    const std::int64_t twice_most =
        minor_unit_micros(quote_ccy) * static_cast<std::int64_t>(o.charges.size() + 1);
    RC_ASSERT(2 * rounding.micros() <= twice_most);
    RC_ASSERT(-2 * rounding.micros() <= twice_most);
    RC_ASSERT(o.buy_total_quoted + quoted_margin(o) == o.sell_total_quoted);
    if (!o.quote_fx) RC_ASSERT(quoted_margin(o) == o.margin.amount);
}

void check_document_adds_up(const json& option, CurrencyCode quote_ccy) {
    const json& quoted = option.at("quoted");
    Money lines = Money::zero(quote_ccy);
    bool rounding_seen = false;
    for (const json& line : quoted.at("ratelines")) {
        lines += money_of(line.at("amount"), quote_ccy);
        if (line.at("kind") == "rounding") {
            RC_ASSERT(!rounding_seen);
            rounding_seen = true;
        }
    }
    // One quoted line per priced line, plus the rounding line when there is one.
    RC_ASSERT(quoted.at("ratelines").size() ==
              option.at("/price/ratelines"_json_pointer).size() + (rounding_seen ? 1 : 0));
    const Money buy = money_of(quoted.at("buyTotal"), quote_ccy);
    RC_ASSERT(lines == buy);
    RC_ASSERT(buy + money_of(quoted.at("margin"), quote_ccy) ==
              money_of(quoted.at("sellTotal"), quote_ccy));
}

RC_GTEST_PROP(QuoteCurrencyProperties, LinesAddUpToTheTotalsInEveryCurrency, ()) {
    const QuoteEngine& engine = sample_engine();
    const auto seed = *rc::gen::inRange<std::uint64_t>(1, 1'000'000);
    auto requests = test::drawn_requests(engine.book(), 1, seed);
    RC_PRE(!requests.empty());
    QuoteRequest request = requests.front();
    const auto currency = *rc::gen::element<std::string>("", "EUR", "USD", "CNY", "XDR");
    if (!currency.empty()) request.currency = CurrencyCode::parse(currency, "currency");
    request.sla_tier = *rc::gen::element<std::string>("none", "standard", "express");
    const QuoteResult result = engine.quote(request);
    const json document = to_json(result);
    bool rounding_line = false;
    for (std::size_t i = 0; i < result.options.size(); ++i) {
        check_option_adds_up(result.options[i], result.currency);
        check_document_adds_up(document.at("bookingOptions").at(i), result.currency);
        rounding_line = rounding_line || !quoted_rounding(result.options[i]).is_zero();
    }
    RC_CLASSIFY(result.options.empty(), "no option in the SLA");
    RC_CLASSIFY(rounding_line, "a rounding line");
    for (std::size_t i = 0; i < result.sla_rejections.size(); ++i) {
        check_option_adds_up(result.sla_rejections[i].option, result.currency);
        check_document_adds_up(document.at("slaRejections").at(i).at("option"), result.currency);
    }
}

// Hand-computed: Q1's PVG-FRA quote for ACME-DE in EUR. The sample prices it in CNY and holds
// EUR->CNY 8.030632 from 2026-11-01, used inverted: 1 / 8.030632 = 0.124523201 EUR per CNY.
// Each line rounded to the cent on its own:
//   16275.00 -> 2026.62   50.00 -> 6.23   60.00 -> 7.47   813.75 -> 101.33
//   6375.00 -> 793.84     750.00 -> 93.39                          sum 3028.88
// while the buy total 24323.75 CNY converts to 3028.87 EUR: a rounding line of -0.01. The sell
// total 25849.65 CNY is 3218.88 EUR, so the margin shown is 3218.88 - 3028.87 = 190.01 (the
// margin 1525.90 CNY converted alone is 190.0149, also 190.01).
TEST(QuoteCurrency, TheRoundingLineCarriesTheDifferenceOfTheConvertedLines) {
    QuoteRequest request;
    request.shipment.origin = AirportCode::parse("PVG");
    request.shipment.destination = AirportCode::parse("FRA");
    request.shipment.pieces = {test::piece(3, "120", "80", "100", "250")};
    request.shipment.ready_time = LocalDateTime::parse("2026-11-26T10:00", "ready");
    request.shipment.customer_id = "ACME-DE";
    request.currency = CurrencyCode::parse("EUR", "currency");
    request.quote_date = Date::parse("2026-11-25", "date");
    request.sla_tier = "none";
    const QuoteResult result = sample_engine().quote(request);
    const PricedOption* q1 = nullptr;
    for (const auto& o : result.options) {
        if (o.carrier.view() == "Q1" && o.sectors.empty()) q1 = &o;
    }
    ASSERT_NE(q1, nullptr);
    ASSERT_TRUE(q1->quote_fx.has_value());
    EXPECT_EQ(q1->quote_fx->rate_nanos, 124'523'201);
    std::vector<std::string> lines;
    for (const auto& c : q1->charges) lines.push_back(quoted_amount(*q1, c.amount).to_string());
    EXPECT_EQ(lines, (std::vector<std::string>{"2026.62 EUR", "6.23 EUR", "7.47 EUR", "101.33 EUR",
                                               "793.84 EUR", "93.39 EUR"}));
    EXPECT_EQ(quoted_rounding(*q1), test::money("-0.01", "EUR"));
    EXPECT_EQ(q1->buy_total_quoted, test::money("3028.87", "EUR"));
    EXPECT_EQ(quoted_margin(*q1), test::money("190.01", "EUR"));
    EXPECT_EQ(q1->sell_total_quoted, test::money("3218.88", "EUR"));
}

}  // namespace
}  // namespace cargoquote
