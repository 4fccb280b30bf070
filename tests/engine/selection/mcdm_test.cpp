// The shared vocabulary: Matrix, argument checks, ranks and the weighted sum. The published cases
// are in reference_cases_test.cpp; each method has its own test file.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/mcdm.hpp>
#include <cargoquote/selection/topsis.hpp>
#include <cargoquote/selection/vikor.hpp>
#include <limits>
#include <vector>

#include "input_error_field.hpp"

namespace cargoquote::selection {
namespace {

using testing::input_error_field;
constexpr auto kBenefit = CriterionType::Benefit;
constexpr auto kCost = CriterionType::Cost;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

TEST(Matrix, FromRowsIsRowMajor) {
    const Matrix m = Matrix::from_rows({{1, 2, 3}, {4, 5, 6}});
    EXPECT_EQ(m.rows(), 2u);
    EXPECT_EQ(m.cols(), 3u);
    EXPECT_EQ(m.at(1, 0), 4.0);
    EXPECT_EQ(m.at(0, 2), 3.0);
    EXPECT_EQ(m.values(), (std::vector<double>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(m.column(1), (std::vector<double>{2, 5}));
    EXPECT_EQ(m, Matrix::from_values(2, 3, {1, 2, 3, 4, 5, 6}));
}

TEST(Matrix, RejectsRaggedRows) {
    EXPECT_THROW((void)Matrix::from_rows({{1, 2}, {3}}), InputError);
    EXPECT_EQ(input_error_field([] {
                  (void)Matrix::from_rows({{1, 2}, {3, 4}, {5, 6, 7}});
              }),
              "matrix/2");
}

TEST(Matrix, RejectsEmptyAndNonFiniteInput) {
    EXPECT_EQ(input_error_field([] { (void)Matrix::from_rows({}); }), "matrix");
    EXPECT_EQ(input_error_field([] { (void)Matrix::from_rows({{}, {}}); }), "matrix");
    EXPECT_EQ(input_error_field([] {
                  (void)Matrix::from_rows({{1, 2}, {3, kNan}});
              }),
              "matrix/1/1");
    EXPECT_EQ(input_error_field([] { (void)Matrix::from_values(2, 2, {1, 2, 3}); }), "matrix");
}

TEST(Validation, WeightsOfWrongLengthAreRejectedByEveryMethod) {
    const Matrix m = Matrix::from_rows({{1, 2}, {3, 4}});
    const std::vector<CriterionType> types{kBenefit, kCost};
    const std::vector<double> three{0.2, 0.3, 0.5};
    EXPECT_THROW((void)weighted_sum(m, three, types, Normalization::MinMax), InputError);
    EXPECT_THROW((void)topsis(m, three, types), InputError);
    EXPECT_THROW((void)vikor(m, three, types), InputError);
    EXPECT_EQ(input_error_field([&] { (void)topsis(m, {0.5}, types); }), "weights");
}

TEST(Validation, NegativeOrNonFiniteWeightNamesItsPosition) {
    EXPECT_EQ(input_error_field([] { validate_weights({0.5, -0.1}, 2); }), "weights/1");
    EXPECT_EQ(input_error_field([] { validate_weights({kInf, 0.1}, 2); }), "weights/0");
    EXPECT_NO_THROW(validate_weights({0.0, 3.0}, 2));  // used as given: no sum requirement
}

TEST(Validation, TypesOfWrongLengthAreRejected) {
    const Matrix m = Matrix::from_rows({{1, 2}, {3, 4}});
    EXPECT_THROW((void)weighted_sum(m, {0.5, 0.5}, {kBenefit}, Normalization::MinMax), InputError);
    EXPECT_EQ(input_error_field([&] {
                  (void)vikor(m, {0.5, 0.5}, {kCost, kCost, kCost});
              }),
              "types");
}

TEST(Ranks, TiesGoToTheLowerIndex) {
    const std::vector<double> scores{0.5, 0.7, 0.5, 0.1};
    EXPECT_EQ(ranks_from_scores(scores, true), (std::vector<std::size_t>{2, 1, 3, 4}));
    EXPECT_EQ(ranks_from_scores(scores, false), (std::vector<std::size_t>{2, 4, 3, 1}));
    EXPECT_TRUE(ranks_from_scores({}, true).empty());
}

TEST(Ranks, ManyTiesStayInIndexOrder) {
    // Enough elements for std::sort to leave insertion sort: the tie-break must not depend on it.
    std::vector<double> scores;
    for (int i = 0; i < 64; ++i) scores.push_back(i % 2 == 0 ? 1.0 : 0.0);
    const std::vector<std::size_t> ranks = ranks_from_scores(scores, true);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        EXPECT_EQ(ranks[i], i % 2 == 0 ? i / 2 + 1 : 32 + i / 2 + 1) << "index " << i;
    }
}

TEST(Ranks, ScoresEqualToNineDecimalsAreTies) {
    // 0.3 reached as 0.1 + 0.2 (0.30000000000000004) ties with 0.3: the lower index wins.
    EXPECT_EQ(ranks_from_scores({0.3, 0.1 + 0.2}, true), (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(ranks_from_scores({0.1 + 0.2, 0.3}, false), (std::vector<std::size_t>{1, 2}));
    // A difference in the 9th decimal still counts.
    EXPECT_EQ(ranks_from_scores({0.300000001, 0.300000002}, true),
              (std::vector<std::size_t>{2, 1}));
}

TEST(Ranks, RejectNonFiniteScores) {
    EXPECT_EQ(input_error_field([] { (void)ranks_from_scores({0.1, kNan}, true); }), "scores/1");
}

TEST(WeightedSum, MinMaxHandCase) {
    // price (cost) 100, 200, 150 -> 1, 0, 0.5; reliability (benefit) 0.9, 0.8, 1.0 -> 0.5, 0, 1.
    // Weights 0.5 / 0.5: scores 0.75, 0, 0.75; the tie goes to the lower index.
    const Matrix m = Matrix::from_rows({{100, 0.9}, {200, 0.8}, {150, 1.0}});
    const auto scores = weighted_sum(m, {0.5, 0.5}, {kCost, kBenefit}, Normalization::MinMax);
    ASSERT_EQ(scores.size(), 3u);
    EXPECT_NEAR(scores[0], 0.75, 1e-12);
    EXPECT_NEAR(scores[1], 0.0, 1e-12);
    EXPECT_NEAR(scores[2], 0.75, 1e-12);
    EXPECT_EQ(ranks_from_scores(scores, true), (std::vector<std::size_t>{1, 3, 2}));
}

TEST(WeightedSum, VectorNormalizationSubtractsCosts) {
    // price (cost) 3, 4 -> 0.6, 0.8; reliability (benefit) 4, 3 -> 0.8, 0.6.
    // Scores: 0.5 * 0.8 - 0.5 * 0.6 = 0.1 and 0.5 * 0.6 - 0.5 * 0.8 = -0.1.
    const Matrix m = Matrix::from_rows({{3, 4}, {4, 3}});
    const auto scores = weighted_sum(m, {0.5, 0.5}, {kCost, kBenefit}, Normalization::Vector);
    EXPECT_NEAR(scores[0], 0.1, 1e-12);
    EXPECT_NEAR(scores[1], -0.1, 1e-12);
}

TEST(WeightedSum, FixedBoundsAvoidRankReversalWhenTheCandidateSetShrinks) {
    // Price (cost) and transit hours (cost), weights 0.6 / 0.4.
    // Min-max over A, B, C: A = 0.6 * 1 + 0.4 * 0 = 0.6; B = 0.6 * 0.7 + 0.4 * (2/3) = 0.6867.
    // Without C (e.g. cut by a hard limit): A = 0.6, B = 0.4, so A and B swap places.
    // Fixed bounds price [0, 400], transit [0, 72]: A = 0.45 + 0.4/3, B = 0.36 + 0.8/3 either way.
    const std::vector<double> w{0.6, 0.4};
    const std::vector<CriterionType> types{kCost, kCost};
    const Matrix abc = Matrix::from_rows({{100, 48}, {160, 24}, {300, 12}});
    const Matrix ab = Matrix::from_rows({{100, 48}, {160, 24}});

    const auto min_max_abc = weighted_sum(abc, w, types, Normalization::MinMax);
    const auto min_max_ab = weighted_sum(ab, w, types, Normalization::MinMax);
    EXPECT_NEAR(min_max_abc[1], 0.42 + 0.4 * 2.0 / 3.0, 1e-12);
    EXPECT_GT(min_max_abc[1], min_max_abc[0]);
    EXPECT_LT(min_max_ab[1], min_max_ab[0]);

    const std::vector<Bounds> bounds{{0, 400}, {0, 72}};
    const auto fixed_abc = weighted_sum(abc, w, types, Normalization::FixedBounds, bounds);
    const auto fixed_ab = weighted_sum(ab, w, types, Normalization::FixedBounds, bounds);
    EXPECT_NEAR(fixed_abc[0], 0.45 + 0.4 / 3.0, 1e-12);
    EXPECT_NEAR(fixed_abc[1], 0.36 + 0.8 / 3.0, 1e-12);
    EXPECT_EQ(fixed_ab[0], fixed_abc[0]);
    EXPECT_EQ(fixed_ab[1], fixed_abc[1]);
}

}  // namespace
}  // namespace cargoquote::selection
