#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/decimal.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/mcdm.hpp>
#include <cargoquote/selection/method_scores.hpp>
#include <cargoquote/selection/normalization.hpp>
#include <cargoquote/selection/pareto.hpp>
#include <cargoquote/selection/ranking.hpp>
#include <cargoquote/selection/sensitivity.hpp>
#include <cmath>
#include <numeric>

namespace cargoquote::selection {

namespace {
const std::vector<CriterionType> kTypes = {CriterionType::Cost, CriterionType::Cost,
                                           CriterionType::Benefit, CriterionType::Cost,
                                           CriterionType::Cost};

std::array<double, 5> raw_of(const OptionCriteria& c) {
    return {c.price, c.transit_minutes, c.reliability, c.risk, c.co2e_kg};
}

// Min-max per criterion with "higher is better" orientation; all-equal columns give 1.
std::vector<std::array<double, 5>> min_max(const std::vector<OptionCriteria>& options) {
    std::vector<std::array<double, 5>> out(options.size());
    for (std::size_t j = 0; j < 5; ++j) {
        double lo = INFINITY, hi = -INFINITY;
        for (const auto& o : options) {
            lo = std::min(lo, raw_of(o)[j]);
            hi = std::max(hi, raw_of(o)[j]);
        }
        for (std::size_t i = 0; i < options.size(); ++i) {
            const double x = raw_of(options[i])[j];
            if (hi - lo < 1e-12) {
                out[i][j] = 1.0;  // nothing to choose between: everyone is best
                continue;
            }
            const double n = (x - lo) / (hi - lo);
            out[i][j] = kTypes[j] == CriterionType::Benefit ? n : 1.0 - n;
        }
    }
    return out;
}

// Not dominated on all five criteria. Only an option no dearer can dominate, so each option is
// compared with the cheaper prefix of the price order (the same answer as pareto_front, which
// compares every pair).
std::vector<bool> pareto_flags(const std::vector<OptionCriteria>& options) {
    std::vector<std::size_t> by_price(options.size());
    std::iota(by_price.begin(), by_price.end(), std::size_t{0});
    std::sort(by_price.begin(), by_price.end(),
              [&](std::size_t a, std::size_t b) { return options[a].price < options[b].price; });
    std::vector<bool> flags(options.size(), true);
    for (const std::size_t i : by_price) {
        const OptionCriteria& a = options[i];
        for (const std::size_t j : by_price) {
            const OptionCriteria& b = options[j];
            if (b.price > a.price) break;
            if (j == i) continue;
            const bool no_worse = b.transit_minutes <= a.transit_minutes &&
                                  b.reliability >= a.reliability && b.risk <= a.risk &&
                                  b.co2e_kg <= a.co2e_kg;
            const bool better = b.price < a.price || b.transit_minutes < a.transit_minutes ||
                                b.reliability > a.reliability || b.risk < a.risk ||
                                b.co2e_kg < a.co2e_kg;
            if (no_worse && better) {
                flags[i] = false;
                break;
            }
        }
    }
    return flags;
}

std::string hours(double minutes) { return fmt::format("{:.1f} h", minutes / 60.0); }

// Why `o` ranks below `above`: its biggest weighted losses and gains on the normalized scale.
std::string explain(const RankedOption& o, const RankedOption* above,
                    const std::vector<OptionCriteria>& options) {
    const OptionCriteria& c = options[o.index];
    if (above == nullptr) {
        const auto best = std::max_element(
            o.criteria.begin(), o.criteria.end(),
            [](const auto& a, const auto& b) { return a.contribution < b.contribution; });
        return fmt::format("ranks first: the best balance under these weights, led by {}",
                           best->criterion);
    }
    const OptionCriteria& a = options[above->index];
    std::vector<std::string> worse, better;
    const auto describe = [&](std::size_t j, bool gains) {
        switch (j) {
            case 0:
                return fmt::format("{:.1f} % {}", 100 * std::abs(c.price / a.price - 1),
                                   gains ? "cheaper" : "dearer");
            case 1:
                return fmt::format("{} {}", hours(std::abs(c.transit_minutes - a.transit_minutes)),
                                   gains ? "faster" : "slower");
            case 2:
                return fmt::format("{:.1f} points {} reliable",
                                   100 * std::abs(c.reliability - a.reliability),
                                   gains ? "more" : "less");
            case 3:
                return fmt::format("{:.1f} points {} risk", 100 * std::abs(c.risk - a.risk),
                                   gains ? "less" : "more");
            default:
                return fmt::format("{:.0f} kg CO2e {}", std::abs(c.co2e_kg - a.co2e_kg),
                                   gains ? "less" : "more");
        }
    };
    for (std::size_t j = 0; j < 5; ++j) {
        const double diff = o.criteria[j].contribution - above->criteria[j].contribution;
        if (o.criteria[j].weight <= 0 || std::abs(diff) < 1e-9) continue;
        (diff < 0 ? worse : better).push_back(describe(j, diff > 0));
    }
    std::string sentence = fmt::format("ranks {} behind #{}", o.rank, above->rank);
    if (!worse.empty()) sentence += fmt::format(": {}", fmt::join(worse, ", "));
    if (!better.empty())
        sentence +=
            fmt::format("{} despite being {}", worse.empty() ? ":" : ";", fmt::join(better, ", "));
    return sentence;
}
}  // namespace

namespace {
Matrix matrix_of(const std::vector<OptionCriteria>& options) {
    std::vector<std::vector<double>> rows;
    for (const auto& o : options) {
        const auto r = raw_of(o);
        rows.emplace_back(r.begin(), r.end());
    }
    return Matrix::from_rows(rows);
}

std::vector<double> unit_weights(const CriterionWeights& weights) {
    const double total = std::accumulate(weights.values.begin(), weights.values.end(), 0.0);
    std::vector<double> w(5);
    for (std::size_t j = 0; j < 5; ++j) w[j] = weights.values[j] / total;
    return w;
}
}  // namespace

std::vector<WeightInterval> top_option_sensitivity(const std::vector<OptionCriteria>& options,
                                                   RankingMethod method,
                                                   const CriterionWeights& weights) {
    if (options.empty()) return {};
    const Normalization n = ranking_normalization(method);
    auto intervals =
        weight_sensitivity(method, matrix_of(options), unit_weights(weights), kTypes, n, 0.5);
    std::erase_if(intervals, [](const WeightInterval& i) { return i.current <= 0; });
    return intervals;
}

std::vector<RankedOption> rank_options(const std::vector<OptionCriteria>& options,
                                       RankingMethod method, const CriterionWeights& weights,
                                       bool with_reasons) {
    std::vector<RankedOption> ranked(options.size());
    if (options.empty()) return ranked;
    const std::vector<double> w = unit_weights(weights);
    const Matrix matrix = matrix_of(options);
    const auto normalized = min_max(options);
    const RankingMethodTraits& traits = ranking_method_traits(method);
    const std::vector<double> scores =
        method_scores(method, matrix, w, kTypes, ranking_normalization(method), 0.5);
    const auto ranks = ranks_from_scores(scores, traits.higher_is_better);
    const auto pareto = pareto_flags(options);
    for (std::size_t i = 0; i < options.size(); ++i) {
        RankedOption& r = ranked[i];
        r.index = i;
        r.rank = static_cast<int>(ranks[i]);
        r.score = scores[i];
        r.pareto = pareto[i];
        for (std::size_t j = 0; j < 5; ++j) {
            r.criteria[j] = CriterionScore{kCriterionNames[j], raw_of(options[i])[j],
                                           normalized[i][j], w[j], w[j] * normalized[i][j]};
        }
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.rank < b.rank; });
    for (std::size_t k = 0; k < ranked.size() && with_reasons; ++k) {
        ranked[k].why = explain(ranked[k], k == 0 ? nullptr : &ranked[k - 1], options);
    }
    return ranked;
}

}  // namespace cargoquote::selection
