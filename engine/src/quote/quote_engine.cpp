#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/suggest.hpp>
#include <cargoquote/pricing/carrier_pricer.hpp>
#include <cargoquote/pricing/itinerary_pricer.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <climits>
#include <numeric>
#include <unordered_map>

namespace cargoquote {

namespace {

const Airport& require_airport(const RateBook& book, AirportCode code, std::string_view field) {
    const Airport* airport = book.airport(code);
    if (airport == nullptr) {
        std::vector<std::string_view> known;
        for (const Airport& a : book.data().airports) known.push_back(a.code.view());
        throw InputError(
            ErrorCode::UnknownAirport, std::string(field),
            fmt::format("unknown airport '{}'{}", code.view(), did_you_mean(code.view(), known)));
    }
    return *airport;
}

const Customer* require_customer(const RateBook& book, const std::optional<std::string>& id) {
    if (!id) return nullptr;
    const Customer* customer = book.customer(*id);
    if (customer == nullptr) {
        std::vector<std::string_view> known;
        for (const Customer& c : book.data().customers) known.push_back(c.customer_id);
        throw InputError(ErrorCode::UnknownCustomer, "/shipment/customer",
                         fmt::format("unknown customer '{}'{}", *id, did_you_mean(*id, known)));
    }
    return customer;
}

// "unknown SLA tier 'expres'; did you mean 'express'? Tiers: express, standard, economy, none".
std::string unknown_tier_message(const RateBook& book, std::string_view tier) {
    std::vector<std::string_view> tiers;
    for (const auto& t : book.data().sla_tiers) {
        if (t.customer_id.empty() && std::find(tiers.begin(), tiers.end(), t.tier) == tiers.end()) {
            tiers.push_back(t.tier);
        }
    }
    tiers.push_back("none");
    std::string list;
    for (const auto t : tiers) list += fmt::format("{}{}", list.empty() ? "" : ", ", t);
    return fmt::format("unknown SLA tier '{}'{}; tiers: {}", tier, did_you_mean(tier, tiers), list);
}

void validate_shipment(const Shipment& s) {
    if (s.pieces.empty()) {
        throw InputError(ErrorCode::MissingField, "/shipment/pieces",
                         "at least one piece is required");
    }
    validate_pieces(s.pieces, "/shipment/pieces");
    if (s.declared_value && s.declared_value->is_negative()) {
        throw InputError(ErrorCode::NegativeQuantity, "/shipment/declaredValue",
                         "declared value must not be negative");
    }
    if (s.origin == s.destination) {
        throw InputError(ErrorCode::InvalidInput, "/shipment/destination",
                         fmt::format("destination equals origin '{}'", s.origin.view()));
    }
}

// Converts the option's totals into the quote currency; false when no FX rate is in force.
bool quote_in(PricedOption& option, CurrencyCode currency, const FxTable& fx, Date on) {
    if (option.currency == currency) return true;
    const auto use = fx.find(option.currency, currency, on);
    if (!use) return false;
    option.buy_total_quoted = FxTable::convert(option.buy_total, *use);
    option.sell_total_quoted = FxTable::convert(option.sell_total, *use);
    option.quote_fx = use;
    return true;
}

// Removes options dominated by another flown by the same carriers or a subset of them that is no
// later, has no more legs and costs no more (a slower, longer option that is no cheaper never
// survives; options on unrelated carriers stay, since they differ in reliability and risk).
// Returns how many were removed.
std::size_t drop_dominated(std::vector<PricedOption>& options) {
    constexpr std::size_t kMaxLegs = 4;
    struct Key {
        Instant available;
        std::size_t legs;
        std::int64_t price;
        std::array<std::uint16_t, 4> carriers;  // sorted 2-character codes, the first `count`
        int count;
    };
    const auto code = [](CarrierCode c) {
        return static_cast<std::uint16_t>((static_cast<unsigned char>(c.view()[0]) << 8) |
                                          static_cast<unsigned char>(c.view()[1]));
    };
    std::vector<Key> keys;
    keys.reserve(options.size());
    for (const auto& o : options) {
        Key key{o.itinerary.available,
                std::min(o.itinerary.legs.size(), kMaxLegs),
                o.sell_total_quoted.micros(),
                {},
                0};
        for (const auto& leg : o.itinerary.legs) {
            const auto c = code(leg.leg->carrier);
            const auto end = key.carriers.begin() + key.count;
            if (std::find(key.carriers.begin(), end, c) == end && key.count < 4)
                key.carriers[key.count++] = c;
        }
        std::sort(key.carriers.begin(), key.carriers.begin() + key.count);
        keys.push_back(key);
    }
    std::vector<std::size_t> order(options.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(keys[a].available, keys[a].legs, keys[a].price) <
               std::tie(keys[b].available, keys[b].legs, keys[b].price);
    });
    // Kept options so far (all no later than the current one), by carrier set: the lowest price
    // for each number of legs. A candidate is dominated when a subset of its carriers has a kept
    // option with no more legs and no higher price.
    std::unordered_map<std::uint64_t, std::array<std::int64_t, kMaxLegs + 1>> cheapest;
    std::vector<std::size_t> kept;
    for (const std::size_t i : order) {
        const Key& k = keys[i];
        bool dominated = false;
        for (int mask = 1; mask < (1 << k.count) && !dominated; ++mask) {
            std::uint64_t set = 0;
            for (int b = 0; b < k.count; ++b) {
                if (mask & (1 << b)) set = (set << 16) | k.carriers[static_cast<std::size_t>(b)];
            }
            const auto it = cheapest.find(set);
            if (it == cheapest.end()) continue;
            for (std::size_t legs = 1; legs <= k.legs && !dominated; ++legs) {
                dominated = it->second[legs] <= k.price;
            }
        }
        if (dominated) continue;
        kept.push_back(i);
        std::uint64_t own = 0;
        for (int b = 0; b < k.count; ++b)
            own = (own << 16) | k.carriers[static_cast<std::size_t>(b)];
        auto [it, inserted] = cheapest.try_emplace(own);
        if (inserted) it->second.fill(INT64_MAX);
        it->second[k.legs] = std::min(it->second[k.legs], k.price);
    }
    std::vector<PricedOption> survivors;
    survivors.reserve(kept.size());
    for (const std::size_t i : kept) survivors.push_back(std::move(options[i]));
    const std::size_t dropped = options.size() - survivors.size();
    options = std::move(survivors);
    return dropped;
}

}  // namespace

