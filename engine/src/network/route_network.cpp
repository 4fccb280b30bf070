#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/network/route_network.hpp>
#include <cargoquote/network/search_cache.hpp>
#include <climits>
#include <map>
#include <optional>
#include <unordered_map>

#include "zone_timeline.hpp"

namespace cargoquote {

namespace {

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kMinute = 60;

// Static route graph: one vertex per airport, one edge per airport pair with scheduled legs.
struct RouteEdge {
    std::uint32_t begin = 0;  // the edge's legs are compact[begin, end), by departure time
    std::uint32_t end = 0;
};

// What the search reads of a leg, packed together and stored edge by edge, so scanning an
// airport's departures walks memory in order instead of chasing FlightLeg records.
struct CompactLeg {
    std::uint32_t source = 0;  // index into ScheduleData::legs
    std::uint32_t origin = 0;
    std::uint32_t destination = 0;
    std::int32_t from_day = 0;  // effective dates, days since 1970-01-01
    std::int32_t to_day = 0;
    std::int32_t cutoff_minutes = 0;        // at the origin, for this carrier
    std::int32_t availability_minutes = 0;  // at the destination, for this carrier
    std::int16_t departure_minute = 0;
    std::int16_t arrival_minute = 0;
    std::uint16_t carrier = 0;  // 1-based id
    std::int8_t arrival_day_offset = 0;
    std::uint8_t days = 0;
    std::uint8_t category = 0;
};
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                    boost::no_property, RouteEdge>;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// ISO weekday index of a day count since 1970-01-01 (a Thursday): Monday = 0.
int weekday_index(std::int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

bool piece_fits(const Piece& p, const AircraftLimits& limits) {
    const auto l = p.length, w = p.width;
    const bool flat = (l <= limits.max_length && w <= limits.max_width) ||
                      (w <= limits.max_length && l <= limits.max_width);
    return flat && p.height <= limits.max_height && p.weight_per_piece <= limits.max_piece_weight;
}

// Up to three carriers as a sorted set packed into one integer (ids are 1-based, 16 bits each).
std::uint64_t with_carrier(std::uint64_t set, std::uint16_t carrier) {
    if (set == 0 || set == carrier) return carrier;  // the common on-line case
    std::uint16_t ids[4] = {};
    int n = 0;
    for (; n < 4 && (set >> (16 * n)) != 0; ++n)
        ids[n] = static_cast<std::uint16_t>(set >> (16 * n));
    for (int i = 0; i < n; ++i) {
        if (ids[i] == carrier) return set;
    }
    ids[n++] = carrier;
    std::sort(ids, ids + n);
    std::uint64_t packed = 0;
    for (int i = n - 1; i >= 0; --i) packed = (packed << 16) | ids[i];
    return packed;
}

struct UsefulEdge {
    std::uint32_t to;
    std::uint32_t begin;  // legs compact[begin, end)
    std::uint32_t end;
};

struct Label {
    std::uint32_t airport = 0;
    std::int32_t parent = -1;  // index into the label pool; -1 for the origin
    std::uint32_t leg = 0;     // the leg that reached this airport
    std::uint8_t depth = 0;
    std::uint16_t last_carrier = 0;
    std::uint64_t carriers = 0;
    std::int64_t departure = 0;
    std::int64_t arrival = 0;  // for the origin label: the ready time
    std::int32_t connection_minutes = 0;
    std::int32_t minimum_connection_minutes = 0;
    std::int64_t acceptance = 0;  // cut-off of the first leg
};

// Dominance key of a label: airport, carrier-set class, last carrier.
struct LabelKey {
    std::uint32_t airport;
    std::uint64_t carriers;
    std::uint16_t last_carrier;
    friend bool operator==(const LabelKey&, const LabelKey&) = default;
};
struct LabelKeyHash {
    std::size_t operator()(const LabelKey& k) const noexcept {
        std::uint64_t h = k.carriers * 0x9E3779B97F4A7C15ULL;
        h ^= (static_cast<std::uint64_t>(k.airport) << 16 | k.last_carrier) + (h << 6) + (h >> 2);
        return static_cast<std::size_t>(h);
    }
};

}  // namespace

struct RouteNetwork::Impl {
    const RateBook& book;
    const std::vector<FlightLeg>& legs;
    Graph graph;
    std::unordered_map<AirportCode, std::uint32_t> vertex_of;
    std::vector<AirportCode> airport_of;
    std::vector<detail::ZoneTimeline> zones;  // by vertex
    std::vector<CompactLeg> compact;          // in edge order
    std::unordered_map<CarrierCode, std::uint16_t> carrier_id;
    std::vector<CarrierCode> carrier_of_id{CarrierCode{}};
    std::map<AircraftCategory, AircraftLimits> limits;
    std::vector<ConnectionTime> default_mct{ConnectionTime{}};
    std::unordered_map<AirportCode, ConnectionTime> mct_by_airport;
    ConnectionTime default_connection;
    std::map<std::pair<std::uint16_t, std::int64_t>, HandlingTime>
        handling;  // (carrier|0, vertex|-1)
    std::map<std::pair<std::uint16_t, std::string>, bool> refused;
    std::vector<std::int32_t> mct_online, mct_interline;  // per airport, precomputed

