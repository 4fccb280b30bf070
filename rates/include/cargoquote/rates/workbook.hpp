#pragma once
// A read-only view of an .xlsx workbook (Office Open XML spreadsheet): its sheet names and, per
// sheet, the cell values as text. Numbers keep their decimal digits (never a double), dates come
// out as ISO text, merged ranges repeat their top-left value. Hostile files are refused with
// InputError(WorkbookUnreadable) before they can take unbounded memory (WorkbookLimits).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cargoquote::rates {

struct WorkbookLimits {
    std::uint64_t max_entry_bytes = 256ULL << 20;  // uncompressed, per zip entry
    std::uint64_t max_total_bytes = 1ULL << 30;    // uncompressed, every entry read
    std::uint64_t max_compression_ratio = 500;     // uncompressed / compressed, per entry
    std::uint32_t max_rows = 1'048'576;            // Excel's own limits
    std::uint32_t max_columns = 16'384;
    std::uint64_t max_cells = 20'000'000;  // non-empty cells of one sheet
    std::uint32_t max_xml_depth = 64;
    std::uint64_t max_merged_cells = 1'000'000;  // cells covered by merged ranges, in all
};

enum class CellKind : std::uint8_t { Empty, Text, Number, Boolean, Date, DateTime, Error };

struct CellValue {
    CellKind kind = CellKind::Empty;
    // Text: the string; Number: a plain decimal ("40.9", "-3", no exponent, at most 15
    // significant digits as Excel keeps them); Boolean: "1"/"0"; Date: "2026-10-01"; DateTime:
    // "2026-10-01T08:30:00"; Error: the error literal ("#N/A").
    std::string text;
    bool formula = false;  // the value is a formula's cached result
};

struct Cell {
    std::uint32_t column = 0;  // 1-based
    CellValue value;
};

struct SheetRow {
    std::uint32_t number = 0;  // 1-based
    std::vector<Cell> cells;   // ascending by column, only cells with content
};

struct CellRange {
    std::uint32_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
    [[nodiscard]] bool contains(std::uint32_t row, std::uint32_t column) const {
        return row >= first_row && row <= last_row && column >= first_column &&
               column <= last_column;
    }
};

class Sheet {
  public:
    Sheet(std::string name, std::vector<SheetRow> rows, std::vector<CellRange> merged);

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] const std::vector<SheetRow>& rows() const { return rows_; }
    [[nodiscard]] const std::vector<CellRange>& merged_ranges() const { return merged_; }
    // The value at (row, column); inside a merged range, the range's top-left value. Empty when
    // nothing is there.
    [[nodiscard]] const CellValue& value(std::uint32_t row, std::uint32_t column) const;
    [[nodiscard]] std::uint32_t last_row() const;
    [[nodiscard]] std::uint32_t last_column() const;

  private:
    [[nodiscard]] const CellValue& stored(std::uint32_t row, std::uint32_t column) const;
    std::string name_;
    std::vector<SheetRow> rows_;  // ascending by number
    std::vector<CellRange> merged_;
    // Each covered cell but the top-left, as row << 32 | column, to its range's top-left: one
    // lookup per cell however many ranges there are.
    std::unordered_map<std::uint64_t, std::uint64_t> merged_top_left_;
};

class Workbook {
  public:
    // Opens the zip and reads the workbook, its relationships, shared strings and styles.
    [[nodiscard]] static Workbook open(const std::filesystem::path& path,
                                       const WorkbookLimits& limits = {});
    Workbook(Workbook&&) noexcept;
    Workbook& operator=(Workbook&&) noexcept;
    ~Workbook();

    [[nodiscard]] const std::vector<std::string>& sheet_names() const;
    [[nodiscard]] bool uses_1904_dates() const;
    // Reads one sheet by name; InputError(WorkbookUnreadable) when there is no such sheet.
    [[nodiscard]] Sheet read_sheet(std::string_view name) const;

  private:
    struct Impl;
    explicit Workbook(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// "C17" for (17, 3); "AA1" for (1, 27).
[[nodiscard]] std::string cell_reference(std::uint32_t row, std::uint32_t column);
// 3 for "C", 27 for "AA"; 0 when `letters` is not one to three letters.
[[nodiscard]] std::uint32_t column_number(std::string_view letters);

}  // namespace cargoquote::rates
