#include "zone_timeline.hpp"

#include <date/tz.h>

namespace cargoquote::detail {

ZoneTimeline::ZoneTimeline(std::string_view zone, std::int64_t from_utc, std::int64_t to_utc) {
    const date::time_zone* tz = date::locate_zone(std::string(zone));
    date::sys_seconds t{std::chrono::seconds(from_utc)};
    const date::sys_seconds end{std::chrono::seconds(to_utc)};
    while (true) {
        const auto info = tz->get_info(t);
        periods_.push_back(
            Period{periods_.empty() ? from_utc : info.begin.time_since_epoch().count(),
                   info.offset.count()});
        if (info.end >= end) break;
        t = info.end;
    }
}

std::int64_t ZoneTimeline::offset_at_utc(std::int64_t utc) const {
    std::int64_t offset = periods_.front().offset;
    for (const auto& p : periods_) {
        if (p.begin_utc > utc) break;
        offset = p.offset;
    }
    return offset;
}

std::int64_t ZoneTimeline::to_utc(std::int64_t local) const {
    // Candidate: the first period whose local span contains `local`; periods are few (<= ~4).
    for (std::size_t i = 0; i < periods_.size(); ++i) {
        const std::int64_t utc = local - periods_[i].offset;
        const bool after_begin = i == 0 || utc >= periods_[i].begin_utc;
        const bool before_end = i + 1 == periods_.size() || utc < periods_[i + 1].begin_utc;
        if (after_begin && before_end) return utc;
    }
    // In a gap: no period contains it. Use the offset before the gap, which lands after it.
    for (std::size_t i = 1; i < periods_.size(); ++i) {
        if (local - periods_[i].offset < periods_[i].begin_utc &&
            local - periods_[i - 1].offset >= periods_[i].begin_utc) {
            return local - periods_[i - 1].offset;
        }
    }
    return local - periods_.back().offset;
}

}  // namespace cargoquote::detail
