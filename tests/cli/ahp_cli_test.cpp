// End-to-end tests of `cargoquote ahp MATRIX.json`: the published Saaty drinks case through the
// binary, an inconsistent matrix, and the exit codes of the three kinds of bad input.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cargoquote/core/error.hpp>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "support/test_data.hpp"

namespace cargoquote::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The reference file's rule: compare after rounding to the stated decimals.
std::int64_t at_decimals(double value, int decimals) {
    return std::llround(value * std::pow(10.0, decimals));
}

class AhpCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("cargoquote_ahp_cli_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    static void TearDownTestSuite() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    // Writes `text` to a file named `name` in the scratch directory and returns its path.
    static std::string input(const std::string& name, const std::string& text) {
        const fs::path path = dir_ / name;
        write_file(path, text);
        return path.string();
    }
    static CliRun cargoquote(const std::vector<std::string>& args) { return run_cli(dir_, args); }

    static const json& ahp_case(std::size_t index) {
        static const json cases = test::read_json(test::source_dir() / "tests" / "data" /
                                                  "reference" / "mcdm_cases.json");
        return cases.at("ahp").at(index);
    }

  private:
    static inline fs::path dir_;
};

TEST_F(AhpCli, SaatyDrinksJsonReproducesThePublishedWeightsAndRatio) {
    const json& c = ahp_case(0);
    ASSERT_EQ(c.at("id"), "saaty-drinks");
    const json doc = {{"labels", c.at("labels")},
                      {"upper_triangle_rows", c.at("upper_triangle_rows")},
                      {"ri", "saaty1980"}};
    const CliRun run = cargoquote({"ahp", input("drinks.json", doc.dump()), "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const json out = json::parse(run.out);

    const int decimals = c.at("decimals").get<int>();
    const json& expected = c.at("expect_weights");
    ASSERT_EQ(out.at("weights").size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(c.at("labels").at(i).get<std::string>());
        EXPECT_EQ(out.at("weights").at(i).at("label"), c.at("labels").at(i));
        EXPECT_EQ(at_decimals(out.at("weights").at(i).at("weight").get<double>(), decimals),
                  at_decimals(expected.at(i).get<double>(), decimals));
    }
    EXPECT_EQ(at_decimals(out.at("lambdaMax").get<double>(), decimals),
              at_decimals(c.at("expect_lambda_max").get<double>(), decimals));
    const int cr_decimals = c.at("cr_decimals").get<int>();
    EXPECT_EQ(at_decimals(out.at("cr").get<double>(), cr_decimals),
              at_decimals(c.at("expect_cr_saaty1980").get<double>(), cr_decimals));
    // CI = CR * RI(7) = CR * 1.32 (Saaty 1980).
    EXPECT_NEAR(out.at("ci").get<double>(), out.at("cr").get<double>() * 1.32, 1e-12);
    EXPECT_EQ(out.at("consistent"), true);
    EXPECT_EQ(out.at("randomIndexTable"), "saaty1980");
}

TEST_F(AhpCli, SaatyDrinksTableShowsWeightsToFourDecimals) {
    const json& c = ahp_case(0);
    const json doc = {{"labels", c.at("labels")},
                      {"upper_triangle_rows", c.at("upper_triangle_rows")}};
    const CliRun run = cargoquote({"ahp", input("drinks_table.json", doc.dump())});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // Label, then the weight as published, on one line.
    for (const auto& [label, weight] : std::vector<std::pair<std::string, std::string>>{
             {"coffee", "0.1775"}, {"wine", "0.0191"}, {"water", "0.3268"}}) {
        const auto line = run.out.find("\n" + label + " ");
        ASSERT_NE(line, std::string::npos) << run.out;
        const auto end = run.out.find('\n', line + 1);
        EXPECT_NE(run.out.substr(line, end - line).find(weight), std::string::npos) << run.out;
    }
    EXPECT_NE(run.out.find("lambda_max"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("7.1766"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("CR"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("consistent (CR <= 0.10)"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("NOT consistent"), std::string::npos) << run.out;
}

TEST_F(AhpCli, InconsistentMatrixIsReportedNotConsistent) {
    // Wang & Chin (2011): CR about 0.23 > 0.10.
    const json& c = ahp_case(1);
    ASSERT_EQ(c.at("id"), "wang-chin-2011-inconsistent");
    const std::string path = input("wang_chin.json", json{{"matrix", c.at("matrix")}}.dump());

    const CliRun table = cargoquote({"ahp", path});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("NOT consistent"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("C6 "), std::string::npos) << "default labels C1..Cn\n" << table.out;

    const CliRun run = cargoquote({"ahp", path, "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json out = json::parse(run.out);
    EXPECT_EQ(out.at("consistent"), false);
    EXPECT_GT(out.at("cr").get<double>(), 0.10);
    const json& expected = c.at("expect_weights");
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(at_decimals(out.at("weights").at(i).at("weight").get<double>(), 4),
                  at_decimals(expected.at(i).get<double>(), 4));
    }
}

TEST_F(AhpCli, AlonsoLamataTableIsSelectable) {
    const json doc =
        json::parse(R"({"upper_triangle_rows": [[3, 5], [2]], "ri": "alonso_lamata2006"})");
    const CliRun run = cargoquote({"ahp", input("alonso.json", doc.dump()), "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json out = json::parse(run.out);
    EXPECT_EQ(out.at("randomIndexTable"), "alonso_lamata2006");
    EXPECT_NEAR(out.at("cr").get<double>(), out.at("ci").get<double>() / 0.5245, 1e-12);
}

TEST_F(AhpCli, MissingFileExitsFileUnreadable) {
    const CliRun run = cargoquote({"ahp", "/nonexistent/cargoquote/matrix.json"});
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::FileUnreadable)) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("file_unreadable"), std::string::npos) << run.err;
}

TEST_F(AhpCli, MalformedJsonExitsInvalidJson) {
    const CliRun run = cargoquote({"ahp", input("broken.json", R"({"matrix": [[1, 2], [0.5, 1])")});
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::InvalidJson)) << run.err;
    EXPECT_NE(run.err.find("invalid_json"), std::string::npos) << run.err;
}

// Exit 10 with one line naming the JSON Pointer of the offending value.
void expect_invalid_at(const CliRun& run, const std::string& pointer) {
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::InvalidInput)) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find(" " + pointer + ": "), std::string::npos) << run.err;
    ASSERT_FALSE(run.err.empty());
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "one line:\n" << run.err;
}

TEST_F(AhpCli, BadMatrixExitsInvalidInputNamingTheJsonPointer) {
    // 0-based: a_12 = 4 and a_21 = 4, not 1/4 (the first of the pair in row order is named).
    expect_invalid_at(
        cargoquote(
            {"ahp", input("not_reciprocal.json",
                          R"({"matrix": [[1, 2, 3], [0.5, 1, 4], [0.3333333333333333, 4, 1]]})")}),
        "/matrix/1/2");
    expect_invalid_at(
        cargoquote({"ahp", input("negative.json", R"({"matrix": [[1, 2], [-0.5, 1]]})")}),
        "/matrix/1/0");
    expect_invalid_at(cargoquote({"ahp", input("text.json", R"({"matrix": [[1, 2], ["x", 1]]})")}),
                      "/matrix/1/0");
    expect_invalid_at(cargoquote({"ahp", input("ragged.json", R"({"matrix": [[1, 2], [0.5]]})")}),
                      "/matrix/1");
    expect_invalid_at(cargoquote({"ahp", input("short_row.json",
                                               R"({"upper_triangle_rows": [[3, 5], [2, 7]]})")}),
                      "/upper_triangle_rows/1");
    expect_invalid_at(
        cargoquote({"ahp", input("zero.json", R"({"upper_triangle_rows": [[3, 0], [2]]})")}),
        "/upper_triangle_rows/0/1");
    expect_invalid_at(
        cargoquote({"ahp", input("labels.json",
                                 R"({"labels": ["a"], "upper_triangle_rows": [[3, 5], [2]]})")}),
        "/labels");
    expect_invalid_at(
        cargoquote({"ahp", input("ri.json", R"({"ri": "saaty", "upper_triangle_rows": [[3]]})")}),
        "/ri");
}

TEST_F(AhpCli, UnknownTopLevelMemberExitsInvalidInputNamingIt) {
    // A misspelt member would otherwise be ignored silently ("lables": the default names).
    expect_invalid_at(
        cargoquote({"ahp", input("unknown.json",
                                 R"({"upper_triangle_rows": [[3]], "lables": ["a", "b"]})")}),
        "/lables");
    // Named as a JSON Pointer (RFC 6901: "/" is "~1", "~" is "~0").
    expect_invalid_at(
        cargoquote({"ahp", input("unknown_escaped.json", R"({"matrix": [[1]], "a/b~c": 1})")}),
        "/a~1b~0c");
}

TEST_F(AhpCli, KeyGivenTwiceExitsInvalidInputNamingIt) {
    // Otherwise the second "labels" would win silently.
    expect_invalid_at(
        cargoquote({"ahp", input("twice.json", R"({"labels": ["a", "b"], "matrix": [[1, 3], )"
                                               R"([0.3333, 1]], "labels": ["c", "d"]})")}),
        "/labels");
}

TEST_F(AhpCli, NumberPastTheRangeOfADoubleExitsInvalidNumber) {
    const CliRun run = cargoquote(
        {"ahp", input("overflow.json", R"({"upper_triangle_rows": [[3, 5], [2, 1e400]]})")});
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::InvalidNumber)) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("invalid_number"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(" /upper_triangle_rows/1/1: "), std::string::npos) << run.err;
    // The pointer counts the elements read before the number.
    const CliRun nested =
        cargoquote({"ahp", input("overflow_matrix.json", R"({"matrix": [[1, -1e999]]})")});
    EXPECT_EQ(nested.exit_code, exit_code_of(ErrorCode::InvalidNumber)) << nested.err;
    EXPECT_NE(nested.err.find(" /matrix/0/1: "), std::string::npos) << nested.err;
}

}  // namespace
}  // namespace cargoquote::cli
