#pragma once
// Reading inquiries and their options back, with the status derived from quotes and bookings.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/desk/queries.hpp>
#include <cargoquote/desk/records.hpp>
#include <optional>
#include <vector>

namespace cargoquote::desk {

[[nodiscard]] std::optional<Inquiry> find_inquiry(SQLite::Database& db, InquiryId id);
// Every option shown for the inquiry, by rank, with its rate lines.
[[nodiscard]] std::vector<OptionRecord> read_options(SQLite::Database& db, InquiryId id);
[[nodiscard]] InquiryPage read_inquiry_page(SQLite::Database& db, const InquiryFilter& filter);

}  // namespace cargoquote::desk
