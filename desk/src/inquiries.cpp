#include "inquiries.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_error.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "audit_log.hpp"
#include "sql_values.hpp"
#include "users.hpp"

namespace cargoquote::desk {

namespace {

void require_json(const std::string& text, const std::string& field) {
    if (!nlohmann::json::accept(text)) {
        throw InputError(ErrorCode::InvalidJson, field, "is not valid JSON");
    }
}

void validate_option(const OptionRecord& o, const std::string& at) {
    if (o.rank < 1) throw InputError(ErrorCode::InvalidInput, at + "/rank", "must be at least 1");
    if (!o.carrier.is_set())
        throw InputError(ErrorCode::MissingField, at + "/carrier", "no carrier");
    const CurrencyCode currency = o.sell_total.currency();
    if (!currency.is_set() || o.buy_total.currency() != currency ||
        o.margin.currency() != currency) {
        throw InputError(ErrorCode::InvalidCurrency, at,
                         "sell, buy and margin must be in one currency");
    }
    if (o.margin != o.sell_total - o.buy_total) {
        throw InputError(ErrorCode::InvalidInput, at + "/margin", "must be sell total - buy total");
    }
    if (o.transit_minutes && *o.transit_minutes < 0) {
        throw InputError(ErrorCode::NegativeQuantity, at + "/transit_minutes", "is negative");
    }
    if (o.offer_valid_to < o.offer_valid_from) {
        throw InputError(ErrorCode::InvalidDateTime, at + "/offer_valid_to",
                         "is before offer_valid_from");
    }
    if (o.rate_lines.empty()) {
        throw InputError(ErrorCode::MissingField, at + "/rate_lines",
                         "an option is priced on at least one rate line");
    }
    require_json(o.option_json, at + "/option_json");
    require_json(o.sell_view_json, at + "/sell_view_json");
}

void validate(const NewInquiry& inquiry) {
    require_json(inquiry.request_json, "request_json");
    if (inquiry.customer_id && inquiry.customer_id->empty()) {
        throw InputError(ErrorCode::InvalidInput, "customer_id", "is empty (leave it unset)");
    }
    if (!inquiry.lane.origin.is_set() || !inquiry.lane.destination.is_set()) {
        throw InputError(ErrorCode::MissingField, "lane", "origin and destination are required");
    }
    if (inquiry.rate_snapshot.empty()) {
        throw InputError(ErrorCode::MissingField, "rate_snapshot",
                         "name the rate data the options were priced on");
    }
    std::set<int> ranks;
    for (std::size_t i = 0; i < inquiry.options.size(); ++i) {
        const std::string at = fmt::format("options/{}", i);
        validate_option(inquiry.options[i], at);
        if (!ranks.insert(inquiry.options[i].rank).second) {
            throw InputError(ErrorCode::InvalidInput, at + "/rank", "appears twice");
        }
    }
}

// Agents take inquiries on the staff channel; a customer's own user takes its self-service ones.
void require_channel_fits(const User& taker, const NewInquiry& inquiry) {
    if (inquiry.channel == Channel::SelfService) {
        if (taker.role != Role::Customer) {
            throw DeskError(ErrorCode::Forbidden, "taken_by",
                            fmt::format("self-service inquiries are a customer's; user {} is {}",
                                        taker.id.value, role_name(taker.role)));
        }
        require_customer_scope(taker, inquiry.customer_id, "another customer's inquiry");
    } else if (taker.role == Role::Customer) {
        throw DeskError(
            ErrorCode::Forbidden, "taken_by",
            fmt::format("customer user {} can only enter self-service inquiries", taker.id.value));
    }
}

void insert_option(SQLite::Database& db, InquiryId id, const OptionRecord& o) {
    SQLite::Statement insert(
        db,
        "INSERT INTO quoted_options (inquiry_id, rank, carrier, routing, transit_minutes, "
        "currency, sell_total_micros, buy_total_micros, margin_micros, offer_valid_from, "
        "offer_valid_to, option_json, sell_view_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)");
    insert.bind(1, id.value);
    insert.bind(2, o.rank);
    insert.bind(3, o.carrier.str());
    insert.bind(4, o.routing);
    if (o.transit_minutes) insert.bind(5, *o.transit_minutes);
    insert.bind(6, o.sell_total.currency().str());
    insert.bind(7, o.sell_total.micros());
    insert.bind(8, o.buy_total.micros());
    insert.bind(9, o.margin.micros());
    insert.bind(10, o.offer_valid_from.iso());
    insert.bind(11, o.offer_valid_to.iso());
    insert.bind(12, o.option_json);
    insert.bind(13, o.sell_view_json);
    insert.exec();
    SQLite::Statement line(db,
                           "INSERT INTO option_rate_lines (inquiry_id, rank, position, line_id, "
                           "sheet, version) VALUES (?, ?, ?, ?, ?, ?)");
    for (std::size_t position = 0; position < o.rate_lines.size(); ++position) {
        const RateLineRef& ref = o.rate_lines[position];
        line.bind(1, id.value);
        line.bind(2, o.rank);
        line.bind(3, static_cast<std::int64_t>(position));
        line.bind(4, ref.line_id);
        line.bind(5, ref.sheet);
        line.bind(6, ref.version);
        line.exec();
        line.reset();
    }
}

}  // namespace

InquiryId insert_inquiry(SQLite::Database& db, const NewInquiry& inquiry) {
    validate(inquiry);
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    const User taker = acting_user(db, inquiry.taken_by, "taken_by");
    require_channel_fits(taker, inquiry);
    SQLite::Statement insert(db,
                             "INSERT INTO inquiries (request_json, customer_id, channel, taken_by, "
                             "received_at, origin, destination, rate_snapshot) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, inquiry.request_json);
    bind_optional(insert, 2, inquiry.customer_id);
    insert.bind(3, std::string(channel_name(inquiry.channel)));
    insert.bind(4, inquiry.taken_by.value);
    insert.bind(5, unix_seconds(inquiry.received_at));
    insert.bind(6, inquiry.lane.origin.str());
    insert.bind(7, inquiry.lane.destination.str());
    insert.bind(8, inquiry.rate_snapshot);
    insert.exec();
    const InquiryId id{db.getLastInsertRowid()};
    for (const OptionRecord& o : inquiry.options) insert_option(db, id, o);
    nlohmann::json detail{{"channel", channel_name(inquiry.channel)},
                          {"lane", inquiry.lane.text()},
                          {"options", inquiry.options.size()},
                          {"rateSnapshot", inquiry.rate_snapshot}};
    detail["customerId"] = inquiry.customer_id ? nlohmann::json(*inquiry.customer_id) : nullptr;
    append_audit(db, inquiry.received_at, inquiry.taken_by, AuditEntity::Inquiry, id.value,
                 AuditAction::InquiryReceived, detail);
    transaction.commit();
    return id;
}

}  // namespace cargoquote::desk
