#include <gtest/gtest.h>

#include <cargoquote/shipment/chargeable_weight.hpp>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {
using test::kg;
using test::piece;

TEST(ChargeableWeightTest, DimensionsRoundHalfUpToWholeCentimetres) {
    // 120.5 -> 121, 80.4 -> 80, 99.5 -> 100
    const auto w = compute_chargeable_weight(std::vector{piece(1, "120.5", "80.4", "99.5", "10")},
                                             WeightRules{});
    EXPECT_EQ(w.volume.in_cm3(), 121 * 80 * 100);
}

TEST(ChargeableWeightTest, VolumeWeightWinsForLightBulkyCargo) {
    // 3 x 120x80x100 = 2'880'000 cm3 / 6000 = 480 kg; gross 3 x 100 = 300 kg
    const auto w =
        compute_chargeable_weight(std::vector{piece(3, "120", "80", "100", "100")}, WeightRules{});
    EXPECT_EQ(w.volume_weight, kg("480"));
    EXPECT_EQ(w.gross_weight, kg("300"));
    EXPECT_EQ(w.chargeable, kg("480"));
    EXPECT_EQ(w.piece_count, 3);
}

TEST(ChargeableWeightTest, DivisorAndStepComeFromTheRateLine) {
    const std::vector pieces{piece(1, "50", "40", "30", "9.2")};  // 60'000 cm3
    EXPECT_EQ(compute_chargeable_weight(pieces, WeightRules{}).chargeable, kg("10"));
    EXPECT_EQ(compute_chargeable_weight(pieces, WeightRules{VolumetricDivisor{5000}, kg("0.5")})
                  .chargeable,
              kg("12"));
    // A 1 kg step rounds 9.2 kg gross to 10 and 10 kg volume stays 10.
    EXPECT_EQ(compute_chargeable_weight(pieces, WeightRules{VolumetricDivisor{6000}, kg("1")})
                  .gross_weight,
              kg("10"));
}

}  // namespace
}  // namespace cargoquote
