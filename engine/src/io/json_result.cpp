// The result documents, written straight to text by JsonWriter. Members are written in byte
// order of their names (nlohmann::json's order), so the text is what dump() of a tree of the
// same values gives; the tree functions in json.hpp parse this text.
#include <cargoquote/core/decimal.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/io/json_writer.hpp>
#include <cargoquote/pricing/quoted_amounts.hpp>
#include <cargoquote/version.hpp>

namespace cargoquote {

namespace {
using nlohmann::json;

void write_money(JsonWriter& w, const Money& money) {
    w.begin_object()
        .field("amount", money.amount_text())
        .field("currency", money.currency().view())
        .end_object();
}

void money_field(JsonWriter& w, std::string_view name, const Money& money) {
    w.key(name);
    write_money(w, money);
}

void kg_field(JsonWriter& w, std::string_view name, Mass m) { w.field(name, m.kg_text()); }

void optional_kg_field(JsonWriter& w, std::string_view name, const std::optional<Mass>& m) {
    if (m) {
        kg_field(w, name, *m);
    } else {
        w.null_field(name);
    }
}

void fx_field(JsonWriter& w, const std::optional<FxUse>& use) {
    w.key("fx");
    if (!use) {
        w.null();
        return;
    }
    w.begin_object()
        .field("from", use->from.view())
        .field("inverted", use->inverted)
        .field("rate", format_scaled_decimal(use->rate_nanos, 9, 0))
        .field("source", use->source)
        .field("to", use->to.view())
        .field("validFrom", use->valid_from.iso())
        .end_object();
}

std::string_view charge_kind_name(ChargeKind kind) {
    switch (kind) {
        case ChargeKind::Weight:
            return "weight";
        case ChargeKind::Surcharge:
            return "surcharge";
        case ChargeKind::Valuation:
            return "valuation";
        case ChargeKind::Margin:
            return "margin";
    }
    return "unknown";
}

void measure(JsonWriter& w, std::string_view unit, std::string_view value) {
    w.begin_object().field("unit", unit).field("value", value).end_object();
}

// The quantity a charge line multiplied by, in the unit of its basis.
void quantity_field(JsonWriter& w, const ChargeLine& line) {
    w.key("quantity");
    if (line.kind == ChargeKind::Weight)
        return measure(w, "KGM", Mass::grams(line.quantity).kg_text());
    if (!line.basis) {
        w.null();
        return;
    }
    switch (surcharge_basis_traits(*line.basis).unit) {
        case QuantityUnit::Kilogram:
            return measure(w, "KGM", Mass::grams(line.quantity).kg_text());
        case QuantityUnit::Piece:
            return measure(w, "PCE", std::to_string(line.quantity));
        case QuantityUnit::Shipment:
            return measure(w, "SHIPMENT", "1");
        case QuantityUnit::Amount:
            return write_money(w, line.base_amount);
    }
    w.null();
}

void write_charge_line(JsonWriter& w, const ChargeLine& line) {
    const bool percent =
        line.kind == ChargeKind::Valuation || (line.basis && is_percent_basis(*line.basis));
    w.begin_object();
    money_field(w, "amount", line.amount);
    if (line.basis) {
        w.field("basis", surcharge_basis_name(*line.basis));
    } else {
        w.field("basis", line.kind == ChargeKind::Weight ? "weight" : "value");
    }
    if (line.bound_applied.empty()) {
        w.null_field("boundApplied");
    } else {
        w.field("boundApplied", line.bound_applied);
    }
    w.field("code", line.code).field("description", line.description);
    fx_field(w, line.converted);
    w.field("kind", charge_kind_name(line.kind)).field("marginApplies", line.margin_applies);
    quantity_field(w, line);
    w.key("rate");
    if (percent) {
        w.begin_object().field("percent", line.percent.percent_text()).end_object();
    } else {
        write_money(w, line.rate);
    }
    w.field("sector", line.sector).end_object();
}

// Local times with the airport's offset: the zone lookup is memoised per document, since every
// leg of every option names one of a handful of airports.
class TimeWriter {
  public:
    explicit TimeWriter(const RateBook& book) : book_(book) {}

    void field(JsonWriter& w, std::string_view name, Instant t, AirportCode at) {
        w.key(name)
            .begin_object()
            .field("local", local_iso_with_offset(t, zone_of(at)))
            .field("utc", t.utc_iso())
            .end_object();
    }

