// Pareto front on a small candidate set whose dominance relations are listed in the comments.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/pareto.hpp>
#include <vector>

namespace cargoquote::selection {
namespace {

constexpr auto kBenefit = CriterionType::Benefit;
constexpr auto kCost = CriterionType::Cost;

TEST(ParetoFront, HandCase) {
    // price (cost), reliability (benefit)
    // A (100, 0.90)  front
    // B (120, 0.95)  front: dearer than A but more reliable
    // C (130, 0.90)  dominated by A (dearer, equally reliable)
    // D (100, 0.90)  front: identical to A, and neither dominates the other
    // E ( 90, 0.80)  front: cheapest
    // F (120, 0.94)  dominated by B (same price, less reliable)
    const Matrix m = Matrix::from_rows(
        {{100, 0.90}, {120, 0.95}, {130, 0.90}, {100, 0.90}, {90, 0.80}, {120, 0.94}});
    EXPECT_EQ(pareto_front(m, {kCost, kBenefit}),
              (std::vector<bool>{true, true, false, true, true, false}));
}

TEST(ParetoFront, DirectionMatters) {
    // With price read as a benefit, the dearer option dominates instead.
    const Matrix m = Matrix::from_rows({{100, 1}, {200, 1}});
    EXPECT_EQ(pareto_front(m, {kCost, kBenefit}), (std::vector<bool>{true, false}));
    EXPECT_EQ(pareto_front(m, {kBenefit, kBenefit}), (std::vector<bool>{false, true}));
}

TEST(ParetoFront, RejectsTypesOfWrongLength) {
    EXPECT_THROW((void)pareto_front(Matrix::from_rows({{1, 2}}), {kCost}), InputError);
}

}  // namespace
}  // namespace cargoquote::selection
