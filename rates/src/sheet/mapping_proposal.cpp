// A first mapping from a sheet's header names, for the user to check and complete.
#include <algorithm>
#include <cargoquote/rates/sheet_mapping.hpp>
#include <cctype>
#include <optional>
#include <set>

#include "sheet/target_tables.hpp"
#include "xlsx/cell_text.hpp"

namespace cargoquote::rates {

namespace {

constexpr std::uint32_t kHeaderSearchRows = 20;

// Lower case, letters and digits only: "Valid-From " -> "validfrom".
std::string folded(std::string_view header) {
    std::string out;
    for (const char c : header) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

struct Synonyms {
    std::string_view field;
    std::vector<std::string_view> names;  // folded
};

const std::vector<Synonyms>& synonyms() {
    static const std::vector<Synonyms> table = {
        {"line_id", {"lineid", "rateid", "ref", "reference", "id"}},
        {"carrier", {"carrier", "airline", "cxr", "al", "carriercode"}},
        {"origin", {"origin", "orig", "org", "from", "departure", "originairport", "aod"}},
        {"destination", {"destination", "dest", "dst", "to", "destinationairport", "aoa"}},
        {"rate_class", {"rateclass", "class", "ratetype", "type", "category"}},
        {"commodity", {"commodity", "item", "itemno", "commodityitem", "commoditycode", "scr"}},
        {"currency", {"currency", "curr", "ccy", "cur"}},
        {"valid_from",
         {"validfrom", "effective", "effectivefrom", "startdate", "start", "fromdate"}},
        {"valid_to", {"validto", "validuntil", "until", "expiry", "expires", "enddate", "end"}},
        {"divisor", {"divisor", "volumetricdivisor", "volumedivisor", "dimfactor"}},
        {"weight_step_kg", {"weightstepkg", "weightstep", "step", "rounding"}},
        {"min_weight_kg", {"minweightkg", "minweight", "minimumweight", "minkg"}},
        {"class_percent", {"classpercent", "percentofn", "pctofn", "classrate"}},
        {"class_min_percent", {"classminpercent", "percentofm", "pctofm"}},
        {"sheet", {"sheet", "tariff", "tariffname"}},
        {"version", {"version", "season"}},
    };
    return table;
}

// "M" / "N" / kilograms for a weight-break header ("Min", "+45", "100 kg", "-45"), or "".
std::string break_weight(std::string_view header) {
    const std::string f = folded(header);
    if (f == "m" || f == "min" || f == "minimum" || f == "mincharge" || f == "minimumcharge") {
        return "M";
    }
    if (f == "n" || f == "normal" || f == "normalrate" || f == "under45" || header == "-45" ||
        header == "<45") {
        return "N";
    }
    std::string digits = f;
    if (digits.size() > 2 && digits.ends_with("kg")) digits.resize(digits.size() - 2);
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        return {};
    }
    const auto plain = xlsx::plain_decimal(digits);
    return plain && *plain != "0" ? *plain : "N";
}

std::uint32_t header_row_of(const Sheet& sheet) {
    std::uint32_t best_row = 1;
    std::size_t best = 0;
    const std::uint32_t columns = sheet.last_column();
    for (std::uint32_t row = 1; row <= std::min(sheet.last_row(), kHeaderSearchRows); ++row) {
        std::size_t texts = 0;
        // A merged range counts once: a title over the whole width is not a header row.
        const CellValue* previous = nullptr;
        for (std::uint32_t c = 1; c <= columns; ++c) {
            const CellValue& v = sheet.value(row, c);
            texts += v.kind == CellKind::Text && &v != previous ? 1 : 0;
            previous = &v;
        }
        if (texts > best) {
            best = texts;
            best_row = row;
        }
    }
    return best_row;
}

SheetMapping propose_for_sheet(const Workbook& workbook, const std::string& name) {
    const Sheet sheet = workbook.read_sheet(name);
    SheetMapping m;
    m.sheet = name;
    m.header_row = header_row_of(sheet);
    std::set<std::string> weights;
    for (std::uint32_t c = 1; c <= sheet.last_column(); ++c) {
        const CellValue& v = sheet.value(m.header_row, c);
        if (v.kind != CellKind::Text && v.kind != CellKind::Number) continue;
        // A merged header covers several columns: only the first one is named by it.
        if (c > 1 && &sheet.value(m.header_row, c - 1) == &v) continue;
        const std::string header = v.text;
        const ColumnRef ref{header, {}};
        if (const std::string weight = break_weight(header); !weight.empty()) {
            if (weights.insert(weight).second) m.breaks.push_back({weight, ref});
            continue;
        }
        const std::string f = folded(header);
        for (const auto& s : synonyms()) {
            if (m.columns.contains(std::string(s.field))) continue;
            if (std::find(s.names.begin(), s.names.end(), f) != s.names.end()) {
                m.columns[std::string(s.field)] = ref;
                break;
            }
        }
    }
    for (const auto field : target_fields(m.table)) {
        const std::string f(field);
        const bool from_breaks =
            (f == "min_charge" && weights.contains("M")) || (f == "breaks" && !m.breaks.empty());
        if (f == "line_id" || from_breaks || m.columns.contains(f)) continue;
        if (!is_required_target_field(m.table, f)) continue;
        m.constants[f] = f == "divisor" ? "6000" : f == "weight_step_kg" ? "0.5" : "";
    }
    return m;
}

}  // namespace

SheetMapping propose_sheet_mapping(const Workbook& workbook, const std::string& sheet_name) {
    if (!sheet_name.empty()) return propose_for_sheet(workbook, sheet_name);
    // Without a name: the sheet whose headers match the most fields (a cover sheet matches none).
    std::optional<SheetMapping> best;
    for (const auto& name : workbook.sheet_names()) {
        SheetMapping m = propose_for_sheet(workbook, name);
        const auto matched = [](const SheetMapping& x) {
            return x.columns.size() + x.breaks.size();
        };
        if (!best || matched(m) > matched(*best)) best = std::move(m);
    }
    return *best;
}

}  // namespace cargoquote::rates
