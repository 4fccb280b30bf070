// From the engine's QuoteResult to the store's records, on the hand-built books of the engine
// tests: totals in the quote currency with margin = sell - buy, the rate lines and sheet
// versions priced on (one per sector interline), flights and transit, and the option's JSON as
// the engine's writer printed it. Then the records go into the store and come back unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cargoquote/desk/quote_record.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <nlohmann/json.hpp>

#include "desk/desk_fixture.hpp"
#include "support/network_fixture.hpp"
#include "support/test_data.hpp"

namespace cargoquote::desk {
namespace {
using test::utc;

QuoteRequest pallets_pvg_fra(std::string_view ready) {
    QuoteRequest r;
    r.shipment.origin = AirportCode::parse("PVG");
    r.shipment.destination = AirportCode::parse("FRA");
    r.shipment.pieces = {cargoquote::test::piece(3, "120", "80", "100", "250")};
    r.shipment.commodity = Commodity::parse("GEN", "c");
    r.shipment.ready_time = LocalDateTime::parse(ready, "r");
    r.shipment.customer_id = "WALKIN";  // no margin group: the default 12 %
    r.quote_date = Date::parse("2026-11-25", "d");
    return r;
}

// The small book with a schedule: direct A1 and B2 flights, and A1 PVG-ICN + B2 ICN-FRA priced
// interline on two sector lines of their own sheets.
RateBookData book_with_interline() {
    RateBookData data = cargoquote::test::small_rate_book();
    const RateBookData flights = cargoquote::test::network_fixture({
        "A1 1 PVG-FRA 22:00 04:00+1 1234567 freighter",
        "A1 100 PVG-ICN 09:00 12:00+0 1234567 freighter",
        "B2 900 ICN-FRA 16:00 19:00+0 1234567 freighter",
        "B2 5 PVG-FRA 23:00 05:00+1 1234567 freighter",
    });
    data.schedule = flights.schedule;
    data.airports.push_back(
        Airport{AirportCode::parse("ICN"), "Incheon", "Seoul", "KR", "Asia/Seoul", 37.46, 126.44});
    const auto sector = [](std::string id, std::string_view carrier, std::string_view from,
                           std::string_view to, std::string sheet, std::string version) {
        RateLine l;
        l.line_id = std::move(id);
        l.carrier = CarrierCode::parse(carrier);
        l.origin = AirportCode::parse(from);
        l.destination = AirportCode::parse(to);
        l.currency = cargoquote::test::ccy("CNY");
        l.min_charge = cargoquote::test::money("200", "CNY");
        l.breaks = cargoquote::test::breaks("0:20 500:9", "CNY");
        l.valid_from = Date::parse("2026-10-01", "t");
        l.valid_to = Date::parse("2027-03-31", "t");
        l.sheet = std::move(sheet);
        l.version = std::move(version);
        return l;
    };
    data.rate_lines.push_back(sector("A1-PVG-ICN", "A1", "PVG", "ICN", "A1 sectors", "S7"));
    data.rate_lines.push_back(sector("B2-ICN-FRA", "B2", "ICN", "FRA", "B2 sectors", "S8"));
    return data;
}

// Totals from quote_engine_test: B2 buy 21155.00, sell 22921.40 (margin 1766.40); A1 buy
// 22970.00, sell 24871.40 (margin 1901.40), all CNY. Offers run from the quote date 25 Nov for
// two days: to 27 Nov.
TEST(QuoteRecordTest, RateLineOptionsBecomeRecords) {
    const QuoteEngine engine(std::make_shared<const RateBook>(cargoquote::test::small_rate_book()));
    const QuoteResult result = engine.quote(pallets_pvg_fra("2026-11-26T10:00"));
    const auto records = option_records(result);
    ASSERT_EQ(records.size(), 2u);

    const OptionRecord& b2 = records[0];
    EXPECT_EQ(b2.rank, 1);
    EXPECT_EQ(b2.carrier.view(), "B2");
    EXPECT_EQ(b2.routing, "PVG-FRA");  // no schedule: the lane
    EXPECT_FALSE(b2.transit_minutes.has_value());
    EXPECT_EQ(b2.buy_total, cargoquote::test::money("21155", "CNY"));
    EXPECT_EQ(b2.sell_total, cargoquote::test::money("22921.40", "CNY"));
    EXPECT_EQ(b2.margin, cargoquote::test::money("1766.40", "CNY"));
    EXPECT_EQ(b2.rate_lines, (std::vector<RateLineRef>{{"B2-GEN", "test sheet", "T1"}}));
    EXPECT_EQ(b2.offer_valid_from, Date::parse("2026-11-25", "t"));
    EXPECT_EQ(b2.offer_valid_to, Date::parse("2026-11-27", "t"));

    const OptionRecord& a1 = records[1];
    EXPECT_EQ(a1.rank, 2);
    EXPECT_EQ(a1.carrier.view(), "A1");
    EXPECT_EQ(a1.margin, cargoquote::test::money("1901.40", "CNY"));
    EXPECT_EQ(a1.rate_lines, (std::vector<RateLineRef>{{"A1-GEN", "test sheet", "T1"}}));

    // The JSON is the writer's own fragment for that option.
    const nlohmann::json written = to_json(result).at("bookingOptions");
    EXPECT_EQ(nlohmann::json::parse(b2.option_json), written.at(0));
    EXPECT_EQ(nlohmann::json::parse(a1.option_json), written.at(1));
    EXPECT_EQ(nlohmann::json::parse(a1.option_json).at("rateSheet").at("lineId"), "A1-GEN");

    // The customer's view: the sell total, charge lines that add up to it, and no buy side.
    const nlohmann::json sell = nlohmann::json::parse(b2.sell_view_json);
    EXPECT_EQ(sell.at("price").at("total").at("amount"), "22921.40");
    Money sum = Money::zero(CurrencyCode::parse("CNY"));
    for (const auto& charge : sell.at("price").at("charges")) {
        sum += Money::parse(CurrencyCode::parse("CNY"),
                            charge.at("amount").at("amount").get<std::string>(), "amount");
    }
    EXPECT_EQ(sum, b2.sell_total);
    EXPECT_EQ(sell.at("price").at("charges").at(0).at("code"), "FRT");
    for (const char* secret : {"buyTotal", "margin", "lineId", "rateSheet", "ratelines", "21155"}) {
        EXPECT_EQ(b2.sell_view_json.find(secret), std::string::npos) << secret;
    }
}

TEST(QuoteRecordTest, InterlineOptionsNameEverySectorsLine) {
    const QuoteEngine engine(std::make_shared<const RateBook>(book_with_interline()));
    const QuoteResult result = engine.quote(pallets_pvg_fra("2026-11-26T06:00"));
    const auto records = option_records(result);
    ASSERT_EQ(records.size(), result.options.size());
    const auto interline = std::find_if(records.begin(), records.end(), [](const OptionRecord& r) {
        return r.rate_lines.size() == 2;
    });
    ASSERT_NE(interline, records.end());
    EXPECT_EQ(interline->routing, "A1 100 PVG-ICN, B2 900 ICN-FRA");
    EXPECT_EQ(interline->rate_lines,
              (std::vector<RateLineRef>{{"A1-PVG-ICN", "A1 sectors", "S7"},
                                        {"B2-ICN-FRA", "B2 sectors", "S8"}}));
    // Ready 06:00 CST = 22:00Z on 25 Nov; B2 900 lands 19:00 CET = 18:00Z on 26 Nov, available
    // 180 minutes later (the fixture's handling time): 21:00Z, 23 hours after ready.
    EXPECT_EQ(interline->transit_minutes, 23 * 60);
    EXPECT_EQ(interline->margin, interline->sell_total - interline->buy_total);
    for (const OptionRecord& r : records) {
        SCOPED_TRACE(r.routing);
        EXPECT_TRUE(r.transit_minutes.has_value());  // every option flies a schedule here
        EXPECT_NE(r.routing.find(r.carrier.str() + " "), std::string::npos);
    }
}

class QuoteRecordStoreTest : public test::DeskTest {};

TEST_F(QuoteRecordStoreTest, AnEngineQuoteIsStoredAndReadBackUnchanged) {
    const QuoteEngine engine(std::make_shared<const RateBook>(book_with_interline()));
    const QuoteRequest request = pallets_pvg_fra("2026-11-26T06:00");
    const QuoteResult result = engine.quote(request);
    const NewInquiry in = new_inquiry(result, {.request_json = to_json(request).dump(),
                                               .channel = Channel::Staff,
                                               .taken_by = anna.user.id,
                                               .received_at = utc("2026-11-25T08:00:00"),
                                               .rate_snapshot = "sample.db@import-3"});
    EXPECT_EQ(in.customer_id, "WALKIN");
    EXPECT_EQ(in.lane.text(), "PVG-FRA");
    const InquiryId id = store.record_inquiry(in);
    const auto detail = store.inquiry(id);
    ASSERT_TRUE(detail.has_value());
    EXPECT_EQ(detail->options, in.options);
    EXPECT_EQ(detail->inquiry.customer_id, "WALKIN");
    EXPECT_EQ(detail->inquiry.rate_snapshot, "sample.db@import-3");
    EXPECT_EQ(nlohmann::json::parse(detail->inquiry.request_json), to_json(request));
}

}  // namespace
}  // namespace cargoquote::desk
