// The engine's closed lists each live in one table (ranking methods, rejection reasons, surcharge
// bases): every enum value has exactly one row, in enum order, with a distinct name that parses
// back to it, and the properties the writers read agree with one another.

#include <gtest/gtest.h>

#include <cargoquote/catalog/criterion_weights.hpp>
#include <cargoquote/catalog/ranking_method.hpp>
#include <cargoquote/catalog/surcharge.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/rejection_reason.hpp>
#include <cargoquote/selection/method_scores.hpp>
#include <set>
#include <string>

namespace cargoquote {
namespace {

using selection::RankingMethod;

TEST(ClosedLists, RankingMethodTableCoversTheEnumInOrder) {
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < selection::kRankingMethods.size(); ++i) {
        const auto& row = selection::kRankingMethods[i];
        EXPECT_EQ(static_cast<std::size_t>(row.method), i);
        EXPECT_EQ(selection::parse_ranking_method(row.name), row.method);
        EXPECT_EQ(selection::kRankingMethodNames[i], row.name);
        EXPECT_TRUE(names.insert(row.name).second) << row.name;
    }
    EXPECT_EQ(selection::ranking_method_name(
                  static_cast<RankingMethod>(selection::kRankingMethods.size())),
              "unknown");
    EXPECT_FALSE(selection::parse_ranking_method("promethee").has_value());
}

TEST(ClosedLists, AnUnknownMethodNamesTheFieldAndTheChoices) {
    EXPECT_EQ(selection::ranking_method_choices(), "weighted_sum, topsis or vikor");
    try {
        (void)selection::require_ranking_method("ahp", "/method");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
        EXPECT_EQ(e.field(), "/method");
        EXPECT_EQ(e.detail(), "'ahp' is not weighted_sum, topsis or vikor");
    }
}

TEST(ClosedLists, MethodScoresPointTheWayTheTableSays) {
    // Two alternatives, one cost criterion: the cheaper (index 0) must come out on top.
    const auto matrix = selection::Matrix::from_rows({{100.0}, {200.0}});
    for (const auto& row : selection::kRankingMethods) {
        const auto scores =
            selection::method_scores(row.method, matrix, {1.0}, {selection::CriterionType::Cost},
                                     selection::ranking_normalization(row.method), 0.5);
        ASSERT_EQ(scores.size(), 2u) << row.name;
        if (row.higher_is_better) {
            EXPECT_GT(scores[0], scores[1]) << row.name;
        } else {
            EXPECT_LT(scores[0], scores[1]) << row.name;
        }
    }
}

TEST(ClosedLists, RejectionReasonTableCoversTheEnumInOrder) {
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < kRejectionReasons.size(); ++i) {
        const auto& [reason, name] = kRejectionReasons[i];
        EXPECT_EQ(static_cast<std::size_t>(reason), i);
        EXPECT_EQ(rejection_reason_name(reason), name);
        EXPECT_EQ(parse_rejection_reason(name), reason);
        EXPECT_TRUE(names.insert(name).second) << name;
    }
    // The published codes are append-only: these spellings are in output files and notebooks.
    EXPECT_EQ(rejection_reason_name(RejectionReason::NoFxRate), "no_fx_rate");
    EXPECT_EQ(rejection_reason_name(RejectionReason::OutsideSla), "outside_sla");
    EXPECT_EQ(rejection_reason_name(RejectionReason::PieceTooLarge), "piece_too_large");
}

TEST(ClosedLists, SurchargeBasisTraitsAgree) {
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < kSurchargeBases.size(); ++i) {
        const auto& row = kSurchargeBases[i];
        EXPECT_EQ(static_cast<std::size_t>(row.basis), i);
        EXPECT_EQ(parse_surcharge_basis(row.name), row.basis);
        EXPECT_EQ(kSurchargeBasisNames[i], row.name);
        EXPECT_TRUE(names.insert(row.name).second) << row.name;
        // A percentage is written as the amount it is taken of, and only a percentage is.
        EXPECT_EQ(row.percent, row.unit == QuantityUnit::Amount) << row.name;
        EXPECT_EQ(row.percent, row.quantity == BasisQuantity::FreightCharge ||
                                   row.quantity == BasisQuantity::DeclaredValue)
            << row.name;
        EXPECT_EQ(is_percent_basis(row.basis), row.percent);
    }
    EXPECT_EQ(surcharge_basis_traits(SurchargeBasis::GrossKg).unit, QuantityUnit::Kilogram);
    EXPECT_EQ(surcharge_basis_traits(SurchargeBasis::Piece).unit, QuantityUnit::Piece);
}

TEST(ClosedLists, WeightsTextParsesBackToTheSameWeights) {
    // Tiny and large weights are written as plain decimals, never in exponent form.
    const auto weights =
        selection::CriterionWeights::parse("price=0.000001,time=2500000,co2=0.5", "/weights");
    EXPECT_EQ(weights.text(), "price=0.000001,time=2500000,reliability=0,risk=0,co2=0.5");
    EXPECT_EQ(selection::CriterionWeights::parse(weights.text(), "/weights"), weights);
    EXPECT_EQ(selection::CriterionWeights{}.text(),
              "price=0.4,time=0.3,reliability=0.2,risk=0.1,co2=0");
}

TEST(ClosedLists, WeightsFromSplitItemsEqualWeightsFromText) {
    const std::vector<selection::NamedWeight> named = {{"price", "0.5"}, {"co2", "0.25"}};
    EXPECT_EQ(selection::CriterionWeights::from_named(named, "/weights"),
              selection::CriterionWeights::parse("price=0.5,co2=0.25", "/weights"));
    const std::vector<selection::NamedWeight> bad = {{"price", std::nullopt}};
    try {
        (void)selection::CriterionWeights::from_named(bad, "/weights");
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.field(), "/weights");
        EXPECT_NE(e.detail().find("'price' is not criterion=weight"), std::string::npos);
    }
}

}  // namespace
}  // namespace cargoquote
