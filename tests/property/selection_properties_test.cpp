// Properties of the selection model (RapidCheck): hard limits before ranking, invariance of the
// ranking under weight scaling, the Pareto flags, and fixed-bounds normalization.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cargoquote/selection/mcdm.hpp>
#include <cargoquote/selection/pareto.hpp>
#include <cargoquote/selection/qpr.hpp>
#include <cargoquote/selection/ranking.hpp>

#include "support/test_data.hpp"

namespace cargoquote::selection {
namespace {

rc::Gen<OptionCriteria> genCriteria() {
    return rc::gen::apply(
        [](int price, int minutes, int reliability, int risk, int co2, int legs) {
            return OptionCriteria{.price = price / 100.0,
                                  .transit_minutes = static_cast<double>(minutes),
                                  .reliability = reliability / 1000.0,
                                  .risk = risk / 1000.0,
                                  .co2e_kg = static_cast<double>(co2),
                                  .legs = legs};
        },
        rc::gen::inRange(10'000, 5'000'000), rc::gen::inRange(300, 10'000),
        rc::gen::inRange(500, 1000), rc::gen::inRange(0, 800), rc::gen::inRange(10, 20'000),
        rc::gen::inRange(1, 4));
}

rc::Gen<RankingMethod> genMethod() {
    return rc::gen::element(RankingMethod::WeightedSum, RankingMethod::Topsis,
                            RankingMethod::Vikor);
}

CriterionWeights genWeights() {
    CriterionWeights w;
    for (auto& v : w.values) v = *rc::gen::inRange(0, 100) / 10.0;
    w.values[0] += 0.1;  // at least one positive
    return w;
}

std::vector<std::size_t> order(const std::vector<RankedOption>& ranked) {
    std::vector<std::size_t> out;
    for (const auto& r : ranked) out.push_back(r.index);
    return out;
}

RC_GTEST_PROP(SelectionProperties, ScalingAllWeightsNeverChangesTheRanking, ()) {
    const auto options = *rc::gen::container<std::vector<OptionCriteria>>(
        static_cast<std::size_t>(*rc::gen::inRange(1, 9)), genCriteria());
    const auto method = *genMethod();
    const CriterionWeights w = genWeights();
    CriterionWeights scaled = w;
    const double factor = *rc::gen::inRange(1, 1000) / 7.0;
    for (auto& v : scaled.values) v *= factor;
    RC_ASSERT(order(rank_options(options, method, w)) ==
              order(rank_options(options, method, scaled)));
}

RC_GTEST_PROP(SelectionProperties, ParetoFlagsAreExactlyTheNonDominatedOptions, ()) {
    const auto options = *rc::gen::container<std::vector<OptionCriteria>>(
        static_cast<std::size_t>(*rc::gen::inRange(1, 9)), genCriteria());
    const auto ranked = rank_options(options, *genMethod(), genWeights());
    for (const auto& r : ranked) {
        const auto& a = options[r.index];
        bool dominated = false;
        for (const auto& b : options) {
            const bool no_worse = b.price <= a.price && b.transit_minutes <= a.transit_minutes &&
                                  b.reliability >= a.reliability && b.risk <= a.risk &&
                                  b.co2e_kg <= a.co2e_kg;
            const bool better = b.price < a.price || b.transit_minutes < a.transit_minutes ||
                                b.reliability > a.reliability || b.risk < a.risk ||
                                b.co2e_kg < a.co2e_kg;
            dominated = dominated || (no_worse && better);
        }
        RC_ASSERT(r.pareto == !dominated);
    }
}

RC_GTEST_PROP(SelectionProperties, AnOptionBreakingAHardLimitIsNeverRanked, ()) {
    const RateBook book(test::small_rate_book());
    SlaTier tier{.tier = "t",
                 .max_transit_hours = *rc::gen::inRange(10, 150),
                 .min_reliability = *rc::gen::inRange(500, 1000) / 1000.0,
                 .max_price_over_cheapest = *rc::gen::inRange(0, 200) / 100.0,
                 .max_risk = *rc::gen::inRange(0, 800) / 1000.0};
    const ResolvedSla sla{"t", tier, false};
    const auto options = *rc::gen::container<std::vector<OptionCriteria>>(
        static_cast<std::size_t>(*rc::gen::inRange(1, 9)), genCriteria());
    double cheapest = options.front().price;
    for (const auto& o : options) cheapest = std::min(cheapest, o.price);
    std::vector<OptionCriteria> eligible;
    for (const auto& o : options) {
        const Money price(CurrencyCode::parse("CNY"), static_cast<std::int64_t>(o.price * 1e6));
        const auto breaches =
            check_sla(sla, o, cheapest, price, book, Date::parse("2026-11-26", "d"), nullptr);
        const bool within = o.transit_minutes <= *tier.max_transit_hours * 60.0 &&
                            o.reliability >= *tier.min_reliability && o.risk <= *tier.max_risk &&
                            o.price / cheapest - 1 <= *tier.max_price_over_cheapest + 1e-12;
        RC_ASSERT(breaches.empty() == within);
        if (breaches.empty()) eligible.push_back(o);
    }
    const auto ranked = rank_options(eligible, RankingMethod::Topsis, CriterionWeights{});
    RC_ASSERT(ranked.size() == eligible.size());
    for (const auto& r : ranked) {
        const auto& o = eligible[r.index];
        RC_ASSERT(o.transit_minutes <= *tier.max_transit_hours * 60.0);
    }
}

// With fixed bounds each option's normalized values do not depend on the others, so adding an
// option dominated by an existing one never changes the order of the others.
RC_GTEST_PROP(SelectionProperties, FixedBoundsIgnoreAnAddedDominatedOption, ()) {
    const auto n = static_cast<std::size_t>(*rc::gen::inRange(2, 8));
    std::vector<std::vector<double>> rows;
    for (std::size_t i = 0; i < n; ++i) {
        rows.push_back({*rc::gen::inRange(100, 1000) * 1.0, *rc::gen::inRange(60, 6000) * 1.0,
                        *rc::gen::inRange(500, 1000) / 1000.0});
    }
    const std::vector<CriterionType> types = {CriterionType::Cost, CriterionType::Cost,
                                              CriterionType::Benefit};
    const std::vector<Bounds> bounds = {{0, 1000}, {0, 6000}, {0, 1}};
    const std::vector<double> w = {0.5, 0.3, 0.2};
    const auto before =
        weighted_sum(Matrix::from_rows(rows), w, types, Normalization::FixedBounds, bounds);
    auto worse = rows[*rc::gen::inRange<std::size_t>(0, n)];
    worse[0] = std::min(1000.0, worse[0] + 10);
    worse[1] = std::min(6000.0, worse[1] + 10);
    rows.push_back(worse);
    const auto after =
        weighted_sum(Matrix::from_rows(rows), w, types, Normalization::FixedBounds, bounds);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < n; ++k) {
            RC_ASSERT((before[i] < before[k]) == (after[i] < after[k]));
        }
    }
}

}  // namespace
}  // namespace cargoquote::selection
