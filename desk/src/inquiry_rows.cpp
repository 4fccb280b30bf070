#include "inquiry_rows.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_error.hpp>
#include <string>

#include "sql_values.hpp"

namespace cargoquote::desk {

namespace {

// The status is derived, never stored: booked when the quote has a booking, quoted when there is
// a quote, else open.
constexpr std::string_view kStatus =
    "CASE WHEN b.booking_id IS NOT NULL THEN 'booked' WHEN q.quote_id IS NOT NULL THEN 'quoted' "
    "ELSE 'open' END";

std::string inquiry_select() {
    return fmt::format(
        "SELECT i.inquiry_id, i.request_json, i.customer_id, i.channel, i.taken_by, "
        "i.received_at, i.origin, i.destination, i.rate_snapshot, {} FROM inquiries i "
        "LEFT JOIN quotes q ON q.inquiry_id = i.inquiry_id "
        "LEFT JOIN bookings b ON b.quote_id = q.quote_id ",
        kStatus);
}

Inquiry inquiry_from_row(SQLite::Statement& row) {
    const auto channel = parse_channel(row.getColumn(3).getString());
    const auto status = parse_status(row.getColumn(9).getString());
    if (!channel || !status) {
        throw DeskError(ErrorCode::DatabaseFailure, "inquiries", "unknown channel or status");
    }
    return Inquiry{.id = InquiryId{row.getColumn(0).getInt64()},
                   .request_json = row.getColumn(1).getString(),
                   .customer_id = optional_text(row.getColumn(2)),
                   .channel = *channel,
                   .taken_by = UserId{row.getColumn(4).getInt64()},
                   .received_at = instant_from(row.getColumn(5)),
                   .lane = Lane{AirportCode::parse(row.getColumn(6).getString(), "origin"),
                                AirportCode::parse(row.getColumn(7).getString(), "destination")},
                   .rate_snapshot = row.getColumn(8).getString(),
                   .status = *status};
}

}  // namespace

std::optional<Inquiry> find_inquiry(SQLite::Database& db, InquiryId id) {
    SQLite::Statement query(db, inquiry_select() + "WHERE i.inquiry_id = ?");
    query.bind(1, id.value);
    if (!query.executeStep()) return std::nullopt;
    return inquiry_from_row(query);
}

std::vector<OptionRecord> read_options(SQLite::Database& db, InquiryId id) {
    SQLite::Statement options(
        db,
        "SELECT rank, carrier, routing, transit_minutes, currency, sell_total_micros, "
        "buy_total_micros, margin_micros, offer_valid_from, offer_valid_to, option_json, "
        "sell_view_json "
        "FROM quoted_options WHERE inquiry_id = ? ORDER BY rank");
    options.bind(1, id.value);
    std::vector<OptionRecord> records;
    while (options.executeStep()) {
        OptionRecord r;
        r.rank = options.getColumn(0).getInt();
        r.carrier = CarrierCode::parse(options.getColumn(1).getString(), "carrier");
        r.routing = options.getColumn(2).getString();
        if (!options.getColumn(3).isNull()) r.transit_minutes = options.getColumn(3).getInt();
        r.sell_total = money_from(options.getColumn(4), options.getColumn(5));
        r.buy_total = money_from(options.getColumn(4), options.getColumn(6));
        r.margin = money_from(options.getColumn(4), options.getColumn(7));
        r.offer_valid_from = date_from(options.getColumn(8));
        r.offer_valid_to = date_from(options.getColumn(9));
        r.option_json = options.getColumn(10).getString();
        r.sell_view_json = options.getColumn(11).getString();
        records.push_back(std::move(r));
    }
    SQLite::Statement lines(db,
                            "SELECT rank, line_id, sheet, version FROM option_rate_lines "
                            "WHERE inquiry_id = ? ORDER BY rank, position");
    lines.bind(1, id.value);
    auto option = records.begin();
    while (lines.executeStep()) {
        const int rank = lines.getColumn(0).getInt();
        while (option != records.end() && option->rank < rank) ++option;
        if (option == records.end() || option->rank != rank) {
            throw DeskError(ErrorCode::DatabaseFailure, "option_rate_lines",
                            "a rate line of an option that does not exist");
        }
        option->rate_lines.push_back(RateLineRef{.line_id = lines.getColumn(1).getString(),
                                                 .sheet = lines.getColumn(2).getString(),
                                                 .version = lines.getColumn(3).getString()});
    }
    return records;
}

InquiryPage read_inquiry_page(SQLite::Database& db, const InquiryFilter& filter) {
    if (filter.limit < 1 || filter.limit > InquiryFilter::kMaxLimit) {
        throw InputError(ErrorCode::QuantityOutOfRange, "limit",
                         fmt::format("must be 1 to {}", InquiryFilter::kMaxLimit));
    }
    // Unset filters are NULL parameters that match every row.
    SQLite::Statement query(
        db, inquiry_select() + fmt::format("WHERE (?1 IS NULL OR i.customer_id = ?1) "
                                           "AND (?2 IS NULL OR i.taken_by = ?2) "
                                           "AND (?3 IS NULL OR {} = ?3) "
                                           "AND (?4 IS NULL OR i.received_at >= ?4) "
                                           "AND (?5 IS NULL OR i.received_at < ?5) "
                                           "AND (?6 IS NULL OR i.inquiry_id < ?6) "
                                           "ORDER BY i.inquiry_id DESC LIMIT ?7",
                                           kStatus));
    bind_optional(query, 1, filter.customer_id);
    if (filter.agent) query.bind(2, filter.agent->value);
    if (filter.status) query.bind(3, std::string(status_name(*filter.status)));
    if (filter.received.from) query.bind(4, unix_seconds(*filter.received.from));
    if (filter.received.to) query.bind(5, unix_seconds(*filter.received.to));
    if (filter.before) query.bind(6, filter.before->value);
    query.bind(7, filter.limit + 1);  // one more than asked: is there a next page?
    InquiryPage page;
    while (query.executeStep()) page.items.push_back(inquiry_from_row(query));
    if (static_cast<int>(page.items.size()) > filter.limit) {
        page.items.pop_back();
        page.next_cursor = page.items.back().id;
    }
    return page;
}

}  // namespace cargoquote::desk
