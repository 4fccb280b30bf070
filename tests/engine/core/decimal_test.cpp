#include <gtest/gtest.h>

#include <cargoquote/core/decimal.hpp>

namespace cargoquote {
namespace {

TEST(DecimalTest, ParsesExactDecimalsAtScale) {
    EXPECT_EQ(parse_scaled_decimal("623.00", 2), 62300);
    EXPECT_EQ(parse_scaled_decimal("4.01", 6), 4'010'000);
    EXPECT_EQ(parse_scaled_decimal("-0.5", 3), -500);
    EXPECT_EQ(parse_scaled_decimal("+7", 0), 7);
    EXPECT_EQ(parse_scaled_decimal("12.", 1), 120);
}

TEST(DecimalTest, RoundsDigitsBeyondScaleHalfAwayFromZero) {
    EXPECT_EQ(parse_scaled_decimal("1.2345", 3), 1235);
    EXPECT_EQ(parse_scaled_decimal("1.2344", 3), 1234);
    EXPECT_EQ(parse_scaled_decimal("-1.2345", 3), -1235);
}

TEST(DecimalTest, RejectsMalformedAndOverflowingText) {
    for (const char* bad : {"", "-", ".", "1.2.3", "1e5", "12a", " 1", "1,5"}) {
        EXPECT_FALSE(parse_scaled_decimal(bad, 2).has_value()) << bad;
    }
    EXPECT_FALSE(parse_scaled_decimal("99999999999999999999", 0).has_value());
    EXPECT_FALSE(parse_scaled_decimal("10000000000000", 6).has_value());
}

TEST(DecimalTest, FormatsWithMinimumDecimals) {
    EXPECT_EQ(format_scaled_decimal(623'000'000, 6, 2), "623.00");
    EXPECT_EQ(format_scaled_decimal(19'125, 3, 1), "19.125");
    EXPECT_EQ(format_scaled_decimal(594'000, 3, 1), "594.0");
    EXPECT_EQ(format_scaled_decimal(-1'500, 3, 0), "-1.5");
    EXPECT_EQ(format_scaled_decimal(5, 6, 0), "0.000005");
}

TEST(DecimalTest, DivisionRoundingModes) {
    EXPECT_EQ(divide_round_half_up(5, 10), 1);
    EXPECT_EQ(divide_round_half_up(4, 10), 0);
    EXPECT_EQ(divide_round_half_up(-5, 10), -1);
    EXPECT_EQ(divide_round_half_up(7, 3), 2);  // 2.33
    EXPECT_EQ(divide_round_up(1, 500), 1);
    EXPECT_EQ(divide_round_up(500, 500), 1);
    EXPECT_EQ(divide_round_up(0, 500), 0);
}

}  // namespace
}  // namespace cargoquote
