#pragma once
// Sending an inquiry's chosen options as a quote, and reading quotes back.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/desk/records.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cargoquote::desk {

// "Q-" + the quote id, zero-padded to six digits: Q-000123 (Q-1234567 past a million).
[[nodiscard]] std::string quote_reference(QuoteId id);

[[nodiscard]] Quote insert_quote(SQLite::Database& db, InquiryId inquiry,
                                 std::span<const int> option_ranks, UserId by, Instant at);
[[nodiscard]] std::optional<Quote> quote_of_inquiry(SQLite::Database& db, InquiryId inquiry);
[[nodiscard]] std::optional<Quote> quote_with_reference(SQLite::Database& db,
                                                        std::string_view reference);

}  // namespace cargoquote::desk
