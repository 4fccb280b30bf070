#pragma once
// Reading the logistics objects a client may create: a BookingOptionRequest (a quote request)
// and a BookingRequest (booking one of the options offered).
//
// Accepted JSON-LD: compacted with any prefix the document's @context maps to the cargo
// namespace (usually "cargo:"), with "@vocab" set to it, or with full IRIs as keys; a property
// holds one value or an array; literals are plain JSON or {"@value": ...}; code-list values are
// {"@id": "...#KGM"}, an IRI or prefixed name ending in "#KGM", or a CodeListElement with
// cargo:code. Properties the desk has no use for are ignored (the open world of RDF); a property
// it needs but cannot read fails with InputError naming its JSON Pointer in the document.

#include <cargoquote/desk/records.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "onerecord/object_ids.hpp"

namespace cargoquote::desk::onerecord {

// "cargo:BookingOptionRequest", "cargo:BookingRequest", or the type as written when it is not
// in the cargo namespace. InputError(MissingField) without @type.
[[nodiscard]] std::string root_type(const nlohmann::json& document);

// The quote request of a BookingOptionRequest:
//   cargo:bookingShipmentDetails (BookingShipment)
//     cargo:pieceGroups: LoosePiece with pieceGroupCount, pieceLength/Width/Height (CMT) and
//       pieceWeight (KGM, per piece) or pieceGroupGrossWeight (KGM, the group's)
//     cargo:specialHandlingCodes: AVI, DGR, HUM, NWP, PER or VAL rates the shipment in that
//       class (general cargo otherwise)
//   cargo:transportLegs: the first leg's departureLocation is the origin, the last leg's
//     arrivalLocation the destination (Location with locationCodes[].code = IATA airport code)
//   cargo:timePreferences/cargo:earliestAcceptanceTime: the ready time, local at the origin, or
//     with an offset (converted to the origin's local time with `book`'s time zones)
//   cargo:unitsPreference/cargo:currency: the quote currency
[[nodiscard]] QuoteRequest booking_option_request(const nlohmann::json& document,
                                                  const RateBook& book);

// The BookingOption a BookingRequest books (cargo:forBookingOption, a link to this server's
// /logistics-objects/bo-<inquiry>-<rank>). `base_url` is the server's public address: a link to
// another server is refused.
[[nodiscard]] ObjectId booking_request_option(const nlohmann::json& document,
                                              const std::string& base_url);

}  // namespace cargoquote::desk::onerecord
