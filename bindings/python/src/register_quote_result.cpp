// cq.QuoteResult and its parts (Quote, ChargeLine, Leg, Rejection): read-only views into the
// cargoquote.quote_result/1 document. Money and weights come out as decimal.Decimal, exact.
#include <cargoquote/io/json.hpp>
#include <cargoquote/pricing/quoted_amounts.hpp>

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
const json& node_of(const ResultView& r) { return r.doc->tree(); }
const json& node_of(const QuoteView& q) { return q.node(); }
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

py::str text(std::string_view s) { return py::str(s.data(), s.size()); }

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
    for (const auto& leg : q.node().at("transportLegs")) out.append(LegView{q.doc, &leg});
    return out;
}

py::list quote_charges(const QuoteView& q) {
    py::list out;
    const json& priced = q.node().at("/price/ratelines"_json_pointer);
    const json& quoted = q.node().at("/quoted/ratelines"_json_pointer);
    for (std::size_t i = 0; i < quoted.size(); ++i) {
        out.append(ChargeLineView{q.doc, &quoted[i], i < priced.size() ? &priced[i] : nullptr});
    }
    return out;
}

// A charge line's value: from its quoted line (`in_quote`) or from the priced line it converts
// (None for the rounding line, which converts none).
auto charge_field(const char* pointer, bool in_quote, bool decimal = false) {
    return [at = Pointer(pointer), in_quote, decimal](const ChargeLineView& c) -> py::object {
        const json* node = in_quote ? c.quoted : c.priced;
        if (node == nullptr) return py::none();
        return decimal ? decimal_at(*node, at) : value_at(*node, at);
    };
}

py::list quote_flights(const QuoteView& q) {
    py::list out;
    if (const PricedOption* o = q.option()) {
        for (const auto& leg : o->itinerary.legs) out.append(py::str(leg.leg->flight_number));
        return out;
    }
    for (const auto& leg : q.node().at("transportLegs"))
        out.append(leg.at("flightNumber").get<std::string>());
    return out;
}

// Origin, transfer airports and destination; empty without schedules.
py::list quote_airports(const QuoteView& q) {
    py::list out;
    if (const PricedOption* o = q.option()) {
        for (const auto& airport : o->itinerary.airports()) out.append(text(airport.view()));
        return out;
    }
    const json& legs = q.node().at("transportLegs");
    if (legs.empty()) return out;
    out.append(legs.front().at("departureLocation").get<std::string>());
    for (const auto& leg : legs) out.append(leg.at("arrivalLocation").get<std::string>());
    return out;
}

// A criterion's value: from the engine's result when there is one, else from the document.
template <typename Member>
auto criterion(const char* key, Member member) {
    return [key, member](const QuoteView& q) -> py::object {
        if (q.doc->result() != nullptr) {
            const selection::OptionCriteria* c = q.option_criteria();
            return c == nullptr ? py::none() : py::cast(c->*member);
        }
        const json* criteria = q.criteria();
        if (criteria == nullptr || !criteria->contains(key)) return py::none();
        return python_from_json(criteria->at(key));
    };
}

// The criteria as the document has them (same keys, in its order), read from the engine's result
// when there is one: a frame of hundreds of options then writes no option's document.
py::object criterion_dict(const QuoteView& q) {
    if (q.doc->result() != nullptr) {
        const selection::OptionCriteria* c = q.option_criteria();
        if (c == nullptr) return py::none();
        py::dict out;
        out["allFreighter"] = py::bool_(c->all_freighter);
        out["co2eKg"] = py::float_(c->co2e_kg);
        out["interline"] = py::bool_(c->interline);
        out["legs"] = py::int_(c->legs);
        out["price"] = py::float_(c->price);
        out["reliability"] = py::float_(c->reliability);
        out["risk"] = py::float_(c->risk);
        out["transitMinutes"] = py::float_(c->transit_minutes);
        return out;
    }
    const json* criteria = q.criteria();
    return criteria == nullptr ? py::none() : python_from_json(*criteria);
}

// Quote properties read from the engine's option (no document needed), or by `pointer` into the
// document for a result made from a dict. Both give the same values (test_quote_result.py).
template <typename FromOption>
auto quote_property(const char* pointer, FromOption from_option) {
    return [at = Pointer(pointer), from_option](const QuoteView& q) -> py::object {
        if (const PricedOption* o = q.option()) return from_option(q, *o);
        return value_at(q.node(), at);
    };
}

