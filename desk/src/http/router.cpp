#include "http/router.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "http/http_errors.hpp"

namespace cargoquote::desk::http {

Router::Router(std::shared_ptr<DeskStore> store, std::shared_ptr<RateSnapshots> rates)
    : store_(std::move(store)), rates_(std::move(rates)) {}

void Router::add(Route route, std::size_t max_body_bytes) {
    std::regex regex(route.pattern, std::regex::ECMAScript | std::regex::optimize);
    routes_.push_back(Compiled{std::move(route), std::move(regex), max_body_bytes});
}

namespace {
// A multipart body is parsed into its parts before a handler runs: count those too.
std::size_t body_bytes(const httplib::Request& req) {
    std::size_t bytes = req.body.size();
    for (const auto& [name, file] : req.files) bytes += file.content.size();
    return bytes;
}
}  // namespace

void Router::add_error_dialect(const std::string& path_pattern, ErrorWriter writer) {
    dialects_.emplace_back(std::regex(path_pattern, std::regex::ECMAScript | std::regex::optimize),
                           std::move(writer));
}

void Router::fail(const httplib::Request& req, httplib::Response& res, const Error& error) const {
    for (const auto& [pattern, writer] : dialects_) {
        if (std::regex_match(req.path, pattern)) {
            writer(req, res, error);
            return;
        }
    }
    send_error(res, error);
}

std::optional<User> Router::authenticate(const httplib::Request& req) const {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) {
        return std::nullopt;
    }
    return store_->authenticate(std::string_view(header).substr(kBearer.size()));
}

void Router::dispatch(const httplib::Request& req, httplib::Response& res) const {
    try {
        const Compiled* found = nullptr;
        std::smatch match;
        std::vector<std::string> allowed;
        for (const Compiled& c : routes_) {
            std::smatch m;
            if (!std::regex_match(req.path, m, c.regex)) continue;
            if (c.route.method == req.method) {
                found = &c;
                match = m;
                break;
            }
            allowed.push_back(c.route.method);
        }
        if (found == nullptr) {
            if (allowed.empty()) {
                fail(req, res, Error(ErrorCode::NotFound, req.path, "no such resource"));
            } else {
                std::sort(allowed.begin(), allowed.end());
                allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
                fail(req, res,
                     Error(ErrorCode::InvalidInput, req.path,
                           fmt::format("method {} is not allowed here", req.method)));
                res.status = 405;
                res.set_header("Allow", fmt::format("{}", fmt::join(allowed, ", ")));
            }
            return;
        }
        const std::size_t limit =
            found->max_body_bytes != 0 ? found->max_body_bytes : max_body_bytes_;
        if (limit != 0 && body_bytes(req) > limit) {
            fail(req, res,
                 Error(ErrorCode::QuantityOutOfRange, "",
                       "the request body is over the server's limit"));
            res.status = 413;
            return;
        }
        Call call{req, {}, std::nullopt, nullptr};
        for (std::size_t i = 1; i < match.size(); ++i) call.path_params.push_back(match[i].str());
        const auto& roles = found->route.roles;
        if (!roles.empty()) {
            call.user = authenticate(req);
            if (!call.user) {
                fail(req, res,
                     Error(ErrorCode::Unauthorized, "Authorization",
                           "a valid bearer token is required"));
                return;
            }
            if (std::find(roles.begin(), roles.end(), call.user->role) == roles.end()) {
                fail(req, res,
                     Error(ErrorCode::Forbidden, req.path,
                           fmt::format("the {} role may not do this", role_name(call.user->role))));
                return;
            }
        }
        call.rates = rates_->current();
        found->route.handler(call, res);
    } catch (const Error& e) {
        fail(req, res, e);
    } catch (const std::exception& e) {
        // A defect, not the caller's fault: logged here, never shown in detail to the caller.
        std::cerr << fmt::format("internal error on {} {}: {}\n", req.method, req.path, e.what());
        fail(req, res, Error(ErrorCode::Internal, "", "internal error"));
    }
}

}  // namespace cargoquote::desk::http
