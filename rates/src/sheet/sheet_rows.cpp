#include "sheet/sheet_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/units.hpp>
#include <tuple>

#include "sheet/target_tables.hpp"
#include "xlsx/cell_text.hpp"

namespace cargoquote::rates {

namespace {

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n\xa0");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n\xa0");
    return std::string(s.substr(first, last - first + 1));
}

// Excel's own way to name a cell of a sheet: Tariff!C17, 'Q1 rates'!C17.
std::string sheet_prefix(const std::string& sheet) {
    const bool plain = std::all_of(sheet.begin(), sheet.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
    return plain ? sheet : fmt::format("'{}'", sheet);
}

struct Source {
    std::uint32_t column = 0;  // 0: a constant or the id pattern
    std::string constant;
};

class RowMapper {
  public:
    RowMapper(const Sheet& sheet, const SheetMapping& mapping, MappedSheet& out,
              std::vector<ImportIssue>& issues)
        : sheet_(sheet), mapping_(mapping), out_(out), issues_(issues) {}

    bool resolve_columns() {
        for (std::uint32_t c = 1; c <= sheet_.last_column(); ++c) {
            const CellValue& v = sheet_.value(mapping_.header_row, c);
            if (v.kind != CellKind::Empty) out_.headers[c] = trimmed(v.text);
        }
        bool ok = true;
        for (const auto& [field, ref] : mapping_.columns) {
            const auto column = find(ref, field);
            ok = ok && column != 0;
            sources_[field] = {column, {}};
        }
        for (const auto& [field, value] : mapping_.constants) sources_[field] = {0, value};
        for (const auto& b : mapping_.breaks) {
            const auto column = find(b.column, "weight break " + b.weight);
            ok = ok && column != 0;
            if (b.weight == "M") {
                sources_["min_charge"] = {column, {}};
            } else {
                breaks_.push_back({b.weight == "N" ? "0" : b.weight, column});
            }
        }
        std::sort(breaks_.begin(), breaks_.end(), [](const auto& a, const auto& b) {
            return Mass::parse_kg(a.first, "").in_grams() < Mass::parse_kg(b.first, "").in_grams();
        });
        return ok;
    }

    void map_rows() {
        const auto fields = target_fields(mapping_.table);
        out_.table.header.assign(fields.begin(), fields.end());
        // Where each field comes from, looked up once rather than per row.
        std::vector<FieldPlan> plans;
        for (const auto field : fields) {
            FieldPlan plan{std::string(field), nullptr, nullptr};
            const auto source = sources_.find(plan.name);
            if (source != sources_.end()) plan.source = &source->second;
            const auto values = mapping_.value_maps.find(plan.name);
            if (values != mapping_.value_maps.end()) plan.values = &values->second;
            plans.push_back(std::move(plan));
        }
        for (const auto& row : sheet_.rows()) {
            if (row.number <= mapping_.header_row) continue;
            CsvRow csv{row.number, {}};
            csv.fields.reserve(plans.size());
            bool any = false;
            for (const auto& plan : plans) {
                CsvField f = field_value(row.number, plan);
                any = any || (!f.text.empty() && f.column != 0);
                csv.fields.push_back(std::move(f));
            }
            if (!any) continue;  // a blank or decoration row
            fill_id(csv);
            out_.table.rows.push_back(std::move(csv));
        }
    }

  private:
    std::uint32_t find(const ColumnRef& ref, const std::string& what) {
        if (!ref.letter.empty()) return column_number(ref.letter);
        for (const auto& [column, header] : out_.headers) {
            if (header == ref.header) return column;
        }
        for (const auto& [column, header] : out_.headers) {
            if (folded_equal(header, ref.header)) return column;
        }
        std::string known;
        for (const auto& [column, header] : out_.headers) {
            known += fmt::format("{}'{}'", known.empty() ? "" : ", ", header);
        }
        issues_.push_back({out_.table.file_name, mapping_.header_row, 0,
                           fmt::format("{}: no column '{}' in header row {} (headers: {})", what,
                                       ref.header, mapping_.header_row, known)});
        return 0;
    }

    static bool folded_equal(std::string_view a, std::string_view b) {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) ==
                          std::tolower(static_cast<unsigned char>(y));
               });
    }

    struct FieldPlan {
        std::string name;
        const Source* source;                              // nullptr: not mapped
        const std::map<std::string, std::string>* values;  // the field's value map, if any
    };

    // The cell as the text a CSV field would hold.
    std::string cell_text(std::uint32_t row, std::uint32_t column, const FieldPlan& plan) {
        const CellValue& v = sheet_.value(row, column);
        if (v.kind == CellKind::Error) {
            if (out_.error_cells.emplace(row, column).second) {
                issues_.push_back(
                    {out_.table.file_name, row, column,
                     fmt::format("{}: the cell holds the error {}", plan.name, v.text)});
            }
            return {};
        }
        std::string text = v.kind == CellKind::Text ? trimmed(v.text) : v.text;
        if (plan.values != nullptr) {
            const auto to = plan.values->find(text);
            if (to != plan.values->end()) text = to->second;
        }
        return text;
    }

    CsvField field_value(std::uint32_t row, const FieldPlan& plan) {
        if (plan.name == "breaks" && !breaks_.empty()) return breaks_value(row, plan);
        if (plan.source == nullptr) return {};
        if (plan.source->column == 0) return {plan.source->constant, 0};
        return {cell_text(row, plan.source->column, plan), plan.source->column};
    }

    // "0:40.9 45:31.9 ...": the non-empty break cells, ascending. A cell that is not a number
    // stays in as written, so the rate-line rules report it, pointing at that cell.
    CsvField breaks_value(std::uint32_t row, const FieldPlan& plan) {
        CsvField out{{}, breaks_.front().second};
        bool pointed = false;
        for (const auto& [weight, column] : breaks_) {
            std::string text = cell_text(row, column, plan);
            if (text.empty()) continue;
            if (const auto plain = xlsx::plain_decimal(text)) {
                text = *plain;
            } else {
                std::replace(text.begin(), text.end(), ' ', '_');
                if (!pointed) out.column = column;
                pointed = true;
            }
            if (!out.text.empty()) out.text += ' ';
            out.text += weight + ":" + text;
        }
        return out;
    }

    // The mapped id column (line_id, surcharge_id), or the mapping's pattern over the row's
    // fields.
    void fill_id(CsvRow& row) {
        const auto& header = out_.table.header;
        const auto index = [&](std::string_view name) {
            return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) -
                                            header.begin());
        };
        const std::string id_name(id_field(mapping_.table));
        CsvField& id = row.fields[index(id_name)];
        if (sources_.contains(id_name) || mapping_.id_pattern.empty()) return;
        const std::string& pattern = mapping_.id_pattern;
        std::string out;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const auto close = pattern.find('}', i);
            if (pattern[i] != '{' || close == std::string::npos) {
                out += pattern[i];
                continue;
            }
            const std::string name = pattern.substr(i + 1, close - i - 1);
            const std::size_t at = index(name);
            const std::string value = at < row.fields.size() ? row.fields[at].text : "";
            if (value.empty()) {
                if (!out.empty() && std::isalnum(static_cast<unsigned char>(out.back())) == 0) {
                    out.pop_back();
                }
            } else {
                out += value;
            }
            i = close;
        }
        id = {out, 0};
    }

    const Sheet& sheet_;
    const SheetMapping& mapping_;
    MappedSheet& out_;
    std::vector<ImportIssue>& issues_;
    std::map<std::string, Source> sources_;
    std::vector<std::pair<std::string, std::uint32_t>> breaks_;  // kg text, column
};

}  // namespace

