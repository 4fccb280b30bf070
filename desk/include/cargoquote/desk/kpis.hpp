#pragma once
// The desk's two measures of success and what they rest on, per group of inquiries.
//
// Cohort: the inquiries received in the range (half-open [from, to)). For each group of them:
//   inquiries     how many were received;
//   quotes_sent   how many of those were sent (whenever that happened);
//   bookings      how many of those were booked (whenever that happened);
//   conversion    bookings / inquiries;
//   handling time sent_at - received_at in seconds, over the inquiries that were sent: median and
//                 90th percentile by the nearest-rank method (nearest_rank_percentile below);
//   revenue and margin booked: the sell total and the margin of each booked option, summed per
//                 currency and never converted.

#include <cargoquote/core/money.hpp>
#include <cargoquote/desk/queries.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote::desk {

// agent: the user who took the inquiry; lane: origin-destination; customer: the customer id (""
// for inquiries without one); channel: staff or self_service.
enum class KpiGroupBy { Agent, Lane, Customer, Channel };

[[nodiscard]] std::string_view kpi_group_by_name(KpiGroupBy by) noexcept;  // "agent", ...
[[nodiscard]] std::optional<KpiGroupBy> parse_kpi_group_by(std::string_view name) noexcept;

struct KpiGroup {
    // agent: the user id in decimal; lane: "PVG-FRA"; customer: the id or ""; channel: its name.
    std::string key;
    std::string label;  // agent: the user's name; otherwise the key
    std::int64_t inquiries = 0;
    std::int64_t quotes_sent = 0;
    std::int64_t bookings = 0;
    double conversion = 0;  // bookings / inquiries (a group has at least one inquiry)
    std::optional<std::int64_t> median_handling_seconds;  // none when nothing was sent
    std::optional<std::int64_t> p90_handling_seconds;
    std::vector<Money> revenue_booked;  // one per currency, ordered by currency code
    std::vector<Money> margin_booked;   // the same currencies, in the same order
};

struct KpiReport {
    KpiGroupBy group_by = KpiGroupBy::Agent;
    TimeRange received;
    // Ordered by key (agents by user id); groups without inquiries in the range are absent.
    std::vector<KpiGroup> groups;
};

// Nearest-rank percentile of an ascending, non-empty sample: the value at 1-based position
// ceil(percent / 100 x n), at least 1. The median is percentile 50, which for an even n is the
// lower of the two middle values (an observed handling time, never an average of two).
// percent in (0, 100]; throws InputError otherwise or for an empty sample.
[[nodiscard]] std::int64_t nearest_rank_percentile(std::span<const std::int64_t> ascending,
                                                   int percent);

}  // namespace cargoquote::desk
