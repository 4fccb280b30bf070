#pragma once
// Filters and pages for listing inquiries.

#include <cargoquote/core/time.hpp>
#include <cargoquote/desk/records.hpp>
#include <cargoquote/desk/roles.hpp>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote::desk {

// Half-open [from, to) over received times; an unset end is unbounded.
struct TimeRange {
    std::optional<Instant> from;
    std::optional<Instant> to;
};

struct InquiryFilter {
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 500;

    std::optional<std::string> customer_id;
    std::optional<UserId> agent;  // taken_by
    std::optional<InquiryStatus> status;
    TimeRange received;
    int limit = kDefaultLimit;  // 1..kMaxLimit
    // Newest first: the page starts below this id (the previous page's next_cursor).
    std::optional<InquiryId> before;
};

struct InquiryPage {
    std::vector<Inquiry> items;            // newest (highest id) first
    std::optional<InquiryId> next_cursor;  // set when more items follow: pass it as `before`
};

}  // namespace cargoquote::desk
