// `cargoquote reprice` end to end: the files it leaves (only complete ones, under their final
// names), its summary, 1 vs 2 threads byte-identical, JSON Lines input, and an interrupted run.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <thread>

#include "cli_runner.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::cli {
namespace {

namespace fs = std::filesystem;

class RepriceCli : public ::testing::Test {
  protected:
    test::TempDir dir{"cargoquote_reprice_"};
    fs::path db = dir / "sample.db";

    void SetUp() override {
        const CliRun import = run_cli(
            dir / "", {"rates", "import", (test::source_dir() / "rates" / "sample").string(),
                       "--db", db.string()});
        ASSERT_EQ(import.exit_code, 0) << import.err;
    }

    fs::path synth(std::string_view name, int rows, std::vector<std::string> extra = {}) {
        const fs::path book = dir / name;
        std::vector<std::string> args = {
            "book",   "synth", "--db",  db.string(),  "--rows", std::to_string(rows),
            "--seed", "3",     "--out", book.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const CliRun run = run_cli(dir / "", args);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return book;
    }

    CliRun reprice(const fs::path& book, const fs::path& out, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"reprice",   book.string(), "--db",
                                         db.string(), "--out",       out.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_cli(dir / "", args);
    }
};

std::size_t line_count(const fs::path& path) {
    const std::string text = read_file(path);
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST_F(RepriceCli, WritesOutputAndErrorsAndSummarizes) {
    const fs::path book = synth("book.csv", 500, {"--previous"});
    std::string text = read_file(book);
    text += "BAD1,PVG,FRA,1x1x1x1@x,2026-11-26T10:00,GEN,,,Q1,,,\n\nBAD2,PVG\n";
    write_file(book, text);
    const CliRun run = reprice(book, dir / "out.csv", {"--errors", (dir / "errors.csv").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(line_count(dir / "out.csv") - 1, 500U);
    EXPECT_EQ(line_count(dir / "errors.csv") - 1, 3U);
    EXPECT_NE(run.err.find("503 rows read"), std::string::npos) << run.err;
    EXPECT_NE(
        run.err.find("errors            3 (empty_row 1, invalid_piece_spec 1, malformed_row 1)"),
        std::string::npos)
        << run.err;
    EXPECT_FALSE(fs::exists(dir / "out.csv.partial"));
    EXPECT_NE(read_file(dir / "errors.csv").find("502,BAD1,4,pieces,invalid_piece_spec,"),
              std::string::npos);
    EXPECT_NE(read_file(dir / "errors.csv").find("\n504,,0,,malformed_row,"), std::string::npos)
        << read_file(dir / "errors.csv");
}

TEST_F(RepriceCli, OneAndTwoThreadsWriteTheSameBytes) {
    const fs::path book = synth("book.csv", 3000, {"--previous"});
    ASSERT_EQ(reprice(book, dir / "one.csv", {"--threads", "1"}).exit_code, 0);
    ASSERT_EQ(reprice(book, dir / "two.csv", {"--threads", "2"}).exit_code, 0);
    EXPECT_EQ(read_file(dir / "one.csv"), read_file(dir / "two.csv"));
    EXPECT_EQ(read_file(dir / "one.csv.errors.csv"), read_file(dir / "two.csv.errors.csv"));
}

TEST_F(RepriceCli, PricingPlansChangeNothingButTheSpeed) {
    const fs::path book = synth("book.csv", 3000, {"--previous"});
    ASSERT_EQ(reprice(book, dir / "plans.csv").exit_code, 0);
    ASSERT_EQ(reprice(book, dir / "rows.csv", {"--no-pricing-plans"}).exit_code, 0);
    EXPECT_EQ(read_file(dir / "plans.csv"), read_file(dir / "rows.csv"));
    EXPECT_EQ(read_file(dir / "plans.csv.errors.csv"), read_file(dir / "rows.csv.errors.csv"));
}

TEST_F(RepriceCli, JsonLinesBookPricesLikeTheCsvBook) {
    const fs::path csv = synth("book.csv", 200);
    const fs::path jsonl = synth("book.jsonl", 200);
    ASSERT_EQ(reprice(csv, dir / "from_csv.csv").exit_code, 0);
    ASSERT_EQ(reprice(jsonl, dir / "from_jsonl.csv").exit_code, 0);
    // Same rows; line numbers differ by the CSV header.
    const auto drop_line_numbers = [](const std::string& text) {
        std::string out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) out += line.substr(line.find(',')) + "\n";
        return out;
    };
    EXPECT_EQ(drop_line_numbers(read_file(dir / "from_csv.csv")),
              drop_line_numbers(read_file(dir / "from_jsonl.csv")));
}

TEST_F(RepriceCli, AMissingColumnIsAFileErrorWithoutOutput) {
    write_file(
        dir / "book.csv",
        "shipment_id,origin,destination,pieces,ready\nS,PVG,FRA,1x1x1x1@1,2026-11-26T10:00\n");
    const CliRun run = reprice(dir / "book.csv", dir / "out.csv");
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::MissingField)) << run.err;
    EXPECT_NE(run.err.find("the header has no 'carrier' column"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir / "out.csv"));
    EXPECT_FALSE(fs::exists(dir / "out.csv.partial"));
}

constexpr std::string_view kBookHeader =
    "shipment_id,origin,destination,pieces,ready,commodity,customer,carrier,routing,previous_total,"
    "previous_currency\n";

TEST_F(RepriceCli, QuantitiesPastTheirRangeAreRowErrorsNeverPrices) {
    // Once: -4,611,686,017,383.23 CNY and a chargeable weight of 17.0 kg, exit 0.
    write_file(dir / "book.csv",
               std::string(kBookHeader) +
                   "W1,PVG,FRA,1x1x1x1@9223372036854,2026-11-26T10:00,GEN,,X4,,,\n"
                   "W2,PVG,FRA,100000x1x1x1@9223372036854,2026-11-26T10:00,GEN,,X4,,,\n"
                   "W3,PVG,FRA,60000x10x10x10@10+50000x10x10x10@10,2026-11-26T10:00,GEN,,X4,,,\n"
                   "OK,PVG,FRA,1x10x10x10@5,2026-11-26T10:00,GEN,,X4,,,\n");
    const CliRun run =
        reprice(dir / "book.csv", dir / "out.csv", {"--errors", (dir / "e.csv").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string errors = read_file(dir / "e.csv");
    EXPECT_NE(errors.find("2,W1,4,pieces,quantity_out_of_range,"), std::string::npos) << errors;
    EXPECT_NE(errors.find("3,W2,4,pieces,quantity_out_of_range,"), std::string::npos) << errors;
    EXPECT_NE(errors.find("4,W3,4,pieces,quantity_out_of_range,the shipment's piece count"),
              std::string::npos)
        << errors;
    EXPECT_EQ(line_count(dir / "out.csv"), 2U);  // the header and OK, nothing priced from W1-W3
    EXPECT_NE(read_file(dir / "out.csv").find("\n5,OK,1,priced,"), std::string::npos);
}

TEST_F(RepriceCli, ErrorsFileOnTheOutputIsAUsageErrorBeforeAnyWork) {
    const fs::path book = synth("book.csv", 20);
    const CliRun same = reprice(book, dir / "o.csv", {"--errors", (dir / "o.csv").string()});
    EXPECT_EQ(same.exit_code, exit_code_of(ErrorCode::Usage)) << same.err;
    EXPECT_FALSE(fs::exists(dir / "o.csv"));
    const CliRun onto_input = reprice(book, book);
    EXPECT_EQ(onto_input.exit_code, exit_code_of(ErrorCode::Usage)) << onto_input.err;
    EXPECT_EQ(line_count(book), 21U);  // the book is untouched
}

TEST_F(RepriceCli, ADirectoryAsErrorsFileFailsBeforeWritingTheOutput) {
    // Once: a complete o.csv was committed, then the job failed with exit 34.
    const fs::path book = synth("book.csv", 20);
    fs::create_directories(dir / "errs");
    const CliRun run = reprice(book, dir / "o.csv", {"--errors", (dir / "errs").string()});
    EXPECT_EQ(run.exit_code, exit_code_of(ErrorCode::FileUnreadable)) << run.err;
    EXPECT_NE(run.err.find("is a directory"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir / "o.csv"));
    EXPECT_FALSE(fs::exists(dir / "o.csv.partial"));
}

TEST_F(RepriceCli, AStalePartialFileIsRemovedAndReported) {
    const fs::path book = synth("book.csv", 20);
    write_file(dir / "o.csv.partial", "left by a killed run\n");
    const CliRun run = reprice(book, dir / "o.csv");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("o.csv.partial', left by an earlier run"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir / "o.csv.partial"));
    EXPECT_EQ(line_count(dir / "o.csv"), 21U);
}

TEST_F(RepriceCli, AStrayQuoteCostsOneRowAndEveryLineIsAccounted) {
    const fs::path book = synth("book.csv", 2000);
    std::string text = read_file(book);
    const std::size_t second_row = text.find('\n', text.find('\n') + 1) + 1;
    text.insert(text.find(',', second_row) + 1, "\"");  // an unclosed quote in row 2
    write_file(book, text);
    const CliRun run = reprice(book, dir / "o.csv", {"--errors", (dir / "e.csv").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(line_count(dir / "e.csv") - 1, 1U);
    EXPECT_EQ(line_count(dir / "o.csv") - 1, 1999U);
    EXPECT_NE(run.err.find("2000 rows read"), std::string::npos) << run.err;
}

TEST_F(RepriceCli, InterruptLeavesNoOutputUnderTheFinalName) {
    // Requoting is slow enough that SIGINT arrives mid-run.
    const fs::path book = synth("book.csv", 20000);
    const fs::path out = dir / "out.csv";
    const std::string cli = CARGOQUOTE_CLI_PATH;
    const std::vector<std::string> args = {
        cli,          "reprice", book.string(), "--db",      db.string(), "--out",
        out.string(), "--mode",  "requote",     "--threads", "1"};
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ASSERT_GT(pid, 0);
    const fs::path partial = dir / "out.csv.partial";
    for (int i = 0; i < 600 && !fs::exists(partial); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(fs::exists(partial)) << "the job never started writing";
    ::kill(pid, SIGINT);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130);
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(partial));
    EXPECT_FALSE(fs::exists(dir / "out.csv.errors.csv"));
}

}  // namespace
}  // namespace cargoquote::cli
