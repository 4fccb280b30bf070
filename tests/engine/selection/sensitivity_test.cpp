// Weight sensitivity of the top alternative: an exact hand case for the weighted sum, property
// checks (just inside a bound keeps the top, just outside changes it) for all three methods, and
// the degenerate cases.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/sensitivity.hpp>
#include <string>
#include <vector>

#include "input_error_field.hpp"

namespace cargoquote::selection {
namespace {

constexpr auto kBenefit = CriterionType::Benefit;
constexpr auto kCost = CriterionType::Cost;

// Three carriers: price (cost), reliability (benefit), transit days (cost).
const Matrix& carriers() {
    static const Matrix m = Matrix::from_rows({{100, 0.90, 5}, {300, 0.98, 2}, {200, 0.94, 3}});
    return m;
}
const std::vector<CriterionType> kCarrierTypes = {kCost, kBenefit, kCost};

TEST(Sensitivity, WeightedSumHandCaseIsExact) {
    // Min-max normalized: price (300 - x) / 200 -> A 1, B 0, C 1/2; reliability (x - 0.90) / 0.08
    // -> A 0, B 1, C 1/2; transit (5 - x) / 3 -> A 0, B 1, C 2/3. Weights 0.6, 0.25, 0.15 (W = 1):
    // scores A 0.6, B 0.4, C 0.3 + 0.125 + 0.1 = 0.525, so A (index 0) is on top.
    //
    // Price at t, the others (1 - t) * 0.25 / 0.4 = 0.625 (1 - t) and 0.375 (1 - t):
    //   A = t, B = 1 - t, C = t/2 + (1 - t)(0.625/2 + 0.375 * 2/3) = 0.5625 - 0.0625 t.
    //   A >= B  <=>  t >= 1/2;  A >= C  <=>  1.0625 t >= 0.5625  <=>  t >= 9/17.  -> [9/17, 1].
    // Reliability at u, price 0.8 (1 - u), transit 0.2 (1 - u):
    //   A = 0.8 (1 - u), B = 0.2 + 0.8 u, C = u/2 + (1 - u)(0.4 + 0.2 * 2/3) = 8/15 - u/30.
    //   A >= B  <=>  u <= 3/8;  A >= C  <=>  4/15 >= (23/30) u  <=>  u <= 8/23.  -> [0, 8/23].
    // Transit at r, price (12/17)(1 - r), reliability (5/17)(1 - r):
    //   A = (12/17)(1 - r), B = (5/17)(1 - r) + r, C = (1 - r)/2 + (2/3) r.
    //   A >= B  <=>  r <= 7/24;  A >= C  <=>  (7/34)(1 - r) >= (2/3) r  <=>  r <= 21/89.
    //   -> [0, 21/89].
    const std::vector<double> w = {0.6, 0.25, 0.15};
    ASSERT_EQ(top_alternative(RankingMethod::WeightedSum, carriers(), w, kCarrierTypes,
                              Normalization::MinMax),
              0U);
    const auto intervals = weight_sensitivity(RankingMethod::WeightedSum, carriers(), w,
                                              kCarrierTypes, Normalization::MinMax);
    ASSERT_EQ(intervals.size(), 3U);
    constexpr double kExact = 1e-12;  // closed form: only floating-point rounding remains

    EXPECT_EQ(intervals[0].criterion, 0U);
    EXPECT_EQ(intervals[0].current, 0.6);
    EXPECT_NEAR(intervals[0].lower, 9.0 / 17.0, kExact);
    EXPECT_TRUE(intervals[0].lower_bounded);
    EXPECT_EQ(intervals[0].upper, 1.0);
    EXPECT_FALSE(intervals[0].upper_bounded);

    EXPECT_EQ(intervals[1].lower, 0.0);
    EXPECT_FALSE(intervals[1].lower_bounded);
    EXPECT_NEAR(intervals[1].upper, 8.0 / 23.0, kExact);
    EXPECT_TRUE(intervals[1].upper_bounded);

    EXPECT_EQ(intervals[2].lower, 0.0);
    EXPECT_FALSE(intervals[2].lower_bounded);
    EXPECT_NEAR(intervals[2].upper, 21.0 / 89.0, kExact);
    EXPECT_TRUE(intervals[2].upper_bounded);
}

TEST(Sensitivity, WeightedSumBoundsScaleWithTheWeightSum) {
    // The same shares as above, summing to 10: every bound is 10 times larger.
    const auto intervals =
        weight_sensitivity(RankingMethod::WeightedSum, carriers(), {6.0, 2.5, 1.5}, kCarrierTypes,
                           Normalization::MinMax);
    EXPECT_NEAR(intervals[0].lower, 90.0 / 17.0, 1e-11);
    EXPECT_EQ(intervals[0].upper, 10.0);
    EXPECT_NEAR(intervals[1].upper, 80.0 / 23.0, 1e-11);
    EXPECT_NEAR(intervals[2].upper, 210.0 / 89.0, 1e-11);
}

TEST(Sensitivity, RescaledWeightsKeepTheSumAndProportions) {
    const std::vector<double> w = rescaled_weights({0.6, 0.25, 0.15}, 0, 0.2);
    EXPECT_DOUBLE_EQ(w[0], 0.2);
    EXPECT_DOUBLE_EQ(w[1], 0.5);
    EXPECT_DOUBLE_EQ(w[2], 0.3);
    // The others all 0: the rest is shared equally.
    const std::vector<double> even = rescaled_weights({1.0, 0.0, 0.0}, 0, 0.4);
    EXPECT_DOUBLE_EQ(even[1], 0.3);
    EXPECT_DOUBLE_EQ(even[2], 0.3);
    using testing::input_error_field;
    EXPECT_EQ(input_error_field([] { (void)rescaled_weights({0.5, 0.5}, 0, 1.5); }), "value");
    EXPECT_EQ(input_error_field([] { (void)rescaled_weights({0.5, 0.5}, 2, 0.5); }), "criterion");
}

// ---- properties: just inside keeps the top, just outside changes it ----

struct Case {
    std::string name;
    Matrix matrix;
    std::vector<double> weights;
    std::vector<CriterionType> types;
    Normalization normalization;
};

std::vector<Case> property_cases() {
    return {
        {"carriers-minmax", carriers(), {0.6, 0.25, 0.15}, kCarrierTypes, Normalization::MinMax},
        {"carriers-vector", carriers(), {0.4, 0.35, 0.25}, kCarrierTypes, Normalization::Vector},
        // Tzeng & Huang (2011), the published TOPSIS case.
        {"tzeng-huang",
         Matrix::from_rows({{5, 8, 4}, {7, 6, 8}, {8, 8, 6}, {7, 4, 6}}),
         {0.3, 0.4, 0.3},
         {kBenefit, kBenefit, kBenefit},
         Normalization::Vector},
        // Papathanasiou & Ploskas (2018), weights summing to 1 over four criteria.
        {"papathanasiou-ploskas",
         Matrix::from_rows({{8, 7, 2, 1},
                            {5, 3, 7, 5},
                            {7, 5, 6, 4},
                            {9, 9, 7, 3},
                            {11, 10, 3, 7},
                            {6, 9, 5, 4}}),
         {0.4, 0.3, 0.1, 0.2},
         {kBenefit, kBenefit, kBenefit, kBenefit},
         Normalization::Vector},
        // Mixed directions, weights not summing to 1.
        {"mixed-sum",
         Matrix::from_rows({{1200, 3, 0.95, 2},
                            {900, 5, 0.90, 3},
                            {1500, 2, 0.97, 1},
                            {1000, 4, 0.93, 4},
                            {1100, 3, 0.92, 2}}),
         {3.0, 2.0, 4.0, 1.0},
         {kCost, kCost, kBenefit, kCost},
         Normalization::Sum},
    };
}

const char* method_name(RankingMethod method) {
    switch (method) {
        case RankingMethod::WeightedSum:
            return "weighted-sum";
        case RankingMethod::Topsis:
            return "topsis";
        case RankingMethod::Vikor:
            return "vikor";
    }
    return "?";
}

TEST(Sensitivity, JustInsideKeepsTheTopAndJustOutsideChangesIt) {
    for (const RankingMethod method :
         {RankingMethod::WeightedSum, RankingMethod::Topsis, RankingMethod::Vikor}) {
        int bounded_sides = 0;
        for (const Case& c : property_cases()) {
            const std::size_t top =
                top_alternative(method, c.matrix, c.weights, c.types, c.normalization);
            const auto intervals =
                weight_sensitivity(method, c.matrix, c.weights, c.types, c.normalization);
            ASSERT_EQ(intervals.size(), c.matrix.cols());
            double sum = 0.0;
            for (const double w : c.weights) sum += w;
            // Far wider than the bisection tolerance (1e-6 W), far narrower than the intervals.
            const double delta = 1e-4 * sum;
            const auto top_at = [&](std::size_t j, double t) {
                return top_alternative(method, c.matrix, rescaled_weights(c.weights, j, t), c.types,
                                       c.normalization);
            };
            for (const WeightInterval& in : intervals) {
                const std::size_t j = in.criterion;
                SCOPED_TRACE(::testing::Message()
                             << method_name(method) << " " << c.name << " criterion " << j << " ["
                             << in.lower << ", " << in.upper << "] current " << in.current);
                EXPECT_EQ(in.current, c.weights[j]);
                EXPECT_LE(0.0, in.lower);
                EXPECT_LE(in.lower, in.current);
                EXPECT_LE(in.current, in.upper);
                EXPECT_LE(in.upper, sum);
                if (in.lower_bounded) {
                    ++bounded_sides;
                    ASSERT_GT(in.current - in.lower, 2 * delta) << "test case too tight";
                    EXPECT_EQ(top_at(j, in.lower + delta), top);
                    EXPECT_NE(top_at(j, std::max(0.0, in.lower - delta)), top);
                } else {
                    EXPECT_EQ(in.lower, 0.0);
                    EXPECT_EQ(top_at(j, 0.0), top);
                }
                if (in.upper_bounded) {
                    ++bounded_sides;
                    ASSERT_GT(in.upper - in.current, 2 * delta) << "test case too tight";
                    EXPECT_EQ(top_at(j, in.upper - delta), top);
                    EXPECT_NE(top_at(j, std::min(sum, in.upper + delta)), top);
                } else {
                    EXPECT_EQ(in.upper, sum);
                    EXPECT_EQ(top_at(j, sum), top);
                }
                // A bound at an end of the range (a tie lost there to a lower index) has no
                // "just outside" beyond the end: the checks above then test the end itself.
            }
        }
        // The cases must actually exercise bounds for every method.
        EXPECT_GE(bounded_sides, 3) << method_name(method);
    }
}

TEST(Sensitivity, NumericalBoundsAgreeWithTheExactOnesOnAWeightedSumShapedCase) {
    // A = (1, 0), B = (0, 1), each best on one criterion: by symmetry every method ties them at
    // w = (1/2, 1/2) (A keeps the top, lower index), so A is top exactly while w_0 >= 1/2.
    const Matrix m = Matrix::from_rows({{1, 0}, {0, 1}});
    for (const RankingMethod method :
         {RankingMethod::WeightedSum, RankingMethod::Topsis, RankingMethod::Vikor}) {
        SCOPED_TRACE(method_name(method));
        const auto intervals =
            weight_sensitivity(method, m, {0.7, 0.3}, {kBenefit, kBenefit}, Normalization::MinMax);
        // Exact for the weighted sum; for the numerical methods the inside end of a bracket of
        // at most 1e-6 (W = 1).
        const double tolerance = method == RankingMethod::WeightedSum ? 1e-12 : 1e-6;
        EXPECT_GE(intervals[0].lower, 0.5 - 1e-12);
        EXPECT_LE(intervals[0].lower, 0.5 + tolerance);
        EXPECT_TRUE(intervals[0].lower_bounded);
        EXPECT_EQ(intervals[0].upper, 1.0);
        EXPECT_FALSE(intervals[0].upper_bounded);
        EXPECT_EQ(intervals[1].lower, 0.0);
        EXPECT_GE(intervals[1].upper, 0.5 - tolerance);
        EXPECT_LE(intervals[1].upper, 0.5 + 1e-12);
        EXPECT_TRUE(intervals[1].upper_bounded);
    }
}

// ---- degenerate cases ----

TEST(Sensitivity, OneAlternativeIsAlwaysOnTop) {
    const Matrix m = Matrix::from_rows({{100, 0.9, 4}});
    for (const RankingMethod method :
         {RankingMethod::WeightedSum, RankingMethod::Topsis, RankingMethod::Vikor}) {
        const auto intervals =
            weight_sensitivity(method, m, {0.5, 0.3, 0.2}, kCarrierTypes, Normalization::MinMax);
        ASSERT_EQ(intervals.size(), 3U);
        for (const WeightInterval& in : intervals) {
            EXPECT_EQ(in.lower, 0.0);
            EXPECT_EQ(in.upper, 1.0);
            EXPECT_FALSE(in.lower_bounded);
            EXPECT_FALSE(in.upper_bounded);
        }
    }
}

TEST(Sensitivity, ADominantAlternativeGivesTheWholeRange) {
    // The last carrier is cheapest, most reliable and fastest: no weighting can unseat it.
    const Matrix m = Matrix::from_rows({{300, 0.90, 5}, {200, 0.94, 3}, {100, 0.98, 2}});
    for (const RankingMethod method :
         {RankingMethod::WeightedSum, RankingMethod::Topsis, RankingMethod::Vikor}) {
        SCOPED_TRACE(method_name(method));
        const std::vector<double> w = {0.5, 0.3, 0.2};
        EXPECT_EQ(top_alternative(method, m, w, kCarrierTypes, Normalization::MinMax), 2U);
        const auto intervals =
            weight_sensitivity(method, m, w, kCarrierTypes, Normalization::MinMax);
        for (const WeightInterval& in : intervals) {
            EXPECT_EQ(in, (WeightInterval{in.criterion, w[in.criterion], 0.0, 1.0, false, false}));
        }
    }
}

TEST(Sensitivity, ACriterionThatCannotChangeTheTopSpansTheWholeRange) {
    // Weighted sum: A = (1, 1, 0), B = (0, 0, 1) after min-max, w = (0.5, 0.4, 0.1). Criterion 1
    // at u: A = u + (5/6)(1 - u) >= 5/6 > B = (1/6)(1 - u) for every u in [0, 1]: whole range.
    const Matrix m = Matrix::from_rows({{1, 1, 0}, {0, 0, 1}});
    const std::vector<CriterionType> types = {kBenefit, kBenefit, kBenefit};
    const auto intervals = weight_sensitivity(RankingMethod::WeightedSum, m, {0.5, 0.4, 0.1}, types,
                                              Normalization::MinMax);
    EXPECT_EQ(intervals[1], (WeightInterval{1, 0.4, 0.0, 1.0, false, false}));
    // Criterion 2 (B's only strength) does bound A: A = 1 - r, B = r, so r <= 1/2.
    EXPECT_NEAR(intervals[2].upper, 0.5, 1e-12);
    EXPECT_TRUE(intervals[2].upper_bounded);
}

TEST(Sensitivity, OneCriterionCannotMove) {
    const auto intervals = weight_sensitivity(RankingMethod::Topsis, Matrix::from_rows({{1}, {2}}),
                                              {2.0}, {kBenefit}, Normalization::Vector);
    EXPECT_EQ(intervals[0], (WeightInterval{0, 2.0, 2.0, 2.0, false, false}));
}

TEST(Sensitivity, TiesKeepTheLowerIndexOnTop) {
    // Equal rows: the first stays on top whatever the weights.
    const Matrix m = Matrix::from_rows({{1, 2}, {1, 2}});
    for (const RankingMethod method :
         {RankingMethod::WeightedSum, RankingMethod::Topsis, RankingMethod::Vikor}) {
        EXPECT_EQ(
            top_alternative(method, m, {0.5, 0.5}, {kBenefit, kBenefit}, Normalization::MinMax),
            0U);
        const auto intervals =
            weight_sensitivity(method, m, {0.5, 0.5}, {kBenefit, kBenefit}, Normalization::MinMax);
        for (const WeightInterval& in : intervals) {
            EXPECT_FALSE(in.lower_bounded);
            EXPECT_FALSE(in.upper_bounded);
        }
    }
}

TEST(Sensitivity, RejectsBadInput) {
    using testing::input_error_field;
    EXPECT_EQ(input_error_field([] {
                  (void)weight_sensitivity(RankingMethod::WeightedSum, carriers(), {0.5, -0.1, 0.6},
                                           kCarrierTypes, Normalization::MinMax);
              }),
              "weights/1");
    EXPECT_EQ(input_error_field([] {
                  (void)weight_sensitivity(RankingMethod::Topsis, carriers(), {0.5, 0.5},
                                           kCarrierTypes, Normalization::MinMax);
              }),
              "weights");
    EXPECT_EQ(input_error_field([] {
                  (void)weight_sensitivity(RankingMethod::Vikor, carriers(), {0.5, 0.3, 0.2},
                                           kCarrierTypes, Normalization::MinMax, 1.5);
              }),
              "v");
}

}  // namespace
}  // namespace cargoquote::selection
