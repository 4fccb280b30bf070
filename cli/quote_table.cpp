#include "quote_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/decimal.hpp>
#include <map>

#include "itinerary_text.hpp"

namespace cargoquote::cli {

namespace {

std::string kg(Mass m) { return m.kg_text() + " kg"; }

// Break-even weights are shown to 0.01 kg, as rate sheets print them.
std::string kg_2dp(Mass m) {
    return format_scaled_decimal(static_cast<std::int64_t>(divide_round_half_up(m.in_grams(), 10)),
                                 2, 2) +
           " kg";
}

void append_fx_used(std::string& out, const PricedOption& o) {
    std::vector<const FxUse*> used;
    for (const auto& c : o.charges) {
        if (c.converted) used.push_back(&*c.converted);
    }
    if (o.margin.converted) used.push_back(&*o.margin.converted);
    std::string text;
    for (const FxUse* u : used) {
        const std::string item = fmt::format("{}->{} {} ({}{})", u->from.view(), u->to.view(),
                                             format_scaled_decimal(u->rate_nanos, 9, 0),
                                             u->valid_from.iso(), u->inverted ? ", inverted" : "");
        if (text.find(item) == std::string::npos) text += (text.empty() ? "" : "; ") + item;
    }
    if (!text.empty()) out += fmt::format("         fx: {}\n", text);
}

std::string quantity_text(const ChargeLine& line) {
    if (line.kind == ChargeKind::Weight) return kg(Mass::grams(line.quantity));
    if (line.kind == ChargeKind::Valuation) return line.base_amount.amount_text();
    switch (surcharge_basis_traits(*line.basis).unit) {
        case QuantityUnit::Kilogram:
            return kg(Mass::grams(line.quantity));
        case QuantityUnit::Piece:
            return fmt::format("{} pcs", line.quantity);
        case QuantityUnit::Shipment:
            return "1 shipment";
        case QuantityUnit::Amount:
            return line.base_amount.amount_text();
    }
    return "";
}

std::string rate_text(const ChargeLine& line) {
    if (line.kind == ChargeKind::Valuation || (line.basis && is_percent_basis(*line.basis))) {
        return line.percent.percent_text() + "%";
    }
    std::string unit;
    if (line.kind == ChargeKind::Weight) {
        unit = "/kg";
    } else {
        switch (surcharge_basis_traits(*line.basis).unit) {
            case QuantityUnit::Kilogram:
                unit = "/kg";
                break;
            case QuantityUnit::Piece:
                unit = "/pc";
                break;
            case QuantityUnit::Shipment:
            case QuantityUnit::Amount:
                break;
        }
    }
    return fmt::format("{} {}{}", format_scaled_decimal(line.rate.micros(), Money::kScale, 2),
                       line.rate.currency().view(), unit);
}

std::string basis_text(const ChargeLine& line, const PricedOption& option) {
    if (line.kind == ChargeKind::Weight) {
        const auto& wc = option.weight_charge;
        if (wc.minimum_applied) return "M minimum";
        return fmt::format("{} +{}", rate_class_letter(wc.rate_class_code),
                           wc.applied_break.kg_text());
    }
    if (line.kind == ChargeKind::Valuation) return "value";
    return std::string(surcharge_basis_name(*line.basis));
}

std::string criteria_text(const selection::OptionCriteria& c, const PricedOption& o) {
    return fmt::format(
        "price {}, transit {}, reliability {:.1f} %, risk {:.1f} %, CO2e {:.0f} kg",
        o.sell_total_quoted.to_string(),
        c.legs > 0 ? duration_text(static_cast<int>(c.transit_minutes)) : std::string("n/a"),
        100 * c.reliability, 100 * c.risk, c.co2e_kg);
}

void append_assessment(std::string& out, const OptionAssessment& a, const PricedOption& o,
                       bool explain) {
    out += fmt::format("    score {:.4f}{}: {}\n", a.score, a.pareto ? " (Pareto)" : "",
                       criteria_text(a.criteria, o));
    if (!explain) return;
    out += fmt::format("    {:<12} {:>14} {:>11} {:>8} {:>13}\n", "criterion", "raw", "min-max",
                       "weight", "contribution");
    for (const auto& s : a.scores) {
        out += fmt::format("    {:<12} {:>14.4f} {:>11.4f} {:>8.3f} {:>13.4f}\n", s.criterion,
                           s.raw, s.normalized, s.weight, s.contribution);
    }
    out += fmt::format("    why: {}\n", a.why);
}

void append_option(std::string& out, const RateBook& book, const PricedOption& o, int rank,
                   CurrencyCode quote_ccy) {
    const RateLine& line = *o.rate_line;
    out += fmt::format("#{}  {}  {}\n", rank, o.carrier.view(), o.carrier_name);
    out += fmt::format("    sell {}  (buy {})", o.sell_total_quoted.to_string(),
                       o.buy_total_quoted.to_string());
    if (o.quote_fx) {
        out += fmt::format("  from {} at {} {}/{}", o.sell_total.to_string(),
                           format_scaled_decimal(o.quote_fx->rate_nanos, 9, 0), quote_ccy.view(),
                           o.currency.view());
    }
    out +=
        fmt::format("  offer valid {} to {}\n", o.offer_valid_from.iso(), o.offer_valid_to.iso());
    append_itinerary(out, book, o.itinerary);
    for (const auto& s : o.sectors) {
        out += fmt::format("    sector {}-{} on {}: rate line {}, buy {}\n", s.origin.view(),
                           s.destination.view(), s.carrier.view(), s.rate_line->line_id,
                           s.buy_total.to_string());
    }
    out += fmt::format("    rate line {} ({} {}, valid {} to {})\n", line.line_id, line.sheet,
                       line.version, line.valid_from.iso(), line.valid_to.iso());
    out +=
        fmt::format("    chargeable {}: gross {}, volume {} cm3 = {} at {} cm3/kg\n",
                    kg(o.weights.chargeable), kg(o.weights.gross_weight), o.weights.volume.in_cm3(),
                    kg(o.weights.volume_weight), line.weight_rules.divisor.cm3_per_kg);
    if (!o.pricing_note.empty()) out += fmt::format("    note: {}\n", o.pricing_note);
    out += fmt::format("    {:<4} {:<38} {:<15} {:>14} {:>16} {:>12}\n", "code", "description",
                       "basis", "quantity", "rate", "amount");
    for (const auto& c : o.charges) {
        std::string amount = c.amount.amount_text();
        if (!c.bound_applied.empty())
            amount = fmt::format("{} ({})", amount, c.bound_applied == "minimum" ? "min" : "max");
        out += fmt::format("    {:<4} {:<38.38} {:<15} {:>14} {:>16} {:>12}\n", c.code,
                           c.description, basis_text(c, o), quantity_text(c), rate_text(c), amount);
    }
    const auto& wc = o.weight_charge;
    std::string break_even;
    if (wc.minimum_break_even)
        break_even += fmt::format("minimum applies below {}", kg_2dp(*wc.minimum_break_even));
    if (wc.higher_break_applied) {
        if (!break_even.empty()) break_even += "; ";
        break_even += fmt::format("higher break +{} is cheaper: charged as {}",
                                  wc.applied_break.kg_text(), kg(wc.declared_weight));
    } else if (wc.next_break_even) {
        if (!break_even.empty()) break_even += "; ";
        break_even += fmt::format("next break is cheaper from {}", kg_2dp(*wc.next_break_even));
    }
    if (!break_even.empty()) out += fmt::format("         break-even: {}\n", break_even);
    append_fx_used(out, o);
    out += fmt::format("    {:<4} {:<88} {:>12}\n", "", "buy total", o.buy_total.amount_text());
    const auto& m = o.margin;
    const std::string margin_label =
        m.margin_id.empty()
            ? std::string("margin (no margin rule)")
            : fmt::format("margin {}: {}% of {}{}{}", m.margin_id, m.percent.percent_text(),
                          m.markable_base.amount_text(),
                          m.per_kg.is_zero() ? "" : fmt::format(" + {}/kg", m.per_kg.to_string()),
                          m.minimum_applied ? " (minimum)" : "");
    out += fmt::format("    {:<4} {:<88.88} {:>12}\n", "MG", margin_label, m.amount.amount_text());
    out += fmt::format("    {:<4} {:<88} {:>12}\n\n", "",
                       fmt::format("sell total {}", o.currency.view()), o.sell_total.amount_text());
}

}  // namespace

void append_rejections(std::string& out, const std::vector<Rejection>& rejections,
                       std::size_t examples) {
    if (rejections.empty()) return;
    out += "Could not be priced:\n";
    std::map<std::string, std::vector<const Rejection*>> by_reason;
    for (const auto& r : rejections) {
        by_reason[std::string(rejection_reason_name(r.reason_code))].push_back(&r);
    }
    for (const auto& [reason, list] : by_reason) {
        out += fmt::format("  {} ({}):\n", reason, list.size());
        const std::size_t shown = examples == 0 ? list.size() : std::min(examples, list.size());
        for (std::size_t i = 0; i < shown; ++i) {
            const Rejection& r = *list[i];
            out +=
                fmt::format("    {:<3} {}{}\n", r.carrier.is_set() ? r.carrier.str() : "-",
                            r.reason, r.itinerary.empty() ? "" : fmt::format(" [{}]", r.itinerary));
        }
        if (shown < list.size())
            out += fmt::format("    ... {} more (--json lists all)\n", list.size() - shown);
    }
}

std::string format_quote_table(const QuoteResult& result, const TableOptions& options) {
    const Shipment& s = result.request.shipment;
    const auto& any = result.options.empty() ? nullptr : &result.options.front();
    std::string out =
        fmt::format("{} -> {}  commodity {}  ready {} ({})  rates in force {}\n", s.origin.view(),
                    s.destination.view(), s.commodity.code(),
                    local_iso_with_offset(result.ready_time_utc, result.origin_time_zone),
                    result.ready_time_utc.utc_iso(), result.rating_date.iso());
    if (any != nullptr) {
        out += fmt::format("{} pieces, gross {}, volume {} cm3\n", any->weights.piece_count,
                           kg(any->weights.actual_gross), any->weights.volume.in_cm3());
    }
    const auto& sel = result.selection;
    out += fmt::format(
        "ranked by {} ({} weights {}){}{}\n", selection::ranking_method_name(sel.method),
        sel.method_source, sel.weights.text(),
        sel.sla_tier.empty() ? ""
                             : fmt::format(", SLA {}{}", sel.sla_tier,
                                           sel.customer_sla_override ? " (customer terms)" : ""),
        sel.prepayment_required ? "; PREPAYMENT REQUIRED (customer credit rule)" : "");
    out += fmt::format("{} priced option(s), best first, totals in {}; {} rejected",
                       result.options.size(),
                       result.currency.is_set() ? result.currency.str() : std::string("-"),
                       result.rejections.size());
    if (result.dominated_options > 0) {
        out += fmt::format("; {} slower, longer and no cheaper left out", result.dominated_options);
    }
    out += "\n\n";
    const std::size_t shown = options.max_options == 0
                                  ? result.options.size()
                                  : std::min(options.max_options, result.options.size());
    for (std::size_t i = 0; i < shown; ++i) {
        std::string block;
        append_option(block, *result.book, result.options[i], static_cast<int>(i + 1),
                      result.currency);
        if (i < result.assessments.size()) {
            // The assessment goes right under the option's title line.
            const auto first_newline = block.find('\n');
            std::string assessment;
            append_assessment(assessment, result.assessments[i], result.options[i],
                              options.explain);
            block.insert(first_newline + 1, assessment);
        }
        out += block;
    }
    if (shown < result.options.size()) {
        out += fmt::format("... {} more option(s) (--limit 0 shows all)\n\n",
                           result.options.size() - shown);
    }
    if (options.explain && !result.sensitivity.empty()) {
        out += "Sensitivity of #1 (weights scaled to sum 1, the others rescaled proportionally):\n";
        for (const auto& i : result.sensitivity) {
            out += fmt::format("    {:<12} weight {:.3f}: stays on top from {:.3f}{} to {:.3f}{}\n",
                               selection::kCriterionNames[i.criterion], i.current, i.lower,
                               i.lower_bounded ? "" : " (down to 0)", i.upper,
                               i.upper_bounded ? "" : " (up to 1)");
        }
        out += "\n";
    }
    if (!result.sla_rejections.empty()) {
        out += fmt::format("Outside the {} SLA ({}):{}\n", result.selection.sla_tier,
                           result.sla_rejections.size(),
                           result.options.empty() ? " nothing meets it; nearest misses first" : "");
        for (const auto& r : result.sla_rejections) {
            std::string breaches;
            for (const auto& b : r.breaches) {
                breaches += fmt::format("{}{} {} (limit {})", breaches.empty() ? "" : "; ", b.limit,
                                        b.actual, b.allowed);
            }
            out +=
                fmt::format("    {}{:<3} {}: {}\n", r.nearest_miss ? "nearest miss: " : "",
                            r.option.carrier.view(), criteria_text(r.criteria, r.option), breaches);
        }
    }
    append_rejections(out, result.rejections, options.rejection_examples);
    return out;
}

}  // namespace cargoquote::cli
