#include <algorithm>
#include <cargoquote/selection/criteria.hpp>
#include <cmath>
#include <numbers>

namespace cargoquote::selection {

namespace {
constexpr double kFreighterKgPerTkm = 0.498;    // GLEC Framework, freighter, > 1,500 km
constexpr double kBellyLongHaul = 0.64874160;   // UK GHG 2023, freight flights, long-haul, no RF
constexpr double kBellyShortHaul = 0.98468518;  // UK GHG 2023, freight flights, short-haul, no RF
constexpr double kGlecDistanceAddKm = 95;       // GLEC great-circle distance adjustment
constexpr double kUnknownCarrierReliability = 0.80;  // no performance record: a cautious prior

const CarrierPerformance* performance_of(const RateBook& book, CarrierCode carrier) {
    return book.performance(carrier);
}

double ppm(Ratio r) { return static_cast<double>(r.ppm()) / 1e6; }
}  // namespace

double wilson_lower_bound(std::int64_t successes, std::int64_t trials, double z) {
    if (trials <= 0) return 0;
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z2 = z * z;
    const double centre = p + z2 / (2 * n);
    const double margin = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return std::max(0.0, (centre - margin) / (1 + z2 / n));
}

double connection_probability(int slack_minutes) {
    return 1.0 - 0.3 * std::exp(-std::max(0, slack_minutes) / 60.0);
}

double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kEarthKm = 6371.0088;
    const double to_rad = std::numbers::pi / 180.0;
    const double dlat = (lat2 - lat1) * to_rad, dlon = (lon2 - lon1) * to_rad;
    const double a =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(lat1 * to_rad) * std::cos(lat2 * to_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

OptionCriteria compute_criteria(const PricedOption& option, const RateBook& book,
                                const Shipment& shipment, const Customer* customer) {
    OptionCriteria c;
    c.price = static_cast<double>(option.sell_total_quoted.micros()) / 1e6;
    c.transit_minutes = option.itinerary.transit_minutes;
    const auto& legs = option.itinerary.legs;
    c.legs = static_cast<int>(legs.size());
    c.interline = !legs.empty() && !option.itinerary.online();
    c.all_freighter =
        !legs.empty() && std::all_of(legs.begin(), legs.end(), [](const LegInstance& l) {
            return l.leg->category == AircraftCategory::Freighter;
        });

    // Reliability: legs and connections.
    double reliability = 1.0;
    double worst_claims = 0, worst_offloads = 0;
    const auto carriers =
        legs.empty() ? std::vector<CarrierCode>{option.carrier} : option.itinerary.carriers();
    for (const auto& l : legs) {
        const CarrierPerformance* p = performance_of(book, l.leg->carrier);
        reliability *= p != nullptr ? wilson_lower_bound(p->flights_as_planned, p->flights_observed)
                                    : kUnknownCarrierReliability;
        if (l.minimum_connection_minutes > 0) {
            reliability *=
                connection_probability(l.connection_minutes - l.minimum_connection_minutes);
        }
    }
    if (legs.empty()) {
        const CarrierPerformance* p = performance_of(book, option.carrier);
        reliability = p != nullptr ? wilson_lower_bound(p->flights_as_planned, p->flights_observed)
                                   : kUnknownCarrierReliability;
    }
    c.reliability = reliability;
    for (const CarrierCode carrier : carriers) {
        if (const CarrierPerformance* p = performance_of(book, carrier)) {
            worst_claims = std::max(worst_claims, ppm(p->damage_claim_ratio));
            worst_offloads = std::max(worst_offloads, ppm(p->offload_rate));
        }
    }

    // Risk: independent small contributions combined as 1 - prod(1 - r).
    std::vector<double> parts = {std::min(1.0, 20 * worst_claims),
                                 std::min(1.0, 5 * worst_offloads)};
    const int transfers = std::max(0, c.legs - 1);
    parts.push_back(0.03 * transfers);
    parts.push_back(0.05 * static_cast<double>(std::max<std::size_t>(carriers.size(), 1) - 1));
    if (shipment.commodity.kind() == CommodityKind::Class) parts.push_back(0.05);
    if (customer == nullptr || customer->credit_status == CreditStatus::New) parts.push_back(0.15);
    if (customer != nullptr && customer->credit_status == CreditStatus::Overdue)
        parts.push_back(0.30);
    double keep = 1.0;
    for (const double r : parts) keep *= 1.0 - std::clamp(r, 0.0, 1.0);
    c.risk = 1.0 - keep;

    // CO2e (GLEC): gross tonnes over each leg's adjusted great-circle distance.
    const double tonnes = static_cast<double>(option.weights.actual_gross.in_grams()) / 1e6;
    for (const auto& l : legs) {
        const Airport* a = book.airport(l.leg->origin);
        const Airport* b = book.airport(l.leg->destination);
        if (a == nullptr || b == nullptr) continue;
        const double km = great_circle_km(a->latitude, a->longitude, b->latitude, b->longitude);
        const double factor = l.leg->category == AircraftCategory::Freighter
                                  ? (km > 1500 ? kFreighterKgPerTkm : kBellyShortHaul)
                                  : (km > 1500 ? kBellyLongHaul : kBellyShortHaul);
        c.co2e_kg += (km + kGlecDistanceAddKm) * tonnes * factor;
    }
    return c;
}

}  // namespace cargoquote::selection
