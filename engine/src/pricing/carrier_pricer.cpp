#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cargoquote/pricing/carrier_pricer.hpp>
#include <cargoquote/pricing/pricing_plan.hpp>

namespace cargoquote {

const RateLine* rate_line_in_force(std::span<const RateLine* const> lines, RateClass cls,
                                   std::string_view commodity, Date on) {
    for (const RateLine* line : lines) {
        if (line->rate_class == cls && line->commodity == commodity && line->valid_on(on)) {
            return line;
        }
    }
    return nullptr;
}

namespace {

constexpr std::int64_t kGramsPerKg = 1000;
constexpr std::int64_t kPpm = 1'000'000;
constexpr std::int64_t kFxRateScale = 1'000'000'000;  // FxUse::rate_nanos per unit
// Valuation charge rate on the declared value above the carrier's liability (DOMAIN.md §2).
constexpr Ratio kValuationRate = Ratio::from_ppm(7'500);
// Classes whose rate is a surcharge on N: no fallback to general cargo rates exists for them.
constexpr std::array<std::string_view, 3> kSurchargeClasses = {"AVI", "VAL", "HUM"};

struct WeightChoice {
    const RateLine* line = nullptr;
    RateClass used = RateClass::General;
    ChargeableWeight weights;
    WeightCharge charge;
    std::string note;
};

// Thrown inside this file only, to turn a missing FX rate into a rejection of the option.
struct MissingFx {
    CurrencyCode from;
    CurrencyCode to;
};

Rejection no_general_rate(std::span<const RateLine* const> lines, CarrierCode carrier, Date on) {
    for (const RateLine* line : lines) {
        if (line->rate_class != RateClass::General) continue;
        return Rejection{
            carrier, RejectionReason::NoValidRate,
            fmt::format("no general rate valid on {}: sheet '{}' {} is valid {} to {}", on.iso(),
                        line->sheet, line->version, line->valid_from.iso(), line->valid_to.iso())};
    }
    return Rejection{carrier, RejectionReason::NoGeneralRate,
                     "carrier files no general cargo rate on this lane"};
}

std::string money_text(const Money& m) { return m.to_string(); }

WeightChoice general_choice(const RateLine& gen, std::span<const Piece> pieces) {
    WeightChoice choice{.line = &gen, .used = RateClass::General};
    choice.weights = compute_chargeable_weight(pieces, gen.weight_rules);
    choice.charge = weight_charge(gen.breaks, gen.min_charge, choice.weights.chargeable);
    return choice;
}

WeightChoice specific_commodity_choice(const RateLine& scr, std::span<const Piece> pieces) {
    WeightChoice choice{.line = &scr, .used = RateClass::SpecificCommodity};
    choice.weights = compute_chargeable_weight(pieces, scr.weight_rules);
    const Mass charged = std::max(choice.weights.chargeable, scr.min_weight);
    choice.charge = weight_charge(scr.breaks, scr.min_charge, charged);
    choice.charge.actual_weight = choice.weights.chargeable;
    if (!choice.charge.minimum_applied) {
        choice.charge.rate_class_code = RateClassCode::SpecificCommodity;
    }
    return choice;
}

WeightChoice class_rate_choice(const RateLine& cls, const RateLine& gen,
                               std::span<const Piece> pieces) {
    WeightChoice choice{.line = &cls, .used = RateClass::ClassRate};
    choice.weights = compute_chargeable_weight(pieces, gen.weight_rules);
    const Money& normal = gen.breaks.front().rate_per_kg;
    // The class rate per kg is kept exact (micro-units); rounding happens on the charge line.
    const Money class_rate(
        normal.currency(),
        static_cast<std::int64_t>(divide_round_half_up(
            static_cast<Int128>(normal.micros()) * cls.class_percent.ppm(), 1'000'000)));
    const Money class_minimum = apply_ratio(gen.min_charge, cls.class_min_percent);
    const std::array<WeightBreak, 1> breaks{WeightBreak{Mass::grams(0), class_rate}};
    choice.charge = weight_charge(breaks, class_minimum, choice.weights.chargeable);
    if (!choice.charge.minimum_applied) {
        choice.charge.rate_class_code = cls.class_percent < Ratio::from_ppm(1'000'000)
                                            ? RateClassCode::ClassReduction
                                            : RateClassCode::ClassSurcharge;
    }
    return choice;
}

// Commodity precedence (DOMAIN.md §2): a specific commodity rate beats class and general rates
// unless the general rate is lower; a class reduction likewise; a class surcharge always applies.
// `plan`, when given, holds the lines in force that rate_line_in_force would find.
std::variant<WeightChoice, Rejection> choose_weight_charge(const PricingContext& ctx,
                                                           std::span<const RateLine* const> lines,
                                                           CarrierCode carrier,
                                                           const SectorPlan* plan) {
    const Date on = ctx.rating_date;
    const RateLine* gen =
        plan != nullptr ? plan->general : rate_line_in_force(lines, RateClass::General, "", on);
    if (gen == nullptr) return no_general_rate(lines, carrier, on);
    WeightChoice general = general_choice(*gen, ctx.shipment.pieces);
    const Commodity& commodity = ctx.shipment.commodity;

    switch (commodity.kind()) {
        case CommodityKind::General:
            return general;
        case CommodityKind::SpecificCommodity: {
            const RateLine* scr =
                plan != nullptr
                    ? plan->specific
                    : rate_line_in_force(lines, RateClass::SpecificCommodity, commodity.code(), on);
            if (scr == nullptr) {
                general.note = fmt::format(
                    "no specific commodity rate for item {}: general cargo rate applies",
                    commodity.code());
                return general;
            }
            WeightChoice specific = specific_commodity_choice(*scr, ctx.shipment.pieces);
            if (general.charge.amount < specific.charge.amount) {
                general.note = fmt::format(
                    "general cargo rate {} is lower than specific commodity rate {} for item {}",
                    money_text(general.charge.amount), money_text(specific.charge.amount),
                    commodity.code());
                return general;
            }
            specific.note = fmt::format("specific commodity rate for item {} (general rate: {})",
                                        commodity.code(), money_text(general.charge.amount));
            return specific;
        }
        case CommodityKind::Class: {
            const RateLine* cls = plan != nullptr ? plan->class_rate
                                                  : rate_line_in_force(lines, RateClass::ClassRate,
                                                                       commodity.code(), on);
            const bool surcharge_class =
                std::find(kSurchargeClasses.begin(), kSurchargeClasses.end(), commodity.code()) !=
                kSurchargeClasses.end();
            if (cls == nullptr) {
                if (surcharge_class) {
                    return Rejection{carrier, RejectionReason::NoClassRate,
                                     fmt::format("carrier publishes no {} class rate on this lane "
                                                 "valid on {}",
                                                 commodity.code(), on.iso())};
                }
                return general;
            }
            WeightChoice class_rate = class_rate_choice(*cls, *gen, ctx.shipment.pieces);
            const bool reduction = cls->class_percent < Ratio::from_ppm(1'000'000);
            if (reduction && general.charge.amount < class_rate.charge.amount) {
                general.note =
                    fmt::format("general cargo rate {} is lower than the {} class rate {}",
                                money_text(general.charge.amount), commodity.code(),
                                money_text(class_rate.charge.amount));
                return general;
            }
            class_rate.note = fmt::format("{} class rate: {}% of N, minimum {}% of M",
                                          commodity.code(), cls->class_percent.percent_text(),
                                          cls->class_min_percent.percent_text());
            return class_rate;
        }
    }
    return general;
}

// Converts into `to` on the rating date, recording the rate; throws MissingFx when absent.
Money convert(const PricingContext& ctx, const Money& amount, CurrencyCode to,
              std::optional<FxUse>* record) {
    if (amount.currency() == to) return amount;
    std::optional<FxUse> storage;
    const FxUse* use = fx_on_rating_date(ctx, amount.currency(), to, storage);
    if (use == nullptr) throw MissingFx{amount.currency(), to};
    if (record != nullptr) *record = *use;
    return FxTable::convert(amount, *use);
}

// (micros_numerator / denominator) micro-units of `from`, exact, converted into `to` and rounded
// to its minor unit once: a charge in another currency is never rounded before its conversion.
Money convert_exact(const PricingContext& ctx, CurrencyCode from, Int128 micros_numerator,
                    Int128 denominator, CurrencyCode to, std::optional<FxUse>* record) {
    if (from == to) return round_to_minor_unit(to, micros_numerator, denominator);
    std::optional<FxUse> storage;
    const FxUse* use = fx_on_rating_date(ctx, from, to, storage);
    if (use == nullptr) throw MissingFx{from, to};
    if (record != nullptr) *record = *use;
    return round_to_minor_unit(to, checked_multiply(micros_numerator, use->rate_nanos),
                               checked_multiply(denominator, kFxRateScale));
}

// Applies the surcharge's min/max (held in its own currency) to an amount in `currency`.
Money bounded(const PricingContext& ctx, const Surcharge& s, Money amount, ChargeLine& line) {
    if (s.minimum) {
        const Money lower = convert(ctx, *s.minimum, amount.currency(), nullptr);
        if (amount < lower) {
            amount = lower;
            line.bound_applied = "minimum";
        }
    }
    if (s.maximum) {
        const Money upper = convert(ctx, *s.maximum, amount.currency(), nullptr);
        if (upper < amount) {
            amount = upper;
            line.bound_applied = "maximum";
        }
    }
    return amount;
}

std::optional<ChargeLine> surcharge_line(const PricingContext& ctx, const Surcharge& s,
                                         const WeightChoice& choice) {
    const CurrencyCode option_currency = choice.line->currency;
    ChargeLine line{.kind = ChargeKind::Surcharge,
                    .code = s.code,
                    .description = s.description,
                    .basis = s.basis,
                    .rate = s.amount,
                    .percent = s.percent,
                    .margin_applies = s.apply_margin};
    const BasisQuantity quantity = surcharge_basis_traits(s.basis).quantity;
    switch (quantity) {
        case BasisQuantity::ChargeableWeight:
        case BasisQuantity::GrossWeight:
        case BasisQuantity::Pieces:
        case BasisQuantity::Shipment: {
            std::int64_t per = 1;
            if (quantity == BasisQuantity::ChargeableWeight) {
                line.quantity = choice.weights.chargeable.in_grams();
                per = kGramsPerKg;
            } else if (quantity == BasisQuantity::GrossWeight) {
                line.quantity = choice.weights.gross_weight.in_grams();
                per = kGramsPerKg;
            } else if (quantity == BasisQuantity::Pieces) {
                line.quantity = choice.weights.piece_count;
            } else {
                line.quantity = 1;
            }
            if (s.amount.currency() == option_currency) {
                line.amount =
                    bounded(ctx, s, charge_for_quantity(s.amount, line.quantity, per), line);
                return line;
            }
            // In another currency: the exact amount, bounded in its own currency, converted and
            // rounded once.
            Int128 numerator = checked_multiply(s.amount.micros(), line.quantity);
            Int128 denominator = per;
            if (s.minimum && numerator < checked_multiply(s.minimum->micros(), per)) {
                numerator = s.minimum->micros();
                denominator = 1;
                line.bound_applied = "minimum";
            }
            if (s.maximum && checked_multiply(s.maximum->micros(), denominator) < numerator) {
                numerator = s.maximum->micros();
                denominator = 1;
                line.bound_applied = "maximum";
            }
            line.amount = convert_exact(ctx, s.amount.currency(), numerator, denominator,
                                        option_currency, &line.converted);
            return line;
        }
        case BasisQuantity::FreightCharge:
            line.base_amount = choice.charge.amount;
            break;
        case BasisQuantity::DeclaredValue: {
            if (!ctx.shipment.declared_value) return std::nullopt;  // NVD: nothing to charge on
            const Money& declared = *ctx.shipment.declared_value;
            line.base_amount = convert(ctx, declared, option_currency, &line.converted);
            line.quantity = line.base_amount.micros();
            // The percentage of the exact declared value, converted and rounded once (the base
            // shown is the declared value converted on its own).
            line.amount =
                bounded(ctx, s,
                        convert_exact(ctx, declared.currency(),
                                      checked_multiply(declared.micros(), s.percent.ppm()), kPpm,
                                      option_currency, nullptr),
                        line);
            return line;
        }
    }
    line.quantity = line.base_amount.micros();
    line.amount = bounded(ctx, s, apply_ratio(line.base_amount, s.percent), line);
    return line;
}

// (declared value - liability limit x gross kg) x 0.75 % when positive.
std::optional<ChargeLine> valuation_line(const PricingContext& ctx, const WeightChoice& choice) {
    const auto& declared = ctx.shipment.declared_value;
    if (!declared) return std::nullopt;
    const auto limit = ctx.plan != nullptr ? ctx.plan->liability_limit()
                                           : ctx.book.liability_limit(ctx.rating_date);
    if (!limit) return std::nullopt;
    const Money limit_sdr =
        charge_for_quantity(limit->sdr_per_kg, choice.weights.gross_weight.in_grams(), kGramsPerKg);
    const Money limit_in_value_currency = convert(ctx, limit_sdr, declared->currency(), nullptr);
    const Money excess = *declared - limit_in_value_currency;
    if (!(Money::zero(excess.currency()) < excess)) return std::nullopt;
    ChargeLine line{.kind = ChargeKind::Valuation,
                    .code = "VC",
                    .description = "Valuation charge above the carrier's liability limit",
                    .quantity = excess.micros(),
                    .base_amount = excess,
                    .percent = kValuationRate,
                    .margin_applies = false};
    line.amount = convert_exact(ctx, excess.currency(),
                                checked_multiply(excess.micros(), kValuationRate.ppm()), kPpm,
                                choice.line->currency, &line.converted);
    return line;
}

MarginDetail margin_for(const PricingContext& ctx, CurrencyCode currency, Mass chargeable,
                        const std::vector<ChargeLine>& charges) {
    MarginDetail margin{.markable_base = Money::zero(currency), .amount = Money::zero(currency)};
    for (const auto& c : charges) {
        if (c.margin_applies) margin.markable_base += c.amount;
    }
    if (!ctx.apply_margin) return margin;
    const MarginRule* rule = select_margin(
        ctx.plan != nullptr ? ctx.plan->margin_rules() : ctx.book.margins(), ctx.customer,
        ctx.shipment.origin, ctx.shipment.destination, chargeable, ctx.rating_date);
    if (rule == nullptr) return margin;
    margin.margin_id = rule->margin_id;
    margin.percent = rule->percent;
    margin.per_kg = rule->per_kg;
    const Money per_kg_part =
        convert_exact(ctx, rule->per_kg.currency(),
                      checked_multiply(rule->per_kg.micros(), chargeable.in_grams()), kGramsPerKg,
                      currency, &margin.converted);
    margin.amount = apply_ratio(margin.markable_base, rule->percent) + per_kg_part;
    const Money minimum = convert(ctx, rule->min_per_shipment, currency, &margin.converted);
    if (margin.amount < minimum) {
        margin.amount = minimum;
        margin.minimum_applied = true;
    }
    return margin;
}

std::string_view weight_description(RateClass used) {
    switch (used) {
        case RateClass::General:
            return "Weight charge, general cargo rate";
        case RateClass::SpecificCommodity:
            return "Weight charge, specific commodity rate";
        case RateClass::ClassRate:
            return "Weight charge, class rate";
    }
    return "Weight charge";
}

ChargeLine weight_line(const WeightChoice& choice) {
    return ChargeLine{.kind = ChargeKind::Weight,
                      .code = "WT",
                      .description = weight_description(choice.used),
                      .quantity = choice.charge.declared_weight.in_grams(),
                      .rate = choice.charge.applied_rate,
                      .amount = choice.charge.amount,
                      .margin_applies = true};
}

}  // namespace

std::optional<MarginDetail> compute_margin(const PricingContext& context, CurrencyCode currency,
                                           Mass chargeable,
                                           const std::vector<ChargeLine>& charges) {
    try {
        return margin_for(context, currency, chargeable, charges);
    } catch (const MissingFx&) {
        return std::nullopt;
    }
}

PricingOutcome price_carrier(const PricingContext& ctx,
                             std::span<const RateLine* const> carrier_lines) {
    const CarrierCode carrier = carrier_lines.front()->carrier;
    const SectorPlan* plan = ctx.plan != nullptr ? ctx.plan->sector(carrier, ctx.shipment.origin,
                                                                    ctx.shipment.destination)
                                                 : nullptr;
    auto chosen = choose_weight_charge(ctx, carrier_lines, carrier, plan);
    if (auto* rejection = std::get_if<Rejection>(&chosen)) return std::move(*rejection);
    WeightChoice& choice = std::get<WeightChoice>(chosen);
    const CurrencyCode currency = choice.line->currency;

    PricedOption option;
    option.charges.reserve(plan != nullptr ? plan->surcharges.size() + 2 : 8);
    option.carrier = carrier;
    if (plan != nullptr) {
        option.carrier_name = plan->carrier_name;
    } else if (const Carrier* info = ctx.book.carrier(carrier)) {
        option.carrier_name = info->name;
    }
    option.rate_line = choice.line;
    option.rate_class_used = choice.used;
    option.pricing_note = std::move(choice.note);
    option.weights = choice.weights;
    option.weight_charge = choice.charge;
    option.currency = currency;
    Date offer_end =
        std::min(ctx.quote_date.plus_days(ctx.offer_validity_days), choice.line->valid_to);
    try {
        option.charges.push_back(weight_line(choice));
        // The plan's surcharges are those of the candidates that pass these checks.
        const bool checked = plan != nullptr;
        for (const Surcharge* s :
             checked ? std::span<const Surcharge* const>(plan->surcharges)
                     : ctx.book.surcharge_candidates(carrier, ctx.shipment.origin)) {
            if (!checked && (!s->valid_on(ctx.rating_date) ||
                             !s->applies_to(carrier, ctx.shipment.origin, ctx.shipment.destination,
                                            ctx.shipment.commodity))) {
                continue;
            }
            if (auto line = surcharge_line(ctx, *s, choice)) {
                option.charges.push_back(std::move(*line));
                offer_end = std::min(offer_end, s->valid_to);
            }
        }
        if (auto valuation = valuation_line(ctx, choice)) {
            option.charges.push_back(std::move(*valuation));
        }
        option.buy_total = Money::zero(currency);
        for (const auto& c : option.charges) option.buy_total += c.amount;
        option.margin = margin_for(ctx, currency, choice.weights.chargeable, option.charges);
        option.sell_total = option.buy_total + option.margin.amount;
    } catch (const MissingFx& missing) {
        return Rejection{carrier, RejectionReason::NoFxRate,
                         fmt::format("no FX rate {} to {} in force on {}", missing.from.view(),
                                     missing.to.view(), ctx.rating_date.iso())};
    }
    option.buy_total_quoted = option.buy_total;
    option.sell_total_quoted = option.sell_total;
    option.offer_valid_from = ctx.quote_date;
    option.offer_valid_to = offer_end;
    return option;
}

}  // namespace cargoquote
