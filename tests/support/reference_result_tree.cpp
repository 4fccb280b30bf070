// The result documents as nlohmann::json trees, member by member: how the engine wrote them before
// JsonWriter. Kept as the independent oracle the writer's bytes are compared with
// (tests/engine/io/json_writer_test.cpp); not linked into the engine.
#include "reference_result_tree.hpp"

#include <cargoquote/catalog/fx.hpp>
#include <cargoquote/core/decimal.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/version.hpp>

namespace cargoquote::test::reference {

namespace {
using nlohmann::json;

std::string kg(Mass m) { return m.kg_text(); }

json optional_kg(const std::optional<Mass>& m) { return m ? json(kg(*m)) : json(nullptr); }

json fx_json(const FxUse& use) {
    return json{{"from", use.from.str()},
                {"to", use.to.str()},
                {"rate", format_scaled_decimal(use.rate_nanos, 9, 0)},
                {"validFrom", use.valid_from.iso()},
                {"source", use.source},
                {"inverted", use.inverted}};
}

json optional_fx(const std::optional<FxUse>& use) { return use ? fx_json(*use) : json(nullptr); }

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

// The quantity a charge line multiplied by, in the unit of its basis.
json quantity_json(const ChargeLine& line) {
    if (line.kind == ChargeKind::Weight)
        return json{{"value", kg(Mass::grams(line.quantity))}, {"unit", "KGM"}};
    if (!line.basis) return json(nullptr);
    switch (surcharge_basis_traits(*line.basis).unit) {
        case QuantityUnit::Kilogram:
            return json{{"value", kg(Mass::grams(line.quantity))}, {"unit", "KGM"}};
        case QuantityUnit::Piece:
            return json{{"value", std::to_string(line.quantity)}, {"unit", "PCE"}};
        case QuantityUnit::Shipment:
            return json{{"value", "1"}, {"unit", "SHIPMENT"}};
        case QuantityUnit::Amount:
            return tree(line.base_amount);
    }
    return json(nullptr);
}

json charge_line_json(const ChargeLine& line) {
    json j{{"code", line.code},
           {"kind", charge_kind_name(line.kind)},
           {"description", line.description},
           {"basis", line.basis ? json(std::string(surcharge_basis_name(*line.basis)))
                                : json(line.kind == ChargeKind::Weight ? "weight" : "value")},
           {"quantity", quantity_json(line)},
           {"amount", tree(line.amount)},
           {"marginApplies", line.margin_applies},
           {"boundApplied", line.bound_applied.empty() ? json(nullptr) : json(line.bound_applied)},
           {"fx", optional_fx(line.converted)},
           {"sector", line.sector}};
    const bool percent =
        line.kind == ChargeKind::Valuation || (line.basis && is_percent_basis(*line.basis));
    j["rate"] = percent ? json{{"percent", line.percent.percent_text()}} : tree(line.rate);
    return j;
}

// The charge lines converted one by one with the quote's rate, and the difference to the
// converted buy total as its own line when there is one.
json quoted_lines_json(const PricedOption& o) {
    const auto convert = [&o](const Money& m) {
        return o.quote_fx ? FxTable::convert(m, *o.quote_fx) : m;
    };
    json lines = json::array();
    Money sum = Money::zero(o.buy_total_quoted.currency());
    for (const auto& c : o.charges) {
        const Money amount = convert(c.amount);
        sum += amount;
        lines.push_back({{"code", c.code},
                         {"kind", charge_kind_name(c.kind)},
                         {"description", c.description},
                         {"amount", tree(amount)}});
    }
    if (sum != o.buy_total_quoted) {
        lines.push_back({{"code", "RD"},
                         {"kind", "rounding"},
                         {"description", "Currency conversion rounding"},
                         {"amount", tree(o.buy_total_quoted - sum)}});
    }
    return lines;
}

json time_json(const RateBook& book, Instant t, AirportCode at) {
    const Airport* airport = book.airport(at);
    const std::string zone = airport != nullptr ? airport->time_zone : "UTC";
    return json{{"local", local_iso_with_offset(t, zone)}, {"utc", t.utc_iso()}};
}

json legs_json(const RateBook& book, const Itinerary& it) {
    json legs = json::array();
    int sequence = 0;
    for (const auto& l : it.legs) {
        legs.push_back({{"sequence", ++sequence},
                        {"carrier", l.leg->carrier.str()},
                        {"flightNumber", l.leg->flight_number},
                        {"departureLocation", l.leg->origin.str()},
                        {"arrivalLocation", l.leg->destination.str()},
                        {"departure", time_json(book, l.departure, l.leg->origin)},
                        {"arrival", time_json(book, l.arrival, l.leg->destination)},
                        {"aircraftType", l.leg->aircraft_type},
                        {"aircraftCategory", aircraft_category_name(l.leg->category)},
                        {"connectionMinutes", l.connection_minutes},
                        {"minimumConnectionMinutes", l.minimum_connection_minutes}});
    }
    return legs;
}

json sectors_json(const PricedOption& o) {
    json sectors = json::array();
    for (const auto& s : o.sectors) {
        sectors.push_back({{"carrier", s.carrier.str()},
                           {"origin", s.origin.str()},
                           {"destination", s.destination.str()},
                           {"lineId", s.rate_line->line_id},
                           {"rateClassUsed", rate_class_name(s.rate_class_used)},
                           {"chargeableWeight", kg(s.weights.chargeable)},
                           {"weightCharge", tree(s.weight_charge.amount)},
                           {"buyTotal", tree(s.buy_total)}});
    }
    return sectors;
}

json option_json(const RateBook& book, const PricedOption& o, int rank) {
    const RateLine& line = *o.rate_line;
    json charges = json::array();
    for (const auto& c : o.charges) charges.push_back(charge_line_json(c));
    const WeightCharge& wc = o.weight_charge;
    return json{
        {"rank", rank},
        {"carrier", {{"code", o.carrier.str()}, {"name", o.carrier_name}}},
        {"rateSheet",
         {{"lineId", line.line_id},
          {"sheet", line.sheet},
          {"version", line.version},
          {"validFrom", line.valid_from.iso()},
          {"validTo", line.valid_to.iso()}}},
        {"rateClassUsed", rate_class_name(o.rate_class_used)},
        {"pricingNote", o.pricing_note},
        {"chargeableWeight",
         {{"volumeCm3", o.weights.volume.in_cm3()},
          {"divisorCm3PerKg", line.weight_rules.divisor.cm3_per_kg},
          {"volumeWeight", kg(o.weights.volume_weight)},
          {"grossWeight", kg(o.weights.gross_weight)},
          {"actualGrossWeight", kg(o.weights.actual_gross)},
          {"chargeableWeight", kg(o.weights.chargeable)},
          {"pieceCount", o.weights.piece_count}}},
        {"weightCharge",
         {{"rateClassCode", std::string(1, rate_class_letter(wc.rate_class_code))},
          {"actualWeight", kg(wc.actual_weight)},
          {"declaredWeight", kg(wc.declared_weight)},
          {"appliedBreak", kg(wc.applied_break)},
          {"rate", tree(wc.applied_rate)},
          {"amount", tree(wc.amount)},
          {"minimumApplied", wc.minimum_applied},
          {"higherBreakApplied", wc.higher_break_applied},
          {"minimumBreakEven", optional_kg(wc.minimum_break_even)},
          {"nextBreakEven", optional_kg(wc.next_break_even)}}},
        {"price",
         {{"currency", o.currency.str()},
          {"ratelines", charges},
          {"buyTotal", tree(o.buy_total)},
          {"margin",
           {{"marginId", o.margin.margin_id.empty() ? json(nullptr) : json(o.margin.margin_id)},
            {"markableBase", tree(o.margin.markable_base)},
            {"percent", o.margin.percent.percent_text()},
            {"perKg", o.margin.per_kg.currency().is_set() ? tree(o.margin.per_kg) : json(nullptr)},
            {"minimumApplied", o.margin.minimum_applied},
            {"amount", tree(o.margin.amount)},
            {"fx", optional_fx(o.margin.converted)}}},
          {"sellTotal", tree(o.sell_total)}}},
        {"quoted",
         {{"buyTotal", tree(o.buy_total_quoted)},
          {"sellTotal", tree(o.sell_total_quoted)},
          {"margin", tree(o.sell_total_quoted - o.buy_total_quoted)},
          {"ratelines", quoted_lines_json(o)},
          {"fx", optional_fx(o.quote_fx)}}},
        {"offerValidFrom", o.offer_valid_from.iso()},
        {"offerValidTo", o.offer_valid_to.iso()},
        {"transportLegs", legs_json(book, o.itinerary)},
        {"sectors", sectors_json(o)},
        {"totalTransitMinutes",
         o.itinerary.legs.empty() ? json(nullptr) : json(o.itinerary.transit_minutes)},
        {"latestAcceptanceTime", o.itinerary.legs.empty()
                                     ? json(nullptr)
                                     : time_json(book, o.itinerary.latest_acceptance,
                                                 o.itinerary.legs.front().leg->origin)},
        {"timeOfAvailability",
         o.itinerary.legs.empty()
             ? json(nullptr)
             : time_json(book, o.itinerary.available, o.itinerary.legs.back().leg->destination)}};
}
}  // namespace

json tree(const Money& money) {
    return json{{"amount", money.amount_text()}, {"currency", money.currency().str()}};
}

json tree(const Piece& p) {
    return json{{"count", p.count},
                {"dimensions",
                 {{"length", p.length.cm_text()},
                  {"width", p.width.cm_text()},
                  {"height", p.height.cm_text()},
                  {"unit", "CMT"}}},
                {"grossWeight", {{"value", p.weight_per_piece.kg_text()}, {"unit", "KGM"}}}};
}

json tree(const Shipment& s) {
    json pieces = json::array();
    for (const auto& p : s.pieces) pieces.push_back(tree(p));
    json shipment{{"origin", s.origin.str()},
                  {"destination", s.destination.str()},
                  {"pieces", pieces},
                  {"commodity", s.commodity.code()},
                  {"readyTime", s.ready_time.iso()}};
    if (s.declared_value) shipment["declaredValue"] = tree(*s.declared_value);
    if (s.customer_id) shipment["customer"] = *s.customer_id;
    return shipment;
}

json tree(const QuoteRequest& request) {
    json j{{"schema", kQuoteRequestSchema},
           {"shipment", tree(request.shipment)},
           {"offerValidityDays", request.offer_validity_days}};
    if (request.currency) j["currency"] = request.currency->str();
    if (request.quote_date) j["quoteDate"] = request.quote_date->iso();
    if (request.sla_tier) j["sla"] = *request.sla_tier;
    if (request.method) j["method"] = selection::ranking_method_name(*request.method);
    if (request.weights) j["weights"] = request.weights->text();
    if (request.explain) j["explain"] = true;
    return j;
}

namespace {
json criteria_json(const selection::OptionCriteria& c) {
    return json{{"price", c.price},
                {"transitMinutes", c.transit_minutes},
                {"reliability", c.reliability},
                {"risk", c.risk},
                {"co2eKg", c.co2e_kg},
                {"legs", c.legs},
                {"interline", c.interline},
                {"allFreighter", c.all_freighter}};
}

json assessment_json(const OptionAssessment& a) {
    json scores = json::array();
    for (const auto& s : a.scores) {
        scores.push_back({{"criterion", s.criterion},
                          {"raw", s.raw},
                          {"normalized", s.normalized},
                          {"weight", s.weight},
                          {"contribution", s.contribution}});
    }
    return json{{"score", a.score},
                {"pareto", a.pareto},
                {"criteria", criteria_json(a.criteria)},
                {"scores", scores},
                {"why", a.why.empty() ? json(nullptr) : json(a.why)}};
}

json breaches_json(const std::vector<selection::LimitBreach>& breaches) {
    json out = json::array();
    for (const auto& b : breaches) {
        out.push_back({{"limit", b.limit},
                       {"actual", b.actual},
                       {"allowed", b.allowed},
                       {"excess", b.excess}});
    }
    return out;
}

json sensitivity_json(const std::vector<selection::WeightInterval>& intervals) {
    json out = json::array();
    for (const auto& i : intervals) {
        out.push_back({{"criterion", selection::kCriterionNames[i.criterion]},
                       {"weight", i.current},
                       {"staysOnTopFrom", i.lower},
                       {"staysOnTopTo", i.upper},
                       {"lowerBounded", i.lower_bounded},
                       {"upperBounded", i.upper_bounded}});
    }
    return out;
}

}  // namespace

json tree(const QuoteResult& result) {
    json options = json::array();
    for (std::size_t i = 0; i < result.options.size(); ++i) {
        json o = option_json(*result.book, result.options[i], static_cast<int>(i + 1));
        if (i < result.assessments.size()) {
            o["rank"] = result.assessments[i].rank;
            o["assessment"] = assessment_json(result.assessments[i]);
        }
        options.push_back(std::move(o));
    }
    json sla_rejections = json::array();
    for (const auto& r : result.sla_rejections) {
        json o = option_json(*result.book, r.option, 0);
        o.erase("rank");
        sla_rejections.push_back({{"option", o},
                                  {"criteria", criteria_json(r.criteria)},
                                  {"breaches", breaches_json(r.breaches)},
                                  {"nearestMiss", r.nearest_miss}});
    }
    const auto& sel = result.selection;
    json rejections = json::array();
    for (const auto& r : result.rejections) {
        rejections.push_back(
            {{"carrier", r.carrier.is_set() ? json(r.carrier.str()) : json(nullptr)},
             {"itinerary", r.itinerary.empty() ? json(nullptr) : json(r.itinerary)},
             {"reason", rejection_reason_name(r.reason_code)},
             {"message", r.reason}});
    }
    return json{
        {"schema", kQuoteResultSchema},
        {"request", tree(result.request)},
        {"currency", result.currency.is_set() ? json(result.currency.str()) : json(nullptr)},
        {"ratingDate", result.rating_date.iso()},
        {"quoteDate", result.quote_date.iso()},
        {"readyTime",
         {{"local", local_iso_with_offset(result.ready_time_utc, result.origin_time_zone)},
          {"utc", result.ready_time_utc.utc_iso()},
          {"timeZone", result.origin_time_zone}}},
        {"selection",
         {{"method", selection::ranking_method_name(sel.method)},
          {"methodSource", sel.method_source},
          {"weights", sel.weights.text()},
          {"sla", sel.sla_tier.empty() ? json(nullptr) : json(sel.sla_tier)},
          {"customerSlaOverride", sel.customer_sla_override},
          {"prepaymentRequired", sel.prepayment_required}}},
        {"bookingOptions", options},
        {"slaRejections", sla_rejections},
        {"sensitivity", sensitivity_json(result.sensitivity)},
        {"dominatedOptions", result.dominated_options},
        {"generator", {{"name", "cargoquote"}, {"version", std::string(kVersion)}}},
        {"rejections", rejections}};
}

json tree(const SearchOutcome& outcome, const RateBook& book) {
    json itineraries = json::array();
    for (const auto& it : outcome.itineraries) {
        json airports = json::array(), carriers = json::array();
        for (const auto code : it.airports()) airports.push_back(code.str());
        for (const auto code : it.carriers()) carriers.push_back(code.str());
        itineraries.push_back(
            {{"airports", airports},
             {"carriers", carriers},
             {"online", it.online()},
             {"totalTransitMinutes", it.transit_minutes},
             {"latestAcceptanceTime",
              time_json(book, it.latest_acceptance, it.legs.front().leg->origin)},
             {"timeOfAvailability", time_json(book, it.available, it.legs.back().leg->destination)},
             {"transportLegs", legs_json(book, it)}});
    }
    const auto& d = outcome.diagnostics;
    return json{
        {"schema", kRouteSearchSchema},
        {"itineraries", itineraries},
        {"reason", outcome.reason_code() ? json(rejection_reason_name(*outcome.reason_code()))
                                         : json(nullptr)},
        {"message", outcome.reason().empty() ? json(nullptr) : json(outcome.reason())},
        {"diagnostics",
         {{"staticallyConnected", d.statically_connected},
          {"legsTooSmall", d.legs_too_small},
          {"legsRefused", d.legs_refused},
          {"legsWithoutService", d.legs_without_service},
          {"connectionsMissed", d.connections_missed},
          {"legsEvaluated", d.legs_evaluated},
          {"labels", d.labels}}}};
}

}  // namespace cargoquote::test::reference
