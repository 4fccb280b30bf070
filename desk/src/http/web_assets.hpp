#pragma once
// The browser pages (desk/web/*), embedded at build time: name, media type and bytes.

#include <string_view>

namespace cargoquote::desk::http {

struct WebAsset {
    std::string_view name;  // the file name, e.g. "desk.html", "app.js"
    std::string_view content_type;
    std::string_view body;
};

// Null when no embedded file has that name.
[[nodiscard]] const WebAsset* find_web_asset(std::string_view name);

}  // namespace cargoquote::desk::http
