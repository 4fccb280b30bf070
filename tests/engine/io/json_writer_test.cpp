// JsonWriter against nlohmann::json's dump() of the same values: numbers, escaping, layout.
#include <gtest/gtest.h>

#include <cargoquote/io/json_writer.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

namespace cargoquote {
namespace {
using nlohmann::json;

std::string written(int indent, const auto& write) {
    JsonWriter w(indent, 4);  // a small buffer, so the tests also cover its growth
    write(w);
    return w.take();
}

TEST(JsonWriterTest, DoublesAreFormattedAsDumpFormatsThem) {
    const double values[] = {0.0,
                             -0.0,
                             1.0,
                             5.0,
                             0.1,
                             1.0 / 3.0,
                             2.0 / 3.0,
                             1e-7,
                             1.5e-5,
                             1e15,
                             1e16,
                             1e17,
                             1e21,
                             1e22,
                             -123.45,
                             6.02e23,
                             4.9e-324,
                             std::numeric_limits<double>::max(),
                             0.30000000000000004,
                             100.0,
                             12345678.9};
    for (const double v : values) {
        EXPECT_EQ(written(-1, [&](JsonWriter& w) { w.value(v); }), json(v).dump()) << v;
    }
    EXPECT_EQ(written(-1, [](JsonWriter& w) { w.value(std::nan("")); }), "null");
    EXPECT_EQ(written(-1, [](JsonWriter& w) { w.value(HUGE_VAL); }), "null");
}

TEST(JsonWriterTest, IntegersAndBooleansKeepTheirType) {
    EXPECT_EQ(
        written(-1, [](JsonWriter& w) { w.value(std::int64_t{-9'223'372'036'854'775'807} - 1); }),
        json(std::numeric_limits<std::int64_t>::min()).dump());
    EXPECT_EQ(
        written(-1, [](JsonWriter& w) { w.value(std::numeric_limits<std::uint64_t>::max()); }),
        json(std::numeric_limits<std::uint64_t>::max()).dump());
    EXPECT_EQ(written(-1,
                      [](JsonWriter& w) {
                          w.begin_array().value(0).value(true).value(false).null().end_array();
                      }),
              "[0,true,false,null]");
}

TEST(JsonWriterTest, StringsAreEscapedAsDumpEscapesThem) {
    const std::string values[] = {"",
                                  "plain",
                                  "quote \" and backslash \\",
                                  "tab\tnew\nline\rform\fback\b",
                                  std::string("nul\0byte", 8),
                                  "\x01\x1f\x7f",
                                  "Zürich – 北京 🚀",
                                  "/slash"};
    for (const auto& v : values) {
        EXPECT_EQ(written(-1, [&](JsonWriter& w) { w.value(v); }), json(v).dump()) << v;
    }
    EXPECT_THROW((void)written(-1, [](JsonWriter& w) { w.value("bad \xC3 byte"); }),
                 json::type_error);
}

TEST(JsonWriterTest, LayoutMatchesDumpCompactAndIndented) {
    const json tree = json::parse(R"({
        "a": [], "b": {}, "c": [1, [2, []], {"d": {}}], "e": {"f": [true, null], "g": "x"},
        "h": 1.5})");
    for (const int indent : {-1, 0, 2, 4}) {
        const std::string text = written(indent, [](JsonWriter& w) {
            w.begin_object().key("a").begin_array().end_array();
            w.key("b").begin_object().end_object();
            w.key("c").begin_array().value(1).begin_array().value(2).begin_array().end_array();
            w.end_array().begin_object().key("d").begin_object().end_object().end_object();
            w.end_array();
            w.key("e").begin_object().key("f").begin_array().value(true).null().end_array();
            w.field("g", "x").end_object();
            w.field("h", 1.5).end_object();
        });
        EXPECT_EQ(text, tree.dump(indent)) << "indent " << indent;
    }
}

TEST(JsonWriterTest, OptionalsAreNullWhenEmpty) {
    const std::optional<int> none, three = 3;
    EXPECT_EQ(written(-1,
                      [&](JsonWriter& w) {
                          w.begin_object().field("a", none).field("b", three).end_object();
                      }),
              R"({"a":null,"b":3})");
}

}  // namespace
}  // namespace cargoquote
