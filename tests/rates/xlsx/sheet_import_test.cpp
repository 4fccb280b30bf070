// Importing rate sheets: the carrier-layout workbook written from rates/sample/rates.csv (by
// make_workbooks.py) against a store holding the rest of the sample data.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::rates {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path workbook(std::string_view name) { return fs::path(CARGOQUOTE_XLSX_DIR) / name; }

json carrier_mapping_json() {
    std::ifstream in(test::source_dir() / "tests" / "rates" / "xlsx" / "carrier_mapping.json");
    return json::parse(in);
}

SheetMapping carrier_mapping() { return parse_sheet_mapping(carrier_mapping_json()); }

// Every field a quote reads, one line per rate line, ordered by id.
std::string rate_lines_text(const RateBookData& data) {
    std::vector<std::string> lines;
    for (const auto& l : data.rate_lines) {
        std::string breaks;
        for (const auto& b : l.breaks) {
            breaks += " " + b.from.kg_text() + ":" + b.rate_per_kg.to_string();
        }
        lines.push_back(l.line_id + " " + l.carrier.str() + l.origin.str() + l.destination.str() +
                        std::string(rate_class_name(l.rate_class)) + l.commodity + " " +
                        l.min_charge.to_string() + breaks + " d" +
                        std::to_string(l.weight_rules.divisor.cm3_per_kg) + " s" +
                        l.weight_rules.rounding_step.kg_text() + " w" + l.min_weight.kg_text() +
                        " c" + l.class_percent.percent_text() + "/" +
                        l.class_min_percent.percent_text() + " " + l.valid_from.iso() + ".." +
                        l.valid_to.iso() + " " + l.sheet + " " + l.version);
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

class SheetImport : public ::testing::Test {
  protected:
    SheetImport() {
        // The sample data without its rate lines: those come from the workbook.
        fs::create_directories(dir_ / "sample");
        for (const auto& e : fs::directory_iterator(test::source_dir() / "rates" / "sample")) {
            if (e.path().filename() != "rates.csv") {
                fs::copy_file(e.path(), dir_ / "sample" / e.path().filename());
            }
        }
        auto store = RateStore::open_for_import(db_path());
        EXPECT_TRUE(store.import_directory(dir_ / "sample").ok());
    }
    [[nodiscard]] fs::path db_path() const { return dir_ / "rates.db"; }
    [[nodiscard]] RateStore store() const { return RateStore::open_for_import(db_path()); }

    test::TempDir dir_{"sheet_import_"};
};

TEST_F(SheetImport, CarrierLayoutGivesTheSampleRateLines) {
    const auto result = store().import_sheet(workbook("carrier.xlsx"), carrier_mapping(), false);
    for (const auto& e : result.report.errors) ADD_FAILURE() << e.location() << ": " << e.message;
    ASSERT_TRUE(result.report.written);
    EXPECT_EQ(result.report.total_rows(), 327U);
    EXPECT_EQ(result.sheet, "Tariff");
    ASSERT_TRUE(result.first_valid_day);
    EXPECT_EQ(result.first_valid_day->iso(), "2026-04-01");
    EXPECT_GT(result.count(LineChange::New), 0U);
    EXPECT_EQ(result.count(LineChange::New), result.diff.size());
    EXPECT_TRUE(result.ended.empty());

    auto from_csv = RateStore::open_for_import(":memory:");
    ASSERT_TRUE(from_csv.import_directory(test::source_dir() / "rates" / "sample").ok());
    EXPECT_EQ(rate_lines_text(store().load()), rate_lines_text(from_csv.load()));
}

TEST_F(SheetImport, SuccessorEndsThePreviousVersionAndIsDiffed) {
    ASSERT_TRUE(
        store().import_sheet(workbook("carrier.xlsx"), carrier_mapping(), false).report.written);
    const auto dry = store().import_sheet(workbook("carrier_w27.xlsx"), carrier_mapping(), true);
    ASSERT_TRUE(dry.report.ok());
    EXPECT_FALSE(dry.report.written);
    const auto result =
        store().import_sheet(workbook("carrier_w27.xlsx"), carrier_mapping(), false);
    for (const auto& e : result.report.errors) ADD_FAILURE() << e.location() << ": " << e.message;
    ASSERT_TRUE(result.report.written);
    EXPECT_EQ(to_json(dry)["lines"], to_json(result)["lines"]);
    ASSERT_TRUE(result.first_valid_day);
    EXPECT_EQ(result.first_valid_day->iso(), "2027-03-01");

    const auto find = [&](std::string_view previous) -> const LineDiff& {
        for (const auto& d : result.diff) {
            if (d.previous_line_id == previous) return d;
        }
        ADD_FAILURE() << "no diff for " << previous;
        static const LineDiff none;
        return none;
    };
    const LineDiff& mixed = find("Q1-PVG-FRA-GEN-W26");
    EXPECT_EQ(mixed.change, LineChange::Changed);
    EXPECT_EQ(mixed.line_id, "Q1-PVG-FRA-GEN-W27");
    ASSERT_EQ(mixed.items.size(), 3U);
    EXPECT_EQ(mixed.items[0].item, "M");
    EXPECT_EQ(mixed.items[0].change, "+10.00");
    EXPECT_EQ(mixed.items[1].item, "0");
    EXPECT_EQ(mixed.items[1].before, "40.90");
    EXPECT_EQ(mixed.items[1].after, "41.20");
    EXPECT_EQ(mixed.items[1].change, "+0.30");
    EXPECT_EQ(mixed.items[2].item, "45");
    EXPECT_EQ(mixed.items[2].change, "-0.50");
    EXPECT_EQ(find("X4-PVG-FRA-GEN-W26").change, LineChange::Increased);
    EXPECT_EQ(find("Q1-PVG-FRA-SCR-2199-W26").change, LineChange::Decreased);
    EXPECT_EQ(find("X2-PVG-FRA-GEN-W26").change, LineChange::Removed);
    EXPECT_GT(result.count(LineChange::Unchanged), 100U);
    EXPECT_EQ(result.count(LineChange::New), 0U);

    // Every W26 line but the dropped one now ends on 2027-02-28; no overlap was reported.
    const auto data = store().load();
    std::size_t ended = 0;
    for (const auto& l : data.rate_lines) {
        if (l.version != "W26") continue;
        if (l.line_id == "X2-PVG-FRA-GEN-W26") {
            EXPECT_EQ(l.valid_to.iso(), "2027-03-31");
        } else {
            EXPECT_EQ(l.valid_to.iso(), "2027-02-28") << l.line_id;
            ++ended;
        }
    }
    EXPECT_EQ(ended, result.ended.size());
}

TEST_F(SheetImport, ErrorsNameTheCellAndItsHeader) {
    const auto result =
        store().import_sheet(workbook("carrier_broken.xlsx"), carrier_mapping(), false);
    EXPECT_FALSE(result.report.written);
    std::string all;
    for (const auto& e : result.report.errors) all += e.location() + ": " + e.message + "\n";
    EXPECT_NE(all.find("Tariff!I5: breaks (column '+45'):"), std::string::npos) << all;
    EXPECT_NE(all.find("(column 'To'): unknown airport 'XXX'"), std::string::npos) << all;
    EXPECT_NE(all.find("rate_class (column 'Type'):"), std::string::npos) << all;
    EXPECT_NE(all.find("min_charge (column 'Min'): the cell holds the error #N/A"),
              std::string::npos)
        << all;
    EXPECT_EQ(result.report.errors.size(), 4U) << all;
    EXPECT_TRUE(store().load().rate_lines.empty());
}

// Everything a table holds, as text, for every table of the store.
std::string database_content(const fs::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    std::ostringstream out;
    SQLite::Statement tables(db,
                             "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY 1, 2");
        out << table << "\n";
        while (rows.executeStep()) {
            for (int c = 0; c < rows.getColumnCount(); ++c)
                out << rows.getColumn(c).getString() << "|";
            out << "\n";
        }
    }
    return out.str();
}

std::string file_bytes(const fs::path& path) {
    SQLite::Database(path.string(), SQLite::OPEN_READWRITE).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST_F(SheetImport, FailureMidImportLeavesTheDatabaseUnchanged) {
    ASSERT_TRUE(
        store().import_sheet(workbook("carrier.xlsx"), carrier_mapping(), false).report.written);
    {
        // The database refuses the successor's last line, after the previous versions were
        // ended and most new lines inserted inside the transaction.
        SQLite::Database db(db_path().string(), SQLite::OPEN_READWRITE);
        db.exec(
            "CREATE TRIGGER refuse_late BEFORE INSERT ON rate_lines "
            "WHEN NEW.line_id = 'Y6-PVG-FRA-SCR-2199-W27' "
            "BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END");
    }
    const std::string content = database_content(db_path());
    const std::string bytes = file_bytes(db_path());
    const auto result =
        store().import_sheet(workbook("carrier_w27.xlsx"), carrier_mapping(), false);
    EXPECT_FALSE(result.report.written);
    ASSERT_EQ(result.report.errors.size(), 1U);
    EXPECT_NE(result.report.errors[0].message.find("disk full (simulated)"), std::string::npos);
    EXPECT_EQ(database_content(db_path()), content);
    EXPECT_EQ(file_bytes(db_path()), bytes);
}

TEST_F(SheetImport, MappingMistakesAreNamed) {
    const auto refusal = [](json document) {
        try {
            (void)parse_sheet_mapping(document);
        } catch (const InputError& e) {
            return e.field() + " " + e.detail();
        }
        return std::string("accepted");
    };
    json m = carrier_mapping_json();
    m["columns"]["colour"] = "Colour";
    EXPECT_NE(refusal(m).find("/columns/colour"), std::string::npos);
    m = carrier_mapping_json();
    m["constants"] = {{"carrier", "Q1"}};
    EXPECT_NE(refusal(m).find("'carrier' already comes from /columns/carrier"), std::string::npos);
    m = carrier_mapping_json();
    m["columns"].erase("currency");
    EXPECT_NE(refusal(m).find("no column or constant gives 'currency'"), std::string::npos);
    m = carrier_mapping_json();
    m["weight_breaks"]["heavy"] = "+3000";
    EXPECT_NE(refusal(m).find("/weight_breaks/heavy"), std::string::npos);
    m = carrier_mapping_json();
    m["columns"]["origin"] = {{"letter", "B1"}};
    EXPECT_NE(refusal(m).find("/columns/origin/letter"), std::string::npos);
    m = carrier_mapping_json();
    m["columns"]["origin"] = {{"letter", "B"}};
    EXPECT_EQ(refusal(m), "accepted");

    m = carrier_mapping_json();
    m["columns"]["origin"] = "Origin airport";
    const auto result =
        store().import_sheet(workbook("carrier.xlsx"), parse_sheet_mapping(m), false);
    ASSERT_EQ(result.report.errors.size(), 1U);
    EXPECT_EQ(result.report.errors[0].location(), "Tariff row 4");
    EXPECT_NE(result.report.errors[0].message.find("no column 'Origin airport'"),
              std::string::npos);
}

TEST_F(SheetImport, ProposalReadsTheHeaderNames) {
    const auto proposal = propose_sheet_mapping(Workbook::open(workbook("carrier.xlsx")), "Tariff");
    EXPECT_EQ(proposal.header_row, 4U);
    EXPECT_EQ(proposal.columns.at("carrier").header, "Airline");
    EXPECT_EQ(proposal.columns.at("origin").header, "From");
    EXPECT_EQ(proposal.columns.at("destination").header, "To");
    EXPECT_EQ(proposal.columns.at("currency").header, "Cur.");
    EXPECT_EQ(proposal.columns.at("valid_from").header, "Effective");
    EXPECT_EQ(proposal.columns.at("valid_to").header, "Expiry");
    std::vector<std::string> weights;
    for (const auto& b : proposal.breaks) weights.push_back(b.weight);
    EXPECT_EQ(weights, (std::vector<std::string>{"M", "N", "45", "100", "250", "300", "500", "1000",
                                                 "3000"}));
    // What no header gave is left for the user, as JSON that round-trips.
    const json document = to_json(proposal);
    EXPECT_EQ(to_json(parse_sheet_mapping(document)), document);
}

}  // namespace
}  // namespace cargoquote::rates
