#include <algorithm>
#include <cargoquote/catalog/rate_book.hpp>
#include <tuple>

namespace cargoquote {

namespace {
std::uint64_t pack(std::string_view chars) {
    std::uint64_t key = 0;
    for (char c : chars) key = (key << 8) | static_cast<unsigned char>(c);
    return key;
}

std::uint64_t lane_key(AirportCode origin, AirportCode destination) {
    return (pack(origin.view()) << 24) | pack(destination.view());
}

std::uint64_t carrier_origin_key(CarrierCode carrier, AirportCode origin) {
    return (pack(carrier.view()) << 24) | pack(origin.view());
}
}  // namespace

RateBook::RateBook(RateBookData data) : data_(std::move(data)), fx_(data_.fx_rates) {
    for (std::size_t i = 0; i < data_.airports.size(); ++i) airports_[data_.airports[i].code] = i;
    for (std::size_t i = 0; i < data_.carriers.size(); ++i) carriers_[data_.carriers[i].code] = i;
    for (std::size_t i = 0; i < data_.schedule.performance.size(); ++i) {
        performance_[data_.schedule.performance[i].carrier] = i;
    }
    for (std::size_t i = 0; i < data_.customers.size(); ++i) {
        customers_[data_.customers[i].customer_id] = i;
    }
    for (const auto& line : data_.rate_lines) {
        lanes_[lane_key(line.origin, line.destination)].push_back(&line);
    }
    for (auto& [key, lines] : lanes_) {
        std::stable_sort(lines.begin(), lines.end(), [](const RateLine* a, const RateLine* b) {
            return std::tie(a->carrier, a->valid_from) < std::tie(b->carrier, b->valid_from);
        });
    }
    for (const auto& line : data_.rate_lines) {
        auto [it, inserted] =
            surcharge_candidates_.try_emplace(carrier_origin_key(line.carrier, line.origin));
        if (!inserted) continue;
        for (const auto& s : data_.surcharges) {
            if ((!s.carrier || *s.carrier == line.carrier) &&
                (!s.origin || *s.origin == line.origin)) {
                it->second.push_back(&s);
            }
        }
    }
    std::sort(data_.liability_limits.begin(), data_.liability_limits.end(),
              [](const auto& a, const auto& b) { return a.valid_from < b.valid_from; });
}

const Airport* RateBook::airport(AirportCode code) const {
    const auto it = airports_.find(code);
    return it == airports_.end() ? nullptr : &data_.airports[it->second];
}

const Carrier* RateBook::carrier(CarrierCode code) const {
    const auto it = carriers_.find(code);
    return it == carriers_.end() ? nullptr : &data_.carriers[it->second];
}

const Customer* RateBook::customer(std::string_view customer_id) const {
    const auto it = customers_.find(std::string(customer_id));
    return it == customers_.end() ? nullptr : &data_.customers[it->second];
}

std::span<const RateLine* const> RateBook::lines_on_lane(AirportCode origin,
                                                         AirportCode destination) const {
    const auto it = lanes_.find(lane_key(origin, destination));
    if (it == lanes_.end()) return {};
    return it->second;
}

std::span<const Surcharge* const> RateBook::surcharge_candidates(CarrierCode c,
                                                                 AirportCode origin) const {
    const auto it = surcharge_candidates_.find(carrier_origin_key(c, origin));
    if (it == surcharge_candidates_.end()) return {};
    return it->second;
}

const CarrierPerformance* RateBook::performance(CarrierCode carrier) const {
    const auto it = performance_.find(carrier);
    return it == performance_.end() ? nullptr : &data_.schedule.performance[it->second];
}

std::optional<LiabilityLimit> RateBook::liability_limit(Date on) const {
    std::optional<LiabilityLimit> found;
    for (const auto& limit : data_.liability_limits) {
        if (limit.valid_from <= on) found = limit;
    }
    return found;
}

}  // namespace cargoquote
