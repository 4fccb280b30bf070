#include <algorithm>
#include <cargoquote/rates/sheet_import.hpp>

namespace cargoquote::rates {

std::string_view line_change_name(LineChange change) {
    switch (change) {
        case LineChange::New:
            return "new";
        case LineChange::Removed:
            return "removed";
        case LineChange::Increased:
            return "increased";
        case LineChange::Decreased:
            return "decreased";
        case LineChange::Unchanged:
            return "unchanged";
        case LineChange::Changed:
            return "changed";
    }
    return "changed";
}

std::size_t SheetImportResult::count(LineChange change) const {
    return static_cast<std::size_t>(std::count_if(
        diff.begin(), diff.end(), [&](const LineDiff& d) { return d.change == change; }));
}

nlohmann::json to_json(const SheetImportResult& r) {
    using nlohmann::json;
    json out;
    out["sheet"] = r.sheet;
    out["ok"] = r.report.ok();
    out["written"] = r.report.written;
    out["rows"] = r.report.total_rows();
    out["errors"] = json::array();
    for (const auto& e : r.report.errors) {
        out["errors"].push_back({{"location", e.location()}, {"message", e.message}});
    }
    out["first_valid_day"] = r.first_valid_day ? json(r.first_valid_day->iso()) : json(nullptr);
    json summary = json::object();
    for (const LineChange c : {LineChange::New, LineChange::Removed, LineChange::Increased,
                               LineChange::Decreased, LineChange::Unchanged, LineChange::Changed}) {
        summary[std::string(line_change_name(c))] = r.count(c);
    }
    out["summary"] = summary;
    out["lines"] = json::array();
    const auto optional_text = [](const std::optional<std::string>& s) {
        return s ? json(*s) : json(nullptr);
    };
    for (const auto& d : r.diff) {
        json items = json::array();
        for (const auto& i : d.items) {
            items.push_back({{"item", i.item},
                             {"before", optional_text(i.before)},
                             {"after", optional_text(i.after)},
                             {"change", optional_text(i.change)}});
        }
        out["lines"].push_back({{"change", line_change_name(d.change)},
                                {"carrier", d.carrier},
                                {"origin", d.origin},
                                {"destination", d.destination},
                                {"rate_class", d.rate_class},
                                {"commodity", d.commodity},
                                {"currency", d.currency},
                                {"line_id", d.line_id},
                                {"previous_line_id", d.previous_line_id},
                                {"items", std::move(items)}});
    }
    out["ended"] = json::array();
    for (const auto& e : r.ended) {
        out["ended"].push_back({{"line_id", e.line_id}, {"valid_to", e.valid_to.iso()}});
    }
    return out;
}

}  // namespace cargoquote::rates
