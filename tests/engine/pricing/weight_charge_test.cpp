#include <gtest/gtest.h>

#include <cargoquote/pricing/weight_charge.hpp>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {
using test::kg;
using test::money;

const auto kBreaks =
    test::breaks("0:40.00 45:30.00 100:25.00 300:22.00 500:20.00 1000:18.00", "CNY");

TEST(WeightChargeTest, NormalRateBelowTheFirstBreak) {
    const auto c = weight_charge(kBreaks, money("300", "CNY"), kg("20"));
    EXPECT_EQ(c.amount, money("800", "CNY"));
    EXPECT_EQ(c.rate_class_code, RateClassCode::Normal);
    EXPECT_EQ(c.declared_weight, kg("20"));
    // next break: 45 x 30 = 1350 = w x 40 at w = 33.75 kg
    EXPECT_EQ(c.next_break_even, kg("33.75"));
}

TEST(WeightChargeTest, HigherBreakIsDeclaredWhenCheaper) {
    // 40 kg x 40 = 1600 > 45 kg x 30 = 1350
    const auto c = weight_charge(kBreaks, money("300", "CNY"), kg("40"));
    EXPECT_EQ(c.amount, money("1350", "CNY"));
    EXPECT_TRUE(c.higher_break_applied);
    EXPECT_EQ(c.declared_weight, kg("45"));
    EXPECT_EQ(c.rate_class_code, RateClassCode::Quantity);
}

TEST(WeightChargeTest, MinimumChargeApplies) {
    const auto c = weight_charge(kBreaks, money("300", "CNY"), kg("5"));
    EXPECT_EQ(c.amount, money("300", "CNY"));
    EXPECT_TRUE(c.minimum_applied);
    EXPECT_EQ(c.rate_class_code, RateClassCode::Minimum);
    EXPECT_EQ(c.minimum_break_even, kg("7.5"));
}

TEST(WeightChargeTest, BreakAppliesFromItsWeightInclusive) {
    EXPECT_EQ(weight_charge(kBreaks, money("0", "CNY"), kg("100")).amount, money("2500", "CNY"));
    EXPECT_EQ(weight_charge(kBreaks, money("0", "CNY"), kg("99.5")).amount, money("2500", "CNY"));
    EXPECT_EQ(weight_charge(kBreaks, money("0", "CNY"), kg("83")).amount, money("2490", "CNY"));
}

TEST(WeightChargeTest, TopBreakHasNoNextBreakEven) {
    const auto c = weight_charge(kBreaks, money("300", "CNY"), kg("1200"));
    EXPECT_EQ(c.amount, money("21600", "CNY"));
    EXPECT_FALSE(c.next_break_even.has_value());
}

}  // namespace
}  // namespace cargoquote
