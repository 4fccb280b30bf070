#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_server.hpp>
#include <thread>

#include "http/api_routes.hpp"
#include "http/bounded_queue.hpp"
#include "http/http_errors.hpp"
#include "http/one_record_routes.hpp"
#include "http/rate_sheet_routes.hpp"
#include "http/rate_snapshots.hpp"
#include "http/router.hpp"
#include "http/web_routes.hpp"

namespace cargoquote::desk {

struct DeskServer::Impl {
    std::shared_ptr<DeskStore> store;
    std::shared_ptr<RateSnapshots> rates;
    http::Router router;
    httplib::Server server;
    int port = 0;

    Impl(const std::filesystem::path& rates_db, std::shared_ptr<DeskStore> s)
        : store(std::move(s)),
          rates(std::make_shared<RateSnapshots>(rates_db)),
          router(store, rates) {}
};

namespace {
std::size_t worker_count(int requested) {
    if (requested > 0) return static_cast<std::size_t>(requested);
    return std::max<std::size_t>(4, 2 * std::max(1U, std::thread::hardware_concurrency()));
}
}  // namespace

DeskServer::DeskServer(const std::filesystem::path& rates_db, std::shared_ptr<DeskStore> store,
                       ServerOptions options)
    : impl_(std::make_unique<Impl>(rates_db, std::move(store))) {
    auto& server = impl_->server;
    const std::size_t threads = worker_count(options.threads);
    const std::size_t max_waiting = options.max_waiting;
    server.new_task_queue = [threads, max_waiting] {
        return new http::BoundedQueue(threads, max_waiting);
    };
    // The largest limit of any route; the router refuses bodies over their own route's limit.
    server.set_payload_max_length(std::max(options.max_body_bytes, options.max_upload_bytes));
    impl_->router.set_max_body_bytes(options.max_body_bytes);
    server.set_read_timeout(options.read_timeout);
    server.set_write_timeout(options.write_timeout);
    server.set_keep_alive_timeout(5);
    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
        if (!http::BoundedQueue::shedding()) return httplib::Server::HandlerResponse::Unhandled;
        http::send_error(res, ErrorCode::DatabaseFailure, "", "the desk is overloaded: retry");
        res.status = 503;
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
    });
    // Every path and method goes through the router, which tells 404 from 405.
    const auto dispatch = [router = &impl_->router](const httplib::Request& req,
                                                    httplib::Response& res) {
        router->dispatch(req, res);
    };
    server.Get(".*", dispatch);
    server.Post(".*", dispatch);
    server.Put(".*", dispatch);
    server.Patch(".*", dispatch);
    server.Delete(".*", dispatch);
    server.Options(".*", dispatch);
    // Only a body over the limit or an unparseable request reaches here without a response.
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        const ErrorCode code =
            res.status == 413 ? ErrorCode::QuantityOutOfRange : ErrorCode::InvalidInput;
        const int status = res.status;
        http::send_error(res, code, "",
                         status == 413 ? "the request body is over the server's limit"
                                       : fmt::format("HTTP {}", status));
        res.status = status;
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            http::send_error(res, ErrorCode::Internal, "", "internal error");
        });

    if (options.port == 0) {
        impl_->port = server.bind_to_any_port(options.host);
    } else if (server.bind_to_port(options.host, options.port)) {
        impl_->port = options.port;
    } else {
        impl_->port = -1;
    }
    if (impl_->port <= 0) {
        throw Error(ErrorCode::Usage, "--listen",
                    fmt::format("cannot listen on {}:{}", options.host, options.port));
    }
    // Routes last: ONE Record IRIs need the port actually bound.
    std::string base_url = options.public_url;
    while (base_url.ends_with('/')) base_url.pop_back();
    if (base_url.empty()) {
        const bool ipv6 = options.host.find(':') != std::string::npos;
        base_url = ipv6 ? fmt::format("http://[{}]:{}", options.host, impl_->port)
                        : fmt::format("http://{}:{}", options.host, impl_->port);
    }
    http::add_api_routes(impl_->router, impl_->store, impl_->rates, options.clock);
    http::add_rate_sheet_routes(impl_->router, impl_->rates, options.max_upload_bytes);
    http::add_one_record_routes(impl_->router, impl_->store, options.clock, std::move(base_url));
    http::add_web_routes(impl_->router);
}

DeskServer::~DeskServer() { stop(); }

int DeskServer::port() const { return impl_->port; }

void DeskServer::run() { impl_->server.listen_after_bind(); }

void DeskServer::stop() { impl_->server.stop(); }

std::string DeskServer::reload_rates() { return impl_->rates->reload()->id; }

std::string DeskServer::rate_snapshot_id() const { return impl_->rates->current()->id; }

}  // namespace cargoquote::desk
