// VIKOR on cases computed by hand in the comments.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/vikor.hpp>
#include <cmath>
#include <vector>

#include "input_error_field.hpp"

namespace cargoquote::selection {
namespace {

using testing::input_error_field;
constexpr auto kBenefit = CriterionType::Benefit;
constexpr auto kCost = CriterionType::Cost;

void expect_near(const std::vector<double>& actual, const std::vector<double>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        EXPECT_NEAR(actual[i], expected[i], 1e-12) << "index " << i;
    }
}

// Price (cost) 10, 20, 30 and reliability (benefit) 6, 9, 10; weights 0.6 / 0.4.
// Price: f* = 10, f- = 30, term 0.6 (x - 10) / 20 -> A 0, B 0.3, C 0.6.
// Reliability: f* = 10, f- = 6, term 0.4 (10 - x) / 4 -> A 0.4, B 0.1, C 0.
// S = (0.4, 0.4, 0.6), R = (0.4, 0.3, 0.6); S* = 0.4, S- = 0.6, R* = 0.3, R- = 0.6.
// v = 0.5: Q_A = 0.5 * 0 + 0.5 * 0.1/0.3 = 1/6, Q_B = 0, Q_C = 0.5 + 0.5 = 1.
Matrix three_options() { return Matrix::from_rows({{10, 6}, {20, 9}, {30, 10}}); }
const std::vector<CriterionType> kPriceReliability{kCost, kBenefit};

// Two mirror-image options under weights that are equal but for one unit in the last place (as
// 3.2 + 0.1 and 3.3 are): S_A = R_A = w2 and S_B = R_B = w1 differ only by rounding noise, so both
// spreads count as zero and Q = 0 for both, a tie. Dividing by the noise would give Q_A = 1.
TEST(Vikor, SpreadsOfRoundingNoiseAreNoSpread) {
    const double w1 = 0.5;
    const double w2 = std::nextafter(0.5, 0.0);
    ASSERT_NE(w1, w2);
    const VikorResult r = vikor(Matrix::from_rows({{0, 1}, {1, 0}}), {w1, w2}, {kCost, kCost});
    EXPECT_NE(r.s[0], r.s[1]);
    EXPECT_EQ(r.q, (std::vector<double>{0.0, 0.0}));
}

TEST(Vikor, HandCase) {
    const VikorResult r = vikor(three_options(), {0.6, 0.4}, kPriceReliability);
    expect_near(r.s, {0.4, 0.4, 0.6});
    expect_near(r.r, {0.4, 0.3, 0.6});
    expect_near(r.q, {1.0 / 6.0, 0.0, 1.0});
    EXPECT_EQ(ranks_from_scores(r.q, false), (std::vector<std::size_t>{2, 1, 3}));
}

TEST(Vikor, VOneIsTheMajorityRuleAlone) {
    // Q = (S - S*) / (S- - S*) = (0, 0, 1): A and B tie, the lower index ranks first.
    const VikorResult r = vikor(three_options(), {0.6, 0.4}, kPriceReliability, 1.0);
    expect_near(r.q, {0.0, 0.0, 1.0});
    EXPECT_EQ(ranks_from_scores(r.q, false), (std::vector<std::size_t>{1, 2, 3}));
}

TEST(Vikor, EqualGroupUtilityDoesNotDivideByZero) {
    // Benefits, weights 0.5 / 0.25 / 0.25; A = (0, 1, 1), B = (1, 0, 0).
    // Terms: A (0.5, 0, 0), B (0, 0.25, 0.25) -> S = (0.5, 0.5), R = (0.5, 0.25).
    // S* = S-: its part of Q is 0; Q = 0.5 * (R - 0.25) / 0.25 = (0.5, 0).
    const VikorResult r = vikor(Matrix::from_rows({{0, 1, 1}, {1, 0, 0}}), {0.5, 0.25, 0.25},
                                {kBenefit, kBenefit, kBenefit});
    expect_near(r.s, {0.5, 0.5});
    expect_near(r.r, {0.5, 0.25});
    expect_near(r.q, {0.5, 0.0});
}

TEST(Vikor, IdenticalAlternativesScoreZero) {
    const VikorResult r = vikor(Matrix::from_rows({{5, 7}, {5, 7}}), {0.5, 0.5}, kPriceReliability);
    EXPECT_EQ(r.s, (std::vector<double>{0.0, 0.0}));
    EXPECT_EQ(r.r, (std::vector<double>{0.0, 0.0}));
    EXPECT_EQ(r.q, (std::vector<double>{0.0, 0.0}));
}

TEST(Vikor, RejectsStrategyWeightOutsideZeroToOne) {
    EXPECT_EQ(input_error_field([] {
                  (void)vikor(three_options(), {0.6, 0.4}, kPriceReliability, 1.5);
              }),
              "v");
    EXPECT_THROW((void)vikor(three_options(), {0.6, 0.4}, kPriceReliability, -0.1), InputError);
}

}  // namespace
}  // namespace cargoquote::selection
