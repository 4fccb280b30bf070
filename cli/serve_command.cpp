// `cargoquote serve --db RATES.db --desk DESK.db [--listen HOST:PORT] [--threads N]`: the quote
// desk's HTTP server. SIGINT/SIGTERM stop it (in-flight requests finish, exit 0); SIGHUP loads
// the rate database again and swaps it in.

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_server.hpp>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "database_option.hpp"

namespace cargoquote::cli {

namespace {

struct ServeOptions {
    std::string db;
    std::string desk = "desk.db";
    std::string listen = "127.0.0.1:8080";
    int threads = 0;
    std::string public_url;
};

desk::ServerOptions server_options(const ServeOptions& o) {
    desk::ServerOptions options;
    const auto colon = o.listen.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        throw InputError(ErrorCode::Usage, "--listen", "expected HOST:PORT, e.g. 127.0.0.1:8080");
    }
    options.host = o.listen.substr(0, colon);
    try {
        options.port = std::stoi(o.listen.substr(colon + 1));
    } catch (const std::exception&) {
        options.port = -1;
    }
    if (options.port < 0 || options.port > 65535) {
        throw InputError(ErrorCode::Usage, "--listen", "the port must be 0 to 65535");
    }
    options.threads = o.threads;
    options.public_url = o.public_url;
    return options;
}

// Signals go to one thread that waits for them, so handlers never run inside the server.
int serve(const ServeOptions& o) {
    sigset_t signals;
    sigemptyset(&signals);
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&signals, s);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by every thread started below

    auto store = std::make_shared<desk::DeskStore>(desk::DeskStore::open(o.desk));
    desk::DeskServer server(resolve_database(o.db), store, server_options(o));
    std::cerr << fmt::format("cargoquote desk listening on http://{}:{} (rates {}, desk {})\n",
                             server_options(o).host, server.port(), server.rate_snapshot_id(),
                             o.desk);
    std::thread watcher([&] {
        for (;;) {
            int received = 0;
            if (sigwait(&signals, &received) != 0) continue;
            if (received == SIGHUP) {
                try {
                    std::cerr << "rates reloaded: " << server.reload_rates() << "\n";
                } catch (const Error& e) {
                    std::cerr << "rates not reloaded, still serving the old ones: " << e.what()
                              << "\n";
                }
                continue;
            }
            std::cerr << "stopping: finishing requests in flight\n";
            server.stop();
            return;
        }
    });
    server.run();
    // run() also returns when listening fails; wake the watcher so it can end.
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
    return 0;
}

}  // namespace

Action add_serve_command(CLI::App& app) {
    auto options = std::make_shared<ServeOptions>();
    CLI::App* cmd = app.add_subcommand(
        "serve", "Run the quote desk's HTTP server (JSON API and IATA ONE Record)");
    add_database_option(*cmd, options->db);
    cmd->add_option("--desk", options->desk, "The desk database (created when missing)")
        ->capture_default_str();
    cmd->add_option("--listen", options->listen, "HOST:PORT to listen on (port 0: any free)")
        ->capture_default_str();
    cmd->add_option("--threads", options->threads, "Worker threads (0: twice the cores)")
        ->check(CLI::Range(0, 256));
    cmd->add_option("--public-url", options->public_url,
                    "Address clients reach the desk at, starting ONE Record object IRIs "
                    "(default: http://HOST:PORT)");
    return [cmd, options] { return cmd->parsed() ? serve(*options) : -1; };
}

}  // namespace cargoquote::cli