    explicit Impl(const RateBook& b) : book(b), legs(b.data().schedule.legs) { build(); }

    std::uint32_t vertex(AirportCode code) {
        auto [it, inserted] =
            vertex_of.try_emplace(code, static_cast<std::uint32_t>(airport_of.size()));
        if (inserted) {
            airport_of.push_back(code);
            boost::add_vertex(graph);
        }
        return it->second;
    }

    void build() {
        const ScheduleData& s = book.data().schedule;
        std::vector<std::uint32_t> origin(legs.size()), destination(legs.size());
        std::int64_t first_day = 0, last_day = 0;
        for (std::uint32_t i = 0; i < legs.size(); ++i) {
            const FlightLeg& leg = legs[i];
            if (carrier_id
                    .try_emplace(leg.carrier, static_cast<std::uint16_t>(carrier_id.size() + 1))
                    .second) {
                carrier_of_id.push_back(leg.carrier);
            }
            origin[i] = vertex(leg.origin);
            destination[i] = vertex(leg.destination);
            const auto from = leg.effective_from.days().time_since_epoch().count();
            const auto to = leg.effective_to.days().time_since_epoch().count();
            first_day = i == 0 ? from : std::min<std::int64_t>(first_day, from);
            last_day = std::max<std::int64_t>(last_day, to);
        }
        for (const AirportCode code : airport_of) {
            const Airport* airport = book.airport(code);
            const std::string zone = airport != nullptr ? airport->time_zone : "UTC";
            zones.emplace_back(zone, (first_day - 14) * kDay, (last_day + 30) * kDay);
        }
        for (const auto& l : s.aircraft_limits) limits[l.category] = l;
        for (const auto& c : s.connection_times) {
            if (c.airport) {
                mct_by_airport[*c.airport] = c;
            } else {
                default_connection = c;
            }
        }
        for (const auto& h : s.handling_times) {
            const std::uint16_t carrier = h.carrier ? id_of(*h.carrier) : 0;
            if (h.carrier && carrier == 0) continue;  // carrier without legs
            const std::int64_t airport =
                h.airport && vertex_of.contains(*h.airport) ? vertex_of.at(*h.airport) : -1;
            if (h.airport && airport < 0) continue;
            handling[{carrier, airport}] = h;
        }
        for (const auto& r : s.restrictions) {
            if (const std::uint16_t id = id_of(r.carrier)) refused[{id, r.commodity}] = true;
        }
        for (std::uint32_t v = 0; v < airport_of.size(); ++v) {
            const auto it = mct_by_airport.find(airport_of[v]);
            const ConnectionTime& c = it == mct_by_airport.end() ? default_connection : it->second;
            mct_online.push_back(c.online_minutes);
            mct_interline.push_back(c.interline_minutes);
        }
        // Legs in a deterministic edge order: by origin, destination, departure time, leg id.
        std::vector<std::uint32_t> order(legs.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::tie(origin[a], destination[a], legs[a].departure_minute, legs[a].leg_id) <
                   std::tie(origin[b], destination[b], legs[b].departure_minute, legs[b].leg_id);
        });
        compact.reserve(legs.size());
        for (const std::uint32_t i : order) {
            const FlightLeg& leg = legs[i];
            const std::uint16_t carrier = id_of(leg.carrier);
            compact.push_back(CompactLeg{
                .source = i,
                .origin = origin[i],
                .destination = destination[i],
                .from_day =
                    static_cast<std::int32_t>(leg.effective_from.days().time_since_epoch().count()),
                .to_day =
                    static_cast<std::int32_t>(leg.effective_to.days().time_since_epoch().count()),
                .cutoff_minutes = handling_for(carrier, origin[i]).cutoff_minutes,
                .availability_minutes = handling_for(carrier, destination[i]).availability_minutes,
                .departure_minute = static_cast<std::int16_t>(leg.departure_minute),
                .arrival_minute = static_cast<std::int16_t>(leg.arrival_minute),
                .carrier = carrier,
                .arrival_day_offset = static_cast<std::int8_t>(leg.arrival_day_offset),
                .days = leg.days,
                .category = static_cast<std::uint8_t>(leg.category)});
        }
        for (std::uint32_t k = 0; k < compact.size();) {
            const std::uint32_t from = compact[k].origin, to = compact[k].destination;
            RouteEdge edge{.begin = k};
            while (k < compact.size() && compact[k].origin == from && compact[k].destination == to)
                ++k;
            edge.end = k;
            boost::add_edge(from, to, edge, graph);
        }
    }

