// KPIs on a scripted day whose every number is worked out by hand below, and the nearest-rank
// percentile on samples small enough to count on one's fingers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>

#include "desk/desk_fixture.hpp"

namespace cargoquote::desk {
namespace {
using test::money;
using test::option;
using test::utc;

TEST(NearestRankPercentileTest, HandCountedSamples) {
    // n = 5: rank = ceil(p / 100 x 5).
    const std::vector<std::int64_t> five{15, 20, 35, 40, 50};
    EXPECT_EQ(nearest_rank_percentile(five, 1), 15);   // ceil(0.05) = 1
    EXPECT_EQ(nearest_rank_percentile(five, 30), 20);  // ceil(1.5) = 2
    EXPECT_EQ(nearest_rank_percentile(five, 40), 20);  // 2 exactly
    EXPECT_EQ(nearest_rank_percentile(five, 50), 35);  // ceil(2.5) = 3
    EXPECT_EQ(nearest_rank_percentile(five, 90), 50);  // ceil(4.5) = 5
    EXPECT_EQ(nearest_rank_percentile(five, 100), 50);
    // Even n: the median is the lower middle value, not an average.
    const std::vector<std::int64_t> four{10, 20, 30, 40};
    EXPECT_EQ(nearest_rank_percentile(four, 50), 20);  // rank 2
    EXPECT_EQ(nearest_rank_percentile(four, 51), 30);  // ceil(2.04) = 3
    const std::vector<std::int64_t> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_EQ(nearest_rank_percentile(ten, 90), 9);
    EXPECT_EQ(nearest_rank_percentile(ten, 91), 10);
    const std::vector<std::int64_t> one{42};
    EXPECT_EQ(nearest_rank_percentile(one, 50), 42);
    EXPECT_EQ(nearest_rank_percentile(one, 90), 42);
}

TEST(NearestRankPercentileTest, RefusesAnEmptySampleAndPercentsOutOfRange) {
    const std::vector<std::int64_t> none;
    const std::vector<std::int64_t> some{1, 2};
    EXPECT_THROW((void)nearest_rank_percentile(none, 50), InputError);
    EXPECT_THROW((void)nearest_rank_percentile(some, 0), InputError);
    EXPECT_THROW((void)nearest_rank_percentile(some, 101), InputError);
}

// The day, 25 Nov 2026 (UTC). Handling = sent - received in seconds.
//   #  received  taken by    customer channel  lane     sent after  booked
//   1  08:00     Anna        ACME     staff    PVG-FRA    600       rank 1: sell 1000 EUR buy 900
//   2  08:30     Anna        BETA     staff    PVG-FRA   1200       -
//   3  09:00     Anna        ACME     staff    PVG-JFK    300       rank 2: sell 2000 USD buy 1500
//   4  09:15     Anna        -        staff    PVG-FRA      -       -
//   5  10:00     Ben         BETA     staff    PVG-FRA   3600       rank 1: sell 1200.50 EUR buy
//                                                                     1000.25
//   6  10:30     Ben         ACME     staff    PVG-JFK   1800       -
//   7  11:00     ACME buyer  ACME     self     PVG-FRA      0       rank 1: sell 800 EUR buy 700
//   8  11:05     ACME buyer  ACME     self     PVG-FRA     60       -
// Outside [25 Nov 00:00, 26 Nov 00:00): 24 Nov 23:59:59 (Ben, sent) and 26 Nov 00:00:00 (Anna,
// sent and booked in GBP): neither may show up anywhere.
class KpisTest : public test::DeskTest {
  protected:
    void SetUp() override {
        day(anna, "2026-11-25T08:00:00", "ACME", fra, 600, 1, eur(1, "1000", "900"));
        day(anna, "2026-11-25T08:30:00", "BETA", fra, 1200, 0, eur(1, "1000", "900"));
        day(anna, "2026-11-25T09:00:00", "ACME", jfk, 300, 2,
            {option(1, "A1", "2100", "1900", "USD"), option(2, "B2", "2000", "1500", "USD")});
        day(anna, "2026-11-25T09:15:00", std::nullopt, fra, -1, 0, eur(1, "1000", "900"));
        day(ben, "2026-11-25T10:00:00", "BETA", fra, 3600, 1, eur(1, "1200.50", "1000.25"));
        day(ben, "2026-11-25T10:30:00", "ACME", jfk, 1800, 0, eur(1, "1000", "900"));
        day(acme, "2026-11-25T11:00:00", "ACME", fra, 0, 1, eur(1, "800", "700"));
        day(acme, "2026-11-25T11:05:00", "ACME", fra, 60, 0, eur(1, "800", "700"));
        day(ben, "2026-11-24T23:59:59", "BETA", fra, 60, 0, eur(1, "1000", "900"));
        day(anna, "2026-11-26T00:00:00", "ACME", fra, 60, 1,
            {option(1, "A1", "5000", "1000", "GBP", "2026-11-26", "2026-11-28")});
    }

