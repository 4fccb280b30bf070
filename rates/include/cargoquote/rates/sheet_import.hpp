#pragma once
// The outcome of importing one .xlsx rate sheet (RateStore::import_sheet): the validation report,
// the diff against the rate lines in force on the sheet's first valid day, and the previous
// versions the import ends the day before their successors start.

#include <cargoquote/core/time.hpp>
#include <cargoquote/rates/import_report.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote::rates {

enum class LineChange { New, Removed, Increased, Decreased, Unchanged, Changed };
[[nodiscard]] std::string_view line_change_name(LineChange change);

// One weight break ("M", "0", "45", ...) or class percentage compared.
struct BreakChange {
    std::string item;
    std::optional<std::string> before;  // decimal text; nullopt when the break is new
    std::optional<std::string> after;   // nullopt when the break was dropped
    std::optional<std::string> change;  // after - before, signed ("+1.30", "-0.50")
};

struct LineDiff {
    LineChange change = LineChange::Unchanged;
    std::string carrier, origin, destination, rate_class, commodity;
    std::string line_id;           // the sheet's line (empty when removed)
    std::string previous_line_id;  // the line in force before (empty when new)
    std::string currency;
    std::vector<BreakChange> items;  // only items that differ, except for Unchanged (none)
};

struct EndedLine {
    std::string line_id;
    Date valid_to;  // the new last day: the day before its successor starts
};

struct SheetImportResult {
    ImportReport report;  // errors located as "Sheet!C17"; written when committed
    std::string sheet;
    std::optional<Date> first_valid_day;
    std::vector<LineDiff> diff;    // ordered by carrier, lane, class, commodity
    std::vector<EndedLine> ended;  // previous versions the import ends
    [[nodiscard]] std::size_t count(LineChange change) const;
};

[[nodiscard]] nlohmann::json to_json(const SheetImportResult& result);

}  // namespace cargoquote::rates
