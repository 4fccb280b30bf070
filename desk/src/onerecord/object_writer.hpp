#pragma once
// The desk's records as ONE Record logistics objects (JSON-LD, vocabulary.hpp). Every amount
// comes from the option's sell-side view (sell_view.hpp): a ONE Record Price has no buy/sell
// split, so no buy price, margin or rate-line id is ever written into these objects. From the
// engine's option document only the rate class, weight break and CO2e are read.
//
// Linked form (the default): other logistics objects appear as {"@id": ...}. Embedded form
// (?embedded=true): the server's own objects are written in full in their place. Price, Ratings,
// TransportLegs, BookingTimes and CO2Emissions are always written inside their option.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_store.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "onerecord/object_ids.hpp"

namespace cargoquote::desk::onerecord {

struct Site {
    std::string base_url;  // "http://127.0.0.1:8080": logistics object IRIs start with it
    Date today;            // UTC: options past their validity are EXPIRED
    const RateBook* book;  // time zones of the airports, for local times with offsets
};

[[nodiscard]] std::string object_iri(const Site& site, const ObjectId& id);

// The object `id` of `detail`, or none when it does not exist (an option rank the inquiry does
// not have; a booking before the quote is booked).
[[nodiscard]] std::optional<nlohmann::json> logistics_object(const InquiryDetail& detail,
                                                             const ObjectId& id, const Site& site,
                                                             bool embedded);
// The revision of `id` (1; a BookingOption is 2 once its inquiry is booked, its status changed)
// and when it last changed.
struct RevisionInfo {
    int revision = 1;
    Instant last_modified;
};
[[nodiscard]] RevisionInfo revision_of(const InquiryDetail& detail, const ObjectId& id);

[[nodiscard]] nlohmann::json server_information(const std::string& base_url);
// An api:Error with one api:ErrorDetail: the stable error code and message, the JSON Pointer of
// the offending field (as api:hasProperty, relative to the request body), and the resource.
[[nodiscard]] nlohmann::json error_object(const Error& error, const std::string& resource);

}  // namespace cargoquote::desk::onerecord
