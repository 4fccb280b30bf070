#pragma once
// How a carrier's .xlsx rate sheet maps onto the rate store's rate lines (the columns of
// rates.csv, rates/README.md) or its surcharges (surcharges.csv): which sheet, which header row,
// which column feeds each field (by header name or letter), the weight-break columns, constants
// for what the sheet lacks, value maps ("GCR" -> "GEN") and the id pattern. Read from and proposed
// as JSON.

#include <cargoquote/rates/workbook.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote::rates {

// A column of the sheet: by its header text, or by its letter.
struct ColumnRef {
    std::string header;  // set when chosen by name
    std::string letter;  // set when chosen by letter ("C")
};

struct BreakColumn {
    std::string weight;  // "M" (minimum charge), "N" (the 0 kg break) or kilograms ("45")
    ColumnRef column;
};

inline constexpr const char* kRateLineIdPattern =
    "{carrier}-{origin}-{destination}-{rate_class}-{commodity}-{version}";

struct SheetMapping {
    std::string table = "rates";  // "rates" (rates.csv lines) or "surcharges"
    std::string sheet;            // empty: the workbook's first sheet
    std::uint32_t header_row = 1;
    std::map<std::string, ColumnRef> columns;      // field -> sheet column
    std::vector<BreakColumn> breaks;               // rates only; in the order given
    std::map<std::string, std::string> constants;  // field -> value
    std::map<std::string, std::map<std::string, std::string>> value_maps;  // field -> from -> to
    // The line_id (surcharge_id) when no column gives it: `{field}` placeholders; an empty field
    // drops its placeholder and the separator before it. JSON member "line_id"/"surcharge_id".
    std::string id_pattern = kRateLineIdPattern;
};

// The mapping in `document`; InputError(InvalidInput) naming the JSON Pointer of a bad member
// (unknown field, a field given twice, a malformed column letter or weight).
[[nodiscard]] SheetMapping parse_sheet_mapping(const nlohmann::json& document);
[[nodiscard]] nlohmann::json to_json(const SheetMapping& mapping);

// A starting point for the user to edit: the sheet's header row (the first of its first rows
// with the most text cells), each header matched to a field by common carrier names, numeric
// headers ("+45", "100 kg", "Min", "N") as weight breaks, and the fields no header matched left
// as empty constants. Without `sheet_name`, the sheet whose headers match the most fields.
[[nodiscard]] SheetMapping propose_sheet_mapping(const Workbook& workbook,
                                                 const std::string& sheet_name = {});

}  // namespace cargoquote::rates
