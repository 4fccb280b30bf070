#pragma once
// `cargoquote serve`: the quote desk's HTTP server over a rate database and a desk store. Binds
// loopback unless told otherwise. The rate snapshot is immutable and swapped whole on reload;
// quotes run in parallel on it, and desk writes are short store transactions, so the server keeps
// no state of its own beyond its two databases.
//
// Limits: request bodies over `max_body_bytes` (an admin's rate sheet upload: over
// `max_upload_bytes`) get 413; a client that sends or reads slower than
// the timeouts is cut off; connections beyond `max_waiting` queued ones get 503 at once.

#include <cargoquote/desk/desk_store.hpp>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace cargoquote::desk {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port (see DeskServer::port)
    int threads = 0;  // 0: twice the hardware threads, at least 4
    std::size_t max_body_bytes = 1 << 20;
    std::size_t max_upload_bytes = 32 << 20;  // POST /v1/admin/rate-sheets
    std::size_t max_waiting = 256;            // queued connections before answering 503
    std::chrono::seconds read_timeout{5};
    std::chrono::seconds write_timeout{5};
    // The address clients reach the server at, which starts every ONE Record logistics object
    // IRI ("https://desk.example.com"); empty: http://host:port as bound.
    std::string public_url;
    // The time inquiries are received, quotes sent and bookings made at: the system clock,
    // unless a test scripts a day.
    std::function<Instant()> clock;
};

class DeskServer {
  public:
    // Loads the rate snapshot and binds the socket (Error(Usage) when the address is taken or
    // invalid). The store is shared: tests and the command line may use it alongside.
    DeskServer(const std::filesystem::path& rates_db, std::shared_ptr<DeskStore> store,
               ServerOptions options);
    ~DeskServer();
    DeskServer(const DeskServer&) = delete;
    DeskServer& operator=(const DeskServer&) = delete;

    [[nodiscard]] int port() const;
    // Serves until stop(); in-flight requests finish before it returns.
    void run();
    // Stops accepting; safe from any thread (the signal watcher calls it).
    void stop();
    // Loads the rate database again and swaps it in (what SIGHUP does); returns the snapshot id.
    std::string reload_rates();
    [[nodiscard]] std::string rate_snapshot_id() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cargoquote::desk
