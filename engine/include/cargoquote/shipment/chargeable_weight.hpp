#pragma once
// Chargeable weight per IATA TACT (DOMAIN.md §2): dimensions rounded half-up to whole cm, volume
// in integer cm3, volume weight and gross weight rounded UP to the rate line's step, chargeable =
// the larger of the two.

#include <cargoquote/core/units.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <span>

namespace cargoquote {

// The rounding rules belong to the rate line: divisor 6000 cm3/kg and a 0.5 kg step are IATA's.
struct WeightRules {
    VolumetricDivisor divisor{6000};
    Mass rounding_step = Mass::grams(500);
    friend bool operator==(const WeightRules&, const WeightRules&) = default;
};

struct ChargeableWeight {
    Volume volume;       // sum of L x W x H x count, whole cm after rounding
    Mass actual_gross;   // sum of piece weights, unrounded
    Mass gross_weight;   // rounded up to the step
    Mass volume_weight;  // volume / divisor, rounded up to the step
    Mass chargeable;     // max(gross_weight, volume_weight)
    int piece_count = 0;
    friend bool operator==(const ChargeableWeight&, const ChargeableWeight&) = default;
};

[[nodiscard]] Volume shipment_volume(std::span<const Piece> pieces);
[[nodiscard]] ChargeableWeight compute_chargeable_weight(std::span<const Piece> pieces,
                                                         const WeightRules& rules);

}  // namespace cargoquote
