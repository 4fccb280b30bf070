#pragma once
// The desk's routes: method, path pattern, the roles that may call it, and the handler. One
// dispatch decides, in this order, 404 (no route has the path), 405 (the path exists for other
// methods; Allow lists them), 413 (the body is over the route's limit), 401 (a role is required and
// the bearer token is missing, unknown or deactivated), 403 (the user's role is not among the
// route's), then calls the handler and turns any exception into an error answer: a request never
// crashes the server.

#include <httplib.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_store.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "http/rate_snapshots.hpp"

namespace cargoquote::desk::http {

// Everything a handler may use about its request.
struct Call {
    const httplib::Request& request;
    std::vector<std::string> path_params;       // the pattern's capture groups, in order
    std::optional<User> user;                   // set on every route that names roles
    std::shared_ptr<const RateSnapshot> rates;  // taken once: the whole request uses it
};

using Handler = std::function<void(const Call&, httplib::Response&)>;

// A handler calling `member` of the shared `api` object (the route tables bind one per route).
template <typename Api>
[[nodiscard]] Handler member_handler(std::shared_ptr<const Api> api,
                                     void (Api::*member)(const Call&, httplib::Response&) const) {
    return [api = std::move(api), member](const Call& call, httplib::Response& res) {
        ((*api).*member)(call, res);
    };
}

// Writes an error answer (status, headers, body) for a request. The desk's JSON API answers with
// the engine's error document; ONE Record paths answer with an api:Error.
using ErrorWriter = std::function<void(const httplib::Request&, httplib::Response&, const Error&)>;

struct Route {
    std::string method;       // "GET", "POST"
    std::string pattern;      // a regex over the whole path, e.g. "/v1/inquiries/(\\d+)"
    std::vector<Role> roles;  // empty: public
    Handler handler;
};

class Router {
  public:
    Router(std::shared_ptr<DeskStore> store, std::shared_ptr<RateSnapshots> rates);
    // `max_body_bytes` 0: the router's ordinary limit (set_max_body_bytes).
    void add(Route route, std::size_t max_body_bytes = 0);
    // The body limit of routes added without one of their own (0: none). The server reads bodies
    // up to its largest route limit; the route's own limit then refuses what is over it.
    void set_max_body_bytes(std::size_t bytes) { max_body_bytes_ = bytes; }
    // Errors on paths matching `path_pattern` (a regex over the whole path), including 404 and
    // 405 for paths no route has, are written by `writer`; the first matching dialect wins.
    void add_error_dialect(const std::string& path_pattern, ErrorWriter writer);
    void dispatch(const httplib::Request& req, httplib::Response& res) const;

  private:
    struct Compiled {
        Route route;
        std::regex regex;
        std::size_t max_body_bytes = 0;
    };
    [[nodiscard]] std::optional<User> authenticate(const httplib::Request& req) const;
    void fail(const httplib::Request& req, httplib::Response& res, const Error& error) const;

    std::shared_ptr<DeskStore> store_;
    std::shared_ptr<RateSnapshots> rates_;
    std::vector<Compiled> routes_;
    std::size_t max_body_bytes_ = 0;
    std::vector<std::pair<std::regex, ErrorWriter>> dialects_;
};

}  // namespace cargoquote::desk::http
