// cq.QuoteResult and its parts (Quote, ChargeLine, Leg, Rejection): read-only views into the
// cargoquote.quote_result/1 document. Money and weights come out as decimal.Decimal, exact.
#include "python_json.hpp"
#include "quote_result.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace cargoquote::python {

namespace {
using nlohmann::json;
using Pointer = json::json_pointer;

py::object value_at(const json& node, const Pointer& at) {
    return node.contains(at) ? python_from_json(node.at(at)) : py::none();
}

py::object decimal_at(const json& node, const Pointer& at) {
    if (!node.contains(at) || !node.at(at).is_string()) return py::none();
    return decimal_from_text(node.at(at).get<std::string>());
}

// The JSON a view shows: the whole document for a result, one node of it for the parts.
const json& node_of(const ResultView& r) { return *r.doc; }
template <typename View>
const json& node_of(const View& v) {
    return *v.node;
}

// Property getters reading one value of a view's node by JSON Pointer.
template <typename View>
auto field(const char* pointer) {
    return
        [at = Pointer(pointer)](const View& v) -> py::object { return value_at(node_of(v), at); };
}

template <typename View>
auto decimal_field(const char* pointer) {
    return
        [at = Pointer(pointer)](const View& v) -> py::object { return decimal_at(node_of(v), at); };
}

template <typename View>
py::object to_dict(const View& v) {
    return python_from_json(node_of(v));
}

// "X8 344 PVG-HKG, X2 226 HKG-FRA", as pricing rejections describe their flights.
std::string itinerary_text(const json& option) {
    std::string out;
    for (const auto& leg : option.at("transportLegs")) {
        out += (out.empty() ? "" : ", ") + leg.at("flightNumber").get<std::string>() + " " +
               leg.at("departureLocation").get<std::string>() + "-" +
               leg.at("arrivalLocation").get<std::string>();
    }
    return out;
}

py::list quote_legs(const QuoteView& q) {
    py::list out;
    for (const auto& leg : q.node->at("transportLegs")) out.append(LegView{q.doc, &leg});
    return out;
}

py::list quote_charges(const QuoteView& q) {
    py::list out;
    for (const auto& line : q.node->at("/price/ratelines"_json_pointer)) {
        out.append(ChargeLineView{q.doc, &line});
    }
    return out;
}

py::list quote_flights(const QuoteView& q) {
    py::list out;
    for (const auto& leg : q.node->at("transportLegs"))
        out.append(leg.at("flightNumber").get<std::string>());
    return out;
}

auto criterion(const char* key) {
    return [key](const QuoteView& q) -> py::object {
        if (q.criteria == nullptr || !q.criteria->contains(key)) return py::none();
        return python_from_json(q.criteria->at(key));
    };
}

py::object criterion_dict(const QuoteView& q) {
    return q.criteria == nullptr ? py::none() : python_from_json(*q.criteria);
}

QuoteView quote_of(const Document& doc, const json& option, const json* criteria) {
    return QuoteView{doc, &option, criteria};
}

py::list result_quotes(const ResultView& r) {
    py::list out;
    static const auto criteria_at = "/assessment/criteria"_json_pointer;
    for (const auto& option : r.doc->at("bookingOptions")) {
        out.append(quote_of(r.doc, option,
                            option.contains(criteria_at) ? &option.at(criteria_at) : nullptr));
    }
    return out;
}

py::list result_rejections(const ResultView& r) {
    py::list out;
    for (const auto& rejection : r.doc->at("slaRejections"))
        out.append(RejectionView{r.doc, &rejection, true});
    for (const auto& rejection : r.doc->at("rejections"))
        out.append(RejectionView{r.doc, &rejection, false});
    return out;
}

py::object result_sla_limits(const ResultView& r) {
    if (r.sla_limits.is_null()) return py::none();
    py::dict limits = python_from_json(r.sla_limits);
    if (!r.sla_limits.at("max_price").is_null()) {
        limits["max_price"] = decimal_from_text(r.sla_limits.at("max_price").get<std::string>());
    }
    return limits;
}

std::string breach_text(const json& b) {
    return b.at("limit").get<std::string>() + " " + b.at("actual").get<std::string>() + " (limit " +
           b.at("allowed").get<std::string>() + ")";
}

py::object rejection_carrier(const RejectionView& r) {
    return r.outside_sla ? value_at(*r.node, "/option/carrier/code"_json_pointer)
                         : value_at(*r.node, "/carrier"_json_pointer);
}

std::string rejection_reason(const RejectionView& r) {
    if (!r.outside_sla) return r.node->at("message").get<std::string>();
    std::string out;
    for (const auto& b : r.node->at("breaches")) out += (out.empty() ? "" : "; ") + breach_text(b);
    return out;
}

py::object rejection_itinerary(const RejectionView& r) {
    if (r.outside_sla) return py::str(itinerary_text(r.node->at("option")));
    return value_at(*r.node, "/itinerary"_json_pointer);
}

py::object rejection_option(const RejectionView& r) {
    if (!r.outside_sla) return py::none();
    return py::cast(quote_of(r.doc, r.node->at("option"), &r.node->at("criteria")));
}

std::string quote_repr(const QuoteView& q) {
    return "Quote(rank=" + py::repr(value_at(*q.node, "/rank"_json_pointer)).cast<std::string>() +
           ", carrier=" +
           py::repr(value_at(*q.node, "/carrier/code"_json_pointer)).cast<std::string>() +
           ", sell_total=" +
           py::repr(decimal_at(*q.node, "/quoted/sellTotal/amount"_json_pointer))
               .cast<std::string>() +
           ", currency=" +
           py::repr(value_at(*q.node, "/quoted/sellTotal/currency"_json_pointer))
               .cast<std::string>() +
           ", transit_minutes=" +
           py::repr(value_at(*q.node, "/totalTransitMinutes"_json_pointer)).cast<std::string>() +
           ")";
}

std::string result_repr(const ResultView& r) {
    const json& shipment = r.doc->at("/request/shipment"_json_pointer);
    const json& currency = r.doc->at("currency");
    return "QuoteResult(" + shipment.at("origin").get<std::string>() + "->" +
           shipment.at("destination").get<std::string>() + ", " +
           std::to_string(r.doc->at("bookingOptions").size()) + " quote(s)" +
           (currency.is_string() ? " in " + currency.get<std::string>() : "") + ", " +
           std::to_string(r.doc->at("slaRejections").size() + r.doc->at("rejections").size()) +
           " rejection(s))";
}

ResultView result_from_dict(const py::dict& d) {
    auto doc = std::make_shared<const json>(json_from_python(d));
    for (const char* key : {"bookingOptions", "slaRejections", "rejections", "request"}) {
        if (!doc->contains(key)) {
            throw py::value_error(std::string("not a cargoquote.quote_result/1 document: no '") +
                                  key + "'");
        }
    }
    return ResultView{std::move(doc), nullptr};
}

void register_parts(py::module_& m) {
    py::class_<ChargeLineView>(m, "ChargeLine",
                               "One charge line of an option's price (price.ratelines[]).")
        .def_property_readonly("code", field<ChargeLineView>("/code"),
                               "IATA charge code: WT, AW, MY, ...")
        .def_property_readonly("kind", field<ChargeLineView>("/kind"),
                               "weight, surcharge or valuation.")
        .def_property_readonly("description", field<ChargeLineView>("/description"),
                               "What the charge is.")
        .def_property_readonly(
            "basis", field<ChargeLineView>("/basis"),
            "weight, chargeable_kg, gross_kg, piece, shipment, freight_percent, value, ...")
        .def_property_readonly("amount", decimal_field<ChargeLineView>("/amount/amount"),
                               "Amount (Decimal) in `currency`.")
        .def_property_readonly("currency", field<ChargeLineView>("/amount/currency"),
                               "Currency of the amount (the option's pricing currency).")
        .def_property_readonly("margin_applies", field<ChargeLineView>("/marginApplies"),
                               "Whether the customer margin's percentage applies to it.")
        .def_property_readonly("sector", field<ChargeLineView>("/sector"),
                               "Index of the sector (interline) the line belongs to.")
        .def("to_dict", &to_dict<ChargeLineView>,
             "The line's JSON object (quantity, rate, fx, ...).")
        .def("__repr__", [](const ChargeLineView& c) {
            return "ChargeLine(code=" +
                   py::repr(value_at(*c.node, "/code"_json_pointer)).cast<std::string>() +
                   ", amount=" +
                   py::repr(decimal_at(*c.node, "/amount/amount"_json_pointer))
                       .cast<std::string>() +
                   ", currency=" +
                   py::repr(value_at(*c.node, "/amount/currency"_json_pointer))
                       .cast<std::string>() +
                   ")";
        });

    py::class_<LegView>(
        m, "Leg", "One flight of an option (transportLegs[]); times local with offset, and UTC.")
        .def_property_readonly("sequence", field<LegView>("/sequence"), "1 for the first flight.")
        .def_property_readonly("carrier", field<LegView>("/carrier"), "Operating carrier code.")
        .def_property_readonly("flight_number", field<LegView>("/flightNumber"), "e.g. 'Q1 855'.")
        .def_property_readonly("origin", field<LegView>("/departureLocation"), "Departure airport.")
        .def_property_readonly("destination", field<LegView>("/arrivalLocation"),
                               "Arrival airport.")
        .def_property_readonly("departure", field<LegView>("/departure/local"),
                               "Local departure, ISO with offset.")
        .def_property_readonly("arrival", field<LegView>("/arrival/local"),
                               "Local arrival, ISO with offset.")
        .def_property_readonly("departure_utc", field<LegView>("/departure/utc"),
                               "UTC departure, ISO.")
        .def_property_readonly("arrival_utc", field<LegView>("/arrival/utc"), "UTC arrival, ISO.")
        .def_property_readonly("aircraft_type", field<LegView>("/aircraftType"), "e.g. '77W'.")
        .def_property_readonly("aircraft_category", field<LegView>("/aircraftCategory"),
                               "freighter, widebody_belly or narrowbody_belly.")
        .def_property_readonly("connection_minutes", field<LegView>("/connectionMinutes"),
                               "Wait before this flight (0 for the first).")
        .def("to_dict", &to_dict<LegView>, "The leg's JSON object.")
        .def("__repr__", [](const LegView& l) {
            return "Leg(" + l.node->at("flightNumber").get<std::string>() + " " +
                   l.node->at("departureLocation").get<std::string>() + "-" +
                   l.node->at("arrivalLocation").get<std::string>() + " " +
                   l.node->at("/departure/local"_json_pointer).get<std::string>() + ")";
        });
}

void register_quote(py::module_& m) {
    py::class_<QuoteView>(m, "Quote",
                          R"doc(One priced option (a bookingOptions[] entry, or the option of an SLA
rejection, which has no rank or score). Totals are in the quote currency.)doc")
        .def_property_readonly("rank", field<QuoteView>("/rank"), "1 = best; None outside the SLA.")
        .def_property_readonly("carrier", field<QuoteView>("/carrier/code"),
                               "Carrier code (first sector's).")
        .def_property_readonly("carrier_name", field<QuoteView>("/carrier/name"), "Carrier name.")
        .def_property_readonly("score", field<QuoteView>("/assessment/score"),
                               "Ranking score of the method used; None when not ranked.")
        .def_property_readonly("pareto", field<QuoteView>("/assessment/pareto"),
                               "On the Pareto front of the ranked options; None when not ranked.")
        .def_property_readonly("why", field<QuoteView>("/assessment/why"),
                               "Why it ranks where it does (explain=True), else None.")
        .def_property_readonly("sell_total", decimal_field<QuoteView>("/quoted/sellTotal/amount"),
                               "Price to the customer (Decimal) in `currency`.")
        .def_property_readonly("buy_total", decimal_field<QuoteView>("/quoted/buyTotal/amount"),
                               "Carrier cost (Decimal) in `currency`.")
        .def_property_readonly("currency", field<QuoteView>("/quoted/sellTotal/currency"),
                               "Quote currency.")
        .def_property_readonly("margin", decimal_field<QuoteView>("/price/margin/amount/amount"),
                               "Customer margin (Decimal) in the pricing currency of the charges.")
        .def_property_readonly("chargeable_weight",
                               decimal_field<QuoteView>("/chargeableWeight/chargeableWeight"),
                               "Chargeable weight in kg (Decimal).")
        .def_property_readonly(
            "transit_minutes", field<QuoteView>("/totalTransitMinutes"),
            "Ready time to availability at destination, minutes; None without schedules.")
        .def_property_readonly("flights", &quote_flights,
                               "Flight numbers in order, e.g. ['Q1 855'].")
        .def_property_readonly("legs", &quote_legs, "The flights as Leg objects.")
        .def_property_readonly("charges", &quote_charges,
                               "The charge lines (buy side; the margin is `margin`).")
        .def_property_readonly("criteria", criterion_dict,
                               "Criteria values: price, transitMinutes, reliability, risk, "
                               "co2eKg, legs, interline, allFreighter; None when not assessed.")
        .def_property_readonly("reliability", criterion("reliability"),
                               "Probability of arriving as planned.")
        .def_property_readonly("risk", criterion("risk"), "Risk in [0, 1].")
        .def_property_readonly("co2e_kg", criterion("co2eKg"), "GLEC CO2e in kg.")
        .def("to_dict", &to_dict<QuoteView>, "This option's JSON document.")
        .def("__repr__", &quote_repr);
}

