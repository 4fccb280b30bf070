#include <cargoquote/core/decimal.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>

#include <algorithm>

namespace cargoquote {

Volume shipment_volume(std::span<const Piece> pieces) {
    std::int64_t cm3 = 0;
    for (const auto& p : pieces) {
        cm3 += p.length.whole_cm_half_up() * p.width.whole_cm_half_up() *
               p.height.whole_cm_half_up() * p.count;
    }
    return Volume::cm3(cm3);
}

ChargeableWeight compute_chargeable_weight(std::span<const Piece> pieces,
                                           const WeightRules& rules) {
    ChargeableWeight w;
    w.volume = shipment_volume(pieces);
    for (const auto& p : pieces) {
        w.actual_gross += Mass::grams(p.weight_per_piece.in_grams() * p.count);
        w.piece_count += p.count;
    }
    w.gross_weight = w.actual_gross.rounded_up_to(rules.rounding_step);
    // grams = cm3 * 1000 / divisor, rounded up to the step in one exact integer division.
    const Int128 step_g = std::max<std::int64_t>(rules.rounding_step.in_grams(), 1);
    const Int128 steps = divide_round_up(static_cast<Int128>(w.volume.in_cm3()) * 1000,
                                         static_cast<Int128>(rules.divisor.cm3_per_kg) * step_g);
    w.volume_weight = Mass::grams(static_cast<std::int64_t>(steps * step_g));
    w.chargeable = std::max(w.gross_weight, w.volume_weight);
    return w;
}

}  // namespace cargoquote
