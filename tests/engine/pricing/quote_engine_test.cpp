// End-to-end pricing on the hand-built book in tests/support/test_data.cpp. Every expected number
// is worked out in the comment above it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/quote/quote_engine.hpp>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {
using test::kg;
using test::money;

class QuoteEngineTest : public testing::Test {
  protected:
    QuoteEngine engine{std::make_shared<const RateBook>(test::small_rate_book())};

    static QuoteRequest request(std::vector<Piece> pieces, std::string_view commodity = "GEN",
                                std::string_view ready = "2026-11-26T10:00") {
        QuoteRequest r;
        r.shipment.origin = AirportCode::parse("PVG");
        r.shipment.destination = AirportCode::parse("FRA");
        r.shipment.pieces = std::move(pieces);
        r.shipment.commodity = Commodity::parse(commodity, "c");
        r.shipment.ready_time = LocalDateTime::parse(ready, "r");
        return r;
    }
    static std::vector<Piece> pallets() { return {test::piece(3, "120", "80", "100", "250")}; }

    static const PricedOption& option(const QuoteResult& r, std::string_view carrier) {
        for (const auto& o : r.options) {
            if (o.carrier.view() == carrier) return o;
        }
        throw std::runtime_error("no option for carrier");
    }
    static const ChargeLine* line(const PricedOption& o, std::string_view code) {
        for (const auto& c : o.charges) {
            if (c.code == code) return &c;
        }
        return nullptr;
    }
};

