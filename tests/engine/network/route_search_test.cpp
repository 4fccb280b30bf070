// Route search on hand-drawn networks (tests/support/network_fixture.hpp). Expected UTC times are
// worked out in the comments from the airports' zones (independently checked with Python zoneinfo).
#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/network/route_network.hpp>
#include <cargoquote/network/search_cache.hpp>
#include <map>

#include "support/network_fixture.hpp"
#include "support/test_data.hpp"

namespace cargoquote {
namespace {

class RouteSearchTest : public testing::Test {
  protected:
    std::unique_ptr<RateBook> book;
    std::unique_ptr<RouteNetwork> network;

    void use(const std::vector<std::string_view>& legs,
             std::vector<CarrierRestriction> restrictions = {}) {
        auto data = test::network_fixture(legs);
        data.schedule.restrictions = std::move(restrictions);
        book = std::make_unique<RateBook>(std::move(data));
        network = std::make_unique<RouteNetwork>(*book);
    }

    SearchOutcome search(std::string_view from, std::string_view to, std::string_view ready,
                         std::vector<Piece> pieces = {test::piece(1, "100", "100", "100", "100")},
                         std::string_view commodity = "GEN") const {
        SearchRequest r;
        r.origin = AirportCode::parse(from);
        r.destination = AirportCode::parse(to);
        r.ready = LocalDateTime::parse(ready, "ready");
        r.pieces = std::move(pieces);
        r.commodity = Commodity::parse(commodity, "c");
        return network->search(r);
    }

