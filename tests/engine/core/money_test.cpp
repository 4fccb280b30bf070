#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/core/money.hpp>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {
using test::money;

TEST(MoneyTest, RoundsHalfUpToTheMinorUnit) {
    EXPECT_EQ(money("860.625", "CNY").rounded_to_minor_unit(), money("860.63", "CNY"));
    EXPECT_EQ(money("860.624999", "CNY").rounded_to_minor_unit(), money("860.62", "CNY"));
    EXPECT_EQ(money("-0.005", "EUR").rounded_to_minor_unit(), money("-0.01", "EUR"));
    EXPECT_EQ(money("1234.5", "JPY").rounded_to_minor_unit(), money("1235", "JPY"));
    EXPECT_EQ(money("1.2345", "KWD").rounded_to_minor_unit(), money("1.235", "KWD"));
}

TEST(MoneyTest, ChargeForQuantityRoundsOnceAtTheEnd) {
    // 19 kg x 4.01 = 76.19; 0.333 kg x 0.015/kg = 0.004995 -> 0.00
    EXPECT_EQ(charge_for_quantity(money("4.01", "EUR"), 19'000, 1000), money("76.19", "EUR"));
    EXPECT_EQ(charge_for_quantity(money("0.015", "EUR"), 333, 1000), money("0.00", "EUR"));
    // 750 g x 0.007/kg = 0.00525 -> 0.01 only when rounding once (never 0.005 -> 0.01 -> ...)
    EXPECT_EQ(charge_for_quantity(money("0.007", "EUR"), 750, 1000), money("0.01", "EUR"));
}

TEST(MoneyTest, ApplyRatioRoundsHalfUp) {
    EXPECT_EQ(apply_ratio(money("114750", "CNY"), Ratio::parse_percent("0.75", "t")),
              money("860.63", "CNY"));
    EXPECT_EQ(apply_ratio(money("15000", "CNY"), Ratio::parse_percent("5", "t")),
              money("750", "CNY"));
}

TEST(MoneyTest, MixingCurrenciesIsAnError) {
    EXPECT_THROW((void)(money("1", "EUR") + money("1", "USD")), Error);
    EXPECT_THROW((void)(money("1", "EUR") < money("1", "USD")), Error);
}

TEST(MoneyTest, ParseRejectsGarbageNamingTheField) {
    try {
        (void)Money::parse(test::ccy("EUR"), "12,50", "/price/amount");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidNumber);
        EXPECT_EQ(e.field(), "/price/amount");
        EXPECT_NE(std::string(e.what()).find("[cargoquote.invalid_number] /price/amount"),
                  std::string::npos);
    }
}

TEST(MoneyTest, TextShowsTheCurrencyMinorDigits) {
    EXPECT_EQ(money("623", "EUR").to_string(), "623.00 EUR");
    EXPECT_EQ(money("18.285", "CNY").amount_text(), "18.285");
    EXPECT_EQ(money("1500", "JPY").amount_text(), "1500");
}

}  // namespace
}  // namespace cargoquote
