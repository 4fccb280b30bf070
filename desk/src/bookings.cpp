#include "bookings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_error.hpp>
#include <nlohmann/json.hpp>

#include "audit_log.hpp"
#include "inquiry_rows.hpp"
#include "quotes.hpp"
#include "sql_values.hpp"
#include "users.hpp"

namespace cargoquote::desk {

Booking insert_booking(SQLite::Database& db, std::string_view quote_reference, int option_rank,
                       UserId by, Instant at) {
    // BEGIN IMMEDIATE takes the write lock before the "already booked?" read: of two bookings
    // racing on one quote, the second waits for the first to commit and then sees its booking.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    const User actor = acting_user(db, by);
    const auto quote = quote_with_reference(db, quote_reference);
    if (!quote) {
        throw DeskError(ErrorCode::NotFound, "quote", fmt::format("no quote {}", quote_reference));
    }
    const auto inquiry = find_inquiry(db, quote->inquiry);
    if (!inquiry) {
        throw DeskError(ErrorCode::DatabaseFailure, "quote", "a quote without its inquiry");
    }
    require_customer_scope(actor, inquiry->customer_id, "another customer's quote");
    if (const auto booked = booking_of_quote(db, quote->id)) {
        throw DeskError(ErrorCode::Conflict, "quote",
                        fmt::format("quote {} is already booked (option {})", quote->reference,
                                    booked->option_rank));
    }
    if (std::find(quote->option_ranks.begin(), quote->option_ranks.end(), option_rank) ==
        quote->option_ranks.end()) {
        throw InputError(
            ErrorCode::InvalidInput, "option_rank",
            fmt::format("quote {} offers no option ranked {}", quote->reference, option_rank));
    }
    if (at < quote->sent_at) {
        throw InputError(ErrorCode::InvalidDateTime, "at",
                         fmt::format("a booking ({}) cannot precede its quote ({})", at.utc_iso(),
                                     quote->sent_at.utc_iso()));
    }
    const auto options = read_options(db, quote->inquiry);
    const auto option = std::find_if(options.begin(), options.end(),
                                     [&](const OptionRecord& o) { return o.rank == option_rank; });
    if (option == options.end()) {
        throw DeskError(ErrorCode::DatabaseFailure, "quote", "a quoted option that was not shown");
    }
    if (utc_date(at) > option->offer_valid_to) {
        throw DeskError(
            ErrorCode::QuoteExpired, "quote",
            fmt::format("option {} of quote {} was valid to {}; it is {}", option_rank,
                        quote->reference, option->offer_valid_to.iso(), utc_date(at).iso()));
    }
    SQLite::Statement insert(
        db, "INSERT INTO bookings (quote_id, rank, booked_by, booked_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, quote->id.value);
    insert.bind(2, option_rank);
    insert.bind(3, by.value);
    insert.bind(4, unix_seconds(at));
    try {
        insert.exec();
    } catch (const SQLite::Exception& e) {
        // UNIQUE (quote_id) is the last word should anything bypass the lock order above.
        if (is_unique_violation(e)) {
            throw DeskError(ErrorCode::Conflict, "quote",
                            fmt::format("quote {} is already booked", quote->reference));
        }
        throw;
    }
    const BookingId id{db.getLastInsertRowid()};
    append_audit(db, at, by, AuditEntity::Booking, id.value, AuditAction::BookingMade,
                 nlohmann::json{{"quoteReference", quote->reference}, {"optionRank", option_rank}});
    transaction.commit();
    return Booking{.id = id,
                   .quote = quote->id,
                   .quote_reference = quote->reference,
                   .option_rank = option_rank,
                   .booked_by = by,
                   .booked_at = at};
}

std::optional<Booking> booking_of_quote(SQLite::Database& db, QuoteId quote) {
    SQLite::Statement query(db,
                            "SELECT b.booking_id, q.reference, b.rank, b.booked_by, b.booked_at "
                            "FROM bookings b JOIN quotes q ON q.quote_id = b.quote_id "
                            "WHERE b.quote_id = ?");
    query.bind(1, quote.value);
    if (!query.executeStep()) return std::nullopt;
    return Booking{.id = BookingId{query.getColumn(0).getInt64()},
                   .quote = quote,
                   .quote_reference = query.getColumn(1).getString(),
                   .option_rank = query.getColumn(2).getInt(),
                   .booked_by = UserId{query.getColumn(3).getInt64()},
                   .booked_at = instant_from(query.getColumn(4))};
}

}  // namespace cargoquote::desk