    static std::string flights(const Itinerary& it) {
        std::string out;
        for (const auto& l : it.legs) out += (out.empty() ? "" : ", ") + l.leg->flight_number;
        return out;
    }
};

// Ready PVG 06:00 (2026-11-25T22:00Z), cut-off 3 h. A1 100 departs 09:00 CST (01:00Z), arrives
// ICN 12:00 KST (03:00Z). A1 200 departs ICN 14:00 KST (05:00Z): 120 min = the online MCT.
// Arrives FRA 18:00 CET (17:00Z); available 3 h later, 20:00Z: transit 22 h = 1320 min.
TEST_F(RouteSearchTest, MinimumConnectionTimeMadeExactly) {
    use({"A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
         "A1 200 ICN-FRA 14:00 18:00+0 1234567 freighter"});
    const auto out = search("PVG", "FRA", "2026-11-26T06:00");
    ASSERT_EQ(out.itineraries.size(), 1u);
    const auto& it = out.itineraries[0];
    EXPECT_EQ(flights(it), "A1 100, A1 200");
    EXPECT_EQ(it.legs[0].departure.utc_iso(), "2026-11-26T01:00:00Z");
    EXPECT_EQ(it.legs[1].departure.utc_iso(), "2026-11-26T05:00:00Z");
    EXPECT_EQ(it.legs[1].connection_minutes, 120);
    EXPECT_EQ(it.legs[1].minimum_connection_minutes, 120);
    EXPECT_EQ(it.latest_acceptance.utc_iso(), "2026-11-25T22:00:00Z");
    EXPECT_EQ(it.available.utc_iso(), "2026-11-26T20:00:00Z");
    EXPECT_EQ(it.transit_minutes, 1320);
    EXPECT_TRUE(it.online());
}

// The same with A1 200 at 13:59: 119 min < 120, so the next day's departure is taken.
TEST_F(RouteSearchTest, MinimumConnectionTimeMissedByOneMinute) {
    use({"A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
         "A1 200 ICN-FRA 13:59 18:00+0 1234567 freighter"});
    const auto out = search("PVG", "FRA", "2026-11-26T06:00");
    ASSERT_EQ(out.itineraries.size(), 1u);
    EXPECT_EQ(out.itineraries[0].legs[1].departure.utc_iso(), "2026-11-27T04:59:00Z");
    EXPECT_EQ(out.itineraries[0].legs[1].connection_minutes,
              25 * 60 + 59);  // 12:00 to 13:59 next day
    EXPECT_EQ(out.itineraries[0].transit_minutes, 1320 + 1440);
}

// Arrive ICN 03:00Z, leave 23:30 KST (14:30Z) the same day, arrive FRA 05:00 CET next day (04:00Z).
TEST_F(RouteSearchTest, OvernightConnection) {
    use({"A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
         "A1 300 ICN-FRA 23:30 05:00+1 1234567 freighter"});
    const auto out = search("PVG", "FRA", "2026-11-26T06:00");
    ASSERT_EQ(out.itineraries.size(), 1u);
    const auto& leg = out.itineraries[0].legs[1];
    EXPECT_EQ(leg.departure.utc_iso(), "2026-11-26T14:30:00Z");
    EXPECT_EQ(leg.arrival.utc_iso(), "2026-11-27T04:00:00Z");
    EXPECT_EQ(leg.connection_minutes, 690);
}

// NRT 20:00 JST (11:00Z) to ANC 09:00 AKST the same calendar day (18:00Z): 7 h eastbound over
// the date line, arriving "before" it left in local terms.
TEST_F(RouteSearchTest, LegAcrossTheDateLine) {
    use({"B2 10 NRT-ANC 20:00 09:00+0 1234567 freighter"});
    const auto out = search("NRT", "ANC", "2026-11-26T12:00");
    ASSERT_EQ(out.itineraries.size(), 1u);
    const auto& it = out.itineraries[0];
    EXPECT_EQ(it.legs[0].departure.utc_iso(), "2026-11-26T11:00:00Z");
    EXPECT_EQ(it.legs[0].arrival.utc_iso(), "2026-11-26T18:00:00Z");
    EXPECT_EQ(it.transit_minutes, (18 + 3 - 3) * 60);  // ready 03:00Z, available 21:00Z
}

// FRA 10:00 local: 08:00Z on Sat 2026-10-24 (CEST), 09:00Z on Mon 10-26 (CET). JFK 12:55 local:
// 16:55Z while New York is still on EDT (10-26), 17:55Z after 11-01 (EST).
TEST_F(RouteSearchTest, DaylightSavingChangeWeek) {
    use({"C3 400 FRA-JFK 10:00 12:55+0 1234567 widebody_belly"});
    const auto before = search("FRA", "JFK", "2026-10-24T05:00");
    ASSERT_EQ(before.itineraries.size(), 1u);
    EXPECT_EQ(before.itineraries[0].legs[0].departure.utc_iso(), "2026-10-24T08:00:00Z");
    const auto between = search("FRA", "JFK", "2026-10-26T05:00");
    EXPECT_EQ(between.itineraries[0].legs[0].departure.utc_iso(), "2026-10-26T09:00:00Z");
    EXPECT_EQ(between.itineraries[0].legs[0].arrival.utc_iso(), "2026-10-26T16:55:00Z");
    const auto after = search("FRA", "JFK", "2026-11-02T05:00");
    EXPECT_EQ(after.itineraries[0].legs[0].arrival.utc_iso(), "2026-11-02T17:55:00Z");
}

// Wednesdays only: ready Thursday 2026-11-26 -> next Wednesday 2026-12-02, 08:00 GST = 04:00Z.
TEST_F(RouteSearchTest, DaysOfOperation) {
    use({"D4 500 DXB-LHR 08:00 12:00+0 ..3.... widebody_belly"});
    const auto out = search("DXB", "LHR", "2026-11-26T01:00");
    ASSERT_EQ(out.itineraries.size(), 1u);
    EXPECT_EQ(out.itineraries[0].legs[0].departure.utc_iso(), "2026-12-02T04:00:00Z");
}

// A 200 cm high piece: too tall for the 160 cm belly hold, fine on the 300 cm freighter deck.
TEST_F(RouteSearchTest, TallPieceNeedsAFreighter) {
    use({"E5 1 PVG-FRA 12:00 18:00+0 1234567 widebody_belly",
         "E5 2 PVG-FRA 20:00 05:00+1 1234567 freighter"});
    const std::vector tall{test::piece(1, "120", "100", "200", "100")};
    const auto out = search("PVG", "FRA", "2026-11-26T06:00", tall);
    ASSERT_EQ(out.itineraries.size(), 1u);
    EXPECT_EQ(out.itineraries[0].legs[0].leg->flight_number, "E5 2");
    EXPECT_EQ(search("PVG", "FRA", "2026-11-26T06:00").itineraries.size(), 1u);  // belly dominates

    use({"E5 1 PVG-FRA 12:00 18:00+0 1234567 widebody_belly"});
    const auto none = search("PVG", "FRA", "2026-11-26T06:00", tall);
    EXPECT_TRUE(none.itineraries.empty());
    EXPECT_EQ(none.reason_code(), RejectionReason::PieceTooLarge);
}

TEST_F(RouteSearchTest, CarrierRefusingDangerousGoods) {
    use({"F6 1 PVG-AMS 12:00 18:00+0 1234567 freighter",
         "G7 1 PVG-AMS 13:00 19:00+0 1234567 freighter"},
        {CarrierRestriction{CarrierCode::parse("F6"), "DGR"}});
    const auto dgr =
        search("PVG", "AMS", "2026-11-26T06:00", {test::piece(1, "50", "50", "50", "20")}, "DGR");
    ASSERT_EQ(dgr.itineraries.size(), 1u);
    EXPECT_EQ(dgr.itineraries[0].legs[0].leg->carrier.view(), "G7");
    EXPECT_EQ(dgr.diagnostics.legs_refused, 1);
    EXPECT_EQ(search("PVG", "AMS", "2026-11-26T06:00").itineraries.size(),
              2u);  // different carriers
}

// Arrive ICN 12:00 KST on A1. Online A1 200 at 14:00 makes the 120 min MCT; interline B2 800 at
// 14:00 misses the 240 min interline MCT (its next departure is the following day), so B2 900 at
// 16:00 is the first interline connection. (--all mode: the on-line option would otherwise
// dominate the interline ones.)
TEST_F(RouteSearchTest, InterlineNeedsTheLongerConnectionTime) {
    use({"A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
         "A1 200 ICN-FRA 14:00 18:00+0 1234567 freighter",
         "B2 800 ICN-FRA 14:00 17:00+0 1234567 freighter",
         "B2 900 ICN-FRA 16:00 19:00+0 1234567 freighter"});
    SearchRequest r{.origin = AirportCode::parse("PVG"),
                    .destination = AirportCode::parse("FRA"),
                    .ready = LocalDateTime::parse("2026-11-26T06:00", "r"),
                    .pieces = {test::piece(1, "10", "10", "10", "1")},
                    .keep_dominated = true};
    const auto out = network->search(r);
    std::map<std::string, const Itinerary*> by_flights;
    for (const auto& it : out.itineraries) by_flights[flights(it)] = &it;
    ASSERT_TRUE(by_flights.contains("A1 100, A1 200"));
    ASSERT_TRUE(by_flights.contains("A1 100, B2 900"));
    ASSERT_TRUE(by_flights.contains("A1 100, B2 800"));
    EXPECT_EQ(by_flights["A1 100, A1 200"]->legs[1].minimum_connection_minutes, 120);
    EXPECT_EQ(by_flights["A1 100, B2 900"]->legs[1].minimum_connection_minutes, 240);
    EXPECT_EQ(by_flights["A1 100, B2 900"]->legs[1].departure.utc_iso(), "2026-11-26T07:00:00Z");
    EXPECT_EQ(by_flights["A1 100, B2 800"]->legs[1].departure.utc_iso(), "2026-11-27T05:00:00Z");
    EXPECT_FALSE(by_flights["A1 100, B2 900"]->online());
    // Without --all the interline ones are dominated by the earlier on-line option of A1.
    r.keep_dominated = false;
    ASSERT_EQ(network->search(r).itineraries.size(), 1u);
}

TEST_F(RouteSearchTest, NoRouteSaysWhy) {
    use({"A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
         "C3 400 FRA-JFK 10:00 12:55+0 1234567 freighter"});
    const auto out = search("PVG", "JFK", "2026-11-26T06:00");
    EXPECT_TRUE(out.itineraries.empty());
    EXPECT_EQ(out.reason_code(), RejectionReason::NoRoute);
    EXPECT_FALSE(out.reason().empty());
}

TEST_F(RouteSearchTest, SlowerItineraryOnTheSameCarriersIsDropped) {
    // Direct A1 arrives before the A1 one-stop: the one-stop (same carrier set) never survives.
    use({"A1 1 PVG-FRA 10:00 16:00+0 1234567 freighter",
         "A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
         "A1 200 ICN-FRA 14:00 18:00+0 1234567 freighter"});
    const auto out = search("PVG", "FRA", "2026-11-26T06:00");
    ASSERT_EQ(out.itineraries.size(), 1u);
    EXPECT_EQ(flights(out.itineraries[0]), "A1 1");
}

TEST_F(RouteSearchTest, NoAirportTwiceAndLegLimit) {
    use({"A1 1 PVG-ICN 09:00 12:00+0 1234567 freighter",
         "A1 2 ICN-NRT 14:00 16:00+0 1234567 freighter",
         "A1 3 NRT-ANC 20:00 09:00+0 1234567 freighter",
         "A1 4 ANC-JFK 12:00 20:00+0 1234567 freighter",
         "A1 5 ICN-PVG 13:00 14:00+0 1234567 freighter"});
    EXPECT_TRUE(search("PVG", "JFK", "2026-11-26T06:00").itineraries.empty());  // needs 4 legs
    EXPECT_EQ(search("PVG", "ANC", "2026-11-26T06:00").itineraries.size(), 1u);
}

TEST_F(RouteSearchTest, UnknownAirportIsAnInputError) {
    use({"A1 1 PVG-ICN 09:00 12:00+0 1234567 freighter"});
    EXPECT_THROW((void)search("PVG", "XXX", "2026-11-26T06:00"), InputError);
}

// Everything of an outcome, as text: each itinerary's legs and times, and the diagnostics.
std::string outcome_text(const SearchOutcome& out) {
    std::string text;
    for (const auto& it : out.itineraries) {
        for (const auto& l : it.legs) {
            text += l.leg->flight_number + "@" + l.departure.utc_iso() + "-" + l.arrival.utc_iso() +
                    "/" + std::to_string(l.connection_minutes) + "/" +
                    std::to_string(l.minimum_connection_minutes) + " ";
        }
        text += "ready " + it.ready.utc_iso() + " acceptance " + it.latest_acceptance.utc_iso() +
                " available " + it.available.utc_iso() + " transit " +
                std::to_string(it.transit_minutes) + "\n";
    }
    const auto& d = out.diagnostics;
    for (const int n : {int(d.statically_connected), d.legs_too_small, d.legs_refused,
                        d.legs_without_service, d.connections_missed, d.legs_evaluated, d.labels}) {
        text += std::to_string(n) + " ";
    }
    return text;
}

// A search cache answers exactly as a fresh search, for every five-minute ready time over more
// than a week (cut-offs, days of operation, the horizon end, connections and a refused class),
// and answers most of them from a stored search.
TEST_F(RouteSearchTest, SearchCacheGivesTheFreshSearchAtEveryReadyTime) {
    use({"A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
         "A1 200 ICN-FRA 14:00 18:00+0 1.3.5.7 freighter",
         "B2 800 ICN-FRA 14:00 17:00+0 1234567 freighter",
         "B2 900 ICN-FRA 16:00 19:00+0 .2.4.6. widebody_belly",
         "C3 300 PVG-NRT 23:30 03:10+1 12345.. freighter",
         "C3 310 NRT-FRA 10:00 15:00+0 ......7 freighter",
         "A1 1 PVG-FRA 10:00 16:00+0 ..3.... widebody_belly"},
        {CarrierRestriction{CarrierCode::parse("B2"), "DGR"}});
    SearchCache cache;
    int compared = 0;
    for (int minutes = 0; minutes < 9 * 24 * 60; minutes += 5) {
        const auto ready = LocalDateTime{LocalDateTime::parse("2026-11-24T00:00", "r").local +
                                         std::chrono::minutes(minutes)};
        for (const std::string_view commodity : {"GEN", "DGR"}) {
            for (const auto& piece : {test::piece(1, "10", "10", "10", "1"),
                                      test::piece(1, "120", "100", "200", "100")}) {
                SearchRequest r{.origin = AirportCode::parse("PVG"),
                                .destination = AirportCode::parse("FRA"),
                                .ready = ready,
                                .pieces = {piece},
                                .commodity = Commodity::parse(commodity, "c")};
                ASSERT_EQ(outcome_text(network->search(r, &cache)),
                          outcome_text(network->search(r)))
                    << ready.iso() << " " << commodity;
                ++compared;
            }
        }
    }
    EXPECT_EQ(cache.hits() + cache.misses(), static_cast<std::uint64_t>(compared));
    EXPECT_GT(cache.hits(), cache.misses() * 4);
}

}  // namespace
}  // namespace cargoquote

namespace cargoquote {
namespace {

TEST(RouteSearchAnalysisTest, KeepDominatedReturnsEverySequence) {
    RateBook book(test::network_fixture({"A1 1 PVG-FRA 10:00 16:00+0 1234567 freighter",
                                         "A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
                                         "A1 200 ICN-FRA 14:00 18:00+0 1234567 freighter"}));
    const RouteNetwork network(book);
    SearchRequest r{.origin = AirportCode::parse("PVG"),
                    .destination = AirportCode::parse("FRA"),
                    .ready = LocalDateTime::parse("2026-11-26T06:00", "r"),
                    .pieces = {test::piece(1, "10", "10", "10", "1")}};
    EXPECT_EQ(network.search(r).itineraries.size(), 1u);
    r.keep_dominated = true;
    const auto all = network.search(r);
    ASSERT_EQ(all.itineraries.size(), 2u);
    EXPECT_EQ(all.itineraries[1].legs.size(), 2u);  // the one-stop, later than the direct
}

}  // namespace
}  // namespace cargoquote
