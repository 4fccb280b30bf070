#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/workbook.hpp>

#include "xlsx/sheet_reader.hpp"
#include "xlsx/workbook_parts.hpp"
#include "xlsx/zip_archive.hpp"

namespace cargoquote::rates {

namespace {

const CellValue kEmpty{};

std::uint64_t position_key(std::uint32_t row, std::uint32_t column) {
    return (static_cast<std::uint64_t>(row) << 32U) | column;
}

}  // namespace

Sheet::Sheet(std::string name, std::vector<SheetRow> rows, std::vector<CellRange> merged)
    : name_(std::move(name)), rows_(std::move(rows)), merged_(std::move(merged)) {
    for (const auto& range : merged_) {
        const std::uint64_t top_left = position_key(range.first_row, range.first_column);
        for (std::uint32_t r = range.first_row; r <= range.last_row; ++r) {
            for (std::uint32_t c = range.first_column; c <= range.last_column; ++c) {
                if (r != range.first_row || c != range.first_column) {
                    merged_top_left_.emplace(position_key(r, c), top_left);
                }
            }
        }
    }
}

const CellValue& Sheet::stored(std::uint32_t row, std::uint32_t column) const {
    const auto r =
        std::lower_bound(rows_.begin(), rows_.end(), row,
                         [](const SheetRow& a, std::uint32_t n) { return a.number < n; });
    if (r == rows_.end() || r->number != row) return kEmpty;
    const auto c = std::lower_bound(r->cells.begin(), r->cells.end(), column,
                                    [](const Cell& a, std::uint32_t n) { return a.column < n; });
    if (c == r->cells.end() || c->column != column) return kEmpty;
    return c->value;
}

const CellValue& Sheet::value(std::uint32_t row, std::uint32_t column) const {
    if (!merged_top_left_.empty()) {
        const auto top_left = merged_top_left_.find(position_key(row, column));
        if (top_left != merged_top_left_.end()) {
            return stored(static_cast<std::uint32_t>(top_left->second >> 32U),
                          static_cast<std::uint32_t>(top_left->second & 0xFFFFFFFFU));
        }
    }
    return stored(row, column);
}

std::uint32_t Sheet::last_row() const { return rows_.empty() ? 0 : rows_.back().number; }

std::uint32_t Sheet::last_column() const {
    std::uint32_t last = 0;
    for (const auto& r : rows_) {
        if (!r.cells.empty()) last = std::max(last, r.cells.back().column);
    }
    for (const auto& m : merged_) last = std::max(last, m.last_column);
    return last;
}

struct Workbook::Impl {
    Impl(const std::filesystem::path& path, const WorkbookLimits& workbook_limits)
        : limits(workbook_limits),
          zip(path, limits),
          parts(xlsx::read_workbook_parts(zip, limits)) {
        for (const auto& s : parts.sheets) names.push_back(s.name);
    }
    WorkbookLimits limits;
    xlsx::ZipArchive zip;
    xlsx::WorkbookParts parts;
    std::vector<std::string> names;
};

Workbook::Workbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workbook::Workbook(Workbook&&) noexcept = default;
Workbook& Workbook::operator=(Workbook&&) noexcept = default;
Workbook::~Workbook() = default;

Workbook Workbook::open(const std::filesystem::path& path, const WorkbookLimits& limits) {
    if (!std::filesystem::is_regular_file(path)) {
        throw InputError(ErrorCode::FileUnreadable, path.string(),
                         fmt::format("'{}' does not exist or is not a file", path.string()));
    }
    return Workbook(std::make_unique<Impl>(path, limits));
}

const std::vector<std::string>& Workbook::sheet_names() const { return impl_->names; }

bool Workbook::uses_1904_dates() const { return impl_->parts.date1904; }

Sheet Workbook::read_sheet(std::string_view name) const {
    for (const auto& entry : impl_->parts.sheets) {
        if (entry.name == name) {
            return xlsx::read_sheet_part(impl_->zip, impl_->parts, entry, impl_->limits);
        }
    }
    std::string known;
    for (const auto& n : impl_->names) known += fmt::format("{}'{}'", known.empty() ? "" : ", ", n);
    throw InputError(
        ErrorCode::WorkbookUnreadable, std::string(name),
        fmt::format("no sheet '{}' in {} (sheets: {})", name, impl_->zip.file_name(), known));
}

std::string cell_reference(std::uint32_t row, std::uint32_t column) {
    std::string letters;
    for (std::uint32_t c = column; c > 0; c = (c - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return fmt::format("{}{}", letters, row);
}

std::uint32_t column_number(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return 0;
    std::uint32_t n = 0;
    for (const char ch : letters) {
        const char c = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
        if (c < 'A' || c > 'Z') return 0;
        n = n * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
    }
    return n;
}

}  // namespace cargoquote::rates
