#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/core/time.hpp>

namespace cargoquote {
namespace {

Instant at(std::string_view local, std::string_view zone) {
    return to_instant(LocalDateTime::parse(local, "t"), zone);
}

TEST(TimeTest, LocalReadyTimeBecomesUtc) {
    EXPECT_EQ(at("2026-11-26T10:00", "Asia/Shanghai").utc_iso(), "2026-11-26T02:00:00Z");
    EXPECT_EQ(at("2026-07-01T10:00", "Europe/Berlin").utc_iso(), "2026-07-01T08:00:00Z");
    EXPECT_EQ(at("2026-12-01T10:00", "Europe/Berlin").utc_iso(), "2026-12-01T09:00:00Z");
}

TEST(TimeTest, SpringForwardGapMovesForward) {
    // Berlin 2026-03-29 02:00 -> 03:00: 02:30 does not exist; taken as 01:30 UTC (= 03:30 CEST).
    EXPECT_EQ(at("2026-03-29T02:30", "Europe/Berlin").utc_iso(), "2026-03-29T01:30:00Z");
}

TEST(TimeTest, FallBackAmbiguityTakesTheEarlierInstant) {
    // Berlin 2026-10-25 03:00 CEST -> 02:00 CET: 02:30 happens twice; first is 00:30 UTC.
    EXPECT_EQ(at("2026-10-25T02:30", "Europe/Berlin").utc_iso(), "2026-10-25T00:30:00Z");
}

TEST(TimeTest, AcrossTheDateLine) {
    EXPECT_EQ(at("2026-11-26T06:00", "Pacific/Auckland").utc_iso(), "2026-11-25T17:00:00Z");
    EXPECT_EQ(
        local_iso_with_offset(at("2026-11-26T06:00", "Pacific/Auckland"), "America/Anchorage"),
        "2026-11-25T08:00-09:00");
}

TEST(TimeTest, StrictParsing) {
    EXPECT_EQ(Date::parse("2026-02-28", "d").iso(), "2026-02-28");
    for (const char* bad : {"2026-02-30", "2026-2-28", "26-02-28", "2026/02/28", ""}) {
        EXPECT_THROW((void)Date::parse(bad, "--date"), InputError) << bad;
    }
    for (const char* bad :
         {"2026-11-26", "2026-11-26T25:00", "2026-11-26T10:60", "2026-11-26 10"}) {
        EXPECT_THROW((void)LocalDateTime::parse(bad, "--ready"), InputError) << bad;
    }
    EXPECT_EQ(LocalDateTime::parse("2026-11-26T10:00:30", "t").iso(), "2026-11-26T10:00");
    EXPECT_EQ(LocalDateTime::parse("2026-11-26T23:59", "t").date().iso(), "2026-11-26");
}

TEST(TimeTest, UnknownZoneIsAnInputError) {
    EXPECT_THROW(require_time_zone("Mars/Olympus", "time_zone"), InputError);
    EXPECT_NO_THROW(require_time_zone("Asia/Kolkata", "time_zone"));
}

}  // namespace
}  // namespace cargoquote
