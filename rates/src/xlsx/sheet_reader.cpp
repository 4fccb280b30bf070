#include "xlsx/sheet_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <charconv>

#include "xlsx/cell_text.hpp"
#include "xlsx/xml_stream.hpp"

namespace cargoquote::rates::xlsx {

namespace {

class SheetHandler final : public XmlHandler {
  public:
    SheetHandler(const ZipArchive& zip, const WorkbookParts& parts, const SheetEntry& entry,
                 const WorkbookLimits& limits)
        : zip_(zip), parts_(parts), entry_(entry), limits_(limits) {}

    void start(std::string_view name, const char** attributes) override {
        if (name == "c") {
            start_cell(attributes);
        } else if (name == "v") {
            in_value_ = in_cell_;
        } else if (name == "f") {
            cell_formula_ = in_cell_;
        } else if (name == "is") {
            in_inline_ = in_cell_;
        } else if (name == "rPh") {
            in_phonetic_ = true;
        } else if (name == "t") {
            in_inline_text_ = in_inline_ && !in_phonetic_;
        } else if (name == "row") {
            start_row(attributes);
        } else if (name == "mergeCell") {
            add_merge(attribute(attributes, "ref"));
        } else if (name == "dimension") {
            check_dimension(attribute(attributes, "ref"));
        }
    }

    void end(std::string_view name) override {
        if (name == "c") {
            finish_cell();
        } else if (name == "v") {
            in_value_ = false;
        } else if (name == "is") {
            in_inline_ = false;
        } else if (name == "rPh") {
            in_phonetic_ = false;
        } else if (name == "t") {
            in_inline_text_ = false;
        }
    }

    void text(std::string_view chars) override {
        if (in_value_) value_text_ += chars;
        if (in_inline_text_) inline_text_ += chars;
    }

    std::vector<SheetRow> rows;
    std::vector<CellRange> merged;

  private:
    [[noreturn]] void refuse(const std::string& message) const {
        throw InputError(ErrorCode::WorkbookUnreadable,
                         fmt::format("{}:{}", zip_.file_name(), entry_.name),
                         fmt::format("sheet '{}': {}", entry_.name, message));
    }

    // `ref` names the position in the refusal: "C17", or "row 17" when `column` is 0.
    void check_position(std::uint32_t row, std::uint32_t column) const {
        if (row <= limits_.max_rows && column <= limits_.max_columns) return;
        const std::string ref =
            column == 0 ? fmt::format("row {}", row) : cell_reference(row, column);
        if (row > limits_.max_rows) {
            refuse(fmt::format("{} is past the limit of {} rows", ref, limits_.max_rows));
        }
        refuse(fmt::format("{} is past the limit of {} columns", ref, limits_.max_columns));
    }

    CellPosition position(std::string_view ref) const {
        const auto p = parse_cell_reference(ref);
        if (!p) refuse(fmt::format("'{}' is not a cell reference", ref));
        check_position(p->row, p->column);
        return *p;
    }

    void check_dimension(std::string_view ref) const {
        const auto colon = ref.find(':');
        (void)position(colon == std::string_view::npos ? ref : ref.substr(colon + 1));
    }

    void start_row(const char** attributes) {
        const auto r = attribute(attributes, "r");
        std::uint32_t number = rows.empty() ? 1 : rows.back().number + 1;
        if (!r.empty()) {
            const auto [ptr, ec] = std::from_chars(r.data(), r.data() + r.size(), number);
            if (ec != std::errc{} || ptr != r.data() + r.size() || number == 0) {
                refuse(fmt::format("row number '{}' is not a number", r));
            }
        }
        check_position(number, 0);
        rows.push_back({number, {}});
        next_column_ = 1;
    }

    void start_cell(const char** attributes) {
        if (rows.empty()) refuse("a cell outside any row");
        const auto ref = attribute(attributes, "r");
        std::uint32_t column = next_column_;
        if (!ref.empty()) {
            const CellPosition p = position(ref);
            if (p.row != rows.back().number) {
                refuse(fmt::format("cell {} is in row {}", ref, rows.back().number));
            }
            column = p.column;
        }
        check_position(rows.back().number, column);
        cell_column_ = column;
        next_column_ = column + 1;
        cell_type_ = attribute(attributes, "t");
        const auto style = attribute(attributes, "s");
        cell_style_ = 0;
        std::from_chars(style.data(), style.data() + style.size(), cell_style_);
        in_cell_ = true;
        cell_formula_ = false;
        value_text_.clear();
        inline_text_.clear();
    }

    [[nodiscard]] bool date_style() const {
        return cell_style_ < parts_.date_styles.size() && parts_.date_styles[cell_style_];
    }

    [[nodiscard]] std::string current_reference() const {
        return cell_reference(rows.back().number, cell_column_);
    }

