// TOPSIS on cases small enough to compute by hand (published cases: reference_cases_test.cpp).

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/topsis.hpp>
#include <cmath>
#include <vector>

namespace cargoquote::selection {
namespace {

constexpr auto kBenefit = CriterionType::Benefit;
constexpr auto kCost = CriterionType::Cost;

TEST(Topsis, VectorNormalizedCostTakesTheMinimumAsIdeal) {
    // One cost criterion (1, 2): normalized 1/sqrt5, 2/sqrt5; ideal 1/sqrt5, anti-ideal 2/sqrt5.
    const TopsisResult r = topsis(Matrix::from_rows({{1}, {2}}), {1.0}, {kCost});
    const double step = 1.0 / std::sqrt(5.0);
    EXPECT_NEAR(r.d_plus[0], 0.0, 1e-12);
    EXPECT_NEAR(r.d_minus[0], step, 1e-12);
    EXPECT_NEAR(r.d_plus[1], step, 1e-12);
    EXPECT_NEAR(r.d_minus[1], 0.0, 1e-12);
    EXPECT_NEAR(r.closeness[0], 1.0, 1e-12);
    EXPECT_NEAR(r.closeness[1], 0.0, 1e-12);
}

TEST(Topsis, MinMaxVariantHandCase) {
    // Price (cost) 100, 200, 150 -> 1, 0, 0.5; reliability 0.9, 0.8, 1.0 -> 0.5, 0, 1.
    // Weighted by 0.5 / 0.5: A (0.5, 0.25), B (0, 0), C (0.25, 0.5); ideal (0.5, 0.5), anti (0, 0).
    // A and C: D+ = 1/4, D- = sqrt(5)/4, C = sqrt5 / (1 + sqrt5); B: D+ = sqrt(1/2), D- = 0.
    const Matrix m = Matrix::from_rows({{100, 0.9}, {200, 0.8}, {150, 1.0}});
    const TopsisResult r = topsis(m, {0.5, 0.5}, {kCost, kBenefit}, Normalization::MinMax);
    const double closeness = std::sqrt(5.0) / (1.0 + std::sqrt(5.0));
    EXPECT_NEAR(r.d_plus[0], 0.25, 1e-12);
    EXPECT_NEAR(r.d_minus[0], std::sqrt(5.0) / 4.0, 1e-12);
    EXPECT_NEAR(r.closeness[0], closeness, 1e-12);
    EXPECT_NEAR(r.closeness[2], closeness, 1e-12);
    EXPECT_NEAR(r.d_plus[1], std::sqrt(0.5), 1e-12);
    EXPECT_NEAR(r.closeness[1], 0.0, 1e-12);
}

TEST(Topsis, VectorNormalizationIgnoresTheUnitOfACriterion) {
    // Prices in cents instead of dollars must not change anything.
    const std::vector<double> w{0.5, 0.3, 0.2};
    const std::vector<CriterionType> types{kCost, kCost, kBenefit};
    const TopsisResult dollars =
        topsis(Matrix::from_rows({{120, 48, 0.91}, {150, 30, 0.95}, {90, 72, 0.88}}), w, types);
    const TopsisResult cents = topsis(
        Matrix::from_rows({{12000, 48, 0.91}, {15000, 30, 0.95}, {9000, 72, 0.88}}), w, types);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(dollars.closeness[i], cents.closeness[i], 1e-12);
    }
}

TEST(Topsis, AllAlternativesEqualGiveClosenessOne) {
    const TopsisResult r =
        topsis(Matrix::from_rows({{3, 4}, {3, 4}}), {0.5, 0.5}, {kCost, kBenefit});
    EXPECT_EQ(r.closeness, (std::vector<double>{1.0, 1.0}));
    EXPECT_EQ(r.d_plus, (std::vector<double>{0.0, 0.0}));
}

TEST(Topsis, RejectsWeightsOfWrongLength) {
    EXPECT_THROW((void)topsis(Matrix::from_rows({{1, 2}}), {1.0}, {kCost, kCost}), InputError);
}

}  // namespace
}  // namespace cargoquote::selection
