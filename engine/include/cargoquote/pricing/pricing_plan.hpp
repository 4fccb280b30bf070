#pragma once
// A pricing plan: the rule lookups of pricing one booked route, done once and reused for every
// shipment that shares what they depend on.
//
// Why: repricing a shipment book prices millions of rows over a few thousand (route, date,
// customer, commodity) combinations, and every row repeated the same lookups (the carrier's rate
// lines on the lane and those in force for the commodity, the surcharges that apply, the FX rates
// in force, the customer's margin rules) before the only part that depends on the row: the
// arithmetic on its pieces and declared value. A plan holds the results of those lookups, and
// pricing with one (PricingContext::plan) reads them instead of searching the RateBook; the
// arithmetic is the same code, so the outcome is identical to pricing without a plan.
//
// What the lookups depend on, and so the key of a plan: the route's sectors (carrier, origin,
// destination of each; the shipment's lane is the first origin and the last destination), the
// customer, the commodity and the rating date. The date only matters through the validity of
// rate lines, surcharges, margin rules, FX rates and liability limits, which change on a few
// dates a season: a plan records the days around its date on which none of those it looked at
// changes (valid_from and the day after valid_to of each), and serves every date in that window.
// The margin rule also depends on the chargeable weight: the plan keeps the rules that apply to
// the customer, lane and date, in the book's order, and each shipment picks among them by weight
// exactly as select_margin does over the whole list.
//
// Not thread-safe (the FX rates are memoized as they are first asked for): one PricingPlanCache
// per thread. A plan points into the RateBook it was built from, which must outlive it.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/pricing/itinerary_pricer.hpp>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cargoquote {

// One carrier sector of the route: its carrier's rate lines on the sector's lane, the lines in
// force for the commodity, and the surcharges in force that apply to the sector.
struct SectorPlan {
    RouteSector sector;
    std::span<const RateLine* const> lines;    // every validity; empty: no rate on the lane
    const RateLine* general = nullptr;         // the general rate in force, if any
    const RateLine* specific = nullptr;        // the commodity's specific rate in force, if any
    const RateLine* class_rate = nullptr;      // the commodity's class rate in force, if any
    std::string_view carrier_name;             // "" when the carrier is not in the book
    std::vector<const Surcharge*> surcharges;  // in the book's candidate order
};

class PricingPlan {
  public:
    // The lookups for `context` (its book, shipment lane and commodity, customer and rating date)
    // on the route `sectors` (one sector: the carrier's own rate for the shipment's lane).
    PricingPlan(const PricingContext& context, std::span<const RouteSector> sectors);

    // True when this plan was built for the same sectors, customer and commodity, on a date whose
    // lookups give what they give on the context's rating date.
    [[nodiscard]] bool matches(const PricingContext& context,
                               std::span<const RouteSector> sectors) const;

    [[nodiscard]] std::span<const RouteSector> route() const { return route_; }
    // The sector priced for shipments from `origin` to `destination` on `carrier`; nullptr when
    // the route has no such sector.
    [[nodiscard]] const SectorPlan* sector(CarrierCode carrier, AirportCode origin,
                                           AirportCode destination) const;
    // The margin rules in force for the customer on the shipment's lane, in the book's order.
    [[nodiscard]] std::span<const MarginRule> margin_rules() const { return margin_rules_; }
    [[nodiscard]] const std::optional<LiabilityLimit>& liability_limit() const {
        return liability_limit_;
    }
    // FxTable::find(from, to, rating date) for two different currencies, looked up once per pair;
    // nullptr when none is in force.
    [[nodiscard]] const FxUse* fx(CurrencyCode from, CurrencyCode to) const;

    // The rating dates the plan serves: from `window_from` (none: any earlier) until, excluding,
    // `window_until` (none: any later).
    [[nodiscard]] bool covers(Date on) const;

  private:
    // `boundary` is a date on which some lookup's result may change.
    void narrow(Date boundary);

    const FxTable* fx_table_;
    Date rating_date_;  // the date the plan was built for; FX lookups are made on it
    std::optional<Date> window_from_;
    std::optional<Date> window_until_;
    const Customer* customer_;
    std::string commodity_;
    std::vector<RouteSector> route_;
    std::vector<SectorPlan> sectors_;
    std::vector<MarginRule> margin_rules_;
    std::optional<LiabilityLimit> liability_limit_;
    struct FxEntry {
        CurrencyCode from;
        CurrencyCode to;
        std::optional<FxUse> use;
    };
    mutable std::deque<FxEntry> fx_;  // a deque: the pointers fx() returned stay valid
};

// FxTable::find(from, to, context.rating_date): from the context's plan when it has one, else
// from the book's table into `storage`. nullptr when no rate is in force.
[[nodiscard]] const FxUse* fx_on_rating_date(const PricingContext& context, CurrencyCode from,
                                             CurrencyCode to, std::optional<FxUse>& storage);

// The plans of one worker thread, by route, customer and commodity. Bounded: past `max_plans` it
// starts afresh, so a book with ever new combinations costs a plan per row at worst, never
// unbounded memory.
class PricingPlanCache {
  public:
    explicit PricingPlanCache(std::size_t max_plans = 1 << 16) : max_plans_(max_plans) {}

    // The plan for `context` and `sectors`, built on first use.
    [[nodiscard]] const PricingPlan& plan_for(const PricingContext& context,
                                              std::span<const RouteSector> sectors);

    [[nodiscard]] std::size_t size() const { return plans_.size(); }

  private:
    // Open addressing over the key's hash: a lookup reads one small slot array (hot in cache)
    // and touches a plan only when the hash matches; plans of one key on other dates share it.
    struct Slot {
        std::uint64_t hash = 0;
        PricingPlan* plan = nullptr;
    };
    void insert(std::uint64_t hash, PricingPlan* plan);

    std::size_t max_plans_;
    std::vector<Slot> slots_;  // a power of two long, at most half full
    std::vector<std::unique_ptr<PricingPlan>> plans_;
};

}  // namespace cargoquote
