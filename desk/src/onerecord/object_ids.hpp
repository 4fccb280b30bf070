#pragma once
// The logistics objects the desk serves and how their ids map onto desk records. Every object
// hangs off one inquiry, so an id names the inquiry (and the option's rank): one store lookup
// answers any GET, and the same ownership check as the desk's own API applies to all of them.
//
//   bor-17     BookingOptionRequest   the inquiry
//   bs-17      BookingShipment        the inquiry's shipment
//   bo-17-2    BookingOption          the option ranked 2
//   breq-17    BookingRequest         exists once the inquiry's quote is booked
//   booking-17 Booking                idem
//
// Ids are easy to guess; they are not secrets (access is checked on every request).

#include <cargoquote/desk/records.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace cargoquote::desk::onerecord {

enum class ObjectKind {
    BookingOptionRequest,
    BookingShipment,
    BookingOption,
    BookingRequest,
    Booking
};

struct ObjectId {
    ObjectKind kind = ObjectKind::BookingOptionRequest;
    InquiryId inquiry;
    int rank = 0;  // BookingOption only
    friend bool operator==(const ObjectId&, const ObjectId&) = default;
};

// "bo-17-2"
[[nodiscard]] std::string object_path_id(const ObjectId& id);
// None for anything that is not exactly one of the forms above.
[[nodiscard]] std::optional<ObjectId> parse_object_id(std::string_view text);
// "cargo:BookingOption"
[[nodiscard]] std::string_view object_type(ObjectKind kind);

}  // namespace cargoquote::desk::onerecord
