#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {
using nlohmann::json;

json sample_request() {
    return json::parse(R"({
      "schema": "cargoquote.quote_request/1",
      "shipment": {
        "origin": "PVG", "destination": "FRA",
        "pieces": [{"count": 3, "dimensions": {"length": 120, "width": "80", "height": 100.0, "unit": "CMT"},
                    "grossWeight": {"value": "250", "unit": "KGM"}}],
        "commodity": "GEN",
        "declaredValue": {"amount": "300000", "currency": "CNY"},
        "readyTime": "2026-11-26T10:00",
        "customer": "ACME"
      },
      "currency": "EUR",
      "quoteDate": "2026-11-25"
    })");
}

std::string field_of(const json& doc) {
    try {
        (void)quote_request_from_json(doc);
    } catch (const InputError& e) {
        return e.field();
    }
    return "(no error)";
}

TEST(JsonRequestTest, ParsesTheDocumentedSchema) {
    const auto r = quote_request_from_json(sample_request());
    EXPECT_EQ(r.shipment.pieces.front(), test::piece(3, "120", "80", "100", "250"));
    EXPECT_EQ(r.shipment.declared_value, test::money("300000", "CNY"));
    EXPECT_EQ(r.currency->view(), "EUR");
    EXPECT_EQ(r.quote_date->iso(), "2026-11-25");
    EXPECT_EQ(*r.shipment.customer_id, "ACME");
}

TEST(JsonRequestTest, RoundTripsThroughToJson) {
    const auto r = quote_request_from_json(sample_request());
    const auto again = quote_request_from_json(to_json(r));
    EXPECT_EQ(to_json(again), to_json(r));
    EXPECT_EQ(again.shipment.pieces, r.shipment.pieces);
}

TEST(JsonRequestTest, ErrorsNameTheJsonPointer) {
    auto doc = sample_request();
    doc["shipment"]["origin"] = "pv1";
    EXPECT_EQ(field_of(doc), "/shipment/origin");
    doc = sample_request();
    doc["shipment"]["pieces"][0]["grossWeight"]["value"] = "-3";
    EXPECT_EQ(field_of(doc), "/shipment/pieces/0/grossWeight/value");
    doc = sample_request();
    doc["shipment"]["pieces"][0]["dimensions"].erase("height");
    EXPECT_EQ(field_of(doc), "/shipment/pieces/0/dimensions/height");
    doc = sample_request();
    doc["shipment"]["colour"] = "red";
    EXPECT_EQ(field_of(doc), "/shipment/colour");
    doc = sample_request();
    doc["shipment"]["declaredValue"]["amount"] = true;
    EXPECT_EQ(field_of(doc), "/shipment/declaredValue/amount");
    doc = sample_request();
    doc["shipment"]["readyTime"] = "tomorrow";
    EXPECT_EQ(field_of(doc), "/shipment/readyTime");
}

TEST(JsonRequestTest, MalformedTextIsInvalidJson) {
    try {
        (void)parse_quote_request("{\"shipment\": ");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidJson);
    }
}

TEST(JsonResultTest, MoneyIsADecimalString) {
    EXPECT_EQ(to_json(test::money("623", "EUR")),
              json::parse(R"({"amount":"623.00","currency":"EUR"})"));
}

TEST(JsonResultTest, ResultCarriesRankedOptionsAndRejections) {
    const QuoteEngine engine(std::make_shared<const RateBook>(test::small_rate_book()));
    auto request = quote_request_from_json(sample_request());
    request.currency.reset();
    const json j = to_json(engine.quote(request));
    EXPECT_EQ(j["schema"], kQuoteResultSchema);
    ASSERT_EQ(j["bookingOptions"].size(), 2u);
    EXPECT_EQ(j["bookingOptions"][0]["rank"], 1);
    EXPECT_EQ(j["readyTime"]["utc"], "2026-11-26T02:00:00Z");
    EXPECT_EQ(j["readyTime"]["local"], "2026-11-26T10:00+08:00");
    const auto& price = j["bookingOptions"][0]["price"];
    EXPECT_EQ(price["ratelines"][0]["code"], "WT");
    EXPECT_TRUE(price["sellTotal"]["amount"].is_string());
}

}  // namespace
}  // namespace cargoquote
