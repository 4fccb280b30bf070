#pragma once
// The desk's IATA ONE Record API (API 2.2.0, data model 3.2; README "ONE Record"):
//   GET  /                          ServerInformation
//   POST /logistics-objects         a BookingOptionRequest: priced, recorded as an inquiry and
//                                   its options offered at once (one quote of every option);
//                                   or a BookingRequest: books the option it names
//   GET  /logistics-objects/{id}    any of the objects above (?embedded=true, ?at=...)
// Bodies are application/ld+json; the version is negotiated with the Accept header's
// "version=" parameter and named in every response's Content-Type; errors are api:Error.
// Tokens and roles are checked as on /v1, and a customer reaches only their own objects.

#include <cargoquote/desk/desk_store.hpp>
#include <functional>
#include <memory>
#include <string>

#include "http/rate_snapshots.hpp"
#include "http/router.hpp"

namespace cargoquote::desk::http {

// `base_url` ("http://127.0.0.1:8080") starts every logistics object's IRI.
void add_one_record_routes(Router& router, std::shared_ptr<DeskStore> store,
                           std::function<Instant()> clock, std::string base_url);

}  // namespace cargoquote::desk::http
