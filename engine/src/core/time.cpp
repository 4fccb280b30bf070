#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/time.hpp>
#include <optional>

namespace cargoquote {

namespace {
[[noreturn]] void bad_time(std::string_view text, std::string_view field, std::string_view want) {
    throw InputError(ErrorCode::InvalidDateTime, std::string(field),
                     fmt::format("'{}' is not {}", text, want));
}

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// Strict "YYYY-MM-DD": std::chrono / date parsing accepts too much (e.g. single-digit months).
std::optional<std::chrono::sys_days> parse_ymd(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    const date::year_month_day ymd{date::year{to_int(y)},
                                   date::month{static_cast<unsigned>(to_int(m))},
                                   date::day{static_cast<unsigned>(to_int(d))}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{date::sys_days{ymd}.time_since_epoch()};
}

const date::time_zone* find_zone(std::string_view name) {
    try {
        return date::locate_zone(std::string(name));
    } catch (const std::runtime_error&) {
        return nullptr;
    }
}
}  // namespace

Date Date::parse(std::string_view iso, std::string_view field) {
    const auto days = parse_ymd(iso);
    if (!days) bad_time(iso, field, "a date YYYY-MM-DD");
    return Date(*days);
}

namespace {
// Calendar text written digit by digit: every result document writes hundreds of dates and times,
// and both date::format (an ostringstream each) and fmt's format parsing cost more than the rest
// of writing them.
char* two_digits(char* p, std::int64_t v) {
    *p++ = static_cast<char>('0' + v / 10);
    *p++ = static_cast<char>('0' + v % 10);
    return p;
}

// "YYYY-MM-DD" for years 0..9999 (the only ones a rate book can hold).
char* ymd_text(char* p, const date::year_month_day& ymd) {
    const int year = static_cast<int>(ymd.year());
    p = two_digits(p, year / 100);
    p = two_digits(p, year % 100);
    *p++ = '-';
    p = two_digits(p, static_cast<unsigned>(ymd.month()));
    *p++ = '-';
    return two_digits(p, static_cast<unsigned>(ymd.day()));
}

// "YYYY-MM-DDTHH:MM[:SS]" of `seconds` since the epoch, into `p`; returns the end.
char* calendar_text(char* p, std::int64_t seconds, bool with_seconds) {
    const auto day = date::floor<date::days>(date::sys_seconds{std::chrono::seconds{seconds}});
    const std::int64_t in_day = seconds - std::int64_t{day.time_since_epoch().count()} * 86400;
    p = ymd_text(p, date::year_month_day{day});
    *p++ = 'T';
    p = two_digits(p, in_day / 3600);
    *p++ = ':';
    p = two_digits(p, (in_day / 60) % 60);
    if (with_seconds) {
        *p++ = ':';
        p = two_digits(p, in_day % 60);
    }
    return p;
}
}  // namespace

std::string Date::iso() const {
    std::array<char, 16> buffer{};
    char* end =
        ymd_text(buffer.data(), date::year_month_day{date::sys_days{days_.time_since_epoch()}});
    return std::string(buffer.data(), end);
}

std::string Instant::utc_iso() const {
    std::array<char, 32> buffer{};
    char* end = calendar_text(buffer.data(), utc_.time_since_epoch().count(), true);
    *end++ = 'Z';
    return std::string(buffer.data(), end);
}

LocalDateTime LocalDateTime::parse(std::string_view iso, std::string_view field) {
    constexpr std::string_view want = "a local date-time YYYY-MM-DDTHH:MM[:SS]";
    if (iso.size() != 16 && iso.size() != 19) bad_time(iso, field, want);
    const auto days = parse_ymd(iso.substr(0, 10));
    if (!days || (iso[10] != 'T' && iso[10] != ' ') || iso[13] != ':') bad_time(iso, field, want);
    const auto hh = iso.substr(11, 2), mm = iso.substr(14, 2);
    std::string_view ss = "00";
    if (iso.size() == 19) {
        if (iso[16] != ':') bad_time(iso, field, want);
        ss = iso.substr(17, 2);
    }
    if (!all_digits(hh) || !all_digits(mm) || !all_digits(ss) || to_int(hh) > 23 ||
        to_int(mm) > 59 || to_int(ss) > 59) {
        bad_time(iso, field, want);
    }
    const auto seconds = std::chrono::hours(to_int(hh)) + std::chrono::minutes(to_int(mm)) +
                         std::chrono::seconds(to_int(ss));
    return LocalDateTime{std::chrono::local_seconds{days->time_since_epoch() + seconds}};
}

std::string LocalDateTime::iso() const {
    std::array<char, 32> buffer{};
    char* end = calendar_text(buffer.data(), local.time_since_epoch().count(), false);
    return std::string(buffer.data(), end);
}

Date LocalDateTime::date() const {
    return Date(
        std::chrono::sys_days{std::chrono::floor<std::chrono::days>(local.time_since_epoch())});
}

void require_time_zone(std::string_view iana_zone, std::string_view field) {
    if (find_zone(iana_zone) == nullptr) {
        throw InputError(
            ErrorCode::InvalidInput, std::string(field),
            fmt::format("'{}' is not an IANA time zone known to this system", iana_zone));
    }
}

Instant to_instant(const LocalDateTime& local, std::string_view iana_zone) {
    const auto* zone = find_zone(iana_zone);
    if (zone == nullptr) require_time_zone(iana_zone, "time_zone");
    const date::local_seconds wall{local.local.time_since_epoch()};
    const auto info = zone->get_info(wall);
    date::sys_seconds utc;
    switch (info.result) {
        case date::local_info::unique:
        case date::local_info::ambiguous:  // earlier instant: first offset
            utc = date::sys_seconds{wall.time_since_epoch()} - info.first.offset;
            break;
        case date::local_info::nonexistent:  // in the gap: shift forward by the gap
            utc = date::sys_seconds{wall.time_since_epoch()} - info.first.offset;
            break;
    }
    return Instant(std::chrono::sys_seconds{utc.time_since_epoch()});
}

std::string local_iso_with_offset(Instant instant, std::string_view iana_zone) {
    const auto* zone = find_zone(iana_zone);
    if (zone == nullptr) require_time_zone(iana_zone, "time_zone");
    const date::sys_seconds utc{instant.utc().time_since_epoch()};
    const auto offset = zone->get_info(utc).offset.count();  // seconds east of UTC
    const std::int64_t minutes = (offset < 0 ? -offset : offset) / 60;
    std::array<char, 40> buffer{};
    char* p = calendar_text(buffer.data(), utc.time_since_epoch().count() + offset, false);
    *p++ = offset < 0 ? '-' : '+';
    p = two_digits(p, minutes / 60);
    *p++ = ':';
    p = two_digits(p, minutes % 60);
    return std::string(buffer.data(), p);
}

}  // namespace cargoquote