void register_rejection(py::module_& m) {
    py::class_<RejectionView>(m, "Rejection",
                              R"doc(An option left out: outside the SLA (kind "sla", reason_code
"outside_sla", with every limit it breaks) or not priceable (kind "pricing", reason_code such as
no_valid_rate, no_sector_rate, no_route, piece_too_large).)doc")
        .def_property_readonly(
            "kind", [](const RejectionView& r) { return r.outside_sla ? "sla" : "pricing"; },
            "'sla' or 'pricing'.")
        .def_property_readonly("carrier", &rejection_carrier,
                               "Carrier code; None for the whole lane.")
        .def_property_readonly(
            "reason_code",
            [](const RejectionView& r) -> py::object {
                return r.outside_sla ? py::str("outside_sla")
                                     : value_at(*r.node, "/reason"_json_pointer);
            },
            "Stable reason code.")
        .def_property_readonly(
            "reason", &rejection_reason,
            "Readable reason; for the SLA each breach as 'limit actual (limit allowed)'.")
        .def_property_readonly(
            "itinerary", &rejection_itinerary,
            "Its flights, e.g. 'X8 344 PVG-HKG, X2 226 HKG-FRA'; None for the lane.")
        .def_property_readonly(
            "breaches",
            [](const RejectionView& r) -> py::object {
                return r.outside_sla ? python_from_json(r.node->at("breaches")) : py::list();
            },
            "SLA breaches: dicts with limit, actual, allowed (display text) and excess (relative).")
        .def_property_readonly(
            "nearest_miss",
            [](const RejectionView& r) {
                return r.outside_sla && r.node->at("nearestMiss").get<bool>();
            },
            "True for the nearest misses flagged when no option meets the SLA.")
        .def_property_readonly(
            "option", &rejection_option,
            "The priced option outside the SLA as a Quote; None for pricing rejections.")
        .def("to_dict", &to_dict<RejectionView>,
             "Its JSON object (slaRejections[] or rejections[] entry).")
        .def("__repr__", [](const RejectionView& r) {
            return "Rejection(kind=" + std::string(r.outside_sla ? "'sla'" : "'pricing'") +
                   ", carrier=" + py::repr(rejection_carrier(r)).cast<std::string>() +
                   ", reason=" + py::repr(py::str(rejection_reason(r))).cast<std::string>() + ")";
        });
}

