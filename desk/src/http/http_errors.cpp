#include "http/http_errors.hpp"

#include <cargoquote/io/json.hpp>

namespace cargoquote::desk::http {

int status_of(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::NotFound:
            return 404;
        case ErrorCode::Conflict:
            return 409;
        case ErrorCode::QuoteExpired:
            return 422;
        case ErrorCode::Unauthorized:
            return 401;
        case ErrorCode::Forbidden:
            return 403;
        case ErrorCode::NotAcceptable:
            return 406;
        case ErrorCode::UnsupportedMediaType:
            return 415;
        case ErrorCode::DatabaseFailure:
            return 503;  // busy or locked: worth a retry
        case ErrorCode::Internal:
        case ErrorCode::DatabaseMissing:
        case ErrorCode::SchemaMismatch:
        case ErrorCode::FileUnreadable:
            return 500;
        default:
            return 400;  // every input code
    }
}

void send_error(httplib::Response& res, const Error& error) {
    res.status = status_of(error.code());
    if (res.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    if (res.status == 503) res.set_header("Retry-After", "1");
    // The message may quote what the client sent (a query value, a path, a JSON parser's "last
    // read"), which need not be UTF-8: replace such bytes rather than fail to answer with a 500.
    res.set_content(to_json(error).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json");
}

void send_error(httplib::Response& res, ErrorCode code, std::string field, std::string message) {
    send_error(res, Error(code, std::move(field), std::move(message)));
}

}  // namespace cargoquote::desk::http
