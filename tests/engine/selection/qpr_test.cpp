// The QPR constraint model: exact breaches, tier overrides, credit rules, nearest misses, and the
// ranking that follows. Numbers are worked out in the comments.
#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <cargoquote/selection/qpr.hpp>

#include "support/network_fixture.hpp"
#include "support/test_data.hpp"

namespace cargoquote::selection {
namespace {

RateBookData book_with_tiers() {
    RateBookData data = test::small_rate_book();
    data.sla_tiers.push_back(SlaTier{.tier = "express",
                                     .max_transit_hours = 48,
                                     .min_reliability = 0.9,
                                     .max_price_over_cheapest = 0.25,
                                     .max_risk = 0.3});
    data.sla_tiers.push_back(SlaTier{.tier = "express",
                                     .customer_id = "ACME",
                                     .max_transit_hours = 36,
                                     .required_capabilities = {"freighter"}});
    data.sla_tiers.push_back(SlaTier{.tier = "careful",
                                     .credit_rule = CreditRule::WithholdRiskyForNew,
                                     .credit_max_risk = 0.10});
    data.sla_tiers.push_back(
        SlaTier{.tier = "prepay", .credit_rule = CreditRule::PrepaymentForNew});
    return data;
}

OptionCriteria criteria(double price, double hours, double reliability, double risk) {
    return OptionCriteria{.price = price,
                          .transit_minutes = hours * 60,
                          .reliability = reliability,
                          .risk = risk,
                          .legs = 2,
                          .interline = false,
                          .all_freighter = false};
}

TEST(QprTest, CustomerOverrideInheritsTheTier) {
    const RateBook book(book_with_tiers());
    const auto sla = resolve_sla(book, "express", book.customer("ACME"));
    ASSERT_TRUE(sla.has_value());
    EXPECT_TRUE(sla->customer_override);
    EXPECT_EQ(sla->limits.max_transit_hours, 36);  // overridden
    EXPECT_EQ(sla->limits.min_reliability, 0.9);   // inherited
    EXPECT_EQ(sla->limits.required_capabilities, std::vector<std::string>{"freighter"});
    EXPECT_FALSE(resolve_sla(book, "platinum", nullptr).has_value());
}

// 61.5 h against 48 h is 28.125 % over; reliability 0.81 against 0.90 is 10 % short; 1300 against
// a cheapest 1000 is 30 % over (5 points beyond 25 %); risk 0.36 against 0.30 is 20 % over.
TEST(QprTest, EveryBrokenLimitWithActualValueAndLimit) {
    const RateBook book(book_with_tiers());
    const auto sla = resolve_sla(book, "express", nullptr);
    const auto breaches =
        check_sla(*sla, criteria(1300, 61.5, 0.81, 0.36), 1000, test::money("1300", "CNY"), book,
                  Date::parse("2026-11-26", "d"), nullptr);
    ASSERT_EQ(breaches.size(), 4u);
    EXPECT_EQ(breaches[0].limit, "max_transit_hours");
    EXPECT_EQ(breaches[0].actual, "61.5 h");
    EXPECT_EQ(breaches[0].allowed, "48 h");
    EXPECT_NEAR(breaches[0].excess, 0.28125, 1e-12);
    EXPECT_EQ(breaches[1].limit, "min_reliability");
    EXPECT_EQ(breaches[1].actual, "81.0 %");
    EXPECT_EQ(breaches[1].allowed, "90.0 %");
    EXPECT_NEAR(breaches[1].excess, 0.1, 1e-12);
    EXPECT_EQ(breaches[2].limit, "max_price_over_cheapest");
    EXPECT_NEAR(breaches[2].excess, 0.05, 1e-12);
    EXPECT_EQ(breaches[3].limit, "max_risk");
    EXPECT_NEAR(breaches[3].excess, 0.2, 1e-12);
    EXPECT_TRUE(check_sla(*sla, criteria(1000, 40, 0.95, 0.1), 1000, test::money("1000", "CNY"),
                          book, Date::parse("2026-11-26", "d"), nullptr)
                    .empty());
}

TEST(QprTest, CreditRulesApplyToNewCustomersOnly) {
    const RateBook book(book_with_tiers());
    const Date on = Date::parse("2026-11-26", "d");
    const auto careful = resolve_sla(book, "careful", nullptr);
    const auto risky = criteria(1000, 30, 0.95, 0.25);
    const auto for_new = check_sla(*careful, risky, 1000, test::money("1000", "CNY"), book, on,
                                   book.customer("WALKIN"));
    ASSERT_EQ(for_new.size(), 1u);
    EXPECT_EQ(for_new[0].limit, "credit_max_risk");
    EXPECT_TRUE(check_sla(*careful, risky, 1000, test::money("1000", "CNY"), book, on,
                          book.customer("ACME"))
                    .empty());
    const auto prepay = resolve_sla(book, "prepay", nullptr);
    EXPECT_TRUE(prepayment_required(*prepay, book.customer("WALKIN")));
    EXPECT_FALSE(prepayment_required(*prepay, book.customer("ACME")));
}

// Itineraries (see itinerary_quote_test): B2 direct 33 h, A1 direct 32 h, A1+B2 interline 23 h.
RateBookData book_with_schedule_and_tiers() {
    RateBookData data = book_with_tiers();
    const RateBookData network = test::network_fixture({
        "A1 1 PVG-FRA 22:00 04:00+1 1234567 freighter",
        "B2 5 PVG-FRA 23:00 05:00+1 1234567 widebody_belly",
    });
    data.schedule = network.schedule;
    data.sla_tiers.push_back(SlaTier{.tier = "fast", .max_transit_hours = 32});
    data.sla_tiers.push_back(SlaTier{.tier = "instant", .max_transit_hours = 10});
    data.sla_tiers.push_back(
        SlaTier{.tier = "freighter_only", .required_capabilities = {"freighter"}});
    return data;
}

QuoteRequest pallets(std::optional<std::string> sla) {
    QuoteRequest r;
    r.shipment.origin = AirportCode::parse("PVG");
    r.shipment.destination = AirportCode::parse("FRA");
    r.shipment.pieces = {test::piece(3, "120", "80", "100", "250")};
    r.shipment.ready_time = LocalDateTime::parse("2026-11-26T06:00", "r");
    r.sla_tier = std::move(sla);
    return r;
}

// A1 1: ready 22:00Z (25th), departs 14:00Z, arrives 03:00Z (27th), available 06:00Z: 32 h.
// B2 5: departs 15:00Z, arrives 04:00Z, available 07:00Z: 33 h.
TEST(QprQuoteTest, OptionsOutsideTheSlaAreRejectedNeverRanked) {
    const QuoteEngine engine(std::make_shared<const RateBook>(book_with_schedule_and_tiers()));
    const auto result = engine.quote(pallets("fast"));
    ASSERT_EQ(result.options.size(), 1u);
    EXPECT_EQ(result.options[0].carrier.view(), "A1");
    EXPECT_EQ(result.assessments[0].rank, 1);
    ASSERT_EQ(result.sla_rejections.size(), 1u);
    EXPECT_EQ(result.sla_rejections[0].option.carrier.view(), "B2");
    ASSERT_EQ(result.sla_rejections[0].breaches.size(), 1u);
    EXPECT_EQ(result.sla_rejections[0].breaches[0].actual, "33.0 h");
    EXPECT_EQ(result.sla_rejections[0].breaches[0].allowed, "32 h");
    EXPECT_FALSE(result.sla_rejections[0].nearest_miss);
}

TEST(QprQuoteTest, TheResolvedLimitsTravelInTheResult) {
    const QuoteEngine engine(std::make_shared<const RateBook>(book_with_schedule_and_tiers()));
    const auto with_sla = engine.quote(pallets("fast"));
    ASSERT_TRUE(with_sla.selection.sla.has_value());
    EXPECT_EQ(with_sla.selection.sla->tier, "fast");
    EXPECT_EQ(with_sla.selection.sla->limits.max_transit_hours, 32);
    EXPECT_FALSE(engine.quote(pallets("none")).selection.sla.has_value());
}

TEST(QprQuoteTest, NothingMeetsTheSlaSoNearestMissesComeBackFlagged) {
    const QuoteEngine engine(std::make_shared<const RateBook>(book_with_schedule_and_tiers()));
    const auto result = engine.quote(pallets("instant"));
    EXPECT_TRUE(result.options.empty());
    ASSERT_EQ(result.sla_rejections.size(), 2u);
    EXPECT_TRUE(result.sla_rejections[0].nearest_miss);
    EXPECT_TRUE(result.sla_rejections[1].nearest_miss);
    EXPECT_EQ(result.sla_rejections[0].option.carrier.view(), "A1");  // 32 h is nearer than 33 h
}

TEST(QprQuoteTest, RequiredCapabilityAndUnknownTier) {
    const QuoteEngine engine(std::make_shared<const RateBook>(book_with_schedule_and_tiers()));
    const auto result = engine.quote(pallets("freighter_only"));
    ASSERT_EQ(result.options.size(), 1u);
    EXPECT_EQ(result.options[0].carrier.view(), "A1");
    EXPECT_EQ(result.sla_rejections[0].breaches[0].limit, "capability");
    EXPECT_THROW((void)engine.quote(pallets("platinum")), cargoquote::InputError);
    EXPECT_EQ(engine.quote(pallets("none")).options.size(), 2u);
}

TEST(QprQuoteTest, MethodAndWeightsFromTheRequest) {
    const QuoteEngine engine(std::make_shared<const RateBook>(book_with_schedule_and_tiers()));
    auto request = pallets(std::nullopt);
    request.method = RankingMethod::Topsis;
    request.weights = CriterionWeights::parse("price=1", "/weights");
    const auto cheapest = engine.quote(request);
    EXPECT_EQ(cheapest.selection.method, RankingMethod::Topsis);
    EXPECT_EQ(cheapest.selection.method_source, "request");
    EXPECT_EQ(cheapest.options[0].carrier.view(), "B2");  // 22921.40 < 24871.40
    request.weights = CriterionWeights::parse("time=1", "/weights");
    EXPECT_EQ(engine.quote(request).options[0].carrier.view(), "A1");  // 32 h < 33 h
    EXPECT_THROW((void)CriterionWeights::parse("speed=1", "/weights"), cargoquote::InputError);
}

}  // namespace
}  // namespace cargoquote::selection
