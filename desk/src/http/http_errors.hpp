#pragma once
// Errors as HTTP answers: each stable error code has one status, and the body is the engine's
// error document ({"error": {code, name, field, message}}) that the command line prints too.

#include <httplib.h>

#include <cargoquote/core/error.hpp>
#include <string>

namespace cargoquote::desk::http {

// 400 for bad input, 401, 403, 404, 406, 409, 415, 422 (expired quote), 503 when the store is busy,
// 500 for the rest.
[[nodiscard]] int status_of(ErrorCode code) noexcept;

void send_error(httplib::Response& res, const Error& error);
// An error the router itself raises (no such path, wrong method, no token, ...).
void send_error(httplib::Response& res, ErrorCode code, std::string field, std::string message);

}  // namespace cargoquote::desk::http
