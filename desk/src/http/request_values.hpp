#pragma once
// Reading values out of a request: the JSON body, query parameters and path ids, each failing
// with an InputError that names the field (a JSON Pointer, or the parameter's name).

#include <httplib.h>

#include <cargoquote/core/time.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cargoquote::desk::http {

// The body as one JSON object (InvalidJson naming the offset, InvalidInput when not an object).
[[nodiscard]] nlohmann::json object_body(const httplib::Request& req);
[[nodiscard]] std::optional<std::string> query(const httplib::Request& req, const char* name);
// "2026-11-26" (midnight UTC) or "2026-11-26T10:00:00Z"; InvalidDateTime naming `field`.
[[nodiscard]] Instant parse_instant(std::string_view text, std::string_view field);
// A decimal id as captured by the route (digits only); NotFound when past int64.
[[nodiscard]] std::int64_t path_id(const std::string& digits);
[[nodiscard]] int int_param(const std::string& text, std::string_view field, int min, int max);
// Now, in whole UTC seconds.
[[nodiscard]] Instant now();

}  // namespace cargoquote::desk::http
