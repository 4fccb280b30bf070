#include <cargoquote/core/decimal.hpp>
#include <cargoquote/pricing/weight_charge.hpp>
#include <cassert>

namespace cargoquote {

namespace {
constexpr std::int64_t kGramsPerKg = 1000;

Money charge_at(const WeightBreak& b, Mass weight) {
    return charge_for_quantity(b.rate_per_kg, weight.in_grams(), kGramsPerKg);
}

// Weight (in grams, rounded half-up) at which `amount` equals weight x rate.
std::optional<Mass> break_even(const Money& amount, const Money& rate_per_kg) {
    if (rate_per_kg.micros() <= 0) return std::nullopt;
    const auto grams = divide_round_half_up(static_cast<Int128>(amount.micros()) * kGramsPerKg,
                                            rate_per_kg.micros());
    return Mass::grams(static_cast<std::int64_t>(grams));
}
}  // namespace

char rate_class_letter(RateClassCode code) {
    switch (code) {
        case RateClassCode::Minimum:
            return 'M';
        case RateClassCode::Normal:
            return 'N';
        case RateClassCode::Quantity:
            return 'Q';
        case RateClassCode::SpecificCommodity:
            return 'C';
        case RateClassCode::ClassReduction:
            return 'R';
        case RateClassCode::ClassSurcharge:
            return 'S';
    }
    return '?';
}

const WeightBreak& applicable_break(std::span<const WeightBreak> breaks, Mass weight) {
    assert(!breaks.empty());
    const WeightBreak* chosen = &breaks.front();
    for (const auto& b : breaks) {
        if (b.from <= weight) chosen = &b;
    }
    return *chosen;
}

WeightCharge weight_charge(std::span<const WeightBreak> breaks, const Money& min_charge,
                           Mass chargeable) {
    assert(!breaks.empty());
    const WeightBreak& at_weight = applicable_break(breaks, chargeable);
    WeightCharge result{.amount = charge_at(at_weight, chargeable),
                        .applied_rate = at_weight.rate_per_kg,
                        .rate_class_code = at_weight.from.in_grams() == 0 ? RateClassCode::Normal
                                                                          : RateClassCode::Quantity,
                        .actual_weight = chargeable,
                        .declared_weight = chargeable,
                        .applied_break = at_weight.from};

    // Higher weight break is cheaper: charge the break weight at the break rate.
    const WeightBreak* next_higher = nullptr;
    for (const auto& b : breaks) {
        if (b.from <= chargeable) continue;
        if (next_higher == nullptr) next_higher = &b;
        const Money at_break = charge_at(b, b.from);
        if (at_break < result.amount) {
            result.amount = at_break;
            result.applied_rate = b.rate_per_kg;
            result.rate_class_code = RateClassCode::Quantity;
            result.declared_weight = b.from;
            result.applied_break = b.from;
            result.higher_break_applied = true;
        }
    }
    if (next_higher != nullptr) {
        result.next_break_even =
            break_even(charge_at(*next_higher, next_higher->from), at_weight.rate_per_kg);
    }
    if (!min_charge.is_zero()) {
        result.minimum_break_even = break_even(min_charge, breaks.front().rate_per_kg);
        const Money minimum = min_charge.rounded_to_minor_unit();
        if (result.amount < minimum) {
            result.amount = minimum;
            result.applied_rate = minimum;
            result.rate_class_code = RateClassCode::Minimum;
            result.declared_weight = chargeable;
            result.minimum_applied = true;
            result.higher_break_applied = false;
        }
    }
    return result;
}

}  // namespace cargoquote