    [[nodiscard]] std::uint16_t id_of(CarrierCode c) const {
        const auto it = carrier_id.find(c);
        return it == carrier_id.end() ? 0 : it->second;
    }

    [[nodiscard]] const HandlingTime& handling_for(std::uint16_t carrier,
                                                   std::uint32_t airport) const {
        static const HandlingTime kDefault{};
        for (const auto& key : {std::pair<std::uint16_t, std::int64_t>{carrier, airport},
                                std::pair<std::uint16_t, std::int64_t>{carrier, -1},
                                std::pair<std::uint16_t, std::int64_t>{0, airport},
                                std::pair<std::uint16_t, std::int64_t>{0, -1}}) {
            const auto it = handling.find(key);
            if (it != handling.end()) return it->second;
        }
        return kDefault;
    }

    // The first departure of `leg` at or after `not_before`, departing no later than `latest`.
    [[nodiscard]] std::optional<std::pair<std::int64_t, std::int64_t>> earliest_instance(
        std::uint32_t index, std::int64_t not_before, std::int64_t latest) const {
        const CompactLeg& leg = compact[index];
        const auto& origin_zone = zones[leg.origin];
        const auto& destination_zone = zones[leg.destination];
        const std::int64_t local = not_before + origin_zone.offset_at_utc(not_before);
        const std::int64_t first = std::max<std::int64_t>(floor_div(local, kDay) - 1, leg.from_day);
        for (std::int64_t day = first; day <= leg.to_day; ++day) {
            if ((leg.days & (1U << weekday_index(day))) == 0) continue;
            const std::int64_t departure =
                origin_zone.to_utc(day * kDay + leg.departure_minute * kMinute);
            if (departure < not_before) continue;
            if (departure > latest) return std::nullopt;
            const std::int64_t arrival = destination_zone.to_utc(
                (day + leg.arrival_day_offset) * kDay + leg.arrival_minute * kMinute);
            return std::make_pair(departure, arrival);
        }
        return std::nullopt;
    }

    // The last departure of `leg` before `before`, if any.
    [[nodiscard]] std::optional<std::int64_t> departure_before(std::uint32_t index,
                                                               std::int64_t before) const {
        const CompactLeg& leg = compact[index];
        const auto& origin_zone = zones[leg.origin];
        const std::int64_t local = before + origin_zone.offset_at_utc(before);
        const std::int64_t last = std::min<std::int64_t>(floor_div(local, kDay) + 1, leg.to_day);
        for (std::int64_t day = last; day >= leg.from_day; --day) {
            if ((leg.days & (1U << weekday_index(day))) == 0) continue;
            const std::int64_t departure =
                origin_zone.to_utc(day * kDay + leg.departure_minute * kMinute);
            if (departure < before) return departure;
        }
        return std::nullopt;
    }

    // What the search reads of `request` besides the ready time (see search_cache.hpp).
    [[nodiscard]] SearchCache::Key cache_key(const SearchRequest& request) const {
        std::uint8_t fits = 0b111;
        for (const auto& [category, lim] : limits) {
            for (const auto& p : request.pieces) {
                if (!piece_fits(p, lim))
                    fits &= static_cast<std::uint8_t>(~(1U << static_cast<int>(category)));
            }
        }
        return SearchCache::Key{.origin = request.origin,
                                .destination = request.destination,
                                .fits = fits,
                                .refusal_class = request.commodity.kind() == CommodityKind::Class
                                                     ? request.commodity.code()
                                                     : "",
                                .max_legs = std::clamp(request.max_legs, 1, 4),
                                .horizon_days = request.horizon_days,
                                .max_connection_hours = request.max_connection_hours,
                                .keep_dominated = request.keep_dominated};
    }

    // Fewest legs from each airport to `destination`, up to `max_legs` (127 = farther).
    [[nodiscard]] std::vector<std::int8_t> legs_to(std::uint32_t destination, int max_legs) const {
        std::vector<std::int8_t> distance(airport_of.size(), 127);
        std::vector<std::uint32_t> frontier{destination}, next;
        distance[destination] = 0;
        for (int d = 1; d <= max_legs && !frontier.empty(); ++d) {
            next.clear();
            for (const std::uint32_t v : frontier) {
                for (const auto e : boost::make_iterator_range(boost::in_edges(v, graph))) {
                    const auto u = static_cast<std::uint32_t>(boost::source(e, graph));
                    if (distance[u] != 127) continue;
                    distance[u] = static_cast<std::int8_t>(d);
                    next.push_back(u);
                }
            }
            frontier.swap(next);
        }
        return distance;
    }

