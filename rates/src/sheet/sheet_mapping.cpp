// The mapping file: JSON in and out, with every mistake named by its JSON Pointer.
#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/sheet_mapping.hpp>
#include <set>

#include "sheet/target_tables.hpp"
#include "xlsx/cell_text.hpp"

namespace cargoquote::rates {

namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& pointer, const std::string& message) {
    throw InputError(ErrorCode::InvalidInput, pointer, fmt::format("{}: {}", pointer, message));
}

std::string text_of(const json& value, const std::string& pointer) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
    bad(pointer, "expected a string");
}

ColumnRef column_ref(const json& value, const std::string& pointer) {
    if (value.is_string()) {
        if (value.get<std::string>().empty()) bad(pointer, "empty header name");
        return {value.get<std::string>(), {}};
    }
    if (value.is_object() && value.size() == 1 && value.contains("letter") &&
        value["letter"].is_string()) {
        const auto letter = value["letter"].get<std::string>();
        if (column_number(letter) == 0) {
            bad(pointer + "/letter", fmt::format("'{}' is not a column letter", letter));
        }
        return {{}, letter};
    }
    bad(pointer, "expected a header name or {\"letter\": \"C\"}");
}

json to_json(const ColumnRef& c) {
    return c.header.empty() ? json{{"letter", c.letter}} : json(c.header);
}

// "M", "N" or kilograms as a plain decimal ("45", "0.5").
std::string break_weight(const std::string& key, const std::string& pointer) {
    if (key == "M" || key == "N") return key;
    const auto plain = xlsx::plain_decimal(key);
    if (!plain || plain->front() == '-' || key.find_first_of("eE") != std::string::npos) {
        bad(pointer, fmt::format("'{}' is not a weight break: use M, N or kilograms", key));
    }
    return *plain == "0" ? "N" : *plain;
}

}  // namespace

SheetMapping parse_sheet_mapping(const json& document) {
    if (!document.is_object()) bad("", "the mapping is a JSON object");
    SheetMapping m;
    if (document.contains("table")) {
        m.table = text_of(document["table"], "/table");
        if (!is_sheet_target(m.table)) bad("/table", "expected \"rates\" or \"surcharges\"");
    }
    const std::string target = m.table;
    const std::string id(id_field(target));
    const std::set<std::string> members = {"table",         "sheet",     "header_row", "columns",
                                           "weight_breaks", "constants", "value_maps", id};
    for (const auto& [key, value] : document.items()) {
        if (!members.contains(key)) bad("/" + key, "unknown member");
    }
    if (target == "surcharges") {
        m.id_pattern.clear();
        if (document.contains("weight_breaks"))
            bad("/weight_breaks", "only rate lines have breaks");
    }
    if (document.contains("sheet")) m.sheet = text_of(document["sheet"], "/sheet");
    if (document.contains("header_row")) {
        const auto& row = document["header_row"];
        if (!row.is_number_unsigned() || row.get<std::uint64_t>() == 0 ||
            row.get<std::uint64_t>() > 1'048'576) {
            bad("/header_row", "expected a row number from 1");
        }
        m.header_row = row.get<std::uint32_t>();
    }
    std::map<std::string, std::string> source;  // field -> pointer that supplies it
    const auto claim = [&](const std::string& field, const std::string& pointer) {
        if (!is_target_field(target, field)) {
            bad(pointer, fmt::format("'{}' is not a field of {}", field, target_file(target)));
        }
        const auto [it, fresh] = source.emplace(field, pointer);
        if (!fresh) bad(pointer, fmt::format("'{}' already comes from {}", field, it->second));
    };
    const auto object = [&](const char* name) -> const json* {
        if (!document.contains(name)) return nullptr;
        if (!document[name].is_object()) bad(fmt::format("/{}", name), "expected an object");
        return &document[name];
    };
    if (const json* columns = object("columns")) {
        for (const auto& [field, value] : columns->items()) {
            const std::string pointer = "/columns/" + field;
            claim(field, pointer);
            m.columns[field] = column_ref(value, pointer);
        }
    }
    if (const json* breaks = object("weight_breaks")) {
        std::set<std::string> weights;
        for (const auto& [key, value] : breaks->items()) {
            const std::string pointer = "/weight_breaks/" + key;
            const std::string weight = break_weight(key, pointer);
            if (!weights.insert(weight).second) bad(pointer, "weight break given twice");
            if (weight == "M") claim("min_charge", pointer);
            m.breaks.push_back({weight, column_ref(value, pointer)});
        }
        if (weights.size() > (weights.contains("M") ? 1U : 0U)) claim("breaks", "/weight_breaks");
    }
    if (const json* constants = object("constants")) {
        for (const auto& [field, value] : constants->items()) {
            const std::string pointer = "/constants/" + field;
            claim(field, pointer);
            m.constants[field] = text_of(value, pointer);
            if (m.constants[field].empty()) bad(pointer, "empty: fill in the value");
        }
    }
    if (const json* maps = object("value_maps")) {
        for (const auto& [field, table] : maps->items()) {
            const std::string pointer = "/value_maps/" + field;
            if (!is_target_field(target, field)) bad(pointer, "not a field of the table");
            if (!table.is_object()) bad(pointer, "expected an object of \"from\": \"to\"");
            for (const auto& [from, to] : table.items()) {
                m.value_maps[field][from] = text_of(to, pointer + "/" + from);
            }
        }
    }
    if (document.contains(id)) {
        if (source.contains(id)) bad("/" + id, id + " already comes from a column or constant");
        m.id_pattern = text_of(document[id], "/" + id);
    }
    if (!source.contains(id) && !m.id_pattern.empty()) source.emplace(id, "/" + id);
    for (const auto field : target_fields(target)) {
        if (is_required_target_field(target, field) && !source.contains(std::string(field))) {
            bad("/columns", fmt::format("no column or constant gives '{}'", field));
        }
    }
    return m;
}

json to_json(const SheetMapping& m) {
    json out = json::object();
    out["table"] = m.table;
    out["sheet"] = m.sheet;
    out["header_row"] = m.header_row;
    out["columns"] = json::object();
    for (const auto& [field, column] : m.columns) out["columns"][field] = to_json(column);
    if (m.table == "rates") {
        out["weight_breaks"] = json::object();
        for (const auto& b : m.breaks) out["weight_breaks"][b.weight] = to_json(b.column);
    }
    out["constants"] = m.constants;
    out["value_maps"] = json::object();
    for (const auto& [field, table] : m.value_maps) out["value_maps"][field] = table;
    if (!m.id_pattern.empty()) out[std::string(id_field(m.table))] = m.id_pattern;
    return out;
}

}  // namespace cargoquote::rates