// A1: chargeable 750 kg (gross 750, volume 480). WT +500 x 20.00 = 15000.00; MY 8.50 x 750 =
// 6375.00; SC 1.00 x 750 gross = 750.00; CH 3 x 15 = 45.00 (min 40); AW 50.00; MC 5 % of 15000 =
// 750.00 (max 1000). Buy 22970.00. Default margin 12 % of (15000+45+50+750) = 1901.40.
// B2 (divisor 5000: volume weight 576): WT 750 x 19.50 = 14625.00; MY 1.10 EUR x 750 = 825.00 EUR
// x 7.80 = 6435.00; CH 45.00; AW 50.00. Buy 21155.00; margin 12 % of 14720 = 1766.40.
TEST_F(QuoteEngineTest, PricesEveryCarrierCheapestFirst) {
    const auto result = engine.quote(request(pallets()));
    ASSERT_EQ(result.options.size(), 2u);
    EXPECT_TRUE(result.rejections.empty());
    EXPECT_EQ(result.options[0].carrier.view(), "B2");
    EXPECT_EQ(result.currency.view(), "CNY");

    const auto& a1 = option(result, "A1");
    EXPECT_EQ(a1.weights.chargeable, kg("750"));
    EXPECT_EQ(a1.weight_charge.amount, money("15000", "CNY"));
    EXPECT_EQ(line(a1, "MY")->amount, money("6375", "CNY"));
    EXPECT_EQ(line(a1, "SC")->amount, money("750", "CNY"));
    EXPECT_EQ(line(a1, "CH")->amount, money("45", "CNY"));
    EXPECT_EQ(line(a1, "AW")->amount, money("50", "CNY"));
    EXPECT_EQ(line(a1, "MC")->amount, money("750", "CNY"));
    EXPECT_EQ(line(a1, "RA"), nullptr);  // DGR only
    EXPECT_EQ(line(a1, "MD"), nullptr);  // no declared value
    EXPECT_EQ(a1.buy_total, money("22970", "CNY"));
    EXPECT_EQ(a1.margin.margin_id, "DEFAULT");
    EXPECT_EQ(a1.margin.amount, money("1901.40", "CNY"));
    EXPECT_EQ(a1.sell_total, money("24871.40", "CNY"));

    const auto& b2 = option(result, "B2");
    EXPECT_EQ(b2.weights.volume_weight, kg("576"));
    EXPECT_EQ(line(b2, "MY")->amount, money("6435", "CNY"));
    ASSERT_TRUE(line(b2, "MY")->converted.has_value());
    EXPECT_EQ(line(b2, "MY")->converted->rate_nanos, 7'800'000'000);
    EXPECT_EQ(b2.buy_total, money("21155", "CNY"));
    EXPECT_EQ(b2.sell_total, money("22921.40", "CNY"));
}

TEST_F(QuoteEngineTest, TotalsEqualTheSumOfTheirLines) {
    const auto result = engine.quote(request(pallets()));
    for (const auto& o : result.options) {
        Money sum = Money::zero(o.currency);
        for (const auto& c : o.charges) sum += c.amount;
        EXPECT_EQ(sum, o.buy_total);
        EXPECT_EQ(o.buy_total + o.margin.amount, o.sell_total);
    }
}

// ACME (group AUTO) at 750 kg: rule ACME-300 (7 % + 0.10/kg): 7 % of 15845 = 1109.15 + 75.00.
TEST_F(QuoteEngineTest, CustomerMarginByWeightBreak) {
    auto r = request(pallets());
    r.shipment.customer_id = "ACME";
    const auto result = engine.quote(r);
    const auto& a1 = option(result, "A1");
    EXPECT_EQ(a1.margin.margin_id, "ACME-300");
    EXPECT_EQ(a1.margin.amount, money("1184.15", "CNY"));
    EXPECT_EQ(a1.sell_total, money("24154.15", "CNY"));
    // 80 kg: ACME-0 at 9 % of (2400 + CH 40 (minimum) + 50 + 120) = 234.90 -> minimum 300.
    auto small = request({test::piece(1, "50", "50", "50", "80")});
    small.shipment.customer_id = "ACME";
    const PricedOption s = option(engine.quote(small), "A1");
    EXPECT_EQ(s.margin.margin_id, "ACME-0");
    EXPECT_TRUE(s.margin.minimum_applied);
    EXPECT_EQ(s.margin.amount, money("300", "CNY"));
}

// 80 kg of item 2199: GEN A1 = 80 x 30 = 2400; SCR from 100 kg = 100 x 19 = 1900 -> SCR, declared
// 100.
TEST_F(QuoteEngineTest, SpecificCommodityRateTakesPrecedence) {
    const auto result = engine.quote(request({test::piece(1, "50", "50", "50", "80")}, "2199"));
    const auto& a1 = option(result, "A1");
    EXPECT_EQ(a1.rate_class_used, RateClass::SpecificCommodity);
    EXPECT_EQ(a1.weight_charge.amount, money("1900", "CNY"));
    EXPECT_EQ(a1.weight_charge.declared_weight, kg("100"));
    EXPECT_EQ(a1.weight_charge.rate_class_code, RateClassCode::SpecificCommodity);
    const auto& b2 = option(result, "B2");  // no SCR filed: general rate, 80 x 31 = 2480
    EXPECT_EQ(b2.rate_class_used, RateClass::General);
    EXPECT_EQ(b2.weight_charge.amount, money("2480", "CNY"));
    EXPECT_THAT(b2.pricing_note, testing::HasSubstr("no specific commodity rate"));
}

// 40 kg of item 2199: GEN = 45 x 30 = 1350 (higher break) < SCR 100 x 19 = 1900 -> GEN.
TEST_F(QuoteEngineTest, CheaperGeneralRateBeatsTheCommodityRate) {
    const auto result = engine.quote(request({test::piece(1, "30", "30", "30", "40")}, "2199"));
    const auto& a1 = option(result, "A1");
    EXPECT_EQ(a1.rate_class_used, RateClass::General);
    EXPECT_EQ(a1.weight_charge.amount, money("1350", "CNY"));
    EXPECT_THAT(a1.pricing_note, testing::HasSubstr("lower than specific commodity rate"));
}

// AVI 80 kg: 150 % of N 40 = 60/kg x 80 = 4800 (min 200 % of 300 = 600); no general fallback.
// B2 files no AVI class rate: rejected with the reason.
TEST_F(QuoteEngineTest, ClassSurchargeAlwaysAppliesAndMissingClassRateRejects) {
    const auto result = engine.quote(request({test::piece(1, "50", "50", "50", "80")}, "AVI"));
    ASSERT_EQ(result.options.size(), 1u);
    const auto& a1 = result.options.front();
    EXPECT_EQ(a1.weight_charge.amount, money("4800", "CNY"));
    EXPECT_EQ(a1.weight_charge.rate_class_code, RateClassCode::ClassSurcharge);
    ASSERT_EQ(result.rejections.size(), 1u);
    EXPECT_EQ(result.rejections[0].carrier.view(), "B2");
    EXPECT_EQ(rejection_reason_name(result.rejections[0].reason_code), "no_class_rate");
}

// NWP 50 % of N: 80 kg -> 20 x 80 = 1600 < GEN 2400 (R). 1000 kg -> 20000 > GEN 18000 -> GEN.
TEST_F(QuoteEngineTest, ClassReductionFallsBackToCheaperGeneralRate) {
    const auto light =
        option(engine.quote(request({test::piece(1, "50", "50", "50", "80")}, "NWP")), "A1");
    EXPECT_EQ(light.weight_charge.amount, money("1600", "CNY"));
    EXPECT_EQ(light.weight_charge.rate_class_code, RateClassCode::ClassReduction);
    const auto heavy =
        option(engine.quote(request({test::piece(1, "50", "50", "50", "1000")}, "NWP")), "A1");
    EXPECT_EQ(heavy.rate_class_used, RateClass::General);
    EXPECT_EQ(heavy.weight_charge.amount, money("18000", "CNY"));
}

TEST_F(QuoteEngineTest, CommodityScopedSurchargeApplies) {
    const PricedOption a1 = option(engine.quote(request(pallets(), "DGR")), "A1");
    ASSERT_NE(line(a1, "RA"), nullptr);
    EXPECT_EQ(line(a1, "RA")->amount, money("400", "CNY"));
}

// Declared 300000 CNY, gross 750 kg: limit 26 SDR x 750 = 19500 SDR x 9.50 = 185250 CNY;
// valuation (300000 - 185250) x 0.75 % = 860.625 -> 860.63. MD 0.10 % of 300000 = 300.00.
TEST_F(QuoteEngineTest, ValuationChargeAboveTheLiabilityLimit) {
    auto r = request(pallets());
    r.shipment.declared_value = money("300000", "CNY");
    const PricedOption a1 = option(engine.quote(r), "A1");
    ASSERT_NE(line(a1, "VC"), nullptr);
    EXPECT_EQ(line(a1, "VC")->amount, money("860.63", "CNY"));
    EXPECT_EQ(line(a1, "MD")->amount, money("300", "CNY"));
    r.shipment.declared_value = money("100000", "CNY");  // below the limit: no valuation charge
    EXPECT_EQ(line(option(engine.quote(r), "A1"), "VC"), nullptr);
}

// September 2026: A1's old sheet (1.00/kg, M 100) is in force and the expired fuel is too:
// 750 x 1.00 = 750; fuel 99 x 750 = 74250. B2 has no sheet then.
TEST_F(QuoteEngineTest, TheRateInForceOnTheShippingDateApplies) {
    const auto result = engine.quote(request(pallets(), "GEN", "2026-09-15T10:00"));
    const auto& a1 = option(result, "A1");
    EXPECT_EQ(a1.rate_line->line_id, "A1-GEN-OLD");
    EXPECT_EQ(a1.weight_charge.amount, money("750", "CNY"));
    EXPECT_EQ(line(a1, "MY")->amount, money("74250", "CNY"));
    ASSERT_EQ(result.rejections.size(), 1u);
    EXPECT_EQ(rejection_reason_name(result.rejections[0].reason_code), "no_valid_rate");
    EXPECT_THAT(result.rejections[0].reason, testing::HasSubstr("valid 2026-10-01 to 2027-03-31"));
}

TEST_F(QuoteEngineTest, OfferValidUntilIsCappedBySurchargeValidity) {
    auto r = request(pallets(), "GEN", "2026-12-30T10:00");
    r.quote_date = Date::parse("2026-12-30", "d");
    const PricedOption a1 = option(engine.quote(r), "A1");
    EXPECT_EQ(a1.offer_valid_from.iso(), "2026-12-30");
    EXPECT_EQ(a1.offer_valid_to.iso(), "2026-12-31");  // surcharges end 2026-12-31
}

// B2 sell 22921.40 CNY in EUR: inverse of 7.80 = 0.128205128 -> 2938.64 EUR.
TEST_F(QuoteEngineTest, QuoteCurrencyConversionRecordsTheRate) {
    auto r = request(pallets());
    r.currency = CurrencyCode::parse("EUR");
    const auto result = engine.quote(r);
    const auto& b2 = option(result, "B2");
    EXPECT_EQ(b2.sell_total_quoted, money("2938.64", "EUR"));
    ASSERT_TRUE(b2.quote_fx.has_value());
    EXPECT_TRUE(b2.quote_fx->inverted);
    EXPECT_EQ(b2.quote_fx->rate_nanos, 128'205'128);
}

TEST_F(QuoteEngineTest, NoFxRateRejectsTheOptionNotTheQuote) {
    auto r = request(pallets());
    r.currency = CurrencyCode::parse("JPY");
    const auto result = engine.quote(r);
    EXPECT_TRUE(result.options.empty());
    ASSERT_EQ(result.rejections.size(), 2u);
    EXPECT_EQ(rejection_reason_name(result.rejections[0].reason_code), "no_fx_rate");
}

TEST_F(QuoteEngineTest, NoRatesOnLaneIsARejectionWithReason) {
    auto r = request(pallets());
    r.shipment.destination = AirportCode::parse("JFK");
    const auto result = engine.quote(r);
    EXPECT_TRUE(result.options.empty());
    ASSERT_EQ(result.rejections.size(), 1u);
    EXPECT_EQ(rejection_reason_name(result.rejections[0].reason_code), "no_rates_on_lane");
}

TEST_F(QuoteEngineTest, BadInputNamesTheField) {
    auto unknown = request(pallets());
    unknown.shipment.origin = AirportCode::parse("XYZ");
    try {
        (void)engine.quote(unknown);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::UnknownAirport);
        EXPECT_EQ(e.field(), "/shipment/origin");
    }
    auto customer = request(pallets());
    customer.shipment.customer_id = "NOBODY";
    EXPECT_THROW((void)engine.quote(customer), InputError);
    auto empty = request({});
    EXPECT_THROW((void)engine.quote(empty), InputError);
    auto negative = request({test::piece(1, "10", "10", "10", "-1")});
    try {
        (void)engine.quote(negative);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::NegativeQuantity);
        EXPECT_EQ(e.field(), "/shipment/pieces/0/grossWeight/value");
    }
}

}  // namespace
}  // namespace cargoquote