    KpiReport report(KpiGroupBy by) {
        return store.kpis(by, {utc("2026-11-25T00:00:00"), utc("2026-11-26T00:00:00")});
    }

    static std::vector<OptionRecord> eur(int rank, std::string_view sell, std::string_view buy) {
        return {option(rank, "A1", sell, buy)};
    }

    const Lane fra{AirportCode::parse("PVG"), AirportCode::parse("FRA")};
    const Lane jfk{AirportCode::parse("PVG"), AirportCode::parse("JFK")};

  private:
    // Records one inquiry; sends every option `handling` seconds later (not at all when < 0) and
    // books `booked_rank` (none when 0) an hour after sending.
    void day(const IssuedUser& taker, std::string_view received,
             std::optional<std::string> customer, const Lane& lane, int handling, int booked_rank,
             std::vector<OptionRecord> options) {
        NewInquiry in = test::inquiry(taker.user.id, received, std::move(customer), options);
        in.lane = lane;
        if (taker.user.role == Role::Customer) in.channel = Channel::SelfService;
        const InquiryId id = store.record_inquiry(in);
        if (handling < 0) return;
        std::vector<int> ranks;
        for (const auto& o : options) ranks.push_back(o.rank);
        const Instant sent(in.received_at.utc() + std::chrono::seconds(handling));
        const Quote quote = store.send(id, ranks, taker.user.id, sent);
        if (booked_rank == 0) return;
        (void)store.book(quote.reference, booked_rank, taker.user.id,
                         Instant(sent.utc() + std::chrono::hours(1)));
    }
};

TEST_F(KpisTest, ByAgent) {
    const KpiReport r = report(KpiGroupBy::Agent);
    EXPECT_EQ(r.group_by, KpiGroupBy::Agent);
    ASSERT_EQ(r.groups.size(), 3u);
    // Anna: #1-4; sent 1, 2, 3: handling {300, 600, 1200}: median rank ceil(1.5) = 2 -> 600,
    // p90 rank ceil(2.7) = 3 -> 1200. Booked #1 (EUR 1000, margin 100) and #3 (USD 2000, 500).
    const KpiGroup& a = r.groups[0];
    EXPECT_EQ(a.key, std::to_string(anna.user.id.value));
    EXPECT_EQ(a.label, "Anna Agent");
    EXPECT_EQ(a.inquiries, 4);
    EXPECT_EQ(a.quotes_sent, 3);
    EXPECT_EQ(a.bookings, 2);
    EXPECT_DOUBLE_EQ(a.conversion, 0.5);
    EXPECT_EQ(a.median_handling_seconds, 600);
    EXPECT_EQ(a.p90_handling_seconds, 1200);
    EXPECT_EQ(a.revenue_booked, (std::vector{money("1000", "EUR"), money("2000", "USD")}));
    EXPECT_EQ(a.margin_booked, (std::vector{money("100", "EUR"), money("500", "USD")}));
    // Ben: #5, #6: {1800, 3600}: median rank 1 -> 1800, p90 rank ceil(1.8) = 2 -> 3600.
    const KpiGroup& b = r.groups[1];
    EXPECT_EQ(b.label, "Ben Agent");
    EXPECT_EQ(b.inquiries, 2);
    EXPECT_EQ(b.quotes_sent, 2);
    EXPECT_EQ(b.bookings, 1);
    EXPECT_EQ(b.median_handling_seconds, 1800);
    EXPECT_EQ(b.p90_handling_seconds, 3600);
    EXPECT_EQ(b.revenue_booked, (std::vector{money("1200.50", "EUR")}));
    EXPECT_EQ(b.margin_booked, (std::vector{money("200.25", "EUR")}));
    // The customer's own user: #7, #8: {0, 60}.
    const KpiGroup& c = r.groups[2];
    EXPECT_EQ(c.label, "ACME buyer");
    EXPECT_EQ(c.inquiries, 2);
    EXPECT_EQ(c.median_handling_seconds, 0);
    EXPECT_EQ(c.p90_handling_seconds, 60);
    EXPECT_EQ(c.revenue_booked, (std::vector{money("800", "EUR")}));
}

TEST_F(KpisTest, ByLane) {
    const KpiReport r = report(KpiGroupBy::Lane);
    ASSERT_EQ(r.groups.size(), 2u);
    // PVG-FRA: #1, 2, 4, 5, 7, 8; sent all but #4: {0, 60, 600, 1200, 3600}: median rank
    // ceil(2.5) = 3 -> 600, p90 rank ceil(4.5) = 5 -> 3600. Booked #1, #5, #7: EUR 1000 +
    // 1200.50 + 800 = 3000.50, margin 100 + 200.25 + 100 = 400.25.
    const KpiGroup& fra_group = r.groups[0];
    EXPECT_EQ(fra_group.key, "PVG-FRA");
    EXPECT_EQ(fra_group.label, "PVG-FRA");
    EXPECT_EQ(fra_group.inquiries, 6);
    EXPECT_EQ(fra_group.quotes_sent, 5);
    EXPECT_EQ(fra_group.bookings, 3);
    EXPECT_DOUBLE_EQ(fra_group.conversion, 0.5);
    EXPECT_EQ(fra_group.median_handling_seconds, 600);
    EXPECT_EQ(fra_group.p90_handling_seconds, 3600);
    EXPECT_EQ(fra_group.revenue_booked, (std::vector{money("3000.50", "EUR")}));
    EXPECT_EQ(fra_group.margin_booked, (std::vector{money("400.25", "EUR")}));
    // PVG-JFK: #3, #6: {300, 1800}; booked #3 rank 2 (not rank 1's USD 2100).
    const KpiGroup& jfk_group = r.groups[1];
    EXPECT_EQ(jfk_group.key, "PVG-JFK");
    EXPECT_EQ(jfk_group.inquiries, 2);
    EXPECT_EQ(jfk_group.bookings, 1);
    EXPECT_EQ(jfk_group.median_handling_seconds, 300);
    EXPECT_EQ(jfk_group.p90_handling_seconds, 1800);
    EXPECT_EQ(jfk_group.revenue_booked, (std::vector{money("2000", "USD")}));
    EXPECT_EQ(jfk_group.margin_booked, (std::vector{money("500", "USD")}));
}

TEST_F(KpisTest, ByCustomer) {
    const KpiReport r = report(KpiGroupBy::Customer);
    ASSERT_EQ(r.groups.size(), 3u);
    // No customer: #4 only, never sent: no handling time, conversion 0.
    EXPECT_EQ(r.groups[0].key, "");
    EXPECT_EQ(r.groups[0].inquiries, 1);
    EXPECT_EQ(r.groups[0].quotes_sent, 0);
    EXPECT_DOUBLE_EQ(r.groups[0].conversion, 0.0);
    EXPECT_FALSE(r.groups[0].median_handling_seconds.has_value());
    EXPECT_FALSE(r.groups[0].p90_handling_seconds.has_value());
    EXPECT_TRUE(r.groups[0].revenue_booked.empty());
    // ACME: #1, 3, 6, 7, 8: {0, 60, 300, 600, 1800}: median 300, p90 1800; booked #1, #3, #7:
    // 3 / 5 = 0.6; EUR 1000 + 800 = 1800 (margin 200), USD 2000 (margin 500).
    const KpiGroup& acme_group = r.groups[1];
    EXPECT_EQ(acme_group.key, "ACME");
    EXPECT_EQ(acme_group.inquiries, 5);
    EXPECT_EQ(acme_group.quotes_sent, 5);
    EXPECT_EQ(acme_group.bookings, 3);
    EXPECT_DOUBLE_EQ(acme_group.conversion, 0.6);
    EXPECT_EQ(acme_group.median_handling_seconds, 300);
    EXPECT_EQ(acme_group.p90_handling_seconds, 1800);
    EXPECT_EQ(acme_group.revenue_booked, (std::vector{money("1800", "EUR"), money("2000", "USD")}));
    EXPECT_EQ(acme_group.margin_booked, (std::vector{money("200", "EUR"), money("500", "USD")}));
    // BETA: #2, #5: {1200, 3600}.
    const KpiGroup& beta_group = r.groups[2];
    EXPECT_EQ(beta_group.key, "BETA");
    EXPECT_EQ(beta_group.inquiries, 2);
    EXPECT_EQ(beta_group.bookings, 1);
    EXPECT_EQ(beta_group.median_handling_seconds, 1200);
    EXPECT_EQ(beta_group.p90_handling_seconds, 3600);
}

TEST_F(KpisTest, ByChannel) {
    const KpiReport r = report(KpiGroupBy::Channel);
    ASSERT_EQ(r.groups.size(), 2u);
    // self_service: #7, #8.
    EXPECT_EQ(r.groups[0].key, "self_service");
    EXPECT_EQ(r.groups[0].inquiries, 2);
    EXPECT_EQ(r.groups[0].bookings, 1);
    EXPECT_EQ(r.groups[0].median_handling_seconds, 0);
    EXPECT_EQ(r.groups[0].p90_handling_seconds, 60);
    // staff: #1-6; sent {300, 600, 1200, 1800, 3600}: median 1200, p90 3600; booked #1, 3, 5:
    // EUR 1000 + 1200.50 = 2200.50 (margin 300.25), USD 2000 (margin 500).
    const KpiGroup& staff = r.groups[1];
    EXPECT_EQ(staff.key, "staff");
    EXPECT_EQ(staff.inquiries, 6);
    EXPECT_EQ(staff.quotes_sent, 5);
    EXPECT_EQ(staff.bookings, 3);
    EXPECT_DOUBLE_EQ(staff.conversion, 0.5);
    EXPECT_EQ(staff.median_handling_seconds, 1200);
    EXPECT_EQ(staff.p90_handling_seconds, 3600);
    EXPECT_EQ(staff.revenue_booked, (std::vector{money("2200.50", "EUR"), money("2000", "USD")}));
    EXPECT_EQ(staff.margin_booked, (std::vector{money("300.25", "EUR"), money("500", "USD")}));
}

TEST_F(KpisTest, AnOpenRangeCountsEveryInquiry) {
    // All ten: the two outside the day join Ben (24 Nov) and Anna (26 Nov, GBP).
    const KpiReport r = store.kpis(KpiGroupBy::Agent, {});
    ASSERT_EQ(r.groups.size(), 3u);
    EXPECT_EQ(r.groups[0].inquiries, 5);
    EXPECT_EQ(r.groups[0].revenue_booked,
              (std::vector{money("1000", "EUR"), money("5000", "GBP"), money("2000", "USD")}));
    EXPECT_EQ(r.groups[1].inquiries, 3);
    // A range with nothing in it has no groups.
    EXPECT_TRUE(store.kpis(KpiGroupBy::Lane, {utc("2026-12-01T00:00:00"), {}}).groups.empty());
}

}  // namespace
}  // namespace cargoquote::desk
