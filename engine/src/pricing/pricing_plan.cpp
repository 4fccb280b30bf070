#include <algorithm>
#include <cargoquote/pricing/pricing_plan.hpp>

namespace cargoquote {

namespace {

// splitmix64's finalizer: every input bit reaches the low bits the slot index is taken from.
std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    std::uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t pack(std::string_view chars) {
    std::uint64_t key = 0;
    for (char c : chars) key = (key << 8) | static_cast<unsigned char>(c);
    return key;
}

// Hashes what a plan depends on but the date (plans cover windows of dates).
std::uint64_t plan_key(const PricingContext& ctx, std::span<const RouteSector> sectors) {
    std::uint64_t h = reinterpret_cast<std::uintptr_t>(ctx.customer);
    h = mix(h, std::hash<std::string_view>{}(ctx.shipment.commodity.code()));
    for (const RouteSector& s : sectors) {
        h = mix(h, (pack(s.carrier.view()) << 48) ^ (pack(s.origin.view()) << 24) ^
                       pack(s.destination.view()));
    }
    return h;
}

}  // namespace

PricingPlan::PricingPlan(const PricingContext& ctx, std::span<const RouteSector> sectors)
    : fx_table_(&ctx.book.fx()),
      rating_date_(ctx.rating_date),
      customer_(ctx.customer),
      commodity_(ctx.shipment.commodity.code()),
      route_(sectors.begin(), sectors.end()),
      margin_rules_(margin_rules_in_force(ctx.book.margins(), ctx.customer, ctx.shipment.origin,
                                          ctx.shipment.destination, ctx.rating_date)),
      liability_limit_(ctx.book.liability_limit(ctx.rating_date)) {
    const Date on = ctx.rating_date;
    // Every date on which a rule looked at here starts or stops being in force.
    const auto narrow_by = [this](Date valid_from, Date valid_to) {
        narrow(valid_from);
        narrow(valid_to.plus_days(1));
    };
    for (const MarginRule& rule : ctx.book.margins()) narrow_by(rule.valid_from, rule.valid_to);
    for (const LiabilityLimit& limit : ctx.book.data().liability_limits) narrow(limit.valid_from);
    for (const FxRate& rate : ctx.book.fx().rates()) narrow(rate.valid_from);
    sectors_.reserve(sectors.size());
    for (const RouteSector& s : sectors) {
        SectorPlan& plan = sectors_.emplace_back();
        plan.sector = s;
        plan.lines = carrier_lines(ctx.book, s);
        for (const RateLine* line : plan.lines) narrow_by(line->valid_from, line->valid_to);
        plan.general = rate_line_in_force(plan.lines, RateClass::General, "", on);
        plan.specific =
            rate_line_in_force(plan.lines, RateClass::SpecificCommodity, commodity_, on);
        plan.class_rate = rate_line_in_force(plan.lines, RateClass::ClassRate, commodity_, on);
        if (const Carrier* info = ctx.book.carrier(s.carrier)) plan.carrier_name = info->name;
        for (const Surcharge* c : ctx.book.surcharge_candidates(s.carrier, s.origin)) {
            narrow_by(c->valid_from, c->valid_to);
            if (c->valid_on(on) &&
                c->applies_to(s.carrier, s.origin, s.destination, ctx.shipment.commodity)) {
                plan.surcharges.push_back(c);
            }
        }
    }
}

void PricingPlan::narrow(Date boundary) {
    if (boundary <= rating_date_) {
        if (!window_from_ || *window_from_ < boundary) window_from_ = boundary;
    } else if (!window_until_ || boundary < *window_until_) {
        window_until_ = boundary;
    }
}

bool PricingPlan::covers(Date on) const {
    return (!window_from_ || *window_from_ <= on) && (!window_until_ || on < *window_until_);
}

bool PricingPlan::matches(const PricingContext& ctx, std::span<const RouteSector> sectors) const {
    return covers(ctx.rating_date) && customer_ == ctx.customer && fx_table_ == &ctx.book.fx() &&
           commodity_ == ctx.shipment.commodity.code() &&
           std::equal(route_.begin(), route_.end(), sectors.begin(), sectors.end());
}

const SectorPlan* PricingPlan::sector(CarrierCode carrier, AirportCode origin,
                                      AirportCode destination) const {
    for (const SectorPlan& s : sectors_) {
        if (s.sector.carrier == carrier && s.sector.origin == origin &&
            s.sector.destination == destination) {
            return &s;
        }
    }
    return nullptr;
}

const FxUse* PricingPlan::fx(CurrencyCode from, CurrencyCode to) const {
    for (const FxEntry& e : fx_) {
        if (e.from == from && e.to == to) return e.use ? &*e.use : nullptr;
    }
    const FxEntry& added =
        fx_.emplace_back(FxEntry{from, to, fx_table_->find(from, to, rating_date_)});
    return added.use ? &*added.use : nullptr;
}

const FxUse* fx_on_rating_date(const PricingContext& ctx, CurrencyCode from, CurrencyCode to,
                               std::optional<FxUse>& storage) {
    // The same currency's rate carries the date asked for: not the plan's to keep.
    if (ctx.plan != nullptr && from != to) return ctx.plan->fx(from, to);
    storage = ctx.book.fx().find(from, to, ctx.rating_date);
    return storage ? &*storage : nullptr;
}

const PricingPlan& PricingPlanCache::plan_for(const PricingContext& ctx,
                                              std::span<const RouteSector> sectors) {
    const std::uint64_t key = plan_key(ctx, sectors);
    if (!slots_.empty()) {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = key & mask; slots_[i].plan != nullptr; i = (i + 1) & mask) {
            if (slots_[i].hash == key && slots_[i].plan->matches(ctx, sectors)) {
                return *slots_[i].plan;
            }
        }
    }
    if (plans_.size() >= max_plans_) {
        plans_.clear();
        slots_.clear();
    }
    if ((plans_.size() + 1) * 2 > slots_.size()) {
        std::vector<Slot> old =
            std::exchange(slots_, std::vector<Slot>(std::max<std::size_t>(64, slots_.size() * 2)));
        for (const Slot& s : old) {
            if (s.plan != nullptr) insert(s.hash, s.plan);
        }
    }
    PricingPlan* plan = plans_.emplace_back(std::make_unique<PricingPlan>(ctx, sectors)).get();
    insert(key, plan);
    return *plan;
}

void PricingPlanCache::insert(std::uint64_t hash, PricingPlan* plan) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i].plan != nullptr) i = (i + 1) & mask;
    slots_[i] = Slot{hash, plan};
}

}  // namespace cargoquote
