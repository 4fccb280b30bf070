#include "http/views.hpp"

#include <cargoquote/io/json.hpp>

namespace cargoquote::desk::http {

namespace {
using nlohmann::json;

json parsed(const std::string& text) { return text.empty() ? json(nullptr) : json::parse(text); }

json staff_option_json(const OptionRecord& o) {
    json lines = json::array();
    for (const auto& l : o.rate_lines) {
        lines.push_back(json{{"lineId", l.line_id}, {"sheet", l.sheet}, {"version", l.version}});
    }
    return json{{"rank", o.rank},
                {"carrier", o.carrier.str()},
                {"routing", o.routing},
                {"transitMinutes", o.transit_minutes ? json(*o.transit_minutes) : json(nullptr)},
                {"sellTotal", to_json(o.sell_total)},
                {"buyTotal", to_json(o.buy_total)},
                {"margin", to_json(o.margin)},
                {"rateLines", std::move(lines)},
                {"offerValidFrom", o.offer_valid_from.iso()},
                {"offerValidTo", o.offer_valid_to.iso()},
                {"option", parsed(o.option_json)}};
}

json options_json(const std::vector<OptionRecord>& options, Audience audience) {
    json out = json::array();
    for (const auto& o : options) {
        out.push_back(audience == Audience::Staff ? staff_option_json(o)
                                                  : parsed(o.sell_view_json));
    }
    return out;
}
}  // namespace

Audience audience_of(const User& user) {
    return user.role == Role::Customer ? Audience::Customer : Audience::Staff;
}

json user_json(const User& user) {
    return json{{"id", user.id.value},
                {"role", role_name(user.role)},
                {"name", user.name},
                {"customer", user.customer_id ? json(*user.customer_id) : json(nullptr)},
                {"active", user.active},
                {"createdAt", user.created_at.utc_iso()}};
}

json quote_json(const Quote& quote) {
    return json{{"reference", quote.reference},
                {"inquiry", quote.inquiry.value},
                {"sentAt", quote.sent_at.utc_iso()},
                {"offerValidFrom", quote.offer_valid_from.iso()},
                {"offerValidTo", quote.offer_valid_to.iso()},
                {"optionRanks", quote.option_ranks}};
}

json booking_json(const Booking& booking) {
    return json{{"id", booking.id.value},
                {"quote", booking.quote_reference},
                {"optionRank", booking.option_rank},
                {"bookedAt", booking.booked_at.utc_iso()}};
}

json inquiry_summary_json(const Inquiry& inquiry, Audience audience) {
    json j{{"id", inquiry.id.value},
           {"status", status_name(inquiry.status)},
           {"channel", channel_name(inquiry.channel)},
           {"customer", inquiry.customer_id ? json(*inquiry.customer_id) : json(nullptr)},
           {"lane", inquiry.lane.text()},
           {"receivedAt", inquiry.received_at.utc_iso()}};
    if (audience == Audience::Staff) {
        j["agent"] = inquiry.taken_by.value;
        j["rateSnapshot"] = inquiry.rate_snapshot;
    }
    return j;
}

json inquiry_json(const InquiryDetail& detail, Audience audience) {
    json j = inquiry_summary_json(detail.inquiry, audience);
    j["schema"] = "cargoquote.desk_inquiry/1";
    j["request"] = parsed(detail.inquiry.request_json);
    j["options"] = options_json(detail.options, audience);
    j["quote"] = detail.quote ? quote_json(*detail.quote) : json(nullptr);
    j["booking"] = detail.booking ? booking_json(*detail.booking) : json(nullptr);
    if (audience == Audience::Staff && detail.booking)
        j["booking"]["bookedBy"] = detail.booking->booked_by.value;
    if (audience == Audience::Staff && detail.quote)
        j["quote"]["sentBy"] = detail.quote->sent_by.value;
    return j;
}

json kpi_json(const KpiReport& report) {
    json groups = json::array();
    for (const auto& g : report.groups) {
        json revenue = json::array();
        json margin = json::array();
        for (const auto& m : g.revenue_booked) revenue.push_back(to_json(m));
        for (const auto& m : g.margin_booked) margin.push_back(to_json(m));
        const auto seconds = [](const std::optional<std::int64_t>& s) {
            return s ? json(*s) : json(nullptr);
        };
        groups.push_back(json{{"key", g.key},
                              {"label", g.label},
                              {"inquiries", g.inquiries},
                              {"quotesSent", g.quotes_sent},
                              {"bookings", g.bookings},
                              {"conversion", g.conversion},
                              {"medianHandlingSeconds", seconds(g.median_handling_seconds)},
                              {"p90HandlingSeconds", seconds(g.p90_handling_seconds)},
                              {"revenueBooked", std::move(revenue)},
                              {"marginBooked", std::move(margin)}});
    }
    return json{
        {"schema", "cargoquote.desk_kpis/1"},
        {"by", kpi_group_by_name(report.group_by)},
        {"from", report.received.from ? json(report.received.from->utc_iso()) : json(nullptr)},
        {"to", report.received.to ? json(report.received.to->utc_iso()) : json(nullptr)},
        {"groups", std::move(groups)}};
}

}  // namespace cargoquote::desk::http
