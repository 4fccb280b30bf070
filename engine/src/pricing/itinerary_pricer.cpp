#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/pricing/itinerary_pricer.hpp>
#include <cargoquote/pricing/pricing_plan.hpp>

namespace cargoquote {

namespace {

using Sector = RouteSector;

SectorPrice sector_price(const Sector& s, const PricedOption& o) {
    return SectorPrice{s.carrier,      s.origin,  s.destination,   o.rate_line, o.rate_class_used,
                       o.pricing_note, o.weights, o.weight_charge, o.buy_total};
}

std::uint64_t pack(std::string_view chars) {
    std::uint64_t key = 0;
    for (char c : chars) key = (key << 8) | static_cast<unsigned char>(c);
    return key;
}

std::uint64_t sector_key(const Sector& s, bool with_margin) {
    return (pack(s.carrier.view()) << 49) ^ (pack(s.origin.view()) << 25) ^
           (pack(s.destination.view()) << 1) ^ (with_margin ? 1U : 0U);
}

// One sector on its carrier's rate for the sector's lane; on-line itineraries (a single sector)
// carry the margin, interline sectors do not (it applies once, on the whole).
PricingOutcome price_sector(const PricingContext& ctx, const Sector& s, bool single_sector) {
    const SectorPlan* plan =
        ctx.plan != nullptr ? ctx.plan->sector(s.carrier, s.origin, s.destination) : nullptr;
    const auto lines = plan != nullptr ? plan->lines : carrier_lines(ctx.book, s);
    if (lines.empty()) {
        return Rejection{
            .carrier = s.carrier,
            .reason_code = single_sector ? RejectionReason::NoRate : RejectionReason::NoSectorRate,
            .reason = fmt::format("{} files no rate {}-{}", s.carrier.view(), s.origin.view(),
                                  s.destination.view())};
    }
    if (single_sector) return price_carrier(ctx, lines);
    Shipment sector_shipment = ctx.shipment;
    sector_shipment.origin = s.origin;
    sector_shipment.destination = s.destination;
    const PricingContext sector_ctx{ctx.book,
                                    sector_shipment,
                                    ctx.customer,
                                    ctx.rating_date,
                                    ctx.quote_date,
                                    ctx.offer_validity_days,
                                    /*apply_margin=*/false,
                                    ctx.plan};
    return price_carrier(sector_ctx, lines);
}

}  // namespace

std::span<const RateLine* const> carrier_lines(const RateBook& book, const RouteSector& s) {
    // lines_on_lane is grouped by carrier.
    const auto lines = book.lines_on_lane(s.origin, s.destination);
    const auto first = std::find_if(lines.begin(), lines.end(),
                                    [&](const RateLine* l) { return l->carrier == s.carrier; });
    const auto last = std::find_if(first, lines.end(),
                                   [&](const RateLine* l) { return l->carrier != s.carrier; });
    return lines.subspan(static_cast<std::size_t>(first - lines.begin()),
                         static_cast<std::size_t>(last - first));
}

const PricingOutcome* SectorPriceCache::find(std::uint64_t key) const {
    const auto it = outcomes_.find(key);
    return it == outcomes_.end() ? nullptr : &it->second;
}

const PricingOutcome& SectorPriceCache::store(std::uint64_t key, PricingOutcome outcome) {
    return outcomes_.insert_or_assign(key, std::move(outcome)).first->second;
}

std::vector<RouteSector> route_sectors(const Itinerary& itinerary) {
    std::vector<RouteSector> out;
    for (const auto& l : itinerary.legs) {
        if (out.empty() || out.back().carrier != l.leg->carrier) {
            out.push_back(RouteSector{l.leg->carrier, l.leg->origin, l.leg->destination});
        } else {
            out.back().destination = l.leg->destination;
        }
    }
    return out;
}

std::string describe_flights(const Itinerary& itinerary) {
    std::string out;
    for (const auto& l : itinerary.legs) {
        out += fmt::format("{}{} {}-{}", out.empty() ? "" : ", ", l.leg->flight_number,
                           l.leg->origin.view(), l.leg->destination.view());
    }
    return out;
}

PricingOutcome price_route(const PricingContext& ctx, std::span<const RouteSector> sectors,
                           SectorPriceCache* cache) {
    // One sector and no cache (a booked on-line route): its outcome as it is, without the
    // bookkeeping below.
    if (sectors.size() == 1 && cache == nullptr) return price_sector(ctx, sectors[0], true);
    std::vector<const PricedOption*> priced;  // into the cache (or `uncached`), never copied
    std::vector<PricingOutcome> uncached;     // outcomes when no cache is given
    uncached.reserve(sectors.size());
    for (const Sector& s : sectors) {
        const std::uint64_t key = sector_key(s, sectors.size() == 1);
        const PricingOutcome* cached = cache != nullptr ? cache->find(key) : nullptr;
        if (cached == nullptr) {
            PricingOutcome fresh = price_sector(ctx, s, sectors.size() == 1);
            cached = cache != nullptr ? &cache->store(key, std::move(fresh))
                                      : &uncached.emplace_back(std::move(fresh));
        }
        if (const auto* rejection = std::get_if<Rejection>(cached)) {
            Rejection copy = *rejection;
            if (sectors.size() > 1 && copy.reason_code != RejectionReason::NoSectorRate) {
                copy.reason = fmt::format("sector {}-{}: {}", s.origin.view(), s.destination.view(),
                                          copy.reason);
            }
            return copy;
        }
        priced.push_back(&std::get<PricedOption>(*cached));
    }

    if (sectors.size() == 1) {
        // One sector: the outcome itself, moved out of `uncached` rather than copied.
        return cache != nullptr ? *cache->find(sector_key(sectors[0], true))
                                : std::move(uncached.front());
    }
    PricedOption option = *priced.front();

    // Interline: add the other sectors' charges in the first sector's currency.
    const CurrencyCode currency = option.currency;
    option.sectors.push_back(sector_price(sectors[0], option));
    for (std::size_t k = 1; k < priced.size(); ++k) {
        const PricedOption& part = *priced[k];
        option.sectors.push_back(sector_price(sectors[k], part));
        // The valuation charge is the shipment's, charged once by the first carrier (who issues
        // the air waybill), not again by every sector over the same declared value.
        for (const ChargeLine& line : part.charges) {
            if (line.kind == ChargeKind::Valuation) option.sectors.back().buy_total -= line.amount;
        }
        std::optional<FxUse> fx;
        if (part.currency != currency) {
            std::optional<FxUse> storage;
            if (const FxUse* use = fx_on_rating_date(ctx, part.currency, currency, storage)) {
                fx = *use;
            }
            if (!fx) {
                return Rejection{.carrier = sectors[k].carrier,
                                 .reason_code = RejectionReason::NoFxRate,
                                 .reason = fmt::format("no FX rate {} to {} in force on {}",
                                                       part.currency.view(), currency.view(),
                                                       ctx.rating_date.iso())};
            }
        }
        for (ChargeLine line : part.charges) {
            if (line.kind == ChargeKind::Valuation) continue;
            line.sector = static_cast<int>(k);
            if (fx) {
                line.amount = FxTable::convert(line.amount, *fx);
                if (!line.converted) line.converted = fx;
            }
            option.buy_total += line.amount;
            option.charges.push_back(std::move(line));
        }
        option.offer_valid_to = std::min(option.offer_valid_to, part.offer_valid_to);
    }
    const auto margin = compute_margin(ctx, currency, option.weights.chargeable, option.charges);
    if (!margin) {
        return Rejection{.carrier = option.carrier,
                         .reason_code = RejectionReason::NoFxRate,
                         .reason = "no FX rate for the customer margin's currency"};
    }
    option.margin = *margin;
    option.sell_total = option.buy_total + option.margin.amount;
    option.buy_total_quoted = option.buy_total;
    option.sell_total_quoted = option.sell_total;
    return option;
}

PricingOutcome price_itinerary(const PricingContext& ctx, Itinerary itinerary,
                               SectorPriceCache* cache) {
    const auto sectors = route_sectors(itinerary);
    PricingOutcome outcome = price_route(ctx, sectors, cache);
    if (auto* rejection = std::get_if<Rejection>(&outcome)) {
        rejection->itinerary = describe_flights(itinerary);
    } else {
        std::get<PricedOption>(outcome).itinerary = std::move(itinerary);
    }
    return outcome;
}

}  // namespace cargoquote
