#include <algorithm>
#include <cargoquote/network/itinerary.hpp>

namespace cargoquote {

bool Itinerary::online() const {
    return std::all_of(legs.begin(), legs.end(), [&](const LegInstance& l) {
        return l.leg->carrier == legs.front().leg->carrier;
    });
}

std::vector<CarrierCode> Itinerary::carriers() const {
    std::vector<CarrierCode> out;
    for (const auto& l : legs) {
        if (std::find(out.begin(), out.end(), l.leg->carrier) == out.end()) {
            out.push_back(l.leg->carrier);
        }
    }
    return out;
}

std::vector<AirportCode> Itinerary::airports() const {
    std::vector<AirportCode> out;
    if (legs.empty()) return out;
    out.push_back(legs.front().leg->origin);
    for (const auto& l : legs) out.push_back(l.leg->destination);
    return out;
}

}  // namespace cargoquote
