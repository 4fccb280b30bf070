// Quotes over scheduled itineraries: on-line options priced on the carrier's origin-destination
// rate, interline options as the sum of their sectors with one margin, unpriceable itineraries
// rejected with their flights. Hand-computed numbers in the comments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cargoquote/quote/quote_engine.hpp>

#include "support/network_fixture.hpp"
#include "support/test_data.hpp"

namespace cargoquote {
namespace {
using test::money;

RateBookData book_with_schedule() {
    RateBookData data = test::small_rate_book();
    const RateBookData network = test::network_fixture({
        "A1 1 PVG-FRA 22:00 04:00+1 1234567 freighter",
        "A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
        "B2 900 ICN-FRA 16:00 19:00+0 1234567 freighter",
        "B2 5 PVG-FRA 23:00 05:00+1 1234567 freighter",
        "C3 7 PVG-FRA 12:00 18:00+0 1234567 freighter",
    });
    data.schedule = network.schedule;
    data.airports.push_back(
        Airport{AirportCode::parse("ICN"), "Incheon", "Seoul", "KR", "Asia/Seoul", 37.46, 126.44});
    data.carriers.push_back(Carrier{CarrierCode::parse("C3"), "Gamma Test Cargo", "903", true, ""});
    const auto sector_line = [](std::string id, std::string_view carrier, std::string_view from,
                                std::string_view to, std::string_view min,
                                std::string_view breaks) {
        RateLine l;
        l.line_id = std::move(id);
        l.carrier = CarrierCode::parse(carrier);
        l.origin = AirportCode::parse(from);
        l.destination = AirportCode::parse(to);
        l.currency = test::ccy("CNY");
        l.min_charge = money(min, "CNY");
        l.breaks = test::breaks(breaks, "CNY");
        l.valid_from = Date::parse("2026-10-01", "t");
        l.valid_to = Date::parse("2027-03-31", "t");
        l.sheet = "test";
        l.version = "T1";
        return l;
    };
    data.rate_lines.push_back(
        sector_line("A1-PVG-ICN", "A1", "PVG", "ICN", "200", "0:20 45:15 100:12 300:10 500:9"));
    data.rate_lines.push_back(
        sector_line("B2-ICN-FRA", "B2", "ICN", "FRA", "300", "0:30 45:25 100:20 300:16 500:14"));
    return data;
}

class ItineraryQuoteTest : public testing::Test {
  protected:
    QuoteEngine engine{std::make_shared<const RateBook>(book_with_schedule())};
    QuoteResult quote() const {
        QuoteRequest r;
        r.shipment.origin = AirportCode::parse("PVG");
        r.shipment.destination = AirportCode::parse("FRA");
        r.shipment.pieces = {test::piece(3, "120", "80", "100", "250")};
        r.shipment.ready_time = LocalDateTime::parse("2026-11-26T06:00", "r");
        return engine.quote(r);
    }
};

// B2 direct 22921.40 and A1 direct 24871.40 (as in quote_engine_test). Interline A1 100 + B2 900:
// sector PVG-ICN on A1: WT 750 x 9 = 6750; MY 6375; SC 750; MC 5 % = 337.50; CH 45; AW 50
// = 14307.50. Sector ICN-FRA on B2: WT 750 x 14 = 10500; MY 825 EUR x 7.8 = 6435; CH 45; AW 50
// = 17030. Buy 31337.50; margin 12 % of (6750 + 337.50 + 45 + 50 + 10500 + 45 + 50) = 2133.30.
TEST_F(ItineraryQuoteTest, OnlineAndInterlineItinerariesArePriced) {
    const auto result = quote();
    ASSERT_EQ(result.options.size(), 3u);
    EXPECT_EQ(result.options[0].carrier.view(), "B2");
    EXPECT_EQ(result.options[0].sell_total, money("22921.40", "CNY"));
    EXPECT_EQ(result.options[1].sell_total, money("24871.40", "CNY"));
    const PricedOption& interline = result.options[2];
    ASSERT_EQ(interline.itinerary.legs.size(), 2u);
    ASSERT_EQ(interline.sectors.size(), 2u);
    EXPECT_EQ(interline.sectors[0].buy_total, money("14307.50", "CNY"));
    EXPECT_EQ(interline.sectors[1].buy_total, money("17030", "CNY"));
    EXPECT_EQ(interline.buy_total, money("31337.50", "CNY"));
    EXPECT_EQ(interline.margin.amount, money("2133.30", "CNY"));
    EXPECT_EQ(interline.sell_total, money("33470.80", "CNY"));
    EXPECT_EQ(interline.charges.back().sector, 1);
    EXPECT_EQ(interline.itinerary.legs[1].minimum_connection_minutes, 240);
}

// Declared 500,000 CNY over a liability of 26 SDR x 750 kg = 19,500 SDR x 9.50 = 185,250 CNY:
// valuation 0.75 % of 314,750 = 2360.625 -> 2360.63 CNY, charged once (by the first carrier) on
// the interline option, not once per sector.
TEST_F(ItineraryQuoteTest, InterlineChargesTheValuationOnce) {
    QuoteRequest r;
    r.shipment.origin = AirportCode::parse("PVG");
    r.shipment.destination = AirportCode::parse("FRA");
    r.shipment.pieces = {test::piece(3, "120", "80", "100", "250")};
    r.shipment.ready_time = LocalDateTime::parse("2026-11-26T06:00", "r");
    r.shipment.declared_value = money("500000", "CNY");
    const auto result = engine.quote(r);
    const auto interline =
        std::find_if(result.options.begin(), result.options.end(),
                     [](const PricedOption& o) { return o.sectors.size() == 2; });
    ASSERT_NE(interline, result.options.end());
    std::vector<const ChargeLine*> valuation;
    for (const ChargeLine& line : interline->charges) {
        if (line.kind == ChargeKind::Valuation) valuation.push_back(&line);
    }
    ASSERT_EQ(valuation.size(), 1u);
    EXPECT_EQ(valuation[0]->amount, money("2360.63", "CNY"));
    EXPECT_EQ(valuation[0]->sector, 0);
    Money sum = Money::zero(test::ccy("CNY"));
    for (const ChargeLine& line : interline->charges) sum += line.amount;
    EXPECT_EQ(sum, interline->buy_total);
    EXPECT_EQ(interline->sectors[0].buy_total + interline->sectors[1].buy_total,
              interline->buy_total);
}

// The interline option is faster than both directs, so nothing dominates it; with the A1 direct
// earlier and cheaper it would be left out (a subset of its carriers, no later, no dearer).
TEST_F(ItineraryQuoteTest, NothingLeftOutWhenEveryOptionWinsSomewhere) {
    EXPECT_EQ(quote().dominated_options, 0u);
}

TEST_F(ItineraryQuoteTest, ItineraryWithoutARateIsRejectedWithItsFlights) {
    const auto result = quote();
    ASSERT_EQ(result.rejections.size(), 1u);
    EXPECT_EQ(result.rejections[0].carrier.view(), "C3");
    EXPECT_EQ(rejection_reason_name(result.rejections[0].reason_code), "no_rate");
    EXPECT_EQ(result.rejections[0].itinerary, "C3 7 PVG-FRA");
}

TEST_F(ItineraryQuoteTest, OptionsCarryTheirTransitTime) {
    const auto result = quote();
    // A1 1: ready 06:00 CST (22:00Z the day before), departs 22:00 CST (14:00Z), arrives FRA 04:00
    // CET next day (03:00Z), available 06:00Z: 32 h.
    EXPECT_EQ(result.options[1].itinerary.transit_minutes, 32 * 60);
    EXPECT_EQ(result.options[1].itinerary.legs[0].leg->flight_number, "A1 1");
}

TEST_F(ItineraryQuoteTest, NoItineraryGivesTheSearchReason) {
    QuoteRequest r;
    r.shipment.origin = AirportCode::parse("PVG");
    r.shipment.destination = AirportCode::parse("FRA");
    r.shipment.pieces = {test::piece(1, "120", "100", "320", "100")};  // taller than any aircraft
    r.shipment.ready_time = LocalDateTime::parse("2026-11-26T06:00", "r");
    const auto result = engine.quote(r);
    EXPECT_TRUE(result.options.empty());
    ASSERT_EQ(result.rejections.size(), 1u);
    EXPECT_EQ(rejection_reason_name(result.rejections[0].reason_code), "piece_too_large");
}

}  // namespace
}  // namespace cargoquote

