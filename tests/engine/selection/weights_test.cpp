// Weight rescaling and entropy weights, with the expected values worked out in the comments.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/weights.hpp>
#include <vector>

#include "input_error_field.hpp"

namespace cargoquote::selection {
namespace {

using testing::input_error_field;

TEST(NormalizeWeights, DividesBySum) {
    const std::vector<double> w = normalize_weights({2, 1, 1});
    EXPECT_EQ(w, (std::vector<double>{0.5, 0.25, 0.25}));
}

TEST(NormalizeWeights, RejectsEmptyNegativeAndZeroSum) {
    EXPECT_EQ(input_error_field([] { (void)normalize_weights({}); }), "weights");
    EXPECT_EQ(input_error_field([] { (void)normalize_weights({1, -1}); }), "weights/1");
    EXPECT_EQ(input_error_field([] { (void)normalize_weights({0, 0}); }), "weights");
}

TEST(EntropyWeights, HandCase) {
    // Two alternatives, so E_j = H(p) / ln 2 is the entropy in bits.
    // Column 0 (1, 1): does not vary -> 1 - E = 0 exactly.
    // Column 1 (1, 3): p = (1/4, 3/4), E = 0.25 * 2 + 0.75 * log2(4/3) = 0.811278 -> 0.188722.
    // Column 2 (0, 2): p = (0, 1), 0 ln 0 = 0, E = 0 -> 1.
    // w = (0, 0.188722, 1) / 1.188722 = (0, 0.158760, 0.841240).
    const std::vector<double> w = entropy_weights(Matrix::from_rows({{1, 1, 0}, {1, 3, 2}}));
    ASSERT_EQ(w.size(), 3u);
    EXPECT_EQ(w[0], 0.0);
    EXPECT_NEAR(w[1], 0.158760, 5e-7);
    EXPECT_NEAR(w[2], 0.841240, 5e-7);
}

TEST(EntropyWeights, ConstantColumnGetsExactlyZeroAmongManyAlternatives) {
    const std::vector<double> w =
        entropy_weights(Matrix::from_rows({{0.3, 5, 120}, {0.3, 9, 80}, {0.3, 2, 95}}));
    EXPECT_EQ(w[0], 0.0);
    EXPECT_NEAR(w[1] + w[2], 1.0, 1e-12);
    EXPECT_GT(w[1], w[2]);  // 2..9 spreads the alternatives more than 80..120
}

TEST(EntropyWeights, NoInformativeCriterionGivesEqualWeights) {
    const std::vector<double> w = entropy_weights(Matrix::from_rows({{4, 0}, {4, 0}}));
    EXPECT_EQ(w, (std::vector<double>{0.5, 0.5}));
}

TEST(EntropyWeights, RejectsSingleAlternativeAndNegativeValues) {
    EXPECT_EQ(input_error_field([] {
                  (void)entropy_weights(Matrix::from_rows({{1, 2}}));
              }),
              "matrix");
    EXPECT_EQ(input_error_field([] {
                  (void)entropy_weights(Matrix::from_rows({{1, 2}, {1, -2}}));
              }),
              "matrix/1/1");
}

}  // namespace
}  // namespace cargoquote::selection
