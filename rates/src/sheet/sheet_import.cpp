#include "sheet/sheet_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <map>
#include <tuple>

#include "import/table_readers.hpp"
#include "sheet/sheet_diff.hpp"
#include "sheet/sheet_rows.hpp"

namespace cargoquote::rates {

namespace {

using TextKey = std::tuple<std::string, std::string, std::string, std::string, std::string>;

// The first valid_from of each key the sheet has, read from the row text before validation
// (rows whose date does not parse are left to the validation to report).
std::map<TextKey, Date> first_day_by_key(const CsvTable& table) {
    const auto at = [&](std::string_view name) { return *table.column_index(name); };
    const std::size_t carrier = at("carrier"), origin = at("origin"),
                      destination = at("destination"), cls = at("rate_class"),
                      commodity = at("commodity"), from = at("valid_from");
    std::map<TextKey, Date> first;
    for (const auto& row : table.rows) {
        Date day;
        try {
            day = Date::parse(row.fields[from].text, "valid_from");
        } catch (const InputError&) {
            continue;
        }
        const TextKey key{row.fields[carrier].text, row.fields[origin].text,
                          row.fields[destination].text, row.fields[cls].text,
                          row.fields[commodity].text};
        const auto [it, fresh] = first.emplace(key, day);
        if (!fresh) it->second = std::min(it->second, day);
    }
    return first;
}

// A stored line of a key the sheet has, in force when its successor starts, ends the day before.
std::vector<EndedLine> end_previous_versions(RateBookData& existing,
                                             const std::map<TextKey, Date>& first_days) {
    std::vector<EndedLine> ended;
    for (auto& l : existing.rate_lines) {
        const TextKey key{l.carrier.str(), l.origin.str(), l.destination.str(),
                          std::string(rate_class_name(l.rate_class)), l.commodity};
        const auto first = first_days.find(key);
        if (first == first_days.end()) continue;
        const Date start = first->second;
        if (l.valid_from < start && start <= l.valid_to) {
            l.valid_to = start.plus_days(-1);
            ended.push_back({l.line_id, l.valid_to});
        }
    }
    return ended;
}

}  // namespace

SheetBatch read_sheet_import(const std::filesystem::path& path, const SheetMapping& mapping,
                             const RateBookData& existing, const WorkbookLimits& limits) {
    SheetBatch batch;
    auto& result = batch.result;
    auto& issues = result.report.errors;
    // The cells are let go once mapped: validation then reuses their memory.
    const MappedSheet mapped = [&] {
        const Workbook workbook = Workbook::open(path, limits);
        result.sheet = mapping.sheet.empty() ? workbook.sheet_names().front() : mapping.sheet;
        return map_sheet_rows(workbook.read_sheet(result.sheet), mapping, issues);
    }();
    result.report.rows_by_file[result.sheet] = mapped.table.rows.size();
    if (!issues.empty() && mapped.table.rows.empty()) {
        relocate_issues(mapped, issues);
        return batch;
    }
    if (mapped.table.rows.empty()) {
        issues.push_back(
            {result.sheet, 0, 0, fmt::format("no rows below header row {}", mapping.header_row)});
        return batch;
    }
    const bool surcharges = mapping.table == "surcharges";
    // Surcharges have ids, not versions of a key: nothing to end, nothing to diff by key.
    RateBookData adjusted = existing;
    if (!surcharges) result.ended = end_previous_versions(adjusted, first_day_by_key(mapped.table));

    ImportContext context(adjusted, batch.rows, issues);
    const auto reader = surcharges ? surcharges_reader(context) : rate_lines_reader(context);
    for (const auto& row : mapped.table.rows) {
        RowReader r(mapped.table, row, issues);
        reader->read_row(r);
    }
    reader->finish();
    relocate_issues(mapped, issues);
    if (!issues.empty()) return batch;

    if (surcharges) {
        const auto& rows = batch.rows.surcharges;
        const auto first = std::min_element(
            rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
        result.first_valid_day = first->valid_from;
        return batch;
    }
    const auto& lines = batch.rows.rate_lines;
    const auto first =
        std::min_element(lines.begin(), lines.end(),
                         [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
    result.first_valid_day = first->valid_from;
    result.diff = diff_rate_lines(existing.rate_lines, lines, first->valid_from);
    return batch;
}

}  // namespace cargoquote::rates
