#include "quotes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_error.hpp>
#include <nlohmann/json.hpp>
#include <vector>

#include "audit_log.hpp"
#include "inquiry_rows.hpp"
#include "sql_values.hpp"
#include "users.hpp"

namespace cargoquote::desk {

namespace {

std::optional<Quote> read_quote(SQLite::Database& db, std::string_view where, const auto& key) {
    SQLite::Statement query(db, fmt::format("SELECT quote_id, reference, inquiry_id, sent_by, "
                                            "sent_at, offer_valid_from, offer_valid_to "
                                            "FROM quotes WHERE {} = ?",
                                            where));
    query.bind(1, key);
    if (!query.executeStep()) return std::nullopt;
    Quote q{.id = QuoteId{query.getColumn(0).getInt64()},
            .reference = query.getColumn(1).getString(),
            .inquiry = InquiryId{query.getColumn(2).getInt64()},
            .sent_by = UserId{query.getColumn(3).getInt64()},
            .sent_at = instant_from(query.getColumn(4)),
            .offer_valid_from = date_from(query.getColumn(5)),
            .offer_valid_to = date_from(query.getColumn(6)),
            .option_ranks = {}};
    SQLite::Statement ranks(db, "SELECT rank FROM quote_options WHERE quote_id = ? ORDER BY rank");
    ranks.bind(1, q.id.value);
    while (ranks.executeStep()) q.option_ranks.push_back(ranks.getColumn(0).getInt());
    return q;
}

// The chosen options, each shown for the inquiry and chosen once.
std::vector<OptionRecord> chosen_options(SQLite::Database& db, InquiryId inquiry,
                                         std::span<const int> option_ranks) {
    if (option_ranks.empty()) {
        throw InputError(ErrorCode::MissingField, "option_ranks", "choose at least one option");
    }
    const std::vector<OptionRecord> shown = read_options(db, inquiry);
    std::vector<OptionRecord> chosen;
    for (std::size_t i = 0; i < option_ranks.size(); ++i) {
        const int rank = option_ranks[i];
        const auto it = std::find_if(shown.begin(), shown.end(),
                                     [&](const OptionRecord& o) { return o.rank == rank; });
        const std::string field = fmt::format("option_ranks/{}", i);
        if (it == shown.end()) {
            throw InputError(
                ErrorCode::InvalidInput, field,
                fmt::format("inquiry {} has no option ranked {}", inquiry.value, rank));
        }
        if (std::any_of(chosen.begin(), chosen.end(),
                        [&](const OptionRecord& o) { return o.rank == rank; })) {
            throw InputError(ErrorCode::InvalidInput, field,
                             fmt::format("option {} is chosen twice", rank));
        }
        chosen.push_back(*it);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const OptionRecord& a, const OptionRecord& b) { return a.rank < b.rank; });
    return chosen;
}

}  // namespace

std::string quote_reference(QuoteId id) { return fmt::format("Q-{:06}", id.value); }

Quote insert_quote(SQLite::Database& db, InquiryId inquiry, std::span<const int> option_ranks,
                   UserId by, Instant at) {
    // The write lock first: the "already sent?" check and the insert see the same database.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    const User actor = acting_user(db, by);
    const auto received = find_inquiry(db, inquiry);
    if (!received) {
        throw DeskError(ErrorCode::NotFound, "inquiry",
                        fmt::format("no inquiry {}", inquiry.value));
    }
    require_customer_scope(actor, received->customer_id, "another customer's inquiry");
    if (const auto sent = quote_of_inquiry(db, inquiry)) {
        throw DeskError(
            ErrorCode::Conflict, "inquiry",
            fmt::format("inquiry {} was already sent as {}", inquiry.value, sent->reference));
    }
    if (at < received->received_at) {
        throw InputError(ErrorCode::InvalidDateTime, "at",
                         fmt::format("a quote cannot be sent ({}) before its inquiry was "
                                     "received ({})",
                                     at.utc_iso(), received->received_at.utc_iso()));
    }
    const std::vector<OptionRecord> chosen = chosen_options(db, inquiry, option_ranks);

    // Numbers are taken under the write lock, so max + 1 is never handed out twice.
    const QuoteId id{db.execAndGet("SELECT coalesce(max(quote_id), 0) + 1 FROM quotes").getInt64()};
    Quote quote{.id = id,
                .reference = quote_reference(id),
                .inquiry = inquiry,
                .sent_by = by,
                .sent_at = at,
                .offer_valid_from = chosen.front().offer_valid_from,
                .offer_valid_to = chosen.front().offer_valid_to,
                .option_ranks = {}};
    for (const OptionRecord& o : chosen) {
        quote.offer_valid_from = std::min(quote.offer_valid_from, o.offer_valid_from);
        quote.offer_valid_to = std::max(quote.offer_valid_to, o.offer_valid_to);
        quote.option_ranks.push_back(o.rank);
    }
    SQLite::Statement insert(db,
                             "INSERT INTO quotes (quote_id, reference, inquiry_id, sent_by, "
                             "sent_at, offer_valid_from, offer_valid_to) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, id.value);
    insert.bind(2, quote.reference);
    insert.bind(3, inquiry.value);
    insert.bind(4, by.value);
    insert.bind(5, unix_seconds(at));
    insert.bind(6, quote.offer_valid_from.iso());
    insert.bind(7, quote.offer_valid_to.iso());
    try {
        insert.exec();
    } catch (const SQLite::Exception& e) {
        // UNIQUE (inquiry_id) backs up the check above.
        if (is_unique_violation(e)) {
            throw DeskError(ErrorCode::Conflict, "inquiry",
                            fmt::format("inquiry {} was already sent", inquiry.value));
        }
        throw;
    }
    SQLite::Statement option(
        db, "INSERT INTO quote_options (quote_id, inquiry_id, rank) VALUES (?, ?, ?)");
    for (int rank : quote.option_ranks) {
        option.bind(1, id.value);
        option.bind(2, inquiry.value);
        option.bind(3, rank);
        option.exec();
        option.reset();
    }
    append_audit(db, at, by, AuditEntity::Quote, id.value, AuditAction::QuoteSent,
                 nlohmann::json{{"reference", quote.reference},
                                {"inquiryId", inquiry.value},
                                {"optionRanks", quote.option_ranks}});
    transaction.commit();
    return quote;
}

std::optional<Quote> quote_of_inquiry(SQLite::Database& db, InquiryId inquiry) {
    return read_quote(db, "inquiry_id", inquiry.value);
}

std::optional<Quote> quote_with_reference(SQLite::Database& db, std::string_view reference) {
    return read_quote(db, "reference", std::string(reference));
}

}  // namespace cargoquote::desk
