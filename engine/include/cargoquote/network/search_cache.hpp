#pragma once
// Search outcomes kept for reuse by later searches of a batch (requote of a shipment book).
//
// Why: a requote book asks for the same lanes over and over (Zipf-drawn), and the itinerary
// search is the largest single cost of a quote. Exact ready times rarely repeat, so an outcome is
// stored with the range of ready times over which the search would run *exactly the same steps*:
// RouteNetwork::search records, for every comparison that involves the ready time (a first leg's
// earliest departure after ready + cut-off, and every departure checked against the horizon
// ready + horizon_days), how far the ready time may move before that comparison turns out
// differently. Any ready time inside the range therefore yields the same labels, the same
// dominance and the same itineraries; only each itinerary's `ready` and `transit_minutes` are
// recomputed. Everything else the search reads of the request is in the key: the airports, the
// aircraft categories every piece fits (not the pieces themselves), the commodity when it is a
// class a carrier may refuse, and the search limits.
//
// Not thread-safe: one cache per worker thread. Bounded: cleared when it holds `capacity` outcomes.

#include <cargoquote/core/codes.hpp>
#include <cargoquote/network/route_network.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace cargoquote {

class SearchCache {
  public:
    // Exactly what the search reads of a SearchRequest, besides the ready time.
    struct Key {
        AirportCode origin;
        AirportCode destination;
        std::uint8_t fits = 0;      // bit c: every piece fits aircraft category c
        std::string refusal_class;  // the commodity's class code ("" unless a class)
        int max_legs = 0;           // as clamped by the search
        int horizon_days = 0;
        int max_connection_hours = 0;
        bool keep_dominated = false;
        friend bool operator==(const Key&, const Key&) = default;
    };

    explicit SearchCache(std::size_t capacity = 512) : capacity_(capacity) {}

    // The outcome stored for `key` whose ready range holds `ready_utc` (seconds), or null.
    [[nodiscard]] const SearchOutcome* find(const Key& key, std::int64_t ready_utc);
    // Stores `outcome`, valid for ready times in [first_ready_utc, last_ready_utc].
    void store(const Key& key, std::int64_t first_ready_utc, std::int64_t last_ready_utc,
               const SearchOutcome& outcome);

    [[nodiscard]] std::uint64_t hits() const { return hits_; }
    [[nodiscard]] std::uint64_t misses() const { return misses_; }

  private:
    struct KeyHash {
        std::size_t operator()(const Key& k) const noexcept;
    };
    struct Entry {
        std::int64_t first_ready = 0;
        std::int64_t last_ready = 0;
        SearchOutcome outcome;
    };
    std::unordered_map<Key, std::vector<Entry>, KeyHash> entries_;
    std::size_t size_ = 0;
    std::size_t capacity_;
    std::uint64_t hits_ = 0;
    std::uint64_t misses_ = 0;
};

}  // namespace cargoquote
