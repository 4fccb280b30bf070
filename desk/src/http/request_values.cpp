#include "http/request_values.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json_parse.hpp>
#include <charconv>

namespace cargoquote::desk::http {

nlohmann::json object_body(const httplib::Request& req) {
    nlohmann::json body = parse_json_strictly(req.body, "request body");
    if (!body.is_object()) {
        throw InputError(ErrorCode::InvalidInput, "", "the body must be a JSON object");
    }
    return body;
}

std::optional<std::string> query(const httplib::Request& req, const char* name) {
    if (!req.has_param(name)) return std::nullopt;
    return req.get_param_value(name);
}

Instant parse_instant(std::string_view text, std::string_view field) {
    const Date date = Date::parse(text.substr(0, 10), field);
    std::chrono::sys_seconds at = date.days();
    if (text.size() == 10) return Instant(at);
    int h = 0, m = 0, s = 0;
    const auto digits = [&](std::size_t from, int& out, int max) {
        if (text.size() < from + 2) return false;
        const auto r = std::from_chars(text.data() + from, text.data() + from + 2, out);
        return r.ec == std::errc() && r.ptr == text.data() + from + 2 && out <= max;
    };
    const bool ok = text.size() == 20 && text[10] == 'T' && text[13] == ':' && text[16] == ':' &&
                    text[19] == 'Z' && digits(11, h, 23) && digits(14, m, 59) && digits(17, s, 59);
    if (!ok) {
        throw InputError(ErrorCode::InvalidDateTime, std::string(field),
                         fmt::format("'{}' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", text));
    }
    at += std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
    return Instant(at);
}

std::int64_t path_id(const std::string& digits) {
    std::int64_t id = 0;
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (r.ec != std::errc() || r.ptr != digits.data() + digits.size()) {
        throw Error(ErrorCode::NotFound, digits, "no such id");
    }
    return id;
}

int int_param(const std::string& text, std::string_view field, int min, int max) {
    int value = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), value);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || value < min || value > max) {
        throw InputError(ErrorCode::InvalidNumber, std::string(field),
                         fmt::format("'{}' is not a whole number from {} to {}", text, min, max));
    }
    return value;
}

Instant now() {
    return Instant(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace cargoquote::desk::http