    class Search;
    SearchOutcome search(const SearchRequest& request) const;
    SearchOutcome search(const SearchRequest& request, SearchCache& cache) const;
    Itinerary itinerary_from(const std::vector<Label>& pool, std::int32_t index, std::int64_t ready,
                             std::int64_t latest_acceptance) const;
};

Itinerary RouteNetwork::Impl::itinerary_from(const std::vector<Label>& pool, std::int32_t index,
                                             std::int64_t ready,
                                             std::int64_t latest_acceptance) const {
    Itinerary it;
    for (std::int32_t i = index; pool[static_cast<std::size_t>(i)].parent >= 0;
         i = pool[static_cast<std::size_t>(i)].parent) {
        const Label& l = pool[static_cast<std::size_t>(i)];
        it.legs.push_back(
            LegInstance{&legs[compact[l.leg].source],
                        Instant(std::chrono::sys_seconds(std::chrono::seconds(l.departure))),
                        Instant(std::chrono::sys_seconds(std::chrono::seconds(l.arrival))),
                        l.connection_minutes, l.minimum_connection_minutes});
    }
    std::reverse(it.legs.begin(), it.legs.end());
    const Label& last = pool[static_cast<std::size_t>(index)];
    const std::int64_t available = last.arrival + compact[last.leg].availability_minutes * kMinute;
    it.ready = Instant(std::chrono::sys_seconds(std::chrono::seconds(ready)));
    it.latest_acceptance =
        Instant(std::chrono::sys_seconds(std::chrono::seconds(latest_acceptance)));
    it.available = Instant(std::chrono::sys_seconds(std::chrono::seconds(available)));
    it.transit_minutes = static_cast<int>((available - ready) / kMinute);
    return it;
}

namespace {

// Per (leg, continues interline): the earliest not-before already tried towards a transfer
// airport. A later not-before on the same leg can only give a later arrival under the same
// dominance key, so it is skipped without computing the instance. Thread-local scratch sized to
// the network, reset through the list of touched entries when the search ends.
class TriedNotBefore {
  public:
    explicit TriedNotBefore(std::size_t slots) {
        if (tried_.size() < slots) tried_.assign(slots, INT64_MAX);
    }
    ~TriedNotBefore() {
        for (const std::uint32_t i : touched_) tried_[i] = INT64_MAX;
        touched_.clear();
    }
    TriedNotBefore(const TriedNotBefore&) = delete;
    TriedNotBefore& operator=(const TriedNotBefore&) = delete;

    // True when `slot` was already tried no later than `not_before` (skip it); else records it.
    bool tried_no_later(std::uint32_t slot, std::int64_t not_before) {
        if (tried_[slot] <= not_before) return true;
        if (tried_[slot] == INT64_MAX) touched_.push_back(slot);
        tried_[slot] = not_before;
        return false;
    }

  private:
    static thread_local std::vector<std::int64_t> tried_;
    static thread_local std::vector<std::uint32_t> touched_;
};
thread_local std::vector<std::int64_t> TriedNotBefore::tried_;
thread_local std::vector<std::uint32_t> TriedNotBefore::touched_;

}  // namespace

// One search: a layered label-setting search from the origin (one layer per leg), then
// dominance among the arrivals, then the itineraries in order of availability.
class RouteNetwork::Impl::Search {
  public:
    // `track_ready_range`: also work out the ready times giving the same search (ready_range()).
    Search(const Impl& net, const SearchRequest& request, bool track_ready_range = false)
        : net_(net),
          request_(request),
          tried_(net.compact.size() * 2),
          track_ready_range_(track_ready_range) {}

    // After run() with tracking: the ready times (UTC seconds, inclusive) for which every step
    // that reads the ready time comes out the same, so the search is the same step for step.
    [[nodiscard]] std::pair<std::int64_t, std::int64_t> ready_range() const {
        return {first_ready_, last_ready_};
    }

    SearchOutcome run() {
        if (!statically_connected() || origin_ == destination_) return std::move(outcome_);
        start();
        for (int depth = 0; depth < max_legs_ && !layer_.empty(); ++depth) expand(depth);
        outcome_.diagnostics.labels = static_cast<int>(pool_.size());
        outcome_.itineraries = itineraries(non_dominated_arrivals());
        return std::move(outcome_);
    }

