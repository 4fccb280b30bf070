#pragma once
// UTC offsets of one IANA zone over a period, precomputed from the tz database so that the search
// converts local schedule times to UTC with a short scan instead of a tz lookup per leg.

#include <cstdint>
#include <string_view>
#include <vector>

namespace cargoquote::detail {

class ZoneTimeline {
  public:
    // Offsets of `zone` between the UTC seconds `from` and `to` (outside: the nearest period's).
    ZoneTimeline(std::string_view zone, std::int64_t from_utc, std::int64_t to_utc);

    [[nodiscard]] std::int64_t offset_at_utc(std::int64_t utc) const;
    // Local wall seconds -> UTC seconds. A time in a spring-forward gap moves forward by the gap;
    // one repeated at fall-back takes the earlier instant (as cargoquote::to_instant does).
    [[nodiscard]] std::int64_t to_utc(std::int64_t local) const;

  private:
    struct Period {
        std::int64_t begin_utc;
        std::int64_t offset;
    };
    std::vector<Period> periods_;  // ascending, first begins at or before `from`
};

}  // namespace cargoquote::detail
