// The .xlsx reader on workbooks written by tests/rates/xlsx/make_workbooks.py (a CTest fixture
// writes them to CARGOQUOTE_XLSX_DIR): value types, dates, merged cells, sheets, and refusals.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/workbook.hpp>
#include <filesystem>
#include <string>

namespace cargoquote::rates {
namespace {

namespace fs = std::filesystem;

fs::path workbook(std::string_view name) { return fs::path(CARGOQUOTE_XLSX_DIR) / name; }

void expect_value(const Sheet& sheet, std::string_view ref, CellKind kind, std::string_view text) {
    const auto colon = ref.find_first_of("0123456789");
    const auto column = column_number(ref.substr(0, colon));
    const auto row = static_cast<std::uint32_t>(std::stoul(std::string(ref.substr(colon))));
    const CellValue& v = sheet.value(row, column);
    EXPECT_EQ(v.kind, kind) << ref;
    EXPECT_EQ(v.text, text) << ref;
}

// The refusal's message, or "" when the workbook opened and every sheet read.
std::string refusal(std::string_view name, const WorkbookLimits& limits = {}) {
    try {
        const auto book = Workbook::open(workbook(name), limits);
        for (const auto& s : book.sheet_names()) (void)book.read_sheet(s);
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::WorkbookUnreadable) << e.what();
        return e.detail();
    }
    return {};
}

TEST(CellReference, LettersAndNumbers) {
    EXPECT_EQ(cell_reference(17, 3), "C17");
    EXPECT_EQ(cell_reference(1, 26), "Z1");
    EXPECT_EQ(cell_reference(1, 27), "AA1");
    EXPECT_EQ(cell_reference(9, 16384), "XFD9");
    EXPECT_EQ(column_number("C"), 3U);
    EXPECT_EQ(column_number("aa"), 27U);
    EXPECT_EQ(column_number("XFD"), 16384U);
    EXPECT_EQ(column_number("A1"), 0U);
    EXPECT_EQ(column_number("ABCD"), 0U);
}

TEST(Workbook, OpenpyxlSheetsDatesAndMergedCells) {
    const auto book = Workbook::open(workbook("openpyxl.xlsx"));
    ASSERT_EQ(book.sheet_names(), (std::vector<std::string>{"Tariff", "Notes"}));
    EXPECT_FALSE(book.uses_1904_dates());
    const Sheet sheet = book.read_sheet("Tariff");
    EXPECT_EQ(sheet.name(), "Tariff");
    expect_value(sheet, "A1", CellKind::Text, "Q1 tariff, winter");
    expect_value(sheet, "F1", CellKind::Text, "Q1 tariff, winter");  // merged A1:F1
    expect_value(sheet, "D2", CellKind::Text, "Rates");              // merged C2:D2
    expect_value(sheet, "C3", CellKind::Number, "40.9");
    expect_value(sheet, "E3", CellKind::Date, "2026-10-01");
    expect_value(sheet, "F3", CellKind::DateTime, "2026-10-01T08:30:00");
    expect_value(sheet, "C4", CellKind::Text, "n/a");
    expect_value(sheet, "D4", CellKind::Boolean, "1");
    expect_value(sheet, "E4", CellKind::Date, "2027-03-31");  // custom dd.mm.yyyy
    expect_value(sheet, "F4", CellKind::Empty, "");
    expect_value(sheet, "B5", CellKind::Empty, "");
    expect_value(sheet, "C5", CellKind::Number, "0.3");  // 0.30000000000000004 in Python
    expect_value(sheet, "D5", CellKind::Number, "-12");
    expect_value(sheet, "E5", CellKind::Number, "46296");  // a serial without a date format
    expect_value(sheet, "F5", CellKind::Text, "2026-10-01");
    EXPECT_EQ(sheet.last_row(), 5U);
    EXPECT_EQ(sheet.last_column(), 6U);
    const Sheet notes = book.read_sheet("Notes");
    expect_value(notes, "B3", CellKind::Text, "second sheet");
}

TEST(Workbook, SharedRichInlineFormulaErrorAndStyledCells) {
    const auto book = Workbook::open(workbook("cells.xlsx"));
    const Sheet sheet = book.read_sheet("Cells");
    expect_value(sheet, "A1", CellKind::Text, "Origin");
    expect_value(sheet, "B1", CellKind::Text, "Rate N");  // two runs, phonetic hint left out
    expect_value(sheet, "C1", CellKind::Text, "Inline");
    expect_value(sheet, "A2", CellKind::Number, "81.8");  // formula: the cached value
    EXPECT_TRUE(sheet.value(2, 1).formula);
    expect_value(sheet, "B2", CellKind::Number, "40.9");
    expect_value(sheet, "C2", CellKind::Text, "GEN");
    expect_value(sheet, "D2", CellKind::Boolean, "1");
    expect_value(sheet, "E2", CellKind::Error, "#DIV/0!");
    expect_value(sheet, "F2", CellKind::Empty, "");           // formula without a cached value
    expect_value(sheet, "A3", CellKind::Date, "2026-10-01");  // built-in 14
    expect_value(sheet, "B3", CellKind::Number, "46296");     // "day" 0.00: quoted, no date
    expect_value(sheet, "C3", CellKind::Date, "2026-10-01");  // [$-409]d-mmm-yy
    expect_value(sheet, "D3", CellKind::DateTime, "2026-10-01T18:00:00");  // built-in 22
    expect_value(sheet, "E3", CellKind::Number, "0.001");
    expect_value(sheet, "F3", CellKind::Text, "GCR");
    expect_value(sheet, "A4", CellKind::Number, "1");  // row and cells without r
    expect_value(sheet, "B4", CellKind::Number, "2");
}

TEST(Workbook, Dates1904) {
    const auto book = Workbook::open(workbook("dates1904.xlsx"));
    EXPECT_TRUE(book.uses_1904_dates());
    const Sheet sheet = book.read_sheet("D");
    expect_value(sheet, "A1", CellKind::Date, "1904-01-01");
    expect_value(sheet, "B1", CellKind::Date, "2026-10-01");  // 44834 days after 1904-01-01
}

TEST(Workbook, UnknownSheetNamesTheSheets) {
    const auto book = Workbook::open(workbook("openpyxl.xlsx"));
    try {
        (void)book.read_sheet("Rates");
        FAIL() << "no sheet Rates";
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::WorkbookUnreadable);
        EXPECT_NE(e.detail().find("'Tariff', 'Notes'"), std::string::npos) << e.detail();
    }
}