  private:
    [[nodiscard]] const Label& label(std::int32_t index) const {
        return pool_[static_cast<std::size_t>(index)];
    }

    // Both airports known, and the destination within max_legs of the origin in the static graph.
    bool statically_connected() {
        const auto origin_it = net_.vertex_of.find(request_.origin);
        const auto destination_it = net_.vertex_of.find(request_.destination);
        if (origin_it == net_.vertex_of.end() || destination_it == net_.vertex_of.end()) {
            return false;
        }
        origin_ = origin_it->second;
        destination_ = destination_it->second;
        max_legs_ = std::clamp(request_.max_legs, 1, 4);
        // Airports within max_legs - 1 legs of the destination: where a first leg may usefully
        // land.
        distance_ = net_.legs_to(destination_, max_legs_ - 1);
        bool connected = distance_[origin_] <= max_legs_ - 1;
        for (const auto e : boost::make_iterator_range(boost::out_edges(origin_, net_.graph))) {
            connected = connected || distance_[boost::target(e, net_.graph)] <= max_legs_ - 1;
        }
        outcome_.diagnostics.statically_connected = connected;
        return connected;
    }

    // The ready time, the horizon, which aircraft categories take every piece, the origin label.
    void start() {
        ready_ = net_.zones[origin_].to_utc(request_.ready.local.time_since_epoch().count());
        latest_ = ready_ + request_.horizon_days * kDay;
        for (const auto& [category, lim] : net_.limits) {
            for (const auto& p : request_.pieces) {
                if (!piece_fits(p, lim)) fits_[static_cast<int>(category)] = false;
            }
        }
        pool_.push_back(Label{.airport = origin_, .arrival = ready_});
        layer_.push_back(0);
        best_arrival_.reserve(4096);
    }

    // The useful out-edges of an airport (towards airports close enough to the destination) are
    // the same for every label there: each airport's edges are filtered once per layer.
    const std::vector<UsefulEdge>& useful_edges(std::uint32_t airport, int depth) {
        auto [it, inserted] = useful_.try_emplace(airport);
        if (inserted) {
            for (const auto e : boost::make_iterator_range(boost::out_edges(airport, net_.graph))) {
                const auto to = static_cast<std::uint32_t>(boost::target(e, net_.graph));
                if (distance_[to] > max_legs_ - depth - 1) continue;
                it->second.push_back(UsefulEdge{to, net_.graph[e].begin, net_.graph[e].end});
            }
        }
        return it->second;
    }

    // Extends every label of the layer (earliest arrival first) by one leg.
    void expand(int depth) {
        std::sort(layer_.begin(), layer_.end(), [&](std::int32_t a, std::int32_t b) {
            return label(a).arrival < label(b).arrival;
        });
        next_layer_.clear();
        useful_.clear();
        for (const std::int32_t label_index : layer_) {
            const Label from = label(label_index);
            for (const UsefulEdge& edge : useful_edges(from.airport, depth)) {
                if (visits(label_index, edge.to)) continue;  // no airport twice
                for (std::uint32_t leg_index = edge.begin; leg_index < edge.end; ++leg_index) {
                    try_leg(from, label_index, edge.to, leg_index, depth);
                }
            }
        }
        layer_.swap(next_layer_);
    }

    [[nodiscard]] bool visits(std::int32_t label_index, std::uint32_t airport) const {
        for (std::int32_t i = label_index; i >= 0; i = label(i).parent) {
            if (label(i).airport == airport) return true;
        }
        return false;
    }