    CellValue cell_value() const {
        CellValue v;
        v.formula = cell_formula_;
        if (cell_type_ == "s") {
            std::size_t index = 0;
            const auto [ptr, ec] =
                std::from_chars(value_text_.data(), value_text_.data() + value_text_.size(), index);
            if (ec != std::errc{} || index >= parts_.shared_strings.size()) {
                refuse(fmt::format("cell {} refers to shared string '{}', the workbook has {}",
                                   current_reference(), value_text_, parts_.shared_strings.size()));
            }
            v.kind = CellKind::Text;
            v.text = parts_.shared_strings[index];
        } else if (cell_type_ == "inlineStr") {
            v.kind = CellKind::Text;
            v.text = inline_text_;
        } else if (cell_type_ == "str") {
            v.kind = CellKind::Text;
            v.text = value_text_;
        } else if (cell_type_ == "b") {
            v.kind = CellKind::Boolean;
            v.text = value_text_ == "1" || value_text_ == "true" ? "1" : "0";
        } else if (cell_type_ == "e") {
            v.kind = CellKind::Error;
            v.text = value_text_;
        } else if (cell_type_ == "d") {
            v.kind = value_text_.size() > 10 ? CellKind::DateTime : CellKind::Date;
            v.text = value_text_.substr(0, 19);
        } else if (value_text_.empty()) {
            v.kind = CellKind::Empty;  // a styled blank, or a formula never calculated
        } else {
            const auto plain = plain_decimal(value_text_);
            if (!plain)
                refuse(fmt::format("cell {} holds '{}', not a number", current_reference(),
                                   value_text_));
            bool has_time = false;
            const auto iso =
                date_style() ? serial_to_iso(*plain, parts_.date1904, &has_time) : std::nullopt;
            if (iso) {
                v.kind = has_time ? CellKind::DateTime : CellKind::Date;
                v.text = *iso;
            } else {
                v.kind = CellKind::Number;
                v.text = *plain;
            }
        }
        return v;
    }

    void finish_cell() {
        in_cell_ = false;
        CellValue v = cell_value();
        if (v.kind == CellKind::Empty) return;
        if (++cells_ > limits_.max_cells) {
            refuse(fmt::format("more than {} cells", limits_.max_cells));
        }
        rows.back().cells.push_back({cell_column_, std::move(v)});
    }

    void add_merge(std::string_view ref) {
        const auto colon = ref.find(':');
        if (colon == std::string_view::npos) return;  // a single cell merges with nothing
        const CellPosition a = position(ref.substr(0, colon));
        const CellPosition b = position(ref.substr(colon + 1));
        const CellRange range{std::min(a.row, b.row), std::min(a.column, b.column),
                              std::max(a.row, b.row), std::max(a.column, b.column)};
        merged_cells_ += std::uint64_t{range.last_row - range.first_row + 1} *
                         (range.last_column - range.first_column + 1);
        if (merged_cells_ > limits_.max_merged_cells) {
            refuse(fmt::format("merged ranges cover more than {} cells", limits_.max_merged_cells));
        }
        merged.push_back(range);
    }

    const ZipArchive& zip_;
    const WorkbookParts& parts_;
    const SheetEntry& entry_;
    const WorkbookLimits& limits_;
    std::uint64_t cells_ = 0;
    std::uint64_t merged_cells_ = 0;
    std::uint32_t next_column_ = 1;
    std::uint32_t cell_column_ = 0;
    std::string cell_type_;
    std::uint32_t cell_style_ = 0;
    std::string value_text_;
    std::string inline_text_;
    bool in_cell_ = false;
    bool in_value_ = false;
    bool cell_formula_ = false;
    bool in_inline_ = false;
    bool in_inline_text_ = false;
    bool in_phonetic_ = false;
};

}  // namespace

Sheet read_sheet_part(const ZipArchive& zip, const WorkbookParts& parts, const SheetEntry& entry,
                      const WorkbookLimits& limits) {
    SheetHandler handler(zip, parts, entry, limits);
    parse_xml_part(zip, entry.part, handler, limits.max_xml_depth);
    auto& rows = handler.rows;
    // Rows and cells are ordered in files Excel writes; other writers are not held to it.
    const auto by_number = [](const SheetRow& a, const SheetRow& b) { return a.number < b.number; };
    if (!std::is_sorted(rows.begin(), rows.end(), by_number)) {
        std::stable_sort(rows.begin(), rows.end(), by_number);
    }
    for (auto& row : rows) {
        const auto by_column = [](const Cell& a, const Cell& b) { return a.column < b.column; };
        if (!std::is_sorted(row.cells.begin(), row.cells.end(), by_column)) {
            std::stable_sort(row.cells.begin(), row.cells.end(), by_column);
        }
    }
    std::erase_if(rows, [](const SheetRow& r) { return r.cells.empty(); });
    return Sheet(entry.name, std::move(rows), std::move(handler.merged));
}

}  // namespace cargoquote::rates::xlsx
