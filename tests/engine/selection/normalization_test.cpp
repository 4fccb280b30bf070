// Each normalization rule on small columns worked out by hand, plus its guards.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/normalization.hpp>
#include <vector>

#include "input_error_field.hpp"

namespace cargoquote::selection {
namespace {

using testing::input_error_field;
constexpr auto kBenefit = CriterionType::Benefit;
constexpr auto kCost = CriterionType::Cost;

void expect_column(const Matrix& m, std::size_t col, const std::vector<double>& expected) {
    const std::vector<double> actual = m.column(col);
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        EXPECT_NEAR(actual[i], expected[i], 1e-12) << "column " << col << ", row " << i;
    }
}

TEST(MinMax, BestIsOneWorstIsZeroInEitherDirection) {
    const Matrix m = Matrix::from_rows({{100, 2}, {200, 4}, {150, 3}});
    const Matrix n = normalize(m, {kCost, kBenefit}, Normalization::MinMax);
    expect_column(n, 0, {1.0, 0.0, 0.5});
    expect_column(n, 1, {0.0, 1.0, 0.5});
}

TEST(MinMax, EqualValuesAllGetOne) {
    const Matrix m = Matrix::from_rows({{7, 1}, {7, 2}, {7, 3}});
    const Matrix n = normalize(m, {kCost, kBenefit}, Normalization::MinMax);
    expect_column(n, 0, {1.0, 1.0, 1.0});
    expect_column(n, 1, {0.0, 0.5, 1.0});
}

TEST(MinMax, SingleAlternativeGetsOne) {
    const Matrix n =
        normalize(Matrix::from_rows({{5, 9}}), {kCost, kBenefit}, Normalization::MinMax);
    expect_column(n, 0, {1.0});
    expect_column(n, 1, {1.0});
}

TEST(Vector, DividesByTheNormAndKeepsDirection) {
    // Column (3, 4) has norm 5, for a cost as for a benefit.
    const Matrix m = Matrix::from_rows({{3, 3, 0}, {4, 4, 0}});
    const Matrix n = normalize(m, {kCost, kBenefit, kBenefit}, Normalization::Vector);
    expect_column(n, 0, {0.6, 0.8});
    expect_column(n, 1, {0.6, 0.8});
    expect_column(n, 2, {0.0, 0.0});  // zero norm guarded
}

TEST(Sum, BenefitSharesAndCostReciprocalShares) {
    // Benefit (1, 3) -> 1/4, 3/4. Cost (1, 3): reciprocals (1, 1/3) sum to 4/3 -> 3/4, 1/4.
    // A benefit column of zeros -> 1/2 each.
    const Matrix m = Matrix::from_rows({{1, 1, 0}, {3, 3, 0}});
    const Matrix n = normalize(m, {kBenefit, kCost, kBenefit}, Normalization::Sum);
    expect_column(n, 0, {0.25, 0.75});
    expect_column(n, 1, {0.75, 0.25});
    expect_column(n, 2, {0.5, 0.5});
}

TEST(Sum, RejectsZeroCostAndNegativeValues) {
    const Matrix zero_cost = Matrix::from_rows({{1, 2}, {0, 3}});
    EXPECT_EQ(input_error_field([&] {
                  (void)normalize(zero_cost, {kCost, kBenefit}, Normalization::Sum);
              }),
              "matrix/1/0");
    const Matrix negative = Matrix::from_rows({{1, -2}, {1, 3}});
    EXPECT_THROW((void)normalize(negative, {kCost, kBenefit}, Normalization::Sum), InputError);
}

TEST(FixedBounds, ScalesBetweenTheBoundsAndClamps) {
    // Price (cost) in [0, 1000]: 250 -> 0.75, 1200 -> -0.2 clamped to 0.
    // Reliability (benefit) in [0.8, 1.0]: 0.9 -> 0.5, 0.7 -> -0.5 clamped to 0.
    const Matrix m = Matrix::from_rows({{250, 0.9}, {1200, 0.7}});
    const Matrix n =
        normalize(m, {kCost, kBenefit}, Normalization::FixedBounds, {{0, 1000}, {0.8, 1.0}});
    expect_column(n, 0, {0.75, 0.0});
    expect_column(n, 1, {0.5, 0.0});
}

TEST(FixedBounds, BoundsMustFitTheRule) {
    const Matrix m = Matrix::from_rows({{1, 2}, {3, 4}});
    const std::vector<CriterionType> types{kCost, kBenefit};
    EXPECT_EQ(input_error_field([&] { (void)normalize(m, types, Normalization::FixedBounds); }),
              "bounds");
    EXPECT_EQ(input_error_field([&] {
                  (void)normalize(m, types, Normalization::MinMax, {{0, 1}, {0, 1}});
              }),
              "bounds");
    EXPECT_EQ(input_error_field([&] {
                  (void)normalize(m, types, Normalization::FixedBounds, {{0, 1}, {5, 5}});
              }),
              "bounds/1");
    EXPECT_THROW((void)normalize(m, types, Normalization::FixedBounds, {{0, 1}}), InputError);
}

TEST(Normalize, TypesMustMatchTheCriteria) {
    const Matrix m = Matrix::from_rows({{1, 2}, {3, 4}});
    EXPECT_EQ(input_error_field([&] { (void)normalize(m, {kCost}, Normalization::Vector); }),
              "types");
}

TEST(Normalize, OnlyVectorKeepsDirection) {
    EXPECT_FALSE(is_benefit_oriented(Normalization::Vector));
    EXPECT_TRUE(is_benefit_oriented(Normalization::MinMax));
    EXPECT_TRUE(is_benefit_oriented(Normalization::Sum));
    EXPECT_TRUE(is_benefit_oriented(Normalization::FixedBounds));
}

}  // namespace
}  // namespace cargoquote::selection