    // Takes leg `leg_index` (to `to`) from label `from` when the cargo fits, the carrier accepts
    // it, a departure connects in time and no label already reaches `to` earlier under the same
    // dominance key; each refusal is counted in the diagnostics.
    void try_leg(const Label& from, std::int32_t label_index, std::uint32_t to,
                 std::uint32_t leg_index, int depth) {
        const CompactLeg& leg = net_.compact[leg_index];
        if (!fits_[leg.category]) {
            ++outcome_.diagnostics.legs_too_small;
            return;
        }
        const std::uint16_t carrier = leg.carrier;
        if (request_.commodity.kind() == CommodityKind::Class &&
            net_.refused.contains({carrier, request_.commodity.code()})) {
            ++outcome_.diagnostics.legs_refused;
            return;
        }
        std::int64_t not_before = 0;
        int mct = 0;
        if (depth == 0) {
            not_before = ready_ + leg.cutoff_minutes * kMinute;
        } else {
            mct = carrier == from.last_carrier ? net_.mct_online[from.airport]
                                               : net_.mct_interline[from.airport];
            not_before = from.arrival + mct * kMinute;
        }
        // A one-carrier set packs to that carrier's id.
        const bool continues_interline = from.carriers != 0 && from.carriers != carrier;
        const std::uint32_t memo = leg_index * 2 + (continues_interline ? 1U : 0U);
        if (to != destination_ && !request_.keep_dominated &&
            tried_.tried_no_later(memo, not_before)) {
            return;
        }
        ++outcome_.diagnostics.legs_evaluated;
        const std::int64_t depart_by =
            depth == 0
                ? latest_
                : std::min(latest_, from.arrival + request_.max_connection_hours * 60 * kMinute);
        // The first departure at or after not_before, then whether it leaves by depart_by.
        auto instance = net_.earliest_instance(leg_index, not_before, INT64_MAX);
        if (track_ready_range_) note_ready_range(from, leg_index, depth, not_before, instance);
        if (instance && instance->first > depart_by) instance.reset();
        if (!instance) {
            ++(depth == 0 ? outcome_.diagnostics.legs_without_service
                          : outcome_.diagnostics.connections_missed);
            return;
        }
        Label next{.airport = to,
                   .parent = label_index,
                   .leg = leg_index,
                   .depth = static_cast<std::uint8_t>(depth + 1),
                   .last_carrier = carrier,
                   .carriers = with_carrier(from.carriers, carrier),
                   .departure = instance->first,
                   .arrival = instance->second,
                   .connection_minutes =
                       depth == 0
                           ? 0
                           : static_cast<std::int32_t>((instance->first - from.arrival) / kMinute),
                   .minimum_connection_minutes = mct};
        // Transfer airports: one label per (airport, last carrier, on-line so far), the earliest.
        // Which carriers flew the earlier sectors of an interline label does not change what it
        // can connect to. At the destination each carrier set is kept apart (it prices
        // differently).
        const bool interline = next.carriers != carrier;
        const LabelKey key{to, to == destination_ ? next.carriers : (interline ? 1U : 0U), carrier};
        const bool prune = !(request_.keep_dominated && to == destination_);
        const auto best = best_arrival_.find(key);
        if (prune && best != best_arrival_.end() && best->second <= next.arrival) return;
        if (prune) best_arrival_[key] = next.arrival;
        next.acceptance =
            depth == 0 ? instance->first - leg.cutoff_minutes * kMinute : from.acceptance;
        pool_.push_back(next);
        const auto index = static_cast<std::int32_t>(pool_.size() - 1);
        (to == destination_ ? arrived_ : next_layer_).push_back(index);
    }

    // Narrows the ready range to the ready times for which this try of the leg finds the same
    // departure (`next`: the first at or after `not_before`) and the same answer to whether it
    // leaves within the horizon. Only first legs depend on the ready time otherwise: their
    // not_before is ready + cut-off; later legs' not_before comes from arrivals.
    void note_ready_range(const Label& from, std::uint32_t leg_index, int depth,
                          std::int64_t not_before,
                          const std::optional<std::pair<std::int64_t, std::int64_t>>& next) {
        const std::int64_t horizon = latest_ - ready_;
        if (depth == 0) {
            const std::int64_t cutoff = not_before - ready_;
            // The same first departure while ready + cut-off stays in (previous, next].
            if (next) at_most(next->first - cutoff);
            if (const auto previous = net_.departure_before(leg_index, not_before)) {
                at_least(*previous - cutoff + 1);
            }
        } else if (next &&
                   next->first > from.arrival + request_.max_connection_hours * 60 * kMinute) {
            return;  // too late for the connection whatever the horizon
        }
        if (!next) return;
        if (next->first <= latest_) {
            at_least(next->first - horizon);  // still within the horizon
        } else {
            at_most(next->first - horizon - 1);  // still beyond it
        }
    }
    void at_least(std::int64_t ready) { first_ready_ = std::max(first_ready_, ready); }
    void at_most(std::int64_t ready) { last_ready_ = std::min(last_ready_, ready); }

    // Whether every sector (run of legs on one carrier) of the itinerary ending at label `index`
    // has a rate line of its carrier.
    bool priceable(std::int32_t index) {
        std::uint32_t sector_end = label(index).airport;
        for (std::int32_t i = index; i >= 0 && label(i).parent >= 0;) {
            const Label& l = label(i);
            std::int32_t j = i;
            while (label(j).parent >= 0 && label(j).last_carrier == l.last_carrier) {
                j = label(j).parent;
            }
            const std::uint32_t sector_start = label(j).airport;
            const CarrierCode carrier = net_.carrier_of_id[l.last_carrier];
            const std::uint64_t key = (static_cast<std::uint64_t>(l.last_carrier) << 40) |
                                      (static_cast<std::uint64_t>(sector_start) << 20) | sector_end;
            auto [it, inserted] = sector_has_rate_.try_emplace(key, false);
            if (inserted) {
                for (const RateLine* line : net_.book.lines_on_lane(net_.airport_of[sector_start],
                                                                    net_.airport_of[sector_end])) {
                    it->second = it->second || line->carrier == carrier;
                }
            }
            if (!it->second) return false;
            sector_end = sector_start;
            i = j;
        }
        return true;
    }

