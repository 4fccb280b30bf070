// AHP on matrices whose eigenvector and eigenvalue are known in closed form.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/ahp.hpp>
#include <vector>

#include "input_error_field.hpp"

namespace cargoquote::selection {
namespace {

using testing::input_error_field;

void expect_near(const std::vector<double>& actual, const std::vector<double>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        EXPECT_NEAR(actual[i], expected[i], 1e-12) << "index " << i;
    }
}

TEST(Ahp, ConsistentMatrixGivesItsWeightsBack) {
    // a_ij = w_i / w_j for w proportional to (4, 2, 1): rank one, lambda_max = n = 3, CI = CR = 0.
    const Matrix pairwise = reciprocal_from_upper_triangle({{2, 4}, {2}});
    const AhpResult r = ahp_weights(pairwise);
    expect_near(r.weights, {4.0 / 7.0, 2.0 / 7.0, 1.0 / 7.0});
    EXPECT_NEAR(r.lambda_max, 3.0, 1e-12);
    EXPECT_NEAR(r.ci, 0.0, 1e-12);
    EXPECT_NEAR(r.cr, 0.0, 1e-12);
    EXPECT_TRUE(r.consistent);
}

TEST(Ahp, CyclicJudgementsAreFlaggedWithEitherTable) {
    // 1 beats 2 by 2, 2 beats 3 by 2, 3 beats 1 by 2: a circulant matrix with rows summing to
    // 1 + 2 + 1/2, so the weights are equal and lambda_max = 3.5; CI = 0.5 / 2 = 0.25.
    // CR = 0.25 / 0.58 with Saaty (1980), 0.25 / 0.5245 with Alonso & Lamata (2006).
    const Matrix pairwise = reciprocal_from_upper_triangle({{2, 0.5}, {2}});
    const AhpResult saaty = ahp_weights(pairwise, RandomIndexTable::Saaty1980);
    expect_near(saaty.weights, {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0});
    EXPECT_NEAR(saaty.lambda_max, 3.5, 1e-12);
    EXPECT_NEAR(saaty.ci, 0.25, 1e-12);
    EXPECT_NEAR(saaty.cr, 0.25 / 0.58, 1e-12);
    EXPECT_FALSE(saaty.consistent);
    const AhpResult alonso = ahp_weights(pairwise, RandomIndexTable::AlonsoLamata2006);
    EXPECT_NEAR(alonso.cr, 0.25 / 0.5245, 1e-12);
    EXPECT_FALSE(alonso.consistent);
}

TEST(Ahp, TwoCriteriaAreAlwaysConsistent) {
    // [[1, 5], [1/5, 1]]: weights 5/6, 1/6, lambda_max = 2; RI(2) = 0, so CR is defined as 0.
    const AhpResult r = ahp_weights(reciprocal_from_upper_triangle({{5}}));
    expect_near(r.weights, {5.0 / 6.0, 1.0 / 6.0});
    EXPECT_NEAR(r.lambda_max, 2.0, 1e-12);
    EXPECT_EQ(r.ci, 0.0);
    EXPECT_EQ(r.cr, 0.0);
    EXPECT_TRUE(r.consistent);
}

TEST(Ahp, SingleCriterionHasAllTheWeight) {
    const AhpResult r = ahp_weights(reciprocal_from_upper_triangle({}));
    expect_near(r.weights, {1.0});
    EXPECT_TRUE(r.consistent);
}

TEST(Ahp, RandomIndexTables) {
    EXPECT_EQ(random_index(2, RandomIndexTable::Saaty1980), 0.0);
    EXPECT_EQ(random_index(3, RandomIndexTable::Saaty1980), 0.58);
    EXPECT_EQ(random_index(7, RandomIndexTable::Saaty1980), 1.32);
    EXPECT_EQ(random_index(10, RandomIndexTable::Saaty1980), 1.49);
    EXPECT_EQ(random_index(3, RandomIndexTable::AlonsoLamata2006), 0.5245);
    EXPECT_EQ(random_index(6, RandomIndexTable::AlonsoLamata2006), 1.2479);
    EXPECT_EQ(random_index(10, RandomIndexTable::AlonsoLamata2006), 1.4854);
    EXPECT_THROW((void)random_index(11, RandomIndexTable::Saaty1980), InputError);
}

TEST(Ahp, RejectsMatricesThatAreNotPositiveReciprocal) {
    EXPECT_EQ(input_error_field([] {
                  (void)ahp_weights(Matrix::from_rows({{1, 2, 3}, {0.5, 1, 2}}));
              }),
              "pairwise");
    EXPECT_EQ(input_error_field([] {
                  (void)ahp_weights(Matrix::from_rows({{1, 3}, {0.5, 1}}));
              }),
              "pairwise/0/1");
    EXPECT_EQ(input_error_field([] {
                  (void)ahp_weights(Matrix::from_rows({{2, 1}, {1, 1}}));
              }),
              "pairwise/0/0");
    EXPECT_EQ(input_error_field([] {
                  (void)ahp_weights(Matrix::from_rows({{1, 0}, {0, 1}}));
              }),
              "pairwise/0/1");
    EXPECT_THROW((void)ahp_weights(Matrix::from_rows({{1, -2}, {-0.5, 1}})), InputError);
}

TEST(Ahp, RejectsMoreCriteriaThanTheRandomIndexTableCovers) {
    std::vector<std::vector<double>> upper;
    for (std::size_t i = 0; i < 10; ++i) upper.emplace_back(10 - i, 1.0);
    const Matrix pairwise = reciprocal_from_upper_triangle(upper);
    ASSERT_EQ(pairwise.rows(), 11u);
    EXPECT_THROW((void)ahp_weights(pairwise), InputError);
}

TEST(Ahp, UpperTriangleRowsMustHaveTheRightLengthAndPositiveValues) {
    EXPECT_EQ(input_error_field([] {
                  (void)reciprocal_from_upper_triangle({{2}, {2}});
              }),
              "upper_rows/0");
    EXPECT_EQ(input_error_field([] {
                  (void)reciprocal_from_upper_triangle({{2, 0}, {2}});
              }),
              "upper_rows/0/1");
}

TEST(Ahp, UpperTriangleRowsFillTheReciprocalHalf) {
    const Matrix m = reciprocal_from_upper_triangle({{3, 5}, {0.5}});
    EXPECT_EQ(m, Matrix::from_values(3, 3, {1, 3, 5, 1.0 / 3, 1, 0.5, 0.2, 2, 1}));
}

}  // namespace
}  // namespace cargoquote::selection

namespace cargoquote::selection {
namespace {

TEST(AhpValidationTest, ANonPositiveEntryIsNamedItselfNotItsMirror) {
    const Matrix m = Matrix::from_rows({{1, 2, 3}, {-0.5, 1, 2}, {1.0 / 3, 0.5, 1}});
    try {
        (void)ahp_weights(m);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.field(), "pairwise/1/0");
    }
}

}  // namespace
}  // namespace cargoquote::selection
