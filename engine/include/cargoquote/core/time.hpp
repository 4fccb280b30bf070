#pragma once
// Calendar dates and time-zone-aware instants. Local times are always interpreted in an IANA
// zone (the airport's); instants are UTC seconds.

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

namespace cargoquote {

// A calendar date (no zone), e.g. a rate's valid-from day.
class Date {
  public:
    constexpr Date() = default;
    constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}
    // "2026-11-26"; InputError(InvalidDateTime) naming `field` otherwise.
    [[nodiscard]] static Date parse(std::string_view iso, std::string_view field);
    [[nodiscard]] constexpr std::chrono::sys_days days() const { return days_; }
    [[nodiscard]] std::string iso() const;
    [[nodiscard]] Date plus_days(int n) const { return Date(days_ + std::chrono::days(n)); }
    friend constexpr auto operator<=>(Date, Date) = default;

  private:
    std::chrono::sys_days days_{};
};

// An instant, stored as UTC seconds.
class Instant {
  public:
    constexpr Instant() = default;
    constexpr explicit Instant(std::chrono::sys_seconds utc) : utc_(utc) {}
    [[nodiscard]] constexpr std::chrono::sys_seconds utc() const { return utc_; }
    [[nodiscard]] std::string utc_iso() const;  // "2026-11-26T02:00:00Z"
    friend constexpr auto operator<=>(Instant, Instant) = default;

  private:
    std::chrono::sys_seconds utc_{};
};

// A wall-clock time in a named IANA zone, e.g. a ready time at the origin airport.
struct LocalDateTime {
    std::chrono::local_seconds local{};
    // "2026-11-26T10:00" or "2026-11-26T10:00:00"; InputError(InvalidDateTime) naming `field`.
    [[nodiscard]] static LocalDateTime parse(std::string_view iso, std::string_view field);
    [[nodiscard]] std::string iso() const;  // "2026-11-26T10:00"
    [[nodiscard]] Date date() const;
    friend constexpr bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

// Validates an IANA zone name against the system tz database (InputError naming `field`).
void require_time_zone(std::string_view iana_zone, std::string_view field);

// Local wall time in `iana_zone` -> instant. Nonexistent local times (spring-forward gap) move
// forward by the gap; ambiguous ones (fall-back) take the earlier instant.
[[nodiscard]] Instant to_instant(const LocalDateTime& local, std::string_view iana_zone);

// Instant -> local ISO string with offset in `iana_zone`, e.g. "2026-11-26T10:00+08:00".
[[nodiscard]] std::string local_iso_with_offset(Instant instant, std::string_view iana_zone);

}  // namespace cargoquote