  private:
    std::string_view zone_of(AirportCode at) {
        const Airport* airport = book_.airport(at);
        return airport != nullptr ? std::string_view(airport->time_zone) : "UTC";
    }
    const RateBook& book_;
};

void write_legs(JsonWriter& w, TimeWriter& times, const Itinerary& it) {
    w.begin_array();
    int sequence = 0;
    for (const auto& l : it.legs) {
        w.begin_object()
            .field("aircraftCategory", aircraft_category_name(l.leg->category))
            .field("aircraftType", l.leg->aircraft_type);
        times.field(w, "arrival", l.arrival, l.leg->destination);
        w.field("arrivalLocation", l.leg->destination.view())
            .field("carrier", l.leg->carrier.view())
            .field("connectionMinutes", l.connection_minutes);
        times.field(w, "departure", l.departure, l.leg->origin);
        w.field("departureLocation", l.leg->origin.view())
            .field("flightNumber", l.leg->flight_number)
            .field("minimumConnectionMinutes", l.minimum_connection_minutes)
            .field("sequence", ++sequence)
            .end_object();
    }
    w.end_array();
}

void write_sectors(JsonWriter& w, const PricedOption& o) {
    w.begin_array();
    for (const auto& s : o.sectors) {
        w.begin_object();
        money_field(w, "buyTotal", s.buy_total);
        w.field("carrier", s.carrier.view());
        kg_field(w, "chargeableWeight", s.weights.chargeable);
        w.field("destination", s.destination.view())
            .field("lineId", s.rate_line->line_id)
            .field("origin", s.origin.view())
            .field("rateClassUsed", rate_class_name(s.rate_class_used));
        money_field(w, "weightCharge", s.weight_charge.amount);
        w.end_object();
    }
    w.end_array();
}

void write_criteria(JsonWriter& w, const selection::OptionCriteria& c) {
    w.begin_object()
        .field("allFreighter", c.all_freighter)
        .field("co2eKg", c.co2e_kg)
        .field("interline", c.interline)
        .field("legs", c.legs)
        .field("price", c.price)
        .field("reliability", c.reliability)
        .field("risk", c.risk)
        .field("transitMinutes", c.transit_minutes)
        .end_object();
}

void write_assessment(JsonWriter& w, const OptionAssessment& a) {
    w.begin_object().key("criteria");
    write_criteria(w, a.criteria);
    w.field("pareto", a.pareto).field("score", a.score).key("scores").begin_array();
    for (const auto& s : a.scores) {
        w.begin_object()
            .field("contribution", s.contribution)
            .field("criterion", s.criterion)
            .field("normalized", s.normalized)
            .field("raw", s.raw)
            .field("weight", s.weight)
            .end_object();
    }
    w.end_array();
    if (a.why.empty()) {
        w.null_field("why");
    } else {
        w.field("why", a.why);
    }
    w.end_object();
}

void write_margin(JsonWriter& w, const MarginDetail& m) {
    w.key("margin").begin_object();
    money_field(w, "amount", m.amount);
    fx_field(w, m.converted);
    if (m.margin_id.empty()) {
        w.null_field("marginId");
    } else {
        w.field("marginId", m.margin_id);
    }
    money_field(w, "markableBase", m.markable_base);
    w.field("minimumApplied", m.minimum_applied);
    if (m.per_kg.currency().is_set()) {
        money_field(w, "perKg", m.per_kg);
    } else {
        w.null_field("perKg");
    }
    w.field("percent", m.percent.percent_text()).end_object();
}

void write_weight_charge(JsonWriter& w, const WeightCharge& wc) {
    w.key("weightCharge").begin_object();
    kg_field(w, "actualWeight", wc.actual_weight);
    money_field(w, "amount", wc.amount);
    kg_field(w, "appliedBreak", wc.applied_break);
    kg_field(w, "declaredWeight", wc.declared_weight);
    w.field("higherBreakApplied", wc.higher_break_applied)
        .field("minimumApplied", wc.minimum_applied);
    optional_kg_field(w, "minimumBreakEven", wc.minimum_break_even);
    optional_kg_field(w, "nextBreakEven", wc.next_break_even);
    money_field(w, "rate", wc.applied_rate);
    const char letter = rate_class_letter(wc.rate_class_code);
    w.field("rateClassCode", std::string_view(&letter, 1)).end_object();
}

// Every amount of the option in the quote currency (quoted_amounts.hpp): the charge lines, a
// rounding line when the converted lines miss the converted buy total, the margin and the totals.
void write_quoted(JsonWriter& w, const PricedOption& o) {
    w.key("quoted").begin_object();
    money_field(w, "buyTotal", o.buy_total_quoted);
    fx_field(w, o.quote_fx);
    money_field(w, "margin", quoted_margin(o));
    w.key("ratelines").begin_array();
    const auto line = [&w](const Money& amount, std::string_view code, std::string_view description,
                           std::string_view kind) {
        w.begin_object();
        money_field(w, "amount", amount);
        w.field("code", code).field("description", description).field("kind", kind).end_object();
    };
    for (const auto& c : o.charges) {
        line(quoted_amount(o, c.amount), c.code, c.description, charge_kind_name(c.kind));
    }
    if (const Money rounding = quoted_rounding(o); !rounding.is_zero()) {
        line(rounding, kRoundingLineCode, kRoundingLineDescription, "rounding");
    }
    w.end_array();
    money_field(w, "sellTotal", o.sell_total_quoted);
    w.end_object();
}

// One booking option; `rank` is left out (SLA rejections) when empty, and `assessment` is
// written when given.
void write_option(JsonWriter& w, TimeWriter& times, const PricedOption& o, std::optional<int> rank,
                  const OptionAssessment* assessment) {
    const RateLine& line = *o.rate_line;
    const bool scheduled = !o.itinerary.legs.empty();
    w.begin_object();
    if (assessment != nullptr) {
        w.key("assessment");
        write_assessment(w, *assessment);
    }
    w.key("carrier")
        .begin_object()
        .field("code", o.carrier.view())
        .field("name", o.carrier_name)
        .end_object();
    w.key("chargeableWeight").begin_object();
    kg_field(w, "actualGrossWeight", o.weights.actual_gross);
    kg_field(w, "chargeableWeight", o.weights.chargeable);
    w.field("divisorCm3PerKg", line.weight_rules.divisor.cm3_per_kg);
    kg_field(w, "grossWeight", o.weights.gross_weight);
    w.field("pieceCount", o.weights.piece_count).field("volumeCm3", o.weights.volume.in_cm3());
    kg_field(w, "volumeWeight", o.weights.volume_weight);
    w.end_object();
    if (scheduled) {
        times.field(w, "latestAcceptanceTime", o.itinerary.latest_acceptance,
                    o.itinerary.legs.front().leg->origin);
    } else {
        w.null_field("latestAcceptanceTime");
    }
    w.field("offerValidFrom", o.offer_valid_from.iso())
        .field("offerValidTo", o.offer_valid_to.iso());
    w.key("price").begin_object();
    money_field(w, "buyTotal", o.buy_total);
    w.field("currency", o.currency.view());
    write_margin(w, o.margin);
    w.key("ratelines").begin_array();
    for (const auto& c : o.charges) write_charge_line(w, c);
    w.end_array();
    money_field(w, "sellTotal", o.sell_total);
    w.end_object();
    w.field("pricingNote", o.pricing_note);
    write_quoted(w, o);
    if (rank) w.field("rank", *rank);
    w.field("rateClassUsed", rate_class_name(o.rate_class_used));
    w.key("rateSheet")
        .begin_object()
        .field("lineId", line.line_id)
        .field("sheet", line.sheet)
        .field("validFrom", line.valid_from.iso())
        .field("validTo", line.valid_to.iso())
        .field("version", line.version)
        .end_object();
    w.key("sectors");
    write_sectors(w, o);
    if (scheduled) {
        times.field(w, "timeOfAvailability", o.itinerary.available,
                    o.itinerary.legs.back().leg->destination);
        w.field("totalTransitMinutes", o.itinerary.transit_minutes);
    } else {
        w.null_field("timeOfAvailability").null_field("totalTransitMinutes");
    }
    w.key("transportLegs");
    write_legs(w, times, o.itinerary);
    write_weight_charge(w, o.weight_charge);
    w.end_object();
}

void write_breaches(JsonWriter& w, const std::vector<selection::LimitBreach>& breaches) {
    w.begin_array();
    for (const auto& b : breaches) {
        w.begin_object()
            .field("actual", b.actual)
            .field("allowed", b.allowed)
            .field("excess", b.excess)
            .field("limit", b.limit)
            .end_object();
    }
    w.end_array();
}

void write_sensitivity(JsonWriter& w, const std::vector<selection::WeightInterval>& intervals) {
    w.begin_array();
    for (const auto& i : intervals) {
        w.begin_object()
            .field("criterion", selection::kCriterionNames[i.criterion])
            .field("lowerBounded", i.lower_bounded)
            .field("staysOnTopFrom", i.lower)
            .field("staysOnTopTo", i.upper)
            .field("upperBounded", i.upper_bounded)
            .field("weight", i.current)
            .end_object();
    }
    w.end_array();
}

void write_rejections(JsonWriter& w, const std::vector<Rejection>& rejections) {
    w.begin_array();
    for (const auto& r : rejections) {
        w.begin_object();
        if (r.carrier.is_set()) {
            w.field("carrier", r.carrier.view());
        } else {
            w.null_field("carrier");
        }
        if (r.itinerary.empty()) {
            w.null_field("itinerary");
        } else {
            w.field("itinerary", r.itinerary);
        }
        w.field("message", r.reason)
            .field("reason", rejection_reason_name(r.reason_code))
            .end_object();
    }
    w.end_array();
}

void write_selection(JsonWriter& w, const SelectionUsed& sel) {
    w.key("selection")
        .begin_object()
        .field("customerSlaOverride", sel.customer_sla_override)
        .field("method", selection::ranking_method_name(sel.method))
        .field("methodSource", sel.method_source)
        .field("prepaymentRequired", sel.prepayment_required);
    if (sel.sla_tier.empty()) {
        w.null_field("sla");
    } else {
        w.field("sla", sel.sla_tier);
    }
    w.field("weights", sel.weights.text()).end_object();
}

// bookingOptions[index]: rank and assessment from the ranking when the option was assessed.
void write_booking_option(JsonWriter& w, TimeWriter& times, const QuoteResult& result,
                          std::size_t index) {
    const bool assessed = index < result.assessments.size();
    write_option(w, times, result.options.at(index),
                 assessed ? result.assessments[index].rank : static_cast<int>(index + 1),
                 assessed ? &result.assessments[index] : nullptr);
}

void write_sla_rejection(JsonWriter& w, TimeWriter& times, const SlaRejection& r) {
    w.begin_object().key("breaches");
    write_breaches(w, r.breaches);
    w.key("criteria");
    write_criteria(w, r.criteria);
    w.field("nearestMiss", r.nearest_miss).key("option");
    write_option(w, times, r.option, std::nullopt, nullptr);
    w.end_object();
}

template <typename Write>
std::string document_text(int indent, Write&& write) {
    JsonWriter w(indent);
    write(w);
    return w.take();
}
}  // namespace

void write_json(JsonWriter& w, const Piece& p) {
    w.begin_object().field("count", p.count);
    w.key("dimensions")
        .begin_object()
        .field("height", p.height.cm_text())
        .field("length", p.length.cm_text())
        .field("unit", "CMT")
        .field("width", p.width.cm_text())
        .end_object();
    w.key("grossWeight");
    measure(w, "KGM", p.weight_per_piece.kg_text());
    w.end_object();
}

void write_json(JsonWriter& w, const Shipment& s) {
    w.begin_object().field("commodity", s.commodity.code());
    if (s.customer_id) w.field("customer", *s.customer_id);
    if (s.declared_value) money_field(w, "declaredValue", *s.declared_value);
    w.field("destination", s.destination.view()).field("origin", s.origin.view());
    w.key("pieces").begin_array();
    for (const auto& p : s.pieces) write_json(w, p);
    w.end_array();
    w.field("readyTime", s.ready_time.iso()).end_object();
}

void write_json(JsonWriter& w, const QuoteRequest& request) {
    w.begin_object();
    if (request.currency) w.field("currency", request.currency->view());
    if (request.explain) w.field("explain", true);
    if (request.method) w.field("method", selection::ranking_method_name(*request.method));
    w.field("offerValidityDays", request.offer_validity_days);
    if (request.quote_date) w.field("quoteDate", request.quote_date->iso());
    w.field("schema", kQuoteRequestSchema).key("shipment");
    write_json(w, request.shipment);
    if (request.sla_tier) w.field("sla", *request.sla_tier);
    if (request.weights) w.field("weights", request.weights->text());
    w.end_object();
}

void write_json(JsonWriter& w, const QuoteResult& result) {
    TimeWriter times(*result.book);
    w.begin_object().key("bookingOptions").begin_array();
    for (std::size_t i = 0; i < result.options.size(); ++i) {
        write_booking_option(w, times, result, i);
    }
    w.end_array();
    if (result.currency.is_set()) {
        w.field("currency", result.currency.view());
    } else {
        w.null_field("currency");
    }
    w.field("dominatedOptions", result.dominated_options)
        .key("generator")
        .begin_object()
        .field("name", "cargoquote")
        .field("version", kVersion)
        .end_object()
        .field("quoteDate", result.quote_date.iso())
        .field("ratingDate", result.rating_date.iso())
        .key("readyTime")
        .begin_object()
        .field("local", local_iso_with_offset(result.ready_time_utc, result.origin_time_zone))
        .field("timeZone", result.origin_time_zone)
        .field("utc", result.ready_time_utc.utc_iso())
        .end_object()
        .key("rejections");
    write_rejections(w, result.rejections);
    w.key("request");
    write_json(w, result.request);
    w.field("schema", kQuoteResultSchema);
    write_selection(w, result.selection);
    w.key("sensitivity");
    write_sensitivity(w, result.sensitivity);
    w.key("slaRejections").begin_array();
    for (std::size_t i = 0; i < result.sla_rejections.size(); ++i) {
        write_sla_rejection(w, times, result.sla_rejections[i]);
    }
    w.end_array().end_object();
}

std::string booking_option_text(const QuoteResult& result, std::size_t index) {
    TimeWriter times(*result.book);
    JsonWriter w(-1, 4096);
    write_booking_option(w, times, result, index);
    return w.take();
}

std::string sla_rejection_text(const QuoteResult& result, std::size_t index) {
    TimeWriter times(*result.book);
    JsonWriter w(-1, 4096);
    write_sla_rejection(w, times, result.sla_rejections.at(index));
    return w.take();
}

void write_json(JsonWriter& w, const SearchOutcome& outcome, const RateBook& book) {
    TimeWriter times(book);
    const auto& d = outcome.diagnostics;
    w.begin_object()
        .key("diagnostics")
        .begin_object()
        .field("connectionsMissed", d.connections_missed)
        .field("labels", d.labels)
        .field("legsEvaluated", d.legs_evaluated)
        .field("legsRefused", d.legs_refused)
        .field("legsTooSmall", d.legs_too_small)
        .field("legsWithoutService", d.legs_without_service)
        .field("staticallyConnected", d.statically_connected)
        .end_object()
        .key("itineraries")
        .begin_array();
    for (const auto& it : outcome.itineraries) {
        w.begin_object().key("airports").begin_array();
        for (const auto code : it.airports()) w.value(code.view());
        w.end_array().key("carriers").begin_array();
        for (const auto code : it.carriers()) w.value(code.view());
        w.end_array();
        times.field(w, "latestAcceptanceTime", it.latest_acceptance, it.legs.front().leg->origin);
        w.field("online", it.online());
        times.field(w, "timeOfAvailability", it.available, it.legs.back().leg->destination);
        w.field("totalTransitMinutes", it.transit_minutes).key("transportLegs");
        write_legs(w, times, it);
        w.end_object();
    }
    w.end_array();
    if (outcome.reason().empty()) {
        w.null_field("message");
    } else {
        w.field("message", outcome.reason());
    }
    if (const auto code = outcome.reason_code()) {
        w.field("reason", rejection_reason_name(*code));
    } else {
        w.null_field("reason");
    }
    w.field("schema", kRouteSearchSchema).end_object();
}

std::string quote_result_text(const QuoteResult& result, int indent) {
    // About 2.5 KB per option written compactly: one allocation instead of a dozen regrowths.
    const std::size_t options = result.options.size() + result.sla_rejections.size();
    JsonWriter w(indent, (4096 + 2600 * options) * (indent >= 0 ? 2 : 1));
    write_json(w, result);
    return w.take();
}

std::string quote_request_text(const QuoteRequest& request, int indent) {
    return document_text(indent, [&](JsonWriter& w) { write_json(w, request); });
}

std::string route_search_text(const SearchOutcome& outcome, const RateBook& book, int indent) {
    return document_text(indent, [&](JsonWriter& w) { write_json(w, outcome, book); });
}

json to_json(const Money& money) {
    return json{{"amount", money.amount_text()}, {"currency", money.currency().str()}};
}

json to_json(const Piece& p) {
    return json::parse(document_text(-1, [&](JsonWriter& w) { write_json(w, p); }));
}

json to_json(const Shipment& s) {
    return json::parse(document_text(-1, [&](JsonWriter& w) { write_json(w, s); }));
}

json to_json(const QuoteRequest& request) { return json::parse(quote_request_text(request)); }

json to_json(const QuoteResult& result) { return json::parse(quote_result_text(result)); }

json to_json(const SearchOutcome& outcome, const RateBook& book) {
    return json::parse(route_search_text(outcome, book));
}

json to_json(const Error& error) {
    return json{{"error",
                 {{"code", static_cast<int>(error.code())},
                  {"name", error_code_name(error.code())},
                  {"field", error.field()},
                  {"message", error.detail()}}}};
}

}  // namespace cargoquote
