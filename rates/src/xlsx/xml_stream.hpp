#pragma once
// Streams one XML part of the workbook through expat (no DOM): element names and attribute names
// arrive without their namespace prefix ("x:c" -> "c", "r:id" -> "id"). Documents with a DTD
// are refused (no entity tricks), as are documents nested deeper than the limit.

#include <string_view>

#include "xlsx/zip_archive.hpp"

namespace cargoquote::rates::xlsx {

class XmlHandler {
  public:
    virtual ~XmlHandler() = default;
    // `attributes` is expat's null-terminated name, value, name, value ... array.
    virtual void start(std::string_view name, const char** attributes) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view chars) = 0;
};

// The value of `name` (prefix ignored) in an expat attribute array, or "" when absent.
[[nodiscard]] std::string_view attribute(const char** attributes, std::string_view name);

// Parses `entry` of `zip` into `handler`. InputError(WorkbookUnreadable) naming the part and line
// on malformed XML or past the depth limit; an exception thrown by the handler stops the parse
// and propagates.
void parse_xml_part(const ZipArchive& zip, std::string_view entry, XmlHandler& handler,
                    std::uint32_t max_depth);

}  // namespace cargoquote::rates::xlsx
