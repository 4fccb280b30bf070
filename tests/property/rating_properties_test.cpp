// Properties of the rating rules over random shipments and rate lines (RapidCheck).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/pricing/weight_charge.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>

#include "support/test_data.hpp"

namespace cargoquote {
namespace {

rc::Gen<Piece> genPiece() {
    return rc::gen::apply(
        [](int count, int l_mm, int w_mm, int h_mm, int grams) {
            return Piece{count, Length::micrometres(l_mm * 1000LL),
                         Length::micrometres(w_mm * 1000LL), Length::micrometres(h_mm * 1000LL),
                         Mass::grams(grams)};
        },
        rc::gen::inRange(1, 10), rc::gen::inRange(10, 3000), rc::gen::inRange(10, 3000),
        rc::gen::inRange(10, 3000), rc::gen::inRange(1, 2'000'000));
}

// Ascending breaks from 0 with any (not necessarily decreasing) rates, any minimum.
rc::Gen<std::vector<WeightBreak>> genBreaks() {
    return rc::gen::map(
        rc::gen::pair(rc::gen::container<std::vector<int>>(rc::gen::inRange(1, 2000)),
                      rc::gen::container<std::vector<int>>(6, rc::gen::inRange(1, 100'000'000))),
        [](const std::pair<std::vector<int>, std::vector<int>>& in) {
            std::vector<WeightBreak> breaks;
            std::int64_t from = 0;
            const auto ccy = CurrencyCode::parse("EUR");
            for (std::size_t i = 0; i < in.second.size(); ++i) {
                breaks.push_back(WeightBreak{Mass::grams(from), Money(ccy, in.second[i])});
                from += (i < in.first.size() ? in.first[i] : 45) * 1000LL;
            }
            return breaks;
        });
}

RC_GTEST_PROP(ChargeableWeightProperties, NeverBelowRoundedGrossOrVolumeWeight, ()) {
    const auto pieces = *rc::gen::container<std::vector<Piece>>(
        static_cast<std::size_t>(*rc::gen::inRange(1, 5)), genPiece());
    const auto divisor = *rc::gen::element<std::int64_t>(5000, 6000, 7000);
    const WeightRules rules{VolumetricDivisor{divisor}, Mass::grams(500)};
    const auto w = compute_chargeable_weight(pieces, rules);
    RC_ASSERT(w.chargeable >= w.gross_weight);
    RC_ASSERT(w.chargeable >= w.volume_weight);
    RC_ASSERT(w.gross_weight >= w.actual_gross);
    RC_ASSERT(w.gross_weight.in_grams() % 500 == 0);
    RC_ASSERT(w.volume_weight.in_grams() % 500 == 0);
    // Volume weight is the least 0.5 kg multiple not below volume / divisor.
    RC_ASSERT(w.volume_weight.in_grams() * divisor >= w.volume.in_cm3() * 1000);
    RC_ASSERT((w.volume_weight.in_grams() - 500) * divisor < w.volume.in_cm3() * 1000);
}

RC_GTEST_PROP(ChargeableWeightProperties, NeverDecreasesWhenAPieceGrows, ()) {
    const auto p = *genPiece();
    Piece bigger = p;
    bigger.height = bigger.height + Length::micrometres(*rc::gen::inRange(0, 500'000));
    bigger.weight_per_piece = bigger.weight_per_piece + Mass::grams(*rc::gen::inRange(0, 100'000));
    const std::vector a{p}, b{bigger};
    RC_ASSERT(compute_chargeable_weight(b, WeightRules{}).chargeable >=
              compute_chargeable_weight(a, WeightRules{}).chargeable);
}

RC_GTEST_PROP(WeightChargeProperties, NeverDecreasesAsWeightGrows, ()) {
    const auto breaks = *genBreaks();
    const Money minimum(CurrencyCode::parse("EUR"), *rc::gen::inRange(0, 500'000'000));
    const auto grams = *rc::gen::inRange(500, 20'000'000);
    const auto more = grams + *rc::gen::inRange(0, 1'000'000);
    RC_ASSERT(weight_charge(breaks, minimum, Mass::grams(more)).amount >=
              weight_charge(breaks, minimum, Mass::grams(grams)).amount);
}

RC_GTEST_PROP(WeightChargeProperties, NeverAboveTheStraightRateOrBelowTheMinimum, ()) {
    const auto breaks = *genBreaks();
    const Money minimum(CurrencyCode::parse("EUR"), *rc::gen::inRange(0, 500'000'000));
    const Mass w = Mass::grams(*rc::gen::inRange(500, 20'000'000));
    const auto charge = weight_charge(breaks, minimum, w);
    const Money straight =
        charge_for_quantity(applicable_break(breaks, w).rate_per_kg, w.in_grams(), 1000);
    RC_ASSERT(charge.amount >= minimum.rounded_to_minor_unit());
    RC_ASSERT(charge.amount <= max(straight, minimum.rounded_to_minor_unit()));
    RC_ASSERT(charge.declared_weight >= w);
}

RC_GTEST_PROP(QuoteProperties, TotalsEqualTheSumOfTheirLinesExactly, ()) {
    static const QuoteEngine engine(std::make_shared<const RateBook>(test::small_rate_book()));
    QuoteRequest r;
    r.shipment.origin = AirportCode::parse("PVG");
    r.shipment.destination = AirportCode::parse("FRA");
    r.shipment.pieces = *rc::gen::container<std::vector<Piece>>(
        static_cast<std::size_t>(*rc::gen::inRange(1, 4)), genPiece());
    r.shipment.commodity =
        Commodity::parse(*rc::gen::element<std::string>("GEN", "2199", "AVI", "NWP", "DGR"), "c");
    r.shipment.ready_time = LocalDateTime::parse("2026-11-26T10:00", "r");
    if (*rc::gen::arbitrary<bool>()) {
        r.shipment.declared_value =
            Money(CurrencyCode::parse("CNY"), *rc::gen::inRange(0, 2'000'000'000) * 1000LL);
    }
    if (*rc::gen::arbitrary<bool>()) r.shipment.customer_id = "ACME";
    const auto result = engine.quote(r);
    RC_ASSERT(result.options.size() + result.rejections.size() == 2u);
    for (const auto& o : result.options) {
        Money sum = Money::zero(o.currency);
        for (const auto& c : o.charges) {
            RC_ASSERT(c.amount == c.amount.rounded_to_minor_unit());
            sum += c.amount;
        }
        RC_ASSERT(sum == o.buy_total);
        RC_ASSERT(o.buy_total + o.margin.amount == o.sell_total);
        RC_ASSERT(o.weights.chargeable >= o.weights.gross_weight);
    }
}

// The small book with B2's fuel at 1.05 EUR per chargeable kg (X4's sample rate): on the 0.5 kg
// weight steps the EUR amount has a sub-cent part (0.525 EUR), which rounding before converting
// would shift.
RateBook book_with_fuel_in_eur() {
    RateBookData data = test::small_rate_book();
    for (Surcharge& s : data.surcharges) {
        if (s.surcharge_id == "B2-MY")
            s.amount = Money::parse(CurrencyCode::parse("EUR"), "1.05", "t");
    }
    return RateBook(std::move(data));
}

RC_GTEST_PROP(QuoteProperties, AChargeInAnotherCurrencyIsConvertedExactlyAndRoundedOnce, ()) {
    // 1.05 EUR x 7.80 = 8.19 CNY per kg of the exact chargeable weight, rounded half-up to the fen
    // once (never 1.05 x kg rounded to the cent in EUR first).
    static const QuoteEngine engine(std::make_shared<const RateBook>(book_with_fuel_in_eur()));
    QuoteRequest r;
    r.shipment.origin = AirportCode::parse("PVG");
    r.shipment.destination = AirportCode::parse("FRA");
    r.shipment.pieces = {*genPiece()};
    r.shipment.ready_time = LocalDateTime::parse("2026-11-26T10:00", "r");
    const auto result = engine.quote(r);
    bool seen = false;
    for (const auto& o : result.options) {
        if (o.carrier.view() != "B2") continue;
        for (const auto& c : o.charges) {
            if (c.code != "MY") continue;
            const std::int64_t grams = o.weights.chargeable.in_grams();
            const std::int64_t fen = (819 * grams * 2 + 1000) / 2000;  // 819 fen/kg, half-up
            RC_ASSERT(c.amount == Money(CurrencyCode::parse("CNY"), fen * 10'000));
            seen = true;
        }
    }
    RC_ASSERT(seen);
}

}  // namespace
}  // namespace cargoquote