void register_result(py::module_& m) {
    py::class_<ResultView>(m, "QuoteResult",
                           R"doc(The answer to one quote: ranked options, rejections and the
selection applied. `to_dict()` is the cargoquote.quote_result/1 document the CLI prints with --json.)doc")
        .def_static(
            "from_dict", &result_from_dict, py::arg("d"),
            "Wrap a cargoquote.quote_result/1 document (e.g. read from the CLI's --json output).")
        .def_property_readonly("quotes", &result_quotes, "The options inside the SLA, best first.")
        .def_property_readonly(
            "best",
            [](const ResultView& r) -> py::object {
                const auto quotes = result_quotes(r);
                return quotes.empty() ? py::none() : py::object(quotes[0]);
            },
            "The top-ranked Quote, or None.")
        .def_property_readonly("rejections", &result_rejections,
                               "SLA rejections (nearest misses first), then pricing rejections.")
        .def_property_readonly("currency", field<ResultView>("/currency"),
                               "Currency of every quote's totals; None when nothing was priced.")
        .def_property_readonly("rating_date", field<ResultView>("/ratingDate"),
                               "Rates in force on this date.")
        .def_property_readonly("quote_date", field<ResultView>("/quoteDate"),
                               "Day the quote is made.")
        .def_property_readonly("ready_time", field<ResultView>("/readyTime"),
                               "Dict: local, utc, timeZone.")
        .def_property_readonly(
            "selection", field<ResultView>("/selection"),
            "Dict: method, methodSource, weights, sla, customerSlaOverride, prepaymentRequired.")
        .def_property_readonly("sensitivity", field<ResultView>("/sensitivity"),
                               "Weight intervals keeping the top option on top (explain=True).")
        .def_property_readonly("dominated_options", field<ResultView>("/dominatedOptions"),
                               "Options left out as slower, longer and no cheaper.")
        .def_property_readonly("request", field<ResultView>("/request"),
                               "The request, echoed as a dict.")
        .def_property_readonly("sla_limits", &result_sla_limits,
                               R"doc(The SLA tier applied, resolved for the
customer: dict with tier, customer_override, max_transit_hours, min_reliability, max_price (Decimal),
max_price_currency, max_price_over_cheapest, max_risk, required_capabilities, credit_rule,
credit_max_risk (None = no limit). None without an SLA or for a result made by from_dict.)doc")
        .def(
            "to_dict", [](const ResultView& r) { return python_from_json(*r.doc); },
            "The full cargoquote.quote_result/1 document as a dict.")
        .def("__len__", [](const ResultView& r) { return r.doc->at("bookingOptions").size(); })
        .def("__iter__", [](const ResultView& r) { return py::iter(result_quotes(r)); })
        .def("__repr__", &result_repr)
        .def(py::pickle(
            [](const ResultView& r) { return py::make_tuple(r.doc->dump(), r.sla_limits.dump()); },
            [](const py::tuple& state) {
                return ResultView{
                    std::make_shared<const json>(json::parse(state[0].cast<std::string>())),
                    json::parse(state[1].cast<std::string>())};
            }));
}

}  // namespace

void register_quote_result(py::module_& m) {
    register_parts(m);
    register_quote(m);
    register_rejection(m);
    register_result(m);
}

}  // namespace cargoquote::python
