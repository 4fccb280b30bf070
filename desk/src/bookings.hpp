#pragma once
// Booking one option of a sent quote, and reading bookings back.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/desk/records.hpp>
#include <optional>
#include <string_view>

namespace cargoquote::desk {

[[nodiscard]] Booking insert_booking(SQLite::Database& db, std::string_view quote_reference,
                                     int option_rank, UserId by, Instant at);
[[nodiscard]] std::optional<Booking> booking_of_quote(SQLite::Database& db, QuoteId quote);

}  // namespace cargoquote::desk
