// `cargoquote reprice --mode requote` reuses itinerary searches across the rows of a book (see
// engine/include/cargoquote/network/search_cache.hpp); this checks on the OpenFlights-scale
// network (../shared/data/openflights, skipped when absent) that a Zipf book of 20,000 rows
// requotes to exactly the same bytes with reuse and with every row searched afresh. That is
// about two minutes in an optimised build (release preset) but most of an hour unoptimised, so a
// build without NDEBUG (dev, ci, asan) requotes 2,000 rows of the same seed.
#include <gtest/gtest.h>

#include "cli_runner.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::cli {
namespace {

namespace fs = std::filesystem;

#ifdef NDEBUG
constexpr const char* kRows = "20000";
#else
constexpr const char* kRows = "2000";
#endif

TEST(RequoteSearchReuseCli, ZipfBookOnTheOpenFlightsNetworkIsTheSameWithAndWithoutReuse) {
    const fs::path openflights = test::source_dir() / ".." / "shared" / "data" / "openflights";
    if (!fs::exists(openflights / "routes.dat")) {
        CARGOQUOTE_SKIP_WITHOUT_SHARED_DATA("OpenFlights data not found at " << openflights.string()
                                                                             << ": skipped");
    }
    test::TempDir dir{"cargoquote_requote_reuse_"};
    const fs::path db = dir / "of.db";
    const CliRun network =
        run_cli(dir / "", {"network", "synth", "--openflights", openflights.string(), "--db",
                           db.string(), "--seed", "42"});
    ASSERT_EQ(network.exit_code, 0) << network.err;
    const fs::path book = dir / "book.csv";
    const CliRun synth = run_cli(dir / "", {"book", "synth", "--db", db.string(), "--rows", kRows,
                                            "--seed", "5", "--out", book.string()});
    ASSERT_EQ(synth.exit_code, 0) << synth.err;

    const auto requote = [&](const fs::path& out, std::vector<std::string> extra) {
        std::vector<std::string> args = {
            "reprice",    book.string(), "--db",    db.string(), "--out",
            out.string(), "--mode",      "requote", "--threads", "2"};
        args.insert(args.end(), extra.begin(), extra.end());
        return run_cli(dir / "", args);
    };
    const CliRun reused = requote(dir / "reused.csv", {"--search-reuse"});
    ASSERT_EQ(reused.exit_code, 0) << reused.err;
    const CliRun fresh = requote(dir / "fresh.csv", {});
    ASSERT_EQ(fresh.exit_code, 0) << fresh.err;

    const std::string a = read_file(dir / "reused.csv");
    const std::string b = read_file(dir / "fresh.csv");
    EXPECT_NE(reused.err.find(std::string(kRows) + " rows read"), std::string::npos) << reused.err;
    ASSERT_GT(a.size(), std::stoul(kRows) * 50U);
    if (a != b) {
        // Name the first differing line rather than print two large files.
        std::istringstream ia(a), ib(b);
        std::string la, lb;
        for (int n = 1; std::getline(ia, la) && std::getline(ib, lb); ++n) {
            ASSERT_EQ(la, lb) << "first difference at output line " << n;
        }
        FAIL() << "outputs differ in length: " << a.size() << " vs " << b.size() << " bytes";
    }
    EXPECT_EQ(read_file(dir / "reused.csv.errors.csv"), read_file(dir / "fresh.csv.errors.csv"));
}

}  // namespace
}  // namespace cargoquote::cli
