#pragma once
// Itinerary search over scheduled legs (Boost.Graph inside; no Boost type in this header).
//
// Every feasible itinerary up to `max_legs`, honouring cut-off, minimum connection times (online
// and interline), days of operation, effective dates, piece fit per aircraft category and
// special-cargo refusals, with times in UTC from each airport's IANA zone. Dominance: among
// itineraries flown by the same set of carriers, one that is no earlier and has no fewer legs
// than another is dropped (the same carriers price it no cheaper). No airport is visited twice.
//
// Thread-safety: immutable after construction; `search` may run concurrently.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/core/rejection_reason.hpp>
#include <cargoquote/network/itinerary.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote {

class SearchCache;

struct SearchRequest {
    AirportCode origin;
    AirportCode destination;
    LocalDateTime ready;  // local at the origin
    std::vector<Piece> pieces;
    Commodity commodity;
    int max_legs = 3;
    int horizon_days = 7;  // no leg departs later than ready + horizon
    // Longest wait at a transfer airport (cargo does not sit in a transit warehouse for days).
    int max_connection_hours = 48;
    // Analysis and cross-checks: return every feasible airport sequence and carrier combination
    // (each with its earliest instance), not only the non-dominated itineraries.
    bool keep_dominated = false;
};

// Why legs were excluded, counted over the whole search; the reasons of an empty answer.
struct SearchDiagnostics {
    bool statically_connected = false;  // some airport path within max_legs exists at all
    int legs_too_small = 0;             // a piece does not fit the leg's aircraft category
    int legs_refused = 0;               // the carrier refuses the commodity
    int legs_without_service = 0;       // no departure on an operating day within the horizon
    int connections_missed = 0;         // later legs all gone before the connection was possible
    int legs_evaluated = 0;             // leg instances computed (search effort)
    int labels = 0;                     // partial itineraries kept during the search
};

struct SearchOutcome {
    std::vector<Itinerary> itineraries;  // earliest availability first, then fewer legs
    SearchDiagnostics diagnostics;
    // When nothing was found: the stable reason code and a sentence.
    [[nodiscard]] std::optional<RejectionReason> reason_code() const;  // none when found
    [[nodiscard]] std::string reason() const;
};

class RouteNetwork {
  public:
    // Indexes the schedule of `book` (which must outlive the network).
    explicit RouteNetwork(const RateBook& book);
    ~RouteNetwork();
    RouteNetwork(RouteNetwork&&) noexcept;
    RouteNetwork& operator=(RouteNetwork&&) noexcept;

    [[nodiscard]] bool empty() const;  // no legs at all
    [[nodiscard]] std::size_t leg_count() const;
    // Throws InputError(UnknownAirport) for airports the network does not know.
    [[nodiscard]] SearchOutcome search(const SearchRequest& request) const;
    // The same outcome as search(request), taken from `cache` when it holds one for the same key
    // and a range of ready times that includes the request's (see search_cache.hpp); otherwise
    // searched and stored there. A null cache searches.
    [[nodiscard]] SearchOutcome search(const SearchRequest& request, SearchCache* cache) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cargoquote