QuoteEngine::QuoteEngine(std::shared_ptr<const RateBook> book)
    : book_(std::move(book)), network_(std::make_shared<const RouteNetwork>(*book_)) {}

void QuoteEngine::quote_rate_lines(const PricingContext& context, QuoteResult& result) const {
    const Shipment& shipment = context.shipment;
    const auto lines = book_->lines_on_lane(shipment.origin, shipment.destination);
    result.options.reserve(lines.size());
    if (lines.empty()) {
        result.rejections.push_back(
            Rejection{.reason_code = RejectionReason::NoRatesOnLane,
                      .reason = fmt::format("no carrier files rates from {} to {}",
                                            shipment.origin.view(), shipment.destination.view())});
    }
    // Lines are grouped by carrier: price each carrier's group once.
    for (std::size_t begin = 0; begin < lines.size();) {
        std::size_t end = begin + 1;
        while (end < lines.size() && lines[end]->carrier == lines[begin]->carrier) ++end;
        auto outcome = price_carrier(context, lines.subspan(begin, end - begin));
        if (auto* option = std::get_if<PricedOption>(&outcome)) {
            result.options.push_back(std::move(*option));
        } else {
            result.rejections.push_back(std::move(std::get<Rejection>(outcome)));
        }
        begin = end;
    }
}

