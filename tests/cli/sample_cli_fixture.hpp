#pragma once
// The fixture of the CLI tests: one rate database imported from rates/sample per test suite, the
// README's demo quote as arguments, and golden-file comparison (tests/data/golden;
// CARGOQUOTE_UPDATE_GOLDEN=1 rewrites the files instead of comparing).

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli_runner.hpp"
#include "support/test_data.hpp"

namespace cargoquote::cli {

namespace fs = std::filesystem;

// The README's demo quote: 3 pieces of 120x80x100 cm and 250 kg, PVG to FRA for ACME-DE.
// clang-format off
inline const std::vector<std::string> kAcmeQuote = {
    "quote", "--from", "PVG", "--to", "FRA", "--piece", "3x120x80x100@250", "--commodity", "GEN",
    "--ready", "2026-11-26T10:00", "--customer", "ACME-DE", "--date", "2026-11-25"};
// clang-format on

// `args` with the value after `option` replaced.
inline std::vector<std::string> with(std::vector<std::string> args, std::string_view option,
                                     std::string value) {
    const auto it = std::find(args.begin(), args.end(), option);
    if (it == args.end() || it + 1 == args.end())
        throw std::logic_error("no option " + std::string(option));
    *(it + 1) = std::move(value);
    return args;
}

inline std::vector<std::string> plus(std::vector<std::string> args,
                                     std::initializer_list<std::string> more) {
    args.insert(args.end(), more);
    return args;
}

class CliTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("cargoquote_cli_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        sample_import_ =
            run_cli(dir_, {"rates", "import", sample_dir().string(), "--db", db().string()});
    }
    static void TearDownTestSuite() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    void SetUp() override {
        ASSERT_EQ(sample_import_.exit_code, 0) << "importing rates/sample failed:\n"
                                               << sample_import_.err;
    }

    static fs::path sample_dir() { return test::source_dir() / "rates" / "sample"; }
    static fs::path db() { return dir_ / "sample.db"; }
    static fs::path scratch() { return dir_; }

    static CliRun cargoquote(const std::vector<std::string>& args,
                             const std::vector<std::string>& env = {}) {
        return run_cli(dir_, args, env);
    }
    // The same with --db pointing at the sample database.
    static CliRun cargoquote_on_sample(const std::vector<std::string>& args) {
        return cargoquote(plus(args, {"--db", db().string()}));
    }

  private:
    static inline fs::path dir_;
    static inline CliRun sample_import_;
};

inline void expect_golden(const std::string& actual, std::string_view name) {
    const fs::path path = test::source_dir() / "tests" / "data" / "golden" / name;
    if (const char* update = std::getenv("CARGOQUOTE_UPDATE_GOLDEN");
        update != nullptr && std::string_view(update) == "1") {
        write_file(path, actual);
        std::cout << "rewrote golden file " << path << "\n";
        return;
    }
    ASSERT_TRUE(fs::exists(path))
        << path << " is missing: run with CARGOQUOTE_UPDATE_GOLDEN=1 to create it";
    EXPECT_EQ(actual, read_file(path))
        << "output differs from " << path
        << " (if intended, regenerate with CARGOQUOTE_UPDATE_GOLDEN=1)";
}

// The run failed with `code`, printed nothing on stdout and exactly one stderr line with every
// one of `mentions`.
inline void expect_error(const CliRun& run, ErrorCode code,
                         std::initializer_list<std::string_view> mentions) {
    EXPECT_EQ(run.exit_code, exit_code_of(code)) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_EQ(run.err.rfind("cargoquote: ", 0), 0U) << run.err;
    for (const auto mention : mentions) {
        EXPECT_NE(run.err.find(mention), std::string::npos)
            << "stderr does not mention '" << mention << "': " << run.err;
    }
}

}  // namespace cargoquote::cli
