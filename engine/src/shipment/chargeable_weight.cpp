#include <algorithm>
#include <cargoquote/core/decimal.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>
#include <limits>

namespace cargoquote {

namespace {
// The entry points keep every quantity within the ranges of shipment.hpp; this is the backstop
// for a caller that does not: a product past int64 is an error, never a wrapped weight.
std::int64_t checked(Int128 value, std::int64_t max = std::numeric_limits<std::int64_t>::max()) {
    if (value > max || value < -static_cast<Int128>(max) - 1) {
        throw InputError(ErrorCode::QuantityOutOfRange, "pieces",
                         "the shipment's weight or volume is too large to rate");
    }
    return static_cast<std::int64_t>(value);
}
}  // namespace

Volume shipment_volume(std::span<const Piece> pieces) {
    Int128 cm3 = 0;
    for (const auto& p : pieces) {
        cm3 += static_cast<Int128>(p.length.whole_cm_half_up()) * p.width.whole_cm_half_up() *
               p.height.whole_cm_half_up() * p.count;
    }
    return Volume::cm3(checked(cm3));
}

ChargeableWeight compute_chargeable_weight(std::span<const Piece> pieces,
                                           const WeightRules& rules) {
    ChargeableWeight w;
    w.volume = shipment_volume(pieces);
    Int128 grams = 0;
    Int128 count = 0;
    for (const auto& p : pieces) {
        grams += static_cast<Int128>(p.weight_per_piece.in_grams()) * p.count;
        count += p.count;
    }
    w.actual_gross = Mass::grams(checked(grams));
    w.piece_count = static_cast<int>(checked(count, std::numeric_limits<int>::max()));
    w.gross_weight = w.actual_gross.rounded_up_to(rules.rounding_step);
    // grams = cm3 * 1000 / divisor, rounded up to the step in one exact integer division.
    const Int128 step_g = std::max<std::int64_t>(rules.rounding_step.in_grams(), 1);
    const Int128 steps = divide_round_up(static_cast<Int128>(w.volume.in_cm3()) * 1000,
                                         static_cast<Int128>(rules.divisor.cm3_per_kg) * step_g);
    w.volume_weight = Mass::grams(checked(steps * step_g));
    w.chargeable = std::max(w.gross_weight, w.volume_weight);
    return w;
}

}  // namespace cargoquote