void QuoteEngine::quote_itineraries(const PricingContext& context, SearchCache* searches,
                                    QuoteResult& result) const {
    const Shipment& shipment = context.shipment;
    SearchRequest search{.origin = shipment.origin,
                         .destination = shipment.destination,
                         .ready = shipment.ready_time,
                         .pieces = shipment.pieces,
                         .commodity = shipment.commodity,
                         .max_legs = result.request.max_legs};
    SearchOutcome found = network_->search(search, searches);
    if (found.itineraries.empty()) {
        result.rejections.push_back(
            Rejection{.reason_code = *found.reason_code(), .reason = found.reason()});
    }
    result.options.reserve(found.itineraries.size());
    SectorPriceCache cache;
    for (Itinerary& itinerary : found.itineraries) {
        auto outcome = price_itinerary(context, std::move(itinerary), &cache);
        if (auto* option = std::get_if<PricedOption>(&outcome)) {
            result.options.push_back(std::move(*option));
        } else {
            result.rejections.push_back(std::move(std::get<Rejection>(outcome)));
        }
    }
}

QuoteResult QuoteEngine::quote(const QuoteRequest& request) const {
    return quote(request, nullptr);
}

QuoteResult QuoteEngine::quote(const QuoteRequest& request, SearchCache* searches) const {
    const Shipment& shipment = request.shipment;
    const Airport& origin = require_airport(*book_, shipment.origin, "/shipment/origin");
    require_airport(*book_, shipment.destination, "/shipment/destination");
    validate_shipment(shipment);
    const Customer* customer = require_customer(*book_, shipment.customer_id);

    QuoteResult result;
    result.book = book_;
    result.request = request;
    result.origin_time_zone = origin.time_zone;
    result.ready_time_utc = to_instant(shipment.ready_time, origin.time_zone);
    result.rating_date = shipment.ready_time.date();
    result.quote_date = request.quote_date.value_or(result.rating_date);

    const PricingContext context{.book = *book_,
                                 .shipment = shipment,
                                 .customer = customer,
                                 .rating_date = result.rating_date,
                                 .quote_date = result.quote_date,
                                 .offer_validity_days = request.offer_validity_days};
    if (network_->empty()) {
        quote_rate_lines(context, result);
    } else {
        quote_itineraries(context, searches, result);
    }

    if (request.currency) {
        result.currency = *request.currency;
    } else if (!result.options.empty()) {
        result.currency = result.options.front().currency;
    }
    std::erase_if(result.options, [&](PricedOption& option) {
        if (quote_in(option, result.currency, book_->fx(), result.rating_date)) return false;
        result.rejections.push_back(Rejection{
            .carrier = option.carrier,
            .reason_code = RejectionReason::NoFxRate,
            .reason = fmt::format("no FX rate {} to {} in force on {}", option.currency.view(),
                                  result.currency.view(), result.rating_date.iso()),
            .itinerary = describe_flights(option.itinerary)});
        return true;
    });
    if (!network_->empty()) result.dominated_options = drop_dominated(result.options);
    // A deterministic order before ranking: cheapest, then earliest, then carrier.
    std::sort(result.options.begin(), result.options.end(),
              [](const PricedOption& a, const PricedOption& b) {
                  if (a.sell_total_quoted.micros() != b.sell_total_quoted.micros()) {
                      return a.sell_total_quoted.micros() < b.sell_total_quoted.micros();
                  }
                  if (a.itinerary.available != b.itinerary.available) {
                      return a.itinerary.available < b.itinerary.available;
                  }
                  return a.carrier < b.carrier;
              });
    select(customer, result);
    return result;
}

