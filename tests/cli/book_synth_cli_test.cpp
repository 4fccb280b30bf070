// End-to-end tests of `cargoquote book synth` on the sample database: the same file for the same
// seed, CSV and JSON Lines by file name, the summary on stderr, and the exit codes of bad options.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cargoquote/core/error.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "support/test_data.hpp"

namespace cargoquote::cli {
namespace {

namespace fs = std::filesystem;

class BookSynthCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("cargoquote_book_cli_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        import_ = run_cli(dir_, {"rates", "import",
                                 (test::source_dir() / "rates" / "sample").string(), "--db", db()});
    }
    static void TearDownTestSuite() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    void SetUp() override { ASSERT_EQ(import_.exit_code, 0) << import_.err; }

    static std::string db() { return (dir_ / "sample.db").string(); }
    static std::string path(const std::string& name) { return (dir_ / name).string(); }
    static CliRun cargoquote(const std::vector<std::string>& args) { return run_cli(dir_, args); }
    static CliRun synth(std::vector<std::string> more) {
        std::vector<std::string> args = {"book", "synth", "--db", db()};
        args.insert(args.end(), more.begin(), more.end());
        return run_cli(dir_, args);
    }

  private:
    static inline fs::path dir_;
    static inline CliRun import_;
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST_F(BookSynthCli, WritesTheSameBookForTheSameSeed) {
    const CliRun first =
        synth({"--rows", "2000", "--seed", "42", "--out", path("a.csv"), "--previous"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(first.out, "");
    EXPECT_NE(first.err.find("book synth: 2000 rows (CSV)"), std::string::npos) << first.err;
    EXPECT_NE(first.err.find("lanes used"), std::string::npos) << first.err;
    const CliRun second =
        synth({"--rows", "2000", "--seed", "42", "--out", path("b.csv"), "--previous"});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    const std::string book = read_file(path("a.csv"));
    EXPECT_EQ(book, read_file(path("b.csv")));

    const auto lines = lines_of(book);
    ASSERT_EQ(lines.size(), 2001U);
    EXPECT_EQ(lines[0],
              "shipment_id,origin,destination,pieces,ready,commodity,customer,declared_value,"
              "carrier,routing,previous_total,previous_currency");
    // The sample rates run from 2026-10-01 (W26): the default window is its first four weeks.
    for (std::size_t i = 1; i < lines.size(); ++i) {
        EXPECT_NE(lines[i].find(",2026-10-"), std::string::npos) << lines[i];
    }
}

TEST_F(BookSynthCli, JsonLinesByFileNameAndGeneralOnly) {
    const CliRun run = synth({"--rows", "500", "--seed", "3", "--out", path("g.jsonl"),
                              "--general-only", "--from", "2026-11-02", "--days", "7"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("(JSON Lines)"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("ready 2026-11-02 to 2026-11-08"), std::string::npos) << run.err;
    const auto lines = lines_of(read_file(path("g.jsonl")));
    ASSERT_EQ(lines.size(), 500U);
    for (const auto& line : lines) {
        const auto row = nlohmann::json::parse(line);
        EXPECT_EQ(row.at("commodity"), "GEN");
        EXPECT_FALSE(row.contains("routing"));
        EXPECT_FALSE(row.contains("declared_value"));
        EXPECT_FALSE(row.contains("previous_total"));
        const auto ready = row.at("ready").get<std::string>();
        EXPECT_GE(ready, "2026-11-02T00:00");
        EXPECT_LE(ready, "2026-11-08T23:55");
    }
}

TEST_F(BookSynthCli, BadOptionsGiveTheirExitCodes) {
    const CliRun zero = synth({"--rows", "0", "--seed", "1", "--out", path("z.csv")});
    EXPECT_EQ(zero.exit_code, exit_code_of(ErrorCode::NegativeQuantity));
    EXPECT_NE(zero.err.find("--rows"), std::string::npos) << zero.err;

    const CliRun outside =
        synth({"--rows", "5", "--seed", "1", "--out", path("o.csv"), "--from", "2031-01-01"});
    EXPECT_EQ(outside.exit_code, exit_code_of(ErrorCode::InvalidInput));
    EXPECT_NE(outside.err.find("--from"), std::string::npos) << outside.err;

    const CliRun missing = cargoquote({"book", "synth", "--db", path("nowhere.db"), "--rows", "5",
                                       "--seed", "1", "--out", path("m.csv")});
    EXPECT_EQ(missing.exit_code, exit_code_of(ErrorCode::DatabaseMissing)) << missing.err;

    // A database with airports but no rates has nothing to draw from.
    fs::create_directories(path("airports_only"));
    fs::copy_file(test::source_dir() / "rates" / "sample" / "airports.csv",
                  path("airports_only") + "/airports.csv", fs::copy_options::overwrite_existing);
    ASSERT_EQ(
        cargoquote({"rates", "import", path("airports_only"), "--db", path("empty.db")}).exit_code,
        0);
    const CliRun empty = cargoquote({"book", "synth", "--db", path("empty.db"), "--rows", "5",
                                     "--seed", "1", "--out", path("e.csv")});
    EXPECT_EQ(empty.exit_code, exit_code_of(ErrorCode::DatabaseMissing)) << empty.err;
    EXPECT_NE(empty.err.find("no rate lines"), std::string::npos) << empty.err;

    const CliRun usage = synth({"--seed", "1", "--out", path("u.csv")});
    EXPECT_EQ(usage.exit_code, exit_code_of(ErrorCode::Usage));
}

}  // namespace
}  // namespace cargoquote::cli
