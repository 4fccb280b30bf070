#pragma once
// What the desk store keeps: users, inquiries with every option shown, quotes sent and bookings.
// Plain regular values; the store hands out copies, never references into itself.
//
// Times are UTC instants (cargoquote::Instant, whole seconds); offer validity is calendar dates.
// Money is fixed-point micro-units with its currency (cargoquote::Money), never floating point.

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/desk/roles.hpp>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote::desk {

// A row id of one table; the tag keeps a user id from being passed as an inquiry id.
template <typename Tag>
struct Id {
    std::int64_t value = 0;
    friend constexpr auto operator<=>(Id, Id) = default;
};
using UserId = Id<struct UserTag>;
using InquiryId = Id<struct InquiryTag>;
using QuoteId = Id<struct QuoteTag>;
using BookingId = Id<struct BookingTag>;

struct User {
    UserId id;
    Role role = Role::Staff;
    std::string name;
    std::optional<std::string> customer_id;  // set exactly for Role::Customer
    bool active = true;
    Instant created_at;
    friend bool operator==(const User&, const User&) = default;
};

struct NewUser {
    Role role = Role::Staff;
    std::string name;
    std::optional<std::string> customer_id;  // required for customers, refused for the others
};

// A user just added, with the bearer token: the only time the token exists outside its owner's
// hands (the store keeps its SHA-256 only). Format: "cqt_" + 43 base64url characters (32 random
// bytes, no padding).
struct IssuedUser {
    User user;
    std::string token;
};

struct Lane {
    AirportCode origin;
    AirportCode destination;
    [[nodiscard]] std::string text() const;  // "PVG-FRA"
    friend bool operator==(const Lane&, const Lane&) = default;
};

// A rate line an option was priced on, as it was at the time: the snapshot a quote can be
// explained and repriced from.
struct RateLineRef {
    std::string line_id;
    std::string sheet;
    std::string version;
    friend bool operator==(const RateLineRef&, const RateLineRef&) = default;
};

// One option shown for an inquiry. Totals are in the quote currency; margin = sell - buy.
struct OptionRecord {
    int rank = 0;  // 1 = best, as the engine ranked it
    CarrierCode carrier;
    std::string routing;                 // "A1 100 PVG-ICN, B2 900 ICN-FRA", or the lane
    std::optional<int> transit_minutes;  // ready -> available; none without schedules
    Money sell_total;
    Money buy_total;
    Money margin;
    std::vector<RateLineRef> rate_lines;  // one on-line; one per sector interline, in order
    Date offer_valid_from;
    Date offer_valid_to;
    std::string option_json;     // the option as the engine's JSON writer printed it
    std::string sell_view_json;  // what a customer may see of it (sell_view.hpp)
    friend bool operator==(const OptionRecord&, const OptionRecord&) = default;
};

// An inquiry as it arrives at the store. See quote_record.hpp to build one from a QuoteResult.
struct NewInquiry {
    std::string request_json;  // the cargoquote.quote_request/1 text as received
    std::optional<std::string> customer_id;
    Channel channel = Channel::Staff;
    // Who took it: the agent for Channel::Staff (a staff or admin user), the customer's own user
    // for Channel::SelfService (whose customer id must then be the inquiry's).
    UserId taken_by;
    Instant received_at;
    Lane lane;
    std::string rate_snapshot;  // the caller's name of the rate data quoted on, e.g. a file hash
    std::vector<OptionRecord> options;  // may be empty: nothing could be priced
};

struct Inquiry {
    InquiryId id;
    std::string request_json;
    std::optional<std::string> customer_id;
    Channel channel = Channel::Staff;
    UserId taken_by;
    Instant received_at;
    Lane lane;
    std::string rate_snapshot;
    InquiryStatus status = InquiryStatus::Open;
    friend bool operator==(const Inquiry&, const Inquiry&) = default;
};

// A quote sent to the customer. Reference: "Q-" and the quote's number, zero-padded to at least
// six digits ("Q-000123"); unique and never reused, but not a secret (it is easy to guess), so
// whoever serves it must check the caller may see it.
struct Quote {
    QuoteId id;
    std::string reference;
    InquiryId inquiry;
    UserId sent_by;
    Instant sent_at;  // ends the inquiry's handling time
    // The span of the chosen options' offers: earliest valid-from to latest valid-to. Each option
    // is bookable only within its own validity (OptionRecord).
    Date offer_valid_from;
    Date offer_valid_to;
    std::vector<int> option_ranks;  // ascending
    friend bool operator==(const Quote&, const Quote&) = default;
};

struct Booking {
    BookingId id;
    QuoteId quote;
    std::string quote_reference;
    int option_rank = 0;
    UserId booked_by;
    Instant booked_at;
    friend bool operator==(const Booking&, const Booking&) = default;
};

struct InquiryDetail {
    Inquiry inquiry;
    std::vector<OptionRecord> options;  // every option shown, by rank
    std::optional<Quote> quote;
    std::optional<Booking> booking;
};

struct QuoteDetail {
    Quote quote;
    Inquiry inquiry;
    std::vector<OptionRecord> options;  // the options the quote offers, by rank
    std::optional<Booking> booking;
};

}  // namespace cargoquote::desk