    // Fewest legs of a kept arrival, by carrier set.
    using FewestLegs = std::unordered_map<std::uint64_t, int>;

    // Whether a kept arrival flown by the carriers of `l` or a subset of them has no more legs.
    static bool dominated_in(const FewestLegs& fewest, const Label& l) {
        std::uint16_t ids[3] = {};
        int n = 0;
        for (std::uint64_t rest = l.carriers; rest != 0 && n < 3; rest >>= 16) {
            ids[n++] = static_cast<std::uint16_t>(rest & 0xFFFF);
        }
        for (int mask = 1; mask < (1 << n); ++mask) {  // every non-empty subset, itself included
            std::uint64_t subset = 0;
            for (int k = 0; k < n; ++k) {
                if (mask & (1 << k)) subset = with_carrier(subset, ids[k]);
            }
            const auto it = fewest.find(subset);
            if (it != fewest.end() && it->second <= l.depth) return true;
        }
        return false;
    }

    static void remember(FewestLegs& fewest, const Label& l) {
        auto [it, inserted] = fewest.try_emplace(l.carriers, l.depth);
        if (!inserted) it->second = std::min<int>(it->second, l.depth);
    }

    // Dominance, in one pass in order of availability then legs: an arrival is dropped when an
    // earlier-kept itinerary flown by the same carriers or a subset of them has no more legs.
    // Only itineraries whose every sector has a rate line may dominate, so an unpriceable route
    // never hides a priceable one; unpriceable ones may still dominate each other (they only
    // become rejections, and one per carrier combination says what is missing).
    std::vector<std::int32_t> non_dominated_arrivals() {
        std::vector<std::pair<std::int64_t, std::int32_t>> order;  // (availability, label)
        order.reserve(arrived_.size());
        for (const std::int32_t index : arrived_) {
            const Label& l = label(index);
            order.emplace_back(l.arrival + net_.compact[l.leg].availability_minutes * kMinute,
                               index);
        }
        std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
            return std::make_tuple(a.first, label(a.second).depth, a.second) <
                   std::make_tuple(b.first, label(b.second).depth, b.second);
        });
        FewestLegs priceable_kept;
        FewestLegs unpriceable_kept;
        std::vector<std::int32_t> front;
        for (const auto& [available, index] : order) {
            const Label& l = label(index);
            if (!request_.keep_dominated) {
                if (dominated_in(priceable_kept, l)) continue;
                if (priceable(index)) {
                    remember(priceable_kept, l);
                } else {
                    if (dominated_in(unpriceable_kept, l)) continue;
                    remember(unpriceable_kept, l);
                }
            }
            front.push_back(index);
        }
        return front;
    }

    // The itineraries of `front`, by availability, then legs, then leg ids.
    [[nodiscard]] std::vector<Itinerary> itineraries(const std::vector<std::int32_t>& front) const {
        std::vector<Itinerary> kept;
        kept.reserve(front.size());
        for (const std::int32_t index : front) {
            kept.push_back(net_.itinerary_from(pool_, index, ready_, label(index).acceptance));
        }
        std::sort(kept.begin(), kept.end(), [](const Itinerary& a, const Itinerary& b) {
            if (a.available != b.available) return a.available < b.available;
            if (a.legs.size() != b.legs.size()) return a.legs.size() < b.legs.size();
            for (std::size_t k = 0; k < a.legs.size(); ++k) {
                if (a.legs[k].leg->leg_id != b.legs[k].leg->leg_id) {
                    return a.legs[k].leg->leg_id < b.legs[k].leg->leg_id;
                }
            }
            return false;
        });
        return kept;
    }

    const Impl& net_;
    const SearchRequest& request_;
    SearchOutcome outcome_;
    std::uint32_t origin_ = 0;
    std::uint32_t destination_ = 0;
    int max_legs_ = 1;
    std::vector<std::int8_t> distance_;  // legs to the destination, by airport (127: farther)
    std::int64_t ready_ = 0;             // UTC seconds
    std::int64_t latest_ = 0;            // last departure of a first leg
    bool fits_[3] = {true, true, true};  // by aircraft category: every piece fits
    std::vector<Label> pool_;
    std::vector<std::int32_t> layer_, next_layer_, arrived_;
    // Dominance per (airport, carrier set, last carrier): earlier arrival with no more legs wins.
    std::unordered_map<LabelKey, std::int64_t, LabelKeyHash> best_arrival_;
    std::unordered_map<std::uint32_t, std::vector<UsefulEdge>> useful_;  // this layer's
    std::unordered_map<std::uint64_t, bool> sector_has_rate_;
    TriedNotBefore tried_;
    bool track_ready_range_ = false;
    std::int64_t first_ready_ = INT64_MIN;
    std::int64_t last_ready_ = INT64_MAX;
};