namespace cargoquote {
namespace {

// With A1 flying direct at 10:00 (available 18:00Z), the A1 + B2 interline (available 21:00Z) is
// later and longer on a superset of A1's carriers, and A1's direct has a rate: the search leaves
// the interline out.
TEST(ItineraryDominanceTest, SlowerLongerDearerInterlineIsLeftOut) {
    RateBookData data = book_with_schedule();
    for (auto& leg : data.schedule.legs) {
        if (leg.flight_number == "A1 1") {
            leg.departure_minute = 10 * 60;
            leg.arrival_minute = 16 * 60;
            leg.arrival_day_offset = 0;
        }
    }
    const QuoteEngine engine(std::make_shared<const RateBook>(std::move(data)));
    QuoteRequest r;
    r.shipment.origin = AirportCode::parse("PVG");
    r.shipment.destination = AirportCode::parse("FRA");
    r.shipment.pieces = {test::piece(3, "120", "80", "100", "250")};
    r.shipment.ready_time = LocalDateTime::parse("2026-11-26T06:00", "r");
    const auto result = engine.quote(r);
    EXPECT_EQ(result.dominated_options, 0u);
    ASSERT_EQ(result.options.size(), 2u);
    for (const auto& o : result.options) EXPECT_TRUE(o.sectors.empty());
}

}  // namespace
}  // namespace cargoquote
