// Every published rating example in tests/data/reference/rating_cases.json, read from the file.
#include <gtest/gtest.h>

#include <cargoquote/pricing/weight_charge.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {
using nlohmann::json;

json cases() {
    return test::read_json(test::source_dir() / "tests/data/reference/rating_cases.json");
}

// JSON numbers in the file are decimal text for the exact parsers.
std::string dec(const json& v) { return v.dump(); }

TEST(ReferenceCasesTest, ChargeableWeight) {
    int checked = 0;
    const json all = cases();
    for (const auto& c : all["chargeable_weight"]) {
        if (!c.contains("pieces")) continue;
        std::vector<Piece> pieces;
        for (const auto& p : c["pieces"]) {
            pieces.push_back(test::piece(p["count"].get<int>(), dec(p["length"]), dec(p["width"]),
                                         dec(p["height"]), dec(p["weight"])));
        }
        const WeightRules rules{VolumetricDivisor{c["divisor"].get<std::int64_t>()},
                                test::kg("0.5")};
        const auto w = compute_chargeable_weight(pieces, rules);
        const auto& e = c["expect"];
        const std::string id = c["id"].get<std::string>();
        EXPECT_EQ(w.volume.in_cm3(), e["volume_cm3"].get<std::int64_t>()) << id;
        EXPECT_EQ(w.volume_weight, test::kg(dec(e["volume_weight"]))) << id;
        EXPECT_EQ(w.chargeable, test::kg(dec(e["chargeable_weight"]))) << id;
        if (e.contains("gross_weight")) {
            EXPECT_EQ(w.gross_weight, test::kg(dec(e["gross_weight"]))) << id;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 3);
}

TEST(ReferenceCasesTest, GrossWeightRounding) {
    int checked = 0;
    const json all = cases();
    for (const auto& c : all["chargeable_weight"]) {
        if (!c.contains("cases")) continue;
        for (const auto& pair : c["cases"]) {
            const Mass gross = test::kg(dec(pair[0]));
            EXPECT_EQ(gross.rounded_up_to(test::kg("0.5")), test::kg(dec(pair[1]))) << pair.dump();
            ++checked;
        }
    }
    EXPECT_EQ(checked, 4);
}

TEST(ReferenceCasesTest, WeightCharge) {
    int checked = 0;
    const json all = cases();
    for (const auto& c : all["weight_charge"]) {
        const std::string ccy = c["currency"].get<std::string>();
        std::vector<WeightBreak> breaks;
        for (const auto& b : c["breaks"]) {
            breaks.push_back(WeightBreak{test::kg(dec(b[0])), test::money(dec(b[1]), ccy)});
        }
        const Money minimum = test::money(dec(c["min_charge"]), ccy);
        for (const auto& pair : c["cases"]) {
            const auto charge = weight_charge(breaks, minimum, test::kg(dec(pair[0])));
            EXPECT_EQ(charge.amount, test::money(dec(pair[1]), ccy))
                << c["id"] << " " << pair.dump();
            if (c.contains("expect_declared_weight")) {
                EXPECT_EQ(charge.declared_weight, test::kg(dec(c["expect_declared_weight"])));
                EXPECT_TRUE(charge.higher_break_applied);
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, 6);
}

TEST(ReferenceCasesTest, MinimumBreakEvenMatchesThePublishedNote) {
    // min-vs-normal-fra-dam: M 76.69 / N 4.01 = 19.12 kg
    const auto charge =
        weight_charge(test::breaks("0:4.01", "EUR"), test::money("76.69", "EUR"), test::kg("10"));
    ASSERT_TRUE(charge.minimum_break_even.has_value());
    EXPECT_EQ(charge.minimum_break_even->in_grams(), 19'125);  // 19.1247 kg to the gram
    EXPECT_TRUE(charge.minimum_applied);
}

TEST(ReferenceCasesTest, NetPlusFuelAndSecurity) {
    const json all = cases();
    for (const auto& c : all["surcharges"]) {
        const std::string ccy = c["currency"].get<std::string>();
        const Mass chargeable = test::kg(dec(c["chargeable_weight"]));
        const Mass gross = test::kg(dec(c["gross_weight"]));
        const Money total =
            charge_for_quantity(test::money(dec(c["freight_per_kg_chargeable"]), ccy),
                                chargeable.in_grams(), 1000) +
            charge_for_quantity(test::money(dec(c["fuel_per_kg_chargeable"]), ccy),
                                chargeable.in_grams(), 1000) +
            charge_for_quantity(test::money(dec(c["security_per_kg_gross"]), ccy), gross.in_grams(),
                                1000);
        EXPECT_EQ(total, test::money(dec(c["expect_total"]), ccy));
    }
}

}  // namespace
}  // namespace cargoquote
