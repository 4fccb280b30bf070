#include "http/web_routes.hpp"

#include <string>

#include "http/http_errors.hpp"
#include "http/web_assets.hpp"

namespace cargoquote::desk::http {

namespace {

// Scripts and styles come from /assets only (no inline script), and no page may be framed.
void set_security_headers(httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; base-uri 'none'; "
                   "form-action 'self'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-cache");
}

void send_asset(const std::string& name, httplib::Response& res) {
    const WebAsset* asset = find_web_asset(name);
    if (asset == nullptr) {
        send_error(res, ErrorCode::NotFound, name, "no such resource");
        return;
    }
    set_security_headers(res);
    res.status = 200;
    res.set_content(std::string(asset->body), std::string(asset->content_type));
}

}  // namespace

void add_web_routes(Router& router) {
    router.add(
        {"GET", "/(login|desk|quote|kpis|rates)", {}, [](const Call& call, httplib::Response& res) {
             send_asset(call.path_params.at(0) + ".html", res);
         }});
    router.add({"GET",
                "/assets/([a-z_]{1,40}\\.(?:css|js))",
                {},
                [](const Call& call, httplib::Response& res) {
                    send_asset(call.path_params.at(0), res);
                }});
}

}  // namespace cargoquote::desk::http
