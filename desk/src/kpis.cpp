#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <map>
#include <string>
#include <vector>

#include "kpi_report.hpp"
#include "sql_values.hpp"

namespace cargoquote::desk {

std::string_view kpi_group_by_name(KpiGroupBy by) noexcept {
    switch (by) {
        case KpiGroupBy::Agent:
            return "agent";
        case KpiGroupBy::Lane:
            return "lane";
        case KpiGroupBy::Customer:
            return "customer";
        case KpiGroupBy::Channel:
            return "channel";
    }
    return "unknown";
}

std::optional<KpiGroupBy> parse_kpi_group_by(std::string_view name) noexcept {
    for (KpiGroupBy by :
         {KpiGroupBy::Agent, KpiGroupBy::Lane, KpiGroupBy::Customer, KpiGroupBy::Channel}) {
        if (kpi_group_by_name(by) == name) return by;
    }
    return std::nullopt;
}

std::int64_t nearest_rank_percentile(std::span<const std::int64_t> ascending, int percent) {
    if (ascending.empty()) {
        throw InputError(ErrorCode::MissingField, "sample", "a percentile needs a value");
    }
    if (percent <= 0 || percent > 100) {
        throw InputError(ErrorCode::QuantityOutOfRange, "percent", "must be in (0, 100]");
    }
    const auto n = static_cast<std::int64_t>(ascending.size());
    const std::int64_t rank = std::max<std::int64_t>(1, (percent * n + 99) / 100);  // ceil
    return ascending[static_cast<std::size_t>(rank - 1)];
}

namespace {

struct GroupColumns {
    std::string_view key;
    std::string_view label;
    std::string_view order;
};

GroupColumns group_columns(KpiGroupBy by) {
    switch (by) {
        case KpiGroupBy::Agent:
            return {"CAST(i.taken_by AS TEXT)", "u.name", "i.taken_by"};
        case KpiGroupBy::Lane:
            return {"i.origin || '-' || i.destination", "i.origin || '-' || i.destination",
                    "i.origin, i.destination"};
        case KpiGroupBy::Customer:
            return {"coalesce(i.customer_id, '')", "coalesce(i.customer_id, '')",
                    "coalesce(i.customer_id, '')"};
        case KpiGroupBy::Channel:
            return {"i.channel", "i.channel", "i.channel"};
    }
    return {"''", "''", "1"};
}

struct Accumulator {
    KpiGroup group;
    std::vector<std::int64_t> handling_seconds;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> booked;  // ccy: revenue, margin
};

KpiGroup finish(Accumulator acc) {
    KpiGroup g = std::move(acc.group);
    g.conversion = static_cast<double>(g.bookings) / static_cast<double>(g.inquiries);
    if (!acc.handling_seconds.empty()) {
        std::sort(acc.handling_seconds.begin(), acc.handling_seconds.end());
        g.median_handling_seconds = nearest_rank_percentile(acc.handling_seconds, 50);
        g.p90_handling_seconds = nearest_rank_percentile(acc.handling_seconds, 90);
    }
    for (const auto& [code, totals] : acc.booked) {  // std::map: ordered by currency code
        const CurrencyCode currency = CurrencyCode::parse(code, "currency");
        g.revenue_booked.emplace_back(currency, totals.first);
        g.margin_booked.emplace_back(currency, totals.second);
    }
    return g;
}

}  // namespace

KpiReport read_kpis(SQLite::Database& db, KpiGroupBy group_by, const TimeRange& received) {
    const GroupColumns columns = group_columns(group_by);
    // One row per inquiry in the range, with its send time and the option booked (if any),
    // ordered so that each group's rows are contiguous.
    SQLite::Statement query(
        db, fmt::format("SELECT {}, {}, i.received_at, q.sent_at, b.booking_id, o.currency, "
                        "o.sell_total_micros, o.margin_micros "
                        "FROM inquiries i JOIN users u ON u.user_id = i.taken_by "
                        "LEFT JOIN quotes q ON q.inquiry_id = i.inquiry_id "
                        "LEFT JOIN bookings b ON b.quote_id = q.quote_id "
                        "LEFT JOIN quoted_options o ON o.inquiry_id = i.inquiry_id "
                        "AND o.rank = b.rank "
                        "WHERE (?1 IS NULL OR i.received_at >= ?1) "
                        "AND (?2 IS NULL OR i.received_at < ?2) "
                        "ORDER BY {}, i.inquiry_id",
                        columns.key, columns.label, columns.order));
    if (received.from) query.bind(1, unix_seconds(*received.from));
    if (received.to) query.bind(2, unix_seconds(*received.to));

    KpiReport report{.group_by = group_by, .received = received, .groups = {}};
    std::optional<Accumulator> current;
    while (query.executeStep()) {
        const std::string key = query.getColumn(0).getString();
        if (!current || current->group.key != key) {
            if (current) report.groups.push_back(finish(*std::move(current)));
            current.emplace();
            current->group.key = key;
            current->group.label = query.getColumn(1).getString();
        }
        KpiGroup& g = current->group;
        ++g.inquiries;
        if (!query.getColumn(3).isNull()) {
            ++g.quotes_sent;
            current->handling_seconds.push_back(query.getColumn(3).getInt64() -
                                                query.getColumn(2).getInt64());
        }
        if (!query.getColumn(4).isNull()) {
            ++g.bookings;
            auto& totals = current->booked[query.getColumn(5).getString()];
            totals.first += query.getColumn(6).getInt64();
            totals.second += query.getColumn(7).getInt64();
        }
    }
    if (current) report.groups.push_back(finish(*std::move(current)));
    return report;
}

}  // namespace cargoquote::desk
