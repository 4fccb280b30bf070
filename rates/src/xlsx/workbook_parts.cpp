#include "xlsx/workbook_parts.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <charconv>
#include <map>

#include "xlsx/cell_text.hpp"
#include "xlsx/xml_stream.hpp"

namespace cargoquote::rates::xlsx {

namespace {

struct Relationship {
    std::string type;  // the last path segment of the type URI, e.g. "worksheet"
    std::string target;
};

class RelationshipsHandler final : public XmlHandler {
  public:
    void start(std::string_view name, const char** attributes) override {
        if (name != "Relationship") return;
        std::string_view type = attribute(attributes, "Type");
        type = type.substr(type.rfind('/') + 1);
        relationships[std::string(attribute(attributes, "Id"))] = {
            std::string(type), std::string(attribute(attributes, "Target"))};
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
    std::map<std::string, Relationship> relationships;
};

class WorkbookHandler final : public XmlHandler {
  public:
    void start(std::string_view name, const char** attributes) override {
        if (name == "workbookPr") {
            const auto flag = attribute(attributes, "date1904");
            date1904 = flag == "1" || flag == "true";
        } else if (name == "sheet") {
            sheets.push_back({std::string(attribute(attributes, "name")),
                              std::string(attribute(attributes, "id"))});
        }
    }
    void end(std::string_view) override {}
    void text(std::string_view) override {}
    bool date1904 = false;
    std::vector<SheetEntry> sheets;  // part holds the relationship id until resolved
};

// <si> is a plain <t> or rich-text runs <r><t>..</t></r>; phonetic hints (<rPh>) are not text.
class SharedStringsHandler final : public XmlHandler {
  public:
    void start(std::string_view name, const char**) override {
        if (name == "si") {
            strings.emplace_back();
            in_item_ = true;
        } else if (name == "rPh") {
            in_phonetic_ = true;
        } else if (name == "t") {
            in_text_ = in_item_ && !in_phonetic_;
        }
    }
    void end(std::string_view name) override {
        if (name == "si") in_item_ = false;
        if (name == "rPh") in_phonetic_ = false;
        if (name == "t") in_text_ = false;
    }
    void text(std::string_view chars) override {
        if (in_text_) strings.back() += chars;
    }
    std::vector<std::string> strings;

  private:
    bool in_item_ = false;
    bool in_phonetic_ = false;
    bool in_text_ = false;
};

std::uint32_t number_attribute(const char** attributes, std::string_view name) {
    const auto text = attribute(attributes, name);
    std::uint32_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

class StylesHandler final : public XmlHandler {
  public:
    void start(std::string_view name, const char** attributes) override {
        if (name == "numFmt") {
            custom_date_formats_[number_attribute(attributes, "numFmtId")] =
                is_date_format_code(attribute(attributes, "formatCode"));
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "xf" && in_cell_xfs_) {
            const std::uint32_t id = number_attribute(attributes, "numFmtId");
            const auto custom = custom_date_formats_.find(id);
            date_styles.push_back(
                custom != custom_date_formats_.end() ? custom->second : is_builtin_date_format(id));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs_ = false;
    }
    void text(std::string_view) override {}
    std::vector<bool> date_styles;

  private:
    std::map<std::uint32_t, bool> custom_date_formats_;
    bool in_cell_xfs_ = false;
};

std::string directory_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string{} : part.substr(0, slash);
}

// A relationship target relative to the part's directory, as a zip entry name.
std::string resolve_target(const std::string& directory, const std::string& target) {
    if (!target.empty() && target.front() == '/') return target.substr(1);
    std::vector<std::string> segments;
    std::string path = directory.empty() ? target : directory + "/" + target;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = std::min(path.find('/', start), path.size());
        const std::string segment = path.substr(start, slash - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::map<std::string, Relationship> read_relationships(const ZipArchive& zip,
                                                       const std::string& rels_part,
                                                       const WorkbookLimits& limits) {
    RelationshipsHandler handler;
    parse_xml_part(zip, rels_part, handler, limits.max_xml_depth);
    return std::move(handler.relationships);
}

}  // namespace

WorkbookParts read_workbook_parts(const ZipArchive& zip, const WorkbookLimits& limits) {
    const auto refuse = [&](const std::string& message) {
        throw InputError(
            ErrorCode::WorkbookUnreadable, zip.file_name(),
            fmt::format("'{}' is not an .xlsx workbook: {}", zip.file_name(), message));
    };
    std::string workbook_part = "xl/workbook.xml";
    if (zip.contains("_rels/.rels")) {
        for (const auto& [id, rel] : read_relationships(zip, "_rels/.rels", limits)) {
            if (rel.type == "officeDocument") workbook_part = resolve_target("", rel.target);
        }
    }
    if (!zip.contains(workbook_part)) refuse(fmt::format("no {} part", workbook_part));
    WorkbookHandler workbook;
    parse_xml_part(zip, workbook_part, workbook, limits.max_xml_depth);
    if (workbook.sheets.empty()) refuse("the workbook lists no sheets");

    const std::string directory = directory_of(workbook_part);
    const std::string rels_part = (directory.empty() ? "" : directory + "/") + "_rels/" +
                                  workbook_part.substr(workbook_part.rfind('/') + 1) + ".rels";
    if (!zip.contains(rels_part)) refuse(fmt::format("no {} part", rels_part));
    const auto relationships = read_relationships(zip, rels_part, limits);

    WorkbookParts parts;
    parts.date1904 = workbook.date1904;
    for (auto& sheet : workbook.sheets) {
        const auto rel = relationships.find(sheet.part);
        if (rel == relationships.end()) {
            refuse(fmt::format("sheet '{}' has no relationship '{}'", sheet.name, sheet.part));
        }
        // Chart sheets and dialog sheets hold no cells.
        if (rel->second.type != "worksheet") continue;
        parts.sheets.push_back({sheet.name, resolve_target(directory, rel->second.target)});
    }
    for (const auto& [id, rel] : relationships) {
        const std::string part = resolve_target(directory, rel.target);
        if (rel.type == "sharedStrings" && zip.contains(part)) {
            SharedStringsHandler strings;
            parse_xml_part(zip, part, strings, limits.max_xml_depth);
            parts.shared_strings = std::move(strings.strings);
        } else if (rel.type == "styles" && zip.contains(part)) {
            StylesHandler styles;
            parse_xml_part(zip, part, styles, limits.max_xml_depth);
            parts.date_styles = std::move(styles.date_styles);
        }
    }
    return parts;
}

}  // namespace cargoquote::rates::xlsx