MappedSheet map_sheet_rows(const Sheet& sheet, const SheetMapping& mapping,
                           std::vector<ImportIssue>& issues) {
    MappedSheet out;
    out.table.file_name = sheet.name();
    out.table.header_line = mapping.header_row;
    RowMapper mapper(sheet, mapping, out, issues);
    if (mapper.resolve_columns()) mapper.map_rows();
    return out;
}

void relocate_issues(const MappedSheet& sheet, std::vector<ImportIssue>& issues) {
    const std::string& name = sheet.table.file_name;
    std::stable_sort(issues.begin(), issues.end(), [&](const ImportIssue& a, const ImportIssue& b) {
        return std::make_tuple(a.file != name, a.line, a.column) <
               std::make_tuple(b.file != name, b.line, b.column);
    });
    // An error cell's field is empty to the rules: their "missing value" would say it twice.
    std::erase_if(issues, [&](const ImportIssue& issue) {
        return issue.file == name && sheet.error_cells.contains({issue.line, issue.column}) &&
               issue.message.find(": the cell holds the error ") == std::string::npos;
    });
    for (auto& issue : issues) {
        if (issue.file != name || issue.line == 0) continue;
        const auto row = static_cast<std::uint32_t>(issue.line);
        const auto column = static_cast<std::uint32_t>(issue.column);
        if (column == 0) {
            issue.file = fmt::format("{} row {}", sheet_prefix(name), row);
        } else {
            issue.file = fmt::format("{}!{}", sheet_prefix(name), cell_reference(row, column));
            const auto header = sheet.headers.find(column);
            const auto colon = issue.message.find(": ");
            if (header != sheet.headers.end() && colon != std::string::npos) {
                issue.message = fmt::format("{} (column '{}'){}", issue.message.substr(0, colon),
                                            header->second, issue.message.substr(colon));
            }
        }
        issue.line = 0;
        issue.column = 0;
    }
}

}  // namespace cargoquote::rates