TEST(HostileWorkbook, NotAZip) {
    EXPECT_NE(refusal("not_a_zip.xlsx").find("zip"), std::string::npos);
}

TEST(HostileWorkbook, MissingWorkbookPart) {
    EXPECT_NE(refusal("no_workbook.xlsx").find("no xl/workbook.xml part"), std::string::npos);
}

TEST(HostileWorkbook, SharedStringReferencedButAbsent) {
    EXPECT_NE(refusal("missing_shared_strings.xlsx").find("shared string '0', the workbook has 0"),
              std::string::npos);
}

TEST(HostileWorkbook, HugeRowAndColumn) {
    EXPECT_NE(refusal("huge_dimension.xlsx").find("past the limit of 1048576 rows"),
              std::string::npos);
    EXPECT_NE(refusal("huge_column.xlsx").find("past the limit of 16384 columns"),
              std::string::npos);
    WorkbookLimits small;
    small.max_rows = 3;
    EXPECT_NE(refusal("cells.xlsx", small).find("row 4 is past the limit of 3 rows"),
              std::string::npos);
    small = {};
    small.max_cells = 5;
    EXPECT_NE(refusal("cells.xlsx", small).find("more than 5 cells"), std::string::npos);
}

TEST(HostileWorkbook, MergedRangeOverTheWholeSheet) {
    EXPECT_NE(refusal("merge_bomb.xlsx").find("merged ranges cover more than 1000000 cells"),
              std::string::npos);
}

TEST(HostileWorkbook, MalformedTooDeepAndDtd) {
    EXPECT_NE(refusal("malformed.xlsx").find("malformed XML"), std::string::npos);
    EXPECT_NE(refusal("too_deep.xlsx").find("nested deeper than 64"), std::string::npos);
    EXPECT_NE(refusal("dtd.xlsx").find("DTD is not allowed"), std::string::npos);
}

TEST(HostileWorkbook, ZipBombStopsEarly) {
    EXPECT_NE(refusal("bomb.xlsx").find("compression ratio above 500:1"), std::string::npos);
    WorkbookLimits small;
    small.max_compression_ratio = 1'000'000;
    small.max_entry_bytes = 4 << 20;
    EXPECT_NE(refusal("bomb.xlsx", small).find("more than the limit of 4194304"),
              std::string::npos);
    small.max_entry_bytes = 256 << 20;
    small.max_total_bytes = 8 << 20;
    EXPECT_NE(refusal("bomb.xlsx", small).find("inflates past the limit of 8388608"),
              std::string::npos);
}

TEST(HostileWorkbook, MissingFile) {
    try {
        (void)Workbook::open(workbook("absent.xlsx"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::FileUnreadable);
    }
}

}  // namespace
}  // namespace cargoquote::rates
