#include <gtest/gtest.h>

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/error.hpp>

namespace cargoquote {
namespace {

TEST(CodesTest, AirportCodesAreThreeLettersReadAsUpperCase) {
    EXPECT_EQ(AirportCode::parse("PVG").view(), "PVG");
    EXPECT_EQ(AirportCode::parse("pvg").view(), "PVG");
    EXPECT_EQ(AirportCode::parse("Fra").view(), "FRA");
    EXPECT_FALSE(AirportCode::is_valid("pvg"));  // the stored form is upper case
    for (const char* bad : {"PV", "PVGX", "P1G", "p1g", "pv ", ""}) {
        EXPECT_THROW((void)AirportCode::parse(bad, "/shipment/origin"), InputError) << bad;
    }
}

TEST(CodesTest, CarrierCodesAllowOneDigit) {
    EXPECT_TRUE(CarrierCode::is_valid("LH"));
    EXPECT_TRUE(CarrierCode::is_valid("5X"));
    EXPECT_TRUE(CarrierCode::is_valid("Q1"));
    EXPECT_FALSE(CarrierCode::is_valid("55"));
    EXPECT_FALSE(CarrierCode::is_valid("L"));
    EXPECT_FALSE(CarrierCode::is_valid("lh"));
}

TEST(CodesTest, CurrencyCodesKnowTheirMinorUnit) {
    EXPECT_EQ(CurrencyCode::parse("EUR").minor_unit_digits(), 2);
    EXPECT_EQ(CurrencyCode::parse("JPY").minor_unit_digits(), 0);
    EXPECT_EQ(CurrencyCode::parse("KWD").minor_unit_digits(), 3);
    try {
        (void)CurrencyCode::parse("EUX", "/currency");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidCurrency);
        EXPECT_EQ(e.field(), "/currency");
    }
}

TEST(CodesTest, DefaultCodesAreUnset) {
    EXPECT_FALSE(AirportCode{}.is_set());
    EXPECT_TRUE(AirportCode::parse("FRA").is_set());
    EXPECT_LT(AirportCode::parse("AMS"), AirportCode::parse("FRA"));
}

}  // namespace
}  // namespace cargoquote
