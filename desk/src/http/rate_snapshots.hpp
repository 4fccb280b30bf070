#pragma once
// The rate data the server quotes on: an immutable QuoteEngine over one RateBook, swapped whole
// when the rate database changes (SIGHUP, or an admin's reload). A request takes the current
// snapshot once and keeps it to the end, so in-flight quotes finish on the rates they started
// with and a stored inquiry names exactly one snapshot.

#include <atomic>
#include <cargoquote/quote/quote_engine.hpp>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace cargoquote::desk {

struct RateSnapshot {
    std::shared_ptr<const QuoteEngine> engine;
    // "r<sequence>-<16 hex digits>": the load's number in this process and a fingerprint of
    // every rate line's id, sheet, version and validity, so two loads of the same data match.
    std::string id;
};

class RateSnapshots {
  public:
    // Loads the database (RateStoreError when it is missing or of another schema).
    explicit RateSnapshots(std::filesystem::path rates_db);

    [[nodiscard]] std::shared_ptr<const RateSnapshot> current() const { return current_.load(); }
    // Loads the database again and swaps the new snapshot in; the old one lives on in the
    // requests that hold it. On failure the current snapshot stays and the error propagates.
    std::shared_ptr<const RateSnapshot> reload();
    // The rate database the snapshots are loaded from (an admin's sheet import writes to it).
    [[nodiscard]] const std::filesystem::path& database() const { return path_; }

  private:
    std::filesystem::path path_;
    std::mutex reload_mutex_;
    int sequence_ = 0;
    std::atomic<std::shared_ptr<const RateSnapshot>> current_;
};

}  // namespace cargoquote::desk
