#include "quote_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/decimal.hpp>
#include <cargoquote/pricing/quoted_amounts.hpp>
#include <map>

#include "itinerary_text.hpp"

namespace cargoquote::cli {

void append_wrapped(std::string& out, std::string_view first_prefix, std::string_view next_prefix,
                    std::string_view text, std::size_t width) {
    std::string_view prefix = first_prefix;
    while (true) {
        const std::size_t room = width > prefix.size() + 20 ? width - prefix.size() : 20;
        if (text.size() <= room) break;
        // Break at the last space that fits; a word longer than the room stays whole.
        std::size_t cut = text.rfind(' ', room);
        if (cut == std::string_view::npos || cut == 0) cut = text.find(' ');
        if (cut == std::string_view::npos) break;
        std::string_view head = text.substr(0, cut);
        while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
        out.append(prefix).append(head).push_back('\n');
        text.remove_prefix(cut + 1);
        while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
        prefix = next_prefix;
    }
    out.append(prefix).append(text).push_back('\n');
}

namespace {

std::string kg(Mass m) { return m.kg_text() + " kg"; }

// Break-even weights are shown to 0.01 kg, as rate sheets print them.
std::string kg_2dp(Mass m) {
    return format_scaled_decimal(static_cast<std::int64_t>(divide_round_half_up(m.in_grams(), 10)),
                                 2, 2) +
           " kg";
}

void append_fx_used(std::string& out, const PricedOption& o, std::size_t width) {
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
    if (!text.empty()) append_wrapped(out, "         fx: ", "             ", text, width);
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

// "3218.88 EUR  19h15m  reliability 90.3 %  risk 18.2 %  CO2e 4356 kg"
std::string criteria_text(const selection::OptionCriteria& c, const PricedOption& o) {
    return fmt::format("{}  {}  reliability {:.1f} %  risk {:.1f} %  CO2e {:.0f} kg",
                       o.sell_total_quoted.to_string(),
                       c.legs > 0 ? duration_text(static_cast<int>(c.transit_minutes))
                                  : std::string("no schedule"),
                       100 * c.reliability, 100 * c.risk, c.co2e_kg);
}

void append_assessment(std::string& out, const OptionAssessment& a, const PricedOption& o,
                       const TableOptions& options) {
    out += fmt::format("    score {:.4f}{}  {}\n", a.score, a.pareto ? " (Pareto)" : "",
                       criteria_text(a.criteria, o));
    if (!options.explain) return;
    out += fmt::format("    {:<12} {:>14} {:>11} {:>8} {:>13}\n", "criterion", "raw", "min-max",
                       "weight", "contribution");
    for (const auto& s : a.scores) {
        out += fmt::format("    {:<12} {:>14.4f} {:>11.4f} {:>8.3f} {:>13.4f}\n", s.criterion,
                           s.raw, s.normalized, s.weight, s.contribution);
    }
    append_wrapped(out, "    why: ", "         ", a.why, options.width);
}

// The charge table, amounts in the quote currency (the rates in their own): 100 columns with a
// 38-character description, which narrows (down to 16) to fit a narrower terminal.
std::size_t description_width(std::size_t width) {
    return std::clamp<std::size_t>(width > 62 ? width - 62 : 0, 16, 38);
}

void charge_row(std::string& out, std::size_t width, std::string_view code,
                std::string_view description, std::string_view basis, std::string_view quantity,
                std::string_view rate, std::string_view amount) {
    const std::size_t d = description_width(width);
    out += fmt::format("    {:<4} {:<{}.{}} {:<15.15} {:>10} {:>12} {:>12}\n", code, description, d,
                       d, basis, quantity, rate, amount);
}

// A line under the charges: its label spans the description to rate columns.
void total_row(std::string& out, std::size_t width, std::string_view code, std::string_view label,
               std::string_view amount) {
    const std::size_t l = description_width(width) + 40;
    out += fmt::format("    {:<4} {:<{}.{}} {:>12}\n", code, label, l, l, amount);
}

void append_charge_lines(std::string& out, const PricedOption& o, CurrencyCode quote_ccy,
                         std::size_t width) {
    charge_row(out, width, "code", "description", "basis", "quantity", "rate",
               fmt::format("amount {}", quote_ccy.view()));
    for (const auto& c : o.charges) {
        std::string amount = quoted_amount(o, c.amount).amount_text();
        if (!c.bound_applied.empty())
            amount = fmt::format("{} ({})", amount, c.bound_applied == "minimum" ? "min" : "max");
        charge_row(out, width, c.code, c.description, basis_text(c, o), quantity_text(c),
                   rate_text(c), amount);
    }
    if (const Money rounding = quoted_rounding(o); !rounding.is_zero()) {
        total_row(out, width, kRoundingLineCode, kRoundingLineDescription, rounding.amount_text());
    }
}

std::string break_even_text(const WeightCharge& wc) {
    std::string text;
    if (wc.minimum_break_even)
        text += fmt::format("minimum applies below {}", kg_2dp(*wc.minimum_break_even));
    if (wc.higher_break_applied) {
        if (!text.empty()) text += "; ";
        text += fmt::format("higher break +{} is cheaper: charged as {}",
                            wc.applied_break.kg_text(), kg(wc.declared_weight));
    } else if (wc.next_break_even) {
        if (!text.empty()) text += "; ";
        text += fmt::format("next break is cheaper from {}", kg_2dp(*wc.next_break_even));
    }
    return text;
}

std::string margin_label(const MarginDetail& m, CurrencyCode pricing_ccy) {
    if (m.margin_id.empty()) return "margin (no margin rule)";
    return fmt::format("margin {}: {}% of {} {}{}{}", m.margin_id, m.percent.percent_text(),
                       m.markable_base.amount_text(), pricing_ccy.view(),
                       m.per_kg.is_zero() ? "" : fmt::format(" + {}/kg", m.per_kg.to_string()),
                       m.minimum_applied ? " (minimum)" : "");
}

void append_option(std::string& out, const RateBook& book, const PricedOption& o,
                   const OptionAssessment* assessment, int rank, CurrencyCode quote_ccy,
                   const TableOptions& options) {
    const RateLine& line = *o.rate_line;
    out += fmt::format("#{}  {}  {}\n", rank, o.carrier.view(), o.carrier_name);
    if (assessment != nullptr) append_assessment(out, *assessment, o, options);
    out += fmt::format("    sell {}  (buy {})  offer valid {} to {}\n",
                       o.sell_total_quoted.to_string(), o.buy_total_quoted.to_string(),
                       o.offer_valid_from.iso(), o.offer_valid_to.iso());
    if (o.quote_fx) {
        out += fmt::format("    priced in {}: sell {} at {} {}/{} ({})\n", o.currency.view(),
                           o.sell_total.to_string(),
                           format_scaled_decimal(o.quote_fx->rate_nanos, 9, 0), quote_ccy.view(),
                           o.currency.view(), o.quote_fx->valid_from.iso());
    }
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
    if (!o.pricing_note.empty())
        append_wrapped(out, "    note: ", "          ", o.pricing_note, options.width);
    append_charge_lines(out, o, quote_ccy, options.width);
    if (const std::string text = break_even_text(o.weight_charge); !text.empty())
        append_wrapped(out, "         break-even: ", "                     ", text, options.width);
    append_fx_used(out, o, options.width);
    total_row(out, options.width, "", "buy total", o.buy_total_quoted.amount_text());
    total_row(out, options.width, "MG", margin_label(o.margin, o.currency),
              quoted_margin(o).amount_text());
    total_row(out, options.width, "", fmt::format("sell total {}", quote_ccy.view()),
              o.sell_total_quoted.amount_text());
    out += "\n";
}

void append_sla_rejection(std::string& out, const SlaRejection& r, const TableOptions& options) {
    out += fmt::format("    {}{:<3} {}\n", r.nearest_miss ? "nearest miss: " : "",
                       r.option.carrier.view(), criteria_text(r.criteria, r.option));
    std::string breaches;
    for (const auto& b : r.breaches) {
        breaches += fmt::format("{}{} {} (limit {})", breaches.empty() ? "" : "; ", b.limit,
                                b.actual, b.allowed);
    }
    append_wrapped(out, "        breaks ", "               ", breaches, options.width);
}

}  // namespace

void append_rejections(std::string& out, const std::vector<Rejection>& rejections,
                       std::size_t examples, std::size_t width) {
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
            append_wrapped(
                out, fmt::format("    {:<3} ", r.carrier.is_set() ? r.carrier.str() : "-"),
                "        ",
                r.reason + (r.itinerary.empty() ? "" : fmt::format(" [{}]", r.itinerary)), width);
        }
        if (shown < list.size())
            out += fmt::format("    ... {} more (--json lists all)\n", list.size() - shown);
    }
}

