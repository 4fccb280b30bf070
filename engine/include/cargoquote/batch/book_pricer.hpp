#pragma once
// Prices the rows of a shipment book. Reprice mode keeps each row's carrier and routing and prices
// it on the rates in force on the rating date (--as-of, else the row's ready date); requote mode
// runs the full quote (search, pricing, SLA, ranking) and keeps the best `top_k` options.
//
// Thread-safety: immutable after construction; `price` may be called from any number of threads,
// each with its own PricingPlanCache.

#include <cargoquote/batch/book_row.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote {
class PricingPlanCache;
}

namespace cargoquote::batch {

enum class BatchMode { Reprice, Requote };

// "reprice" or "requote"; InputError naming `field` otherwise.
[[nodiscard]] BatchMode parse_batch_mode(std::string_view text, std::string_view field);

struct BatchSettings {
    BatchMode mode = BatchMode::Reprice;
    std::optional<Date> as_of;  // reprice: the rating date; requote: the quote date
    int top_k = 1;              // requote: options kept per row, best first
    // Requote selection overrides (else each customer's preferences, as in a single quote).
    std::optional<std::string> sla_tier;
    std::optional<selection::RankingMethod> method;
    std::optional<selection::CriterionWeights> weights;
    // Reprice: price each row on its thread's pricing plan for the row's route, rating date,
    // customer and commodity (pricing_plan.hpp), so rows sharing them share the rule lookups.
    // False looks everything up for every row; the output is the same.
    bool pricing_plans = true;
    // Requote: each worker thread keeps the itinerary searches of its rows in a SearchCache and
    // reuses one wherever it is provably the same search (same output either way). Off by
    // default: on a book whose ready times rarely coincide (the Zipf books of BENCHMARKS.md reuse
    // 10 searches in 10,000) keeping the searches costs more than it saves; books whose rows share
    // ready times on a lane (consolidations at one cut-off) gain.
    bool reuse_searches = false;
};

// Sums of the option's charge lines by kind, in `currency`; buy = weight + surcharges +
// valuation, sell = buy + margin (each part converted, then summed, when the row asks for
// another currency than the rate's).
struct PriceTotals {
    Money weight_charge;
    Money surcharges;
    Money valuation;
    Money buy_total;
    Money margin;
    Money sell_total;
};

// One output row: a priced option, or a rejection (reason_code set, no amounts).
struct RowOutcome {
    std::uint64_t line = 0;
    std::string shipment_id;
    int rank = 1;
    std::optional<RejectionReason> reason_code;  // none when priced
    std::string reason;
    std::optional<CarrierCode> carrier;
    std::string routing;                 // "A1:PVG-ICN;B2:ICN-FRA"
    std::string flights;                 // requote only
    std::optional<int> transit_minutes;  // requote only
    std::optional<double> score;         // requote only: the ranking score
    CurrencyCode currency;
    Mass chargeable_weight;
    PriceTotals totals;
    std::optional<Money> previous_total;  // set when in `currency`

    [[nodiscard]] bool priced() const { return !reason_code.has_value(); }
};

class BookPricer {
  public:
    BookPricer(std::shared_ptr<const QuoteEngine> engine, BatchSettings settings);

    // Appends the row's outcome(s) to `out`: one in reprice mode, 1..top_k in requote mode.
    // `plans` and `searches` are the calling thread's caches: reprice uses the plans when
    // settings().pricing_plans, requote the searches when settings().reuse_searches; nullptr
    // prices without.
    void price(const BookRow& row, std::vector<RowOutcome>& out, PricingPlanCache* plans = nullptr,
               SearchCache* searches = nullptr) const;

    [[nodiscard]] const BatchSettings& settings() const { return settings_; }
    [[nodiscard]] const RateBook& book() const { return engine_->book(); }

  private:
    void reprice(const BookRow& row, std::vector<RowOutcome>& out, PricingPlanCache* plans) const;
    void requote(const BookRow& row, std::vector<RowOutcome>& out, SearchCache* searches) const;

    std::shared_ptr<const QuoteEngine> engine_;
    BatchSettings settings_;
};

}  // namespace cargoquote::batch
