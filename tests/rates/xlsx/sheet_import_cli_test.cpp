// `cargoquote rates import SHEET.xlsx --mapping` and `rates map` end to end: a database whose
// rate lines and surcharges come from carrier-layout workbooks quotes exactly like the one
// imported from rates/sample/rates.csv and surcharges.csv.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::cli {
namespace {

namespace fs = std::filesystem;

fs::path workbook(std::string_view name) { return fs::path(CARGOQUOTE_XLSX_DIR) / name; }
fs::path mapping(std::string_view name = "carrier_mapping.json") {
    return test::source_dir() / "tests" / "rates" / "xlsx" / name;
}

class SheetImportCli : public ::testing::Test {
  protected:
    SheetImportCli() {
        fs::create_directories(dir_ / "no_rates");
        fs::create_directories(dir_ / "no_tariffs");
        for (const auto& e : fs::directory_iterator(test::source_dir() / "rates" / "sample")) {
            const auto name = e.path().filename();
            if (name != "rates.csv") fs::copy_file(e.path(), dir_ / "no_rates" / name);
            if (name != "rates.csv" && name != "surcharges.csv") {
                fs::copy_file(e.path(), dir_ / "no_tariffs" / name);
            }
        }
    }
    CliRun run(const std::vector<std::string>& args) { return run_cli(dir_ / "", args); }
    test::TempDir dir_{"sheet_import_cli_"};
};

TEST_F(SheetImportCli, WorkbookDatabaseQuotesLikeTheCsvDatabase) {
    const std::string csv_db = (dir_ / "csv.db").string();
    const std::string xlsx_db = (dir_ / "xlsx.db").string();
    ASSERT_EQ(
        run({"rates", "import", (test::source_dir() / "rates" / "sample").string(), "--db", csv_db})
            .exit_code,
        0);
    ASSERT_EQ(run({"rates", "import", (dir_ / "no_tariffs").string(), "--db", xlsx_db}).exit_code,
              0);
    const CliRun imported = run({"rates", "import", workbook("carrier.xlsx").string(), "--mapping",
                                 mapping().string(), "--db", xlsx_db});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_NE(imported.out.find("imported 327 rate line(s)"), std::string::npos) << imported.out;
    const CliRun charges =
        run({"rates", "import", workbook("surcharges.xlsx").string(), "--mapping",
             mapping("surcharge_mapping.json").string(), "--db", xlsx_db, "--json"});
    ASSERT_EQ(charges.exit_code, 0) << charges.out << charges.err;
    EXPECT_EQ(nlohmann::json::parse(charges.out)["rows"], 113);

    // clang-format off
    const std::vector<std::vector<std::string>> shipments = {
        {"--from", "PVG", "--to", "FRA", "--piece", "3x120x80x100@250", "--commodity", "GEN",
         "--ready", "2026-11-26T10:00", "--customer", "ACME-DE", "--date", "2026-11-25"},
        {"--from", "PVG", "--to", "FRA", "--piece", "2x100x100x100@400", "--commodity", "2199",
         "--ready", "2026-11-12T08:00", "--date", "2026-11-11"},
        {"--from", "PVG", "--to", "FRA", "--piece", "1x60x50x40@30", "--commodity", "NWP",
         "--ready", "2026-10-20T10:00", "--date", "2026-10-19"},
        {"--from", "HKG", "--to", "FRA", "--piece", "1x50x40x30@35", "--commodity", "VAL",
         "--ready", "2026-12-01T09:00", "--date", "2026-11-30"},
        {"--from", "AMS", "--to", "ORD", "--piece", "4x80x60x60@90", "--commodity", "AVI",
         "--ready", "2026-10-05T12:00", "--date", "2026-10-04"},
    };
    // clang-format on
    for (const auto& shipment : shipments) {
        std::vector<std::string> args = {"quote", "--json", "--db", csv_db};
        args.insert(args.end(), shipment.begin(), shipment.end());
        const CliRun from_csv = run(args);
        args[3] = xlsx_db;
        const CliRun from_xlsx = run(args);
        EXPECT_EQ(from_csv.exit_code, 0) << from_csv.err;
        EXPECT_EQ(from_xlsx.exit_code, from_csv.exit_code);
        EXPECT_EQ(from_xlsx.out, from_csv.out) << shipment[1] << "-" << shipment[3];
        // Priced options, not only rejections: the rate lines were found.
        EXPECT_NE(from_csv.out.find("\"price\""), std::string::npos) << from_csv.out;
    }
}

TEST_F(SheetImportCli, DryRunJsonDiffAndErrors) {
    const std::string db = (dir_ / "rates.db").string();
    ASSERT_EQ(run({"rates", "import", (dir_ / "no_rates").string(), "--db", db}).exit_code, 0);
    ASSERT_EQ(run({"rates", "import", workbook("carrier.xlsx").string(), "--mapping",
                   mapping().string(), "--db", db})
                  .exit_code,
              0);
    const CliRun dry = run({"rates", "import", workbook("carrier_w27.xlsx").string(), "--mapping",
                            mapping().string(), "--db", db, "--dry-run", "--json"});
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    const auto diff = nlohmann::json::parse(dry.out);
    EXPECT_EQ(diff["written"], false);
    EXPECT_EQ(diff["first_valid_day"], "2027-03-01");
    EXPECT_EQ(diff["summary"]["removed"], 1);
    EXPECT_EQ(diff["summary"]["increased"], 1);

    const CliRun table = run({"rates", "import", workbook("carrier_w27.xlsx").string(), "--mapping",
                              mapping().string(), "--db", db});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("changed    Q1      PVG-FRA GEN             CNY  M 440.00->450.00 "
                             "(+10.00)  0 40.90->41.20 (+0.30)  45 31.90->31.40 (-0.50)"),
              std::string::npos)
        << table.out;
    EXPECT_NE(table.out.find("ends Q1-PVG-FRA-GEN-W26 on 2027-02-28"), std::string::npos);

    const CliRun broken = run({"rates", "import", workbook("carrier_broken.xlsx").string(),
                               "--mapping", mapping().string(), "--db", db});
    EXPECT_EQ(broken.exit_code, exit_code_of(ErrorCode::ImportRejected));
    EXPECT_NE(broken.err.find("Tariff!I5: breaks (column '+45'):"), std::string::npos)
        << broken.err;

    const CliRun hostile = run({"rates", "import", workbook("not_a_zip.xlsx").string(), "--mapping",
                                mapping().string(), "--db", db});
    EXPECT_EQ(hostile.exit_code, exit_code_of(ErrorCode::WorkbookUnreadable)) << hostile.err;
}

TEST_F(SheetImportCli, MapProposesAMapping) {
    // The cover sheet "Read me" comes first; the tariff sheet is the one with the headers.
    const CliRun map = run({"rates", "map", workbook("carrier.xlsx").string()});
    ASSERT_EQ(map.exit_code, 0) << map.err;
    const auto proposal = nlohmann::json::parse(map.out);
    EXPECT_EQ(proposal["sheet"], "Tariff");
    const CliRun named =
        run({"rates", "map", workbook("carrier.xlsx").string(), "--sheet", "Read me"});
    EXPECT_EQ(nlohmann::json::parse(named.out)["sheet"], "Read me");
    EXPECT_EQ(proposal["header_row"], 4);
    EXPECT_EQ(proposal["columns"]["origin"], "From");
    EXPECT_EQ(proposal["weight_breaks"]["45"], "+45");
}

}  // namespace
}  // namespace cargoquote::cli