template <typename FromOption>
auto quote_decimal(const char* pointer, FromOption from_option) {
    return [at = Pointer(pointer), from_option](const QuoteView& q) -> py::object {
        if (const PricedOption* o = q.option()) return decimal_from_text(from_option(*o));
        return decimal_at(q.node(), at);
    };
}

py::object quote_rank(const QuoteView& q, const PricedOption&) {
    if (q.outside_sla) return py::none();
    const OptionAssessment* a = q.assessment();
    return py::int_(a != nullptr ? a->rank : static_cast<int>(q.index + 1));
}

py::object quote_transit(const QuoteView&, const PricedOption& o) {
    return o.itinerary.legs.empty() ? py::none()
                                    : py::object(py::int_(o.itinerary.transit_minutes));
}

py::list result_quotes(const ResultView& r) {
    py::list out;
    for (std::size_t i = 0; i < r.doc->option_count(); ++i) out.append(QuoteView{r.doc, i, false});
    return out;
}

py::list result_rejections(const ResultView& r) {
    py::list out;
    const QuoteResult* q = r.doc->result();
    const std::size_t outside =
        q != nullptr ? q->sla_rejections.size() : r.doc->tree().at("slaRejections").size();
    for (std::size_t i = 0; i < outside; ++i)
        out.append(RejectionView{r.doc, &r.doc->sla_rejection(i), true, i});
    if (q != nullptr && q->rejections.empty()) return out;
    std::size_t i = 0;
    for (const auto& rejection : r.doc->tree().at("rejections"))
        out.append(RejectionView{r.doc, &rejection, false, i++});
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
    return py::cast(QuoteView{r.doc, r.index, true});
}

// QuoteResult properties read from the engine's result, or from the document (from_dict).
template <typename FromResult>
auto result_property(const char* pointer, FromResult from_result) {
    return [at = Pointer(pointer), from_result](const ResultView& r) -> py::object {
        if (const QuoteResult* q = r.doc->result()) return from_result(*q);
        return value_at(r.doc->tree(), at);
    };
}

const auto get_rank = quote_property("/rank", &quote_rank);
const auto get_carrier = quote_property(
    "/carrier/code",
    [](const QuoteView&, const PricedOption& o) -> py::object { return text(o.carrier.view()); });
const auto get_carrier_name = quote_property(
    "/carrier/name",
    [](const QuoteView&, const PricedOption& o) -> py::object { return text(o.carrier_name); });
const auto get_score =
    quote_property("/assessment/score", [](const QuoteView& q, const PricedOption&) -> py::object {
        const OptionAssessment* a = q.assessment();
        return a != nullptr ? py::object(py::float_(a->score)) : py::none();
    });
const auto get_pareto =
    quote_property("/assessment/pareto", [](const QuoteView& q, const PricedOption&) -> py::object {
        const OptionAssessment* a = q.assessment();
        return a != nullptr ? py::object(py::bool_(a->pareto)) : py::none();
    });
const auto get_sell_total = quote_decimal("/quoted/sellTotal/amount", [](const PricedOption& o) {
    return o.sell_total_quoted.amount_text();
});
const auto get_buy_total = quote_decimal("/quoted/buyTotal/amount", [](const PricedOption& o) {
    return o.buy_total_quoted.amount_text();
});
const auto get_currency = quote_property("/quoted/sellTotal/currency",
                                         [](const QuoteView&, const PricedOption& o) -> py::object {
                                             return text(o.sell_total_quoted.currency().view());
                                         });
const auto get_margin = quote_decimal(
    "/quoted/margin/amount", [](const PricedOption& o) { return quoted_margin(o).amount_text(); });
const auto get_chargeable_weight =
    quote_decimal("/chargeableWeight/chargeableWeight",
                  [](const PricedOption& o) { return o.weights.chargeable.kg_text(); });
const auto get_transit = quote_property("/totalTransitMinutes", &quote_transit);

std::string quote_repr(const QuoteView& q) {
    const auto shown = [](const py::object& value) { return py::repr(value).cast<std::string>(); };
    return "Quote(rank=" + shown(get_rank(q)) + ", carrier=" + shown(get_carrier(q)) +
           ", sell_total=" + shown(get_sell_total(q)) + ", currency=" + shown(get_currency(q)) +
           ", transit_minutes=" + shown(get_transit(q)) + ")";
}

