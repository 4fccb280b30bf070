// The published cases of tests/data/reference/mcdm_cases.json, each reproduced to the decimals the
// file states ("compare after rounding to the stated decimals").

#include <gtest/gtest.h>

#include <cargoquote/selection/ahp.hpp>
#include <cargoquote/selection/mcdm.hpp>
#include <cargoquote/selection/topsis.hpp>
#include <cargoquote/selection/weights.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace cargoquote::selection {
namespace {

using nlohmann::json;

// Loaded once; a missing variable or file throws, which fails every test that needs it.
const json& reference() {
    static const json cases = [] {
        const char* root = std::getenv("CARGOQUOTE_SOURCE_DIR");
        if (root == nullptr) {
            throw std::runtime_error("CARGOQUOTE_SOURCE_DIR (the repository root) is not set");
        }
        const std::string path = std::string(root) + "/tests/data/reference/mcdm_cases.json";
        std::ifstream in(path);
        if (!in) throw std::runtime_error("cannot open " + path);
        return json::parse(in);
    }();
    return cases;
}

long long at_decimals(double value, int decimals) {
    return std::llround(value * std::pow(10.0, decimals));
}

void expect_equal_at_decimals(const std::vector<double>& actual, const json& expected,
                              int decimals) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        EXPECT_EQ(at_decimals(actual[i], decimals),
                  at_decimals(expected[i].get<double>(), decimals))
            << "index " << i << ": computed " << actual[i] << ", published " << expected[i];
    }
}

Matrix matrix_of(const json& rows) {
    return Matrix::from_rows(rows.get<std::vector<std::vector<double>>>());
}

std::vector<CriterionType> types_of(const json& codes) {
    std::vector<CriterionType> types;
    for (const json& code : codes) {
        const int value = code.get<int>();
        if (value != 1 && value != -1) throw std::runtime_error("type code must be +1 or -1");
        types.push_back(value == 1 ? CriterionType::Benefit : CriterionType::Cost);
    }
    return types;
}

// The file spells normalizations as prose: "vector", "sum (benefit x/sum(x); ...)".
Normalization normalization_of(const std::string& text) {
    if (text == "vector") return Normalization::Vector;
    if (text.rfind("sum", 0) == 0) return Normalization::Sum;
    throw std::runtime_error("unknown normalization in reference file: " + text);
}

std::vector<std::size_t> ranks_of(const json& values) {
    return ranks_from_scores(values.get<std::vector<double>>(), true);
}

TEST(ReferenceCases, FileHoldsEveryPublishedCase) {
    // Guards the loops below against passing on a truncated or renamed file.
    const json& cases = reference();
    EXPECT_TRUE(cases.contains("transcribed_from"));
    ASSERT_EQ(cases.at("topsis").size(), 2u);
    ASSERT_EQ(cases.at("weighted_sum").size(), 1u);
    ASSERT_EQ(cases.at("ahp").size(), 2u);
    EXPECT_EQ(cases.at("topsis")[0].at("id"), "tzeng-huang-2011");
    EXPECT_EQ(cases.at("topsis")[1].at("id"), "papathanasiou-ploskas-2018");
    EXPECT_EQ(cases.at("weighted_sum")[0].at("id"), "sum-normalized");
    EXPECT_EQ(cases.at("ahp")[0].at("id"), "saaty-drinks");
    EXPECT_EQ(cases.at("ahp")[1].at("id"), "wang-chin-2011-inconsistent");
}

TEST(ReferenceCases, TopsisClosenessAndRanks) {
    for (const json& c : reference().at("topsis")) {
        SCOPED_TRACE(c.at("id").get<std::string>());
        const TopsisResult result = topsis(
            matrix_of(c.at("matrix")), c.at("weights").get<std::vector<double>>(),
            types_of(c.at("types")), normalization_of(c.at("normalization").get<std::string>()));
        expect_equal_at_decimals(result.closeness, c.at("expect_closeness"),
                                 c.at("decimals").get<int>());
        EXPECT_EQ(ranks_from_scores(result.closeness, true),
                  c.at("expect_ranks").get<std::vector<std::size_t>>());
    }
}