std::string format_quote_table(const QuoteResult& result, const TableOptions& options) {
    const Shipment& s = result.request.shipment;
    const auto& any = result.options.empty() ? nullptr : &result.options.front();
    std::string out =
        fmt::format("{} -> {}  commodity {}  ready {}  rates in force {}\n", s.origin.view(),
                    s.destination.view(), s.commodity.code(),
                    local_iso_with_offset(result.ready_time_utc, result.origin_time_zone),
                    result.rating_date.iso());
    if (any != nullptr) {
        out += fmt::format("{} pieces, gross {}, volume {} cm3\n", any->weights.piece_count,
                           kg(any->weights.actual_gross), any->weights.volume.in_cm3());
    }
    const auto& sel = result.selection;
    append_wrapped(
        out, "", "    ",
        fmt::format("ranked by {} ({} weights {}){}", selection::ranking_method_name(sel.method),
                    sel.method_source, sel.weights.text(),
                    sel.sla_tier.empty()
                        ? ""
                        : fmt::format(", SLA {}{}", sel.sla_tier,
                                      sel.customer_sla_override ? " (customer terms)" : "")),
        options.width);
    if (sel.prepayment_required) out += "PREPAYMENT REQUIRED (customer credit rule)\n";
    std::string summary = fmt::format(
        "{} priced option(s), best first, totals in {}; {} rejected", result.options.size(),
        result.currency.is_set() ? result.currency.str() : std::string("-"),
        result.rejections.size());
    if (result.dominated_options > 0) {
        summary +=
            fmt::format("; {} slower, longer and no cheaper left out", result.dominated_options);
    }
    append_wrapped(out, "", "    ", summary, options.width);
    out += "\n";
    const std::size_t shown = options.max_options == 0
                                  ? result.options.size()
                                  : std::min(options.max_options, result.options.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const OptionAssessment* assessment =
            i < result.assessments.size() ? &result.assessments[i] : nullptr;
        append_option(out, *result.book, result.options[i], assessment, static_cast<int>(i + 1),
                      result.currency, options);
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
        for (const auto& r : result.sla_rejections) append_sla_rejection(out, r, options);
    }
    append_rejections(out, result.rejections, options.rejection_examples, options.width);
    return fit_to_width(out, options.width);
}

std::string fit_to_width(std::string_view text, std::size_t width) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.size() <= width) {
            out.append(line).push_back('\n');
            continue;
        }
        const std::size_t indent = std::min(line.find_first_not_of(' '), width / 2);
        const std::string continuation(indent + 4, ' ');
        append_wrapped(out, line.substr(0, indent), continuation, line.substr(indent), width);
    }
    return out;
}

}  // namespace cargoquote::cli