namespace {

using selection::OptionCriteria;

const selection::CustomerPreference* preference_of(const RateBook& book, const Customer* customer) {
    const selection::CustomerPreference* preference = nullptr;
    if (customer != nullptr) {
        for (const auto& p : book.data().customer_preferences) {
            if (p.customer_id == customer->customer_id) preference = &p;
        }
    }
    return preference;
}

// The method, weights and SLA tier: the request's, else the customer's preference, else the
// defaults.
SelectionUsed selection_for(const QuoteRequest& request,
                            const selection::CustomerPreference* preference) {
    SelectionUsed used;
    used.method_source = "default";
    if (request.method) {
        used.method = *request.method;
        used.method_source = "request";
    } else if (preference != nullptr && preference->method) {
        used.method = *preference->method;
        used.method_source = "customer";
    }
    if (request.weights) {
        used.weights = *request.weights;
    } else if (preference != nullptr && preference->weights) {
        used.weights = *preference->weights;
    }
    used.sla_tier = request.sla_tier ? *request.sla_tier
                                     : (preference != nullptr ? preference->default_tier : "");
    if (used.sla_tier == "none") used.sla_tier.clear();  // explicitly no SLA
    return used;
}

// The options within the SLA tier result.selection.sla_tier (indices into result.options); the
// others become result.sla_rejections, nearest misses first. Throws InputError naming /sla for
// an unknown tier.
std::vector<std::size_t> options_within_sla(const RateBook& book, const Customer* customer,
                                            const std::vector<OptionCriteria>& criteria,
                                            QuoteResult& result) {
    SelectionUsed& used = result.selection;
    const auto sla = selection::resolve_sla(book, used.sla_tier, customer);
    if (!sla) {
        throw InputError(ErrorCode::InvalidInput, "/sla",
                         unknown_tier_message(book, used.sla_tier));
    }
    used.customer_sla_override = sla->customer_override;
    used.prepayment_required = selection::prepayment_required(*sla, customer);
    used.sla = sla;
    double cheapest = 0;
    for (const auto& c : criteria) cheapest = cheapest == 0 ? c.price : std::min(cheapest, c.price);
    std::vector<std::size_t> eligible;
    for (std::size_t i = 0; i < result.options.size(); ++i) {
        auto breaches =
            selection::check_sla(*sla, criteria[i], cheapest, result.options[i].sell_total_quoted,
                                 book, result.rating_date, customer);
        if (breaches.empty()) {
            eligible.push_back(i);
        } else {
            result.sla_rejections.push_back(
                SlaRejection{result.options[i], criteria[i], std::move(breaches), false});
        }
    }
    // Nearest misses first: smallest total excess over the limits.
    const auto total_excess = [](const SlaRejection& r) {
        double sum = 0;
        for (const auto& b : r.breaches) sum += b.excess;
        return sum;
    };
    std::stable_sort(
        result.sla_rejections.begin(), result.sla_rejections.end(),
        [&](const auto& a, const auto& b) { return total_excess(a) < total_excess(b); });
    if (eligible.empty()) {
        for (std::size_t k = 0; k < result.sla_rejections.size() && k < 3; ++k) {
            result.sla_rejections[k].nearest_miss = true;
        }
    }
    return eligible;
}

// Ranks the eligible options and keeps only them, best first, with their assessments (and,
// when explaining, the top option's weight sensitivity).
void rank_eligible(const std::vector<std::size_t>& eligible,
                   const std::vector<OptionCriteria>& criteria, bool explain, QuoteResult& result) {
    const SelectionUsed& used = result.selection;
    std::vector<OptionCriteria> candidates;
    candidates.reserve(eligible.size());
    for (const std::size_t i : eligible) candidates.push_back(criteria[i]);
    const auto ranked = selection::rank_options(candidates, used.method, used.weights, explain);
    if (explain && candidates.size() > 1) {
        result.sensitivity =
            selection::top_option_sensitivity(candidates, used.method, used.weights);
    }
    std::vector<PricedOption> ordered;
    ordered.reserve(ranked.size());
    for (const auto& r : ranked) {
        const std::size_t i = eligible[r.index];
        ordered.push_back(std::move(result.options[i]));
        result.assessments.push_back(
            OptionAssessment{criteria[i], r.rank, r.score, r.pareto, r.criteria, r.why});
    }
    result.options = std::move(ordered);
}

}  // namespace

void QuoteEngine::select(const Customer* customer, QuoteResult& result) const {
    const QuoteRequest& request = result.request;
    result.selection = selection_for(request, preference_of(*book_, customer));

    std::vector<OptionCriteria> criteria;
    criteria.reserve(result.options.size());
    for (const auto& o : result.options) {
        criteria.push_back(selection::compute_criteria(o, *book_, request.shipment, customer));
    }
    std::vector<std::size_t> eligible;
    if (result.selection.sla_tier.empty()) {
        eligible.resize(result.options.size());
        std::iota(eligible.begin(), eligible.end(), std::size_t{0});
    } else {
        eligible = options_within_sla(*book_, customer, criteria, result);
    }
    rank_eligible(eligible, criteria, request.explain, result);
}

}  // namespace cargoquote
