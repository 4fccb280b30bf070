#pragma once
// The desk's own JSON API under /v1 (README, "Quote desk"): inquiries, sending, booking, KPIs,
// users, rate reloads, health and version.

#include <cargoquote/desk/desk_store.hpp>
#include <functional>
#include <memory>

#include "http/rate_snapshots.hpp"
#include "http/router.hpp"

namespace cargoquote::desk::http {

// `clock` gives the time of every write (received, sent, booked) and the default quote date.
void add_api_routes(Router& router, std::shared_ptr<DeskStore> store,
                    std::shared_ptr<RateSnapshots> rates, std::function<Instant()> clock);

}  // namespace cargoquote::desk::http