SearchOutcome RouteNetwork::Impl::search(const SearchRequest& request) const {
    return Search(*this, request).run();
}

SearchOutcome RouteNetwork::Impl::search(const SearchRequest& request, SearchCache& cache) const {
    const auto origin = vertex_of.find(request.origin);
    if (origin == vertex_of.end()) return search(request);  // no legs there: nothing to reuse
    const SearchCache::Key key = cache_key(request);
    const std::int64_t ready =
        zones[origin->second].to_utc(request.ready.local.time_since_epoch().count());
    if (const SearchOutcome* stored = cache.find(key, ready)) {
        SearchOutcome outcome = *stored;
        const Instant ready_instant{std::chrono::sys_seconds{std::chrono::seconds{ready}}};
        for (Itinerary& it : outcome.itineraries) {
            it.ready = ready_instant;
            const std::int64_t available = it.available.utc().time_since_epoch().count();
            it.transit_minutes = static_cast<int>((available - ready) / kMinute);
        }
        return outcome;
    }
    Search search(*this, request, /*track_ready_range=*/true);
    SearchOutcome outcome = search.run();
    const auto [first, last] = search.ready_range();
    cache.store(key, first, last, outcome);
    return outcome;
}

RouteNetwork::RouteNetwork(const RateBook& book) : impl_(std::make_unique<Impl>(book)) {}
RouteNetwork::~RouteNetwork() = default;
RouteNetwork::RouteNetwork(RouteNetwork&&) noexcept = default;
RouteNetwork& RouteNetwork::operator=(RouteNetwork&&) noexcept = default;

bool RouteNetwork::empty() const { return impl_->legs.empty(); }
std::size_t RouteNetwork::leg_count() const { return impl_->legs.size(); }

SearchOutcome RouteNetwork::search(const SearchRequest& request) const {
    for (const auto& [code, field] : {std::pair{request.origin, "/shipment/origin"},
                                      std::pair{request.destination, "/shipment/destination"}}) {
        if (impl_->book.airport(code) == nullptr) {
            throw InputError(ErrorCode::UnknownAirport, field,
                             fmt::format("unknown airport '{}'", code.view()));
        }
    }
    return impl_->search(request);
}

SearchOutcome RouteNetwork::search(const SearchRequest& request, SearchCache* cache) const {
    if (cache == nullptr) return search(request);
    for (const auto& [code, field] : {std::pair{request.origin, "/shipment/origin"},
                                      std::pair{request.destination, "/shipment/destination"}}) {
        if (impl_->book.airport(code) == nullptr) {
            throw InputError(ErrorCode::UnknownAirport, field,
                             fmt::format("unknown airport '{}'", code.view()));
        }
    }
    return impl_->search(request, *cache);
}

std::optional<RejectionReason> SearchOutcome::reason_code() const {
    if (!itineraries.empty()) return std::nullopt;
    const auto& d = diagnostics;
    if (!d.statically_connected) return RejectionReason::NoRoute;
    const int most =
        std::max({d.legs_too_small, d.legs_refused, d.legs_without_service, d.connections_missed});
    if (most == 0) return RejectionReason::NoRoute;
    if (most == d.legs_too_small) return RejectionReason::PieceTooLarge;
    if (most == d.legs_refused) return RejectionReason::CommodityRefused;
    if (most == d.legs_without_service) return RejectionReason::NoService;
    return RejectionReason::ConnectionMissed;
}

std::string SearchOutcome::reason() const {
    const auto code = reason_code();
    const auto& d = diagnostics;
    if (!code) return {};
    if (code == RejectionReason::NoRoute)
        return "no sequence of scheduled legs links the airports within the leg limit";
    return fmt::format(
        "no feasible itinerary: {} leg(s) cannot take a piece of this size, {} refuse the "
        "commodity, "
        "{} have no departure in the search window, {} connection(s) cannot be made",
        d.legs_too_small, d.legs_refused, d.legs_without_service, d.connections_missed);
}

}  // namespace cargoquote