TEST(ReferenceCases, WeightedSumScoresWithWeightsAsGiven) {
    for (const json& c : reference().at("weighted_sum")) {
        SCOPED_TRACE(c.at("id").get<std::string>());
        const auto weights = c.at("weights").get<std::vector<double>>();
        const Matrix matrix = matrix_of(c.at("matrix"));
        const auto types = types_of(c.at("types"));
        const Normalization rule = normalization_of(c.at("normalization").get<std::string>());
        const std::vector<double> scores = weighted_sum(matrix, weights, types, rule);
        expect_equal_at_decimals(scores, c.at("expect_scores"), c.at("decimals").get<int>());
        // The file states no ranks; the published scores imply them.
        EXPECT_EQ(ranks_from_scores(scores, true), ranks_of(c.at("expect_scores")));
        // weights_note: rescaling the weights (which sum to 2) to shares halves every score.
        const std::vector<double> halved =
            weighted_sum(matrix, normalize_weights(weights), types, rule);
        for (std::size_t i = 0; i < scores.size(); ++i)
            EXPECT_NEAR(halved[i], scores[i] / 2, 1e-12);
    }
}

Matrix pairwise_of(const json& c) {
    if (c.contains("upper_triangle_rows")) {
        return reciprocal_from_upper_triangle(
            c.at("upper_triangle_rows").get<std::vector<std::vector<double>>>());
    }
    return matrix_of(c.at("matrix"));
}

// Which expectations a case states differs: the drinks case gives lambda_max and CR (Saaty's RI
// table, with its own cr_decimals), the Wang & Chin case only the verdict. Every stated one is
// checked; the consistency verdict follows from a stated CR when no verdict is given.
void expect_ahp_case(const json& c, const AhpResult& result) {
    const int decimals = c.at("decimals").get<int>();
    expect_equal_at_decimals(result.weights, c.at("expect_weights"), decimals);
    const std::size_t n = result.weights.size();
    if (c.contains("expect_lambda_max")) {
        const double lambda = c.at("expect_lambda_max").get<double>();
        EXPECT_EQ(at_decimals(result.lambda_max, decimals), at_decimals(lambda, decimals));
        const double ci = (lambda - static_cast<double>(n)) / static_cast<double>(n - 1);
        EXPECT_EQ(at_decimals(result.ci, decimals), at_decimals(ci, decimals));
    }
    if (c.contains("expect_cr_saaty1980")) {
        const double cr = c.at("expect_cr_saaty1980").get<double>();
        const int cr_decimals = c.at("cr_decimals").get<int>();
        EXPECT_EQ(at_decimals(result.cr, cr_decimals), at_decimals(cr, cr_decimals));
        EXPECT_EQ(result.consistent, cr <= kAhpMaxConsistencyRatio);
    }
    if (c.contains("expect_consistent")) {
        EXPECT_EQ(result.consistent, c.at("expect_consistent").get<bool>());
    }
}

TEST(ReferenceCases, AhpWeightsLambdaAndConsistency) {
    for (const json& c : reference().at("ahp")) {
        SCOPED_TRACE(c.at("id").get<std::string>());
        const AhpResult result = ahp_weights(pairwise_of(c), RandomIndexTable::Saaty1980);
        expect_ahp_case(c, result);
        double total = 0.0;
        for (double w : result.weights) total += w;
        EXPECT_NEAR(total, 1.0, 1e-12);
    }
}

TEST(ReferenceCases, WangChinConsistencyRatioIsAboutPointTwoThree) {
    // The case's note: "CR about 0.23 > 0.10: the API must flag it".
    const json& c = reference().at("ahp")[1];
    ASSERT_EQ(c.at("id"), "wang-chin-2011-inconsistent");
    const AhpResult result = ahp_weights(pairwise_of(c));
    EXPECT_EQ(at_decimals(result.cr, 2), 23);
    EXPECT_FALSE(result.consistent);
}

}  // namespace
}  // namespace cargoquote::selection