std::string result_repr(const ResultView& r) {
    const json& shipment = r.doc->tree().at("/request/shipment"_json_pointer);
    const json& currency = r.doc->tree().at("currency");
    return "QuoteResult(" + shipment.at("origin").get<std::string>() + "->" +
           shipment.at("destination").get<std::string>() + ", " +
           std::to_string(r.doc->tree().at("bookingOptions").size()) + " quote(s)" +
           (currency.is_string() ? " in " + currency.get<std::string>() : "") + ", " +
           std::to_string(r.doc->tree().at("slaRejections").size() +
                          r.doc->tree().at("rejections").size()) +
           " rejection(s))";
}

ResultView result_from_dict(const py::dict& d) {
    json tree = json_from_python(d);
    for (const char* key : {"bookingOptions", "slaRejections", "rejections", "request"}) {
        if (!tree.contains(key)) {
            throw py::value_error(std::string("not a cargoquote.quote_result/1 document: no '") +
                                  key + "'");
        }
    }
    return ResultView{std::make_shared<const ResultDocument>(std::move(tree)), nullptr};
}

void register_parts(py::module_& m) {
    py::class_<ChargeLineView>(m, "ChargeLine",
                               R"doc(One charge line of an option's price, in the quote currency.
The lines of `Quote.charges` add up to `Quote.buy_total`: a line of kind "rounding" carries the
difference when converting each line on its own misses the converted total.)doc")
        .def_property_readonly("code", charge_field("/code", true),
                               "IATA charge code: WT, AW, MY, ...; RD for the rounding line.")
        .def_property_readonly("kind", charge_field("/kind", true),
                               "weight, surcharge, valuation or rounding.")
        .def_property_readonly("description", charge_field("/description", true),
                               "What the charge is.")
        .def_property_readonly(
            "basis", charge_field("/basis", false),
            "weight, chargeable_kg, gross_kg, piece, shipment, freight_percent, value, ...")
        .def_property_readonly("amount", charge_field("/amount/amount", true, true),
                               "Amount (Decimal) in `currency`, the quote currency.")
        .def_property_readonly("currency", charge_field("/amount/currency", true),
                               "The quote currency.")
        .def_property_readonly("pricing_amount", charge_field("/amount/amount", false, true),
                               "The amount (Decimal) in `pricing_currency`, as rated; None for "
                               "the rounding line.")
        .def_property_readonly("pricing_currency", charge_field("/amount/currency", false),
                               "The rate line's currency the charge was priced in.")
        .def_property_readonly("margin_applies", charge_field("/marginApplies", false),
                               "Whether the customer margin's percentage applies to it.")
        .def_property_readonly("sector", charge_field("/sector", false),
                               "Index of the sector (interline) the line belongs to.")
        .def(
            "to_dict",
            [](const ChargeLineView& c) {
                return python_from_json(c.priced != nullptr ? *c.priced : *c.quoted);
            },
            "The priced line's JSON object (quantity, rate, fx, ...); the rounding line's own.")
        .def("__repr__", [](const ChargeLineView& c) {
            const auto shown = [](const py::object& value) {
                return py::repr(value).cast<std::string>();
            };
            return "ChargeLine(code=" + shown(value_at(*c.quoted, "/code"_json_pointer)) +
                   ", amount=" + shown(decimal_at(*c.quoted, "/amount/amount"_json_pointer)) +
                   ", currency=" + shown(value_at(*c.quoted, "/amount/currency"_json_pointer)) +
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
        .def_property_readonly("rank", get_rank, "1 = best; None outside the SLA.")
        .def_property_readonly("carrier", get_carrier, "Carrier code (first sector's).")
        .def_property_readonly("carrier_name", get_carrier_name, "Carrier name.")
        .def_property_readonly("score", get_score,
                               "Ranking score of the method used; None when not ranked.")
        .def_property_readonly("pareto", get_pareto,
                               "On the Pareto front of the ranked options; None when not ranked.")
        .def_property_readonly("why", field<QuoteView>("/assessment/why"),
                               "Why it ranks where it does (explain=True), else None.")
        .def_property_readonly("sell_total", get_sell_total,
                               "Price to the customer (Decimal) in `currency`.")
        .def_property_readonly("buy_total", get_buy_total, "Carrier cost (Decimal) in `currency`.")
        .def_property_readonly("currency", get_currency, "Quote currency.")
        .def_property_readonly("margin", get_margin,
                               "Customer margin (Decimal) in `currency`: sell_total - buy_total.")
        .def_property_readonly("chargeable_weight", get_chargeable_weight,
                               "Chargeable weight in kg (Decimal).")
        .def_property_readonly(
            "transit_minutes", get_transit,
            "Ready time to availability at destination, minutes; None without schedules.")
        .def_property_readonly("flights", &quote_flights,
                               "Flight numbers in order, e.g. ['Q1 855'].")
        .def_property_readonly("airports", &quote_airports,
                               "Origin, transfers and destination, e.g. ['PVG', 'DXB', 'FRA'].")
        .def_property_readonly("legs", &quote_legs, "The flights as Leg objects.")
        .def_property_readonly("charges", &quote_charges,
                               "The charge lines in `currency`; they add up to `buy_total`.")
        .def_property_readonly("criteria", criterion_dict,
                               "Criteria values: price, transitMinutes, reliability, risk, "
                               "co2eKg, legs, interline, allFreighter; None when not assessed.")
        .def_property_readonly("reliability",
                               criterion("reliability", &selection::OptionCriteria::reliability),
                               "Probability of arriving as planned.")
        .def_property_readonly("risk", criterion("risk", &selection::OptionCriteria::risk),
                               "Risk in [0, 1].")
        .def_property_readonly("co2e_kg", criterion("co2eKg", &selection::OptionCriteria::co2e_kg),
                               "GLEC CO2e in kg.")
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
        .def_property_readonly("currency",
                               result_property("/currency",
                                               [](const QuoteResult& q) {
                                                   return q.currency.is_set()
                                                              ? py::object(text(q.currency.view()))
                                                              : py::none();
                                               }),
                               "Currency of every quote's totals; None when nothing was priced.")
        .def_property_readonly("rating_date",
                               result_property("/ratingDate",
                                               [](const QuoteResult& q) {
                                                   return py::object(py::str(q.rating_date.iso()));
                                               }),
                               "Rates in force on this date.")
        .def_property_readonly("quote_date",
                               result_property("/quoteDate",
                                               [](const QuoteResult& q) {
                                                   return py::object(py::str(q.quote_date.iso()));
                                               }),
                               "Day the quote is made.")
        .def_property_readonly("ready_time", field<ResultView>("/readyTime"),
                               "Dict: local, utc, timeZone.")
        .def_property_readonly(
            "selection", field<ResultView>("/selection"),
            "Dict: method, methodSource, weights, sla, customerSlaOverride, prepaymentRequired.")
        .def_property_readonly("sensitivity", field<ResultView>("/sensitivity"),
                               "Weight intervals keeping the top option on top (explain=True).")
        .def_property_readonly("dominated_options",
                               result_property("/dominatedOptions",
                                               [](const QuoteResult& q) {
                                                   return py::object(py::int_(q.dominated_options));
                                               }),
                               "Options left out as slower, longer and no cheaper.")
        .def_property_readonly("request", field<ResultView>("/request"),
                               "The request, echoed as a dict.")
        .def_property_readonly("sla_limits", &result_sla_limits,
                               R"doc(The SLA tier applied, resolved for the
customer: dict with tier, customer_override, max_transit_hours, min_reliability, max_price (Decimal),
max_price_currency, max_price_over_cheapest, max_risk, required_capabilities, credit_rule,
credit_max_risk (None = no limit). None without an SLA or for a result made by from_dict.)doc")
        .def(
            "to_dict",
            [](const ResultView& r) {
                // Straight from the engine's result when there is one: no tree in between.
                if (const QuoteResult* q = r.doc->result()) {
                    return python_from_json_text(quote_result_text(*q));
                }
                return python_from_json(r.doc->tree());
            },
            "The full cargoquote.quote_result/1 document as a dict.")
        .def("__len__", [](const ResultView& r) { return r.doc->option_count(); })
        .def("__iter__", [](const ResultView& r) { return py::iter(result_quotes(r)); })
        .def("__repr__", &result_repr)
        .def(py::pickle(
            [](const ResultView& r) {
                return py::make_tuple(r.doc->tree().dump(), r.sla_limits.dump());
            },
            [](const py::tuple& state) {
                return ResultView{std::make_shared<const ResultDocument>(
                                      json::parse(state[0].cast<std::string>())),
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
