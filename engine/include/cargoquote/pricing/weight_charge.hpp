#pragma once
// The weight charge of a rate line (DOMAIN.md §2):
//   charge = max(M, min(w x rate(w), min over higher breaks b of b x Q_b))
// Each candidate is rounded half-up to the minor unit before comparing, as it would be printed.

#include <cargoquote/catalog/rate_line.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/units.hpp>
#include <optional>
#include <span>

namespace cargoquote {

// IATA rate class codes as printed on the air waybill.
enum class RateClassCode {
    Minimum,
    Normal,
    Quantity,
    SpecificCommodity,
    ClassReduction,
    ClassSurcharge
};
[[nodiscard]] char rate_class_letter(RateClassCode code);  // M N Q C R S

struct WeightCharge {
    Money amount;
    Money applied_rate;  // per kg; the minimum charge itself when class is M
    RateClassCode rate_class_code = RateClassCode::Normal;
    Mass actual_weight;    // the chargeable weight of the shipment
    Mass declared_weight;  // the weight charged: a higher break when that is cheaper
    Mass applied_break;    // the break whose rate was used
    bool minimum_applied = false;
    bool higher_break_applied = false;
    // Weight from which the minimum stops applying (M / N); absent when no minimum.
    std::optional<Mass> minimum_break_even;
    // Weight from which the next higher break's charge is cheaper than this break's rate
    // (b x Q_b / rate(w)); absent at the top break.
    std::optional<Mass> next_break_even;
};

// Rate per kg for the break that applies to `weight` under these ascending breaks.
[[nodiscard]] const WeightBreak& applicable_break(std::span<const WeightBreak> breaks, Mass weight);

// General-cargo style charge over `breaks` with minimum `min_charge`. `breaks` not empty.
[[nodiscard]] WeightCharge weight_charge(std::span<const WeightBreak> breaks,
                                         const Money& min_charge, Mass chargeable);

}  // namespace cargoquote
