// The quoting engine from Python: cq.Shipment in, cq.QuoteResult out, or the CLI's JSON request
// and result schema as dicts. Quotes release the GIL (the engine is immutable and safe for
// concurrent calls).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>
#include <chrono>
#include <filesystem>

#include "python_engine.hpp"
#include "python_json.hpp"
#include "quote_result.hpp"
#include "register.hpp"
#include "shipment_args.hpp"

namespace py = pybind11;

namespace cargoquote::python {

namespace {

double kg(Mass m) { return static_cast<double>(m.in_grams()) / 1000.0; }

// "price=0.4,time=0.3" or a {criterion: weight} mapping.
std::optional<selection::CriterionWeights> weights_of(const py::object& weights) {
    if (weights.is_none()) return std::nullopt;
    if (py::isinstance<py::str>(weights)) {
        return selection::CriterionWeights::parse(weights.cast<std::string>(), "/weights");
    }
    if (!py::isinstance<py::dict>(weights)) {
        throw InputError(ErrorCode::InvalidInput, "/weights",
                         "expected 'price=0.4,time=0.3,...' or a dict {criterion: weight}");
    }
    std::vector<selection::NamedWeight> named;
    for (const auto& [criterion, weight] : py::reinterpret_borrow<py::dict>(weights)) {
        named.push_back({py::str(criterion).cast<std::string>(), decimal_text(weight)});
    }
    return selection::CriterionWeights::from_named(named, "/weights");
}

// A datetime (pandas' Timestamp included) as its calendar date, as the batch functions take it.
py::object calendar_date(const py::object& value) {
    static const auto* datetime_type =
        new py::object(py::module_::import("datetime").attr("datetime"));
    return py::isinstance(value, *datetime_type) ? value.attr("date")() : value;
}

struct SelectionArgs {
    std::optional<std::string> sla;
    std::optional<std::string> method;
    py::object weights;
    std::optional<std::string> currency;
    py::object quote_date;
    bool explain = false;
    int offer_validity_days = 2;
};

QuoteRequest request_for(const Shipment& shipment, const SelectionArgs& a) {
    QuoteRequest r;
    r.shipment = shipment;
    r.sla_tier = a.sla;
    if (a.method) r.method = selection::require_ranking_method(*a.method, "/method");
    r.weights = weights_of(a.weights);
    if (a.currency) r.currency = CurrencyCode::parse(*a.currency, "/currency");
    if (!a.quote_date.is_none()) {
        const nlohmann::json date = json_from_python(calendar_date(a.quote_date));
        if (!date.is_string()) {
            throw InputError(ErrorCode::InvalidDateTime, "/quote_date",
                             "expected 'YYYY-MM-DD' or a date");
        }
        r.quote_date = Date::parse(date.get<std::string>(), "/quote_date");
    }
    r.explain = a.explain;
    if (a.offer_validity_days < 0 || a.offer_validity_days > 60) {
        throw InputError(ErrorCode::InvalidNumber, "/offer_validity_days", "expected 0 to 60 days");
    }
    r.offer_validity_days = a.offer_validity_days;
    return r;
}

ResultView quote_shipment(const Engine& engine, const Shipment& shipment,
                          const SelectionArgs& args) {
    const QuoteRequest request = request_for(shipment, args);
    py::gil_scoped_release release;
    return quote_to_view(engine.quote_engine(), request);
}

// dict (cargoquote.quote_request/1) -> dict (cargoquote.quote_result/1), as before QuoteResult.
py::object quote_request_dict(const Engine& engine, const py::dict& request) {
    const nlohmann::json document = json_from_python(request);
    std::string result;
    {
        py::gil_scoped_release release;  // parse, quote and write the document without the GIL
        result = quote_result_text(engine.quote_engine().quote(quote_request_from_json(document)));
    }
    return python_from_json_text(result);
}

// Seconds per call of the C++ quote alone and of quote plus JSON serialization, timed in C++
// on this build, so tests/bench/python_overhead.py can compare Python calls against them.
py::dict time_quotes(const Engine& engine, const Shipment& shipment, int repeat,
                     const SelectionArgs& args) {
    const QuoteRequest request = request_for(shipment, args);
    using Clock = std::chrono::steady_clock;
    const auto seconds_per_call = [&](auto&& body) {
        const auto start = Clock::now();
        for (int i = 0; i < repeat; ++i) body();
        return std::chrono::duration<double>(Clock::now() - start).count() / std::max(repeat, 1);
    };
    double quote_only = 0, with_json = 0, with_tree = 0;
    {
        py::gil_scoped_release release;
        quote_only = seconds_per_call([&] { (void)engine.quote_engine().quote(request); });
        with_json = seconds_per_call(
            [&] { (void)quote_result_text(engine.quote_engine().quote(request)); });
        with_tree = seconds_per_call([&] { (void)to_json(engine.quote_engine().quote(request)); });
    }
    py::dict out;
    out["quote"] = quote_only;
    out["quote_to_json"] = with_json;
    out["quote_to_tree"] = with_tree;
    return out;
}

void register_chargeable_weight(py::module_& m) {
    m.def(
        "chargeable_weight",
        [](const py::sequence& pieces, std::int64_t divisor, const py::object& step_kg) {
            std::vector<Piece> parsed;
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                parsed.push_back(piece_from_python(pieces[i], "/pieces/" + std::to_string(i)));
            }
            if (divisor <= 0)
                throw InputError(ErrorCode::InvalidNumber, "/divisor", "must be positive");
            const WeightRules rules{VolumetricDivisor{divisor},
                                    Mass::parse_kg(decimal_text(step_kg), "/step_kg")};
            const ChargeableWeight w = compute_chargeable_weight(parsed, rules);
            py::dict out;
            out["volume_cm3"] = w.volume.in_cm3();
            out["volume_weight"] = kg(w.volume_weight);
            out["gross_weight"] = kg(w.gross_weight);
            out["chargeable_weight"] = kg(w.chargeable);
            return out;
        },
        py::arg("pieces"), py::arg("divisor") = 6000, py::arg("step_kg") = py::float_(0.5),
        R"doc(Chargeable weight per IATA rules.

Args:
    pieces: Piece objects or dicts with count, length, width, height (cm) and weight (kg per piece).
    divisor: volumetric divisor in cm3 per kg (6000 IATA, 5000 courier).
    step_kg: rounding step for gross and volume weight.
Returns:
    dict with volume_cm3, volume_weight, gross_weight, chargeable_weight (kg).
Raises:
    InputError: a piece is malformed or not positive.)doc");
}

}  // namespace

void register_engine(py::module_& m) {
    register_chargeable_weight(m);

    py::class_<Engine>(m, "Engine",
                       "Quotes shipments on a rate database. Immutable; share it across threads.")
        .def_static(
            "open",
            [](const std::filesystem::path& db_path) {
                std::shared_ptr<const RateBook> book;
                {
                    py::gil_scoped_release release;
                    book = rates::load_rate_book(db_path.string());
                }
                return Engine(std::move(book));
            },
            py::arg("db_path"),
            "Load the rate database (RateStoreError when missing or of another schema version).")
        .def("quote", &quote_request_dict, py::arg("request"),
             R"doc(Quote one request given as a dict in the cargoquote.quote_request/1 schema.

Returns the cargoquote.quote_result/1 document as a dict: bookingOptions (ranked, with charge
lines, legs and assessment), slaRejections, rejections. Releases the GIL while quoting.
Raises:
    InputError: a field is invalid (its JSON Pointer is in .field, the code in .code).)doc")
        .def(
            "quote",
            [](const Engine& engine, const Shipment& shipment, std::optional<std::string> sla,
               std::optional<std::string> method, py::object weights,
               std::optional<std::string> currency, py::object quote_date, bool explain,
               int offer_validity_days) {
                return quote_shipment(
                    engine, shipment,
                    SelectionArgs{std::move(sla), std::move(method), std::move(weights),
                                  std::move(currency), std::move(quote_date), explain,
                                  offer_validity_days});
            },
            py::arg("shipment"), py::kw_only(), py::arg("sla") = py::none(),
            py::arg("method") = py::none(), py::arg("weights") = py::none(),
            py::arg("currency") = py::none(), py::arg("quote_date") = py::none(),
            py::arg("explain") = false, py::arg("offer_validity_days") = 2,
            R"doc(Quote a Shipment; returns a QuoteResult. Releases the GIL while quoting.

Args:
    sla: SLA tier ("express", "standard", "economy", ...; "none" for no SLA); default: the customer's.
    method: "weighted_sum", "topsis" or "vikor"; default: the customer's, else weighted_sum.
    weights: "price=0.4,time=0.3,reliability=0.2,risk=0.1" or {"price": 0.4, ...}.
    currency: quote currency (ISO 4217); default: the first option's.
    quote_date: the day the quote is made ("YYYY-MM-DD", a date, or a datetime for its date);
        default: the shipping date.
    explain: also why each option ranks where it does and the top option's weight sensitivity.
    offer_validity_days: days the offer stays valid from the quote date.
Raises:
    InputError: unknown airport (12) or customer (16), bad selection arguments; .field is the
    request's JSON Pointer ("/shipment/origin", "/weights").)doc")
        .def(
            "_time_quotes",
            [](const Engine& engine, const Shipment& shipment, int repeat,
               std::optional<std::string> sla) {
                return time_quotes(engine, shipment, repeat,
                                   SelectionArgs{std::move(sla), std::nullopt, py::none(),
                                                 std::nullopt, py::none(), false, 2});
            },
            py::arg("shipment"), py::arg("repeat"), py::kw_only(), py::arg("sla") = py::none(),
            R"doc(Benchmark helper: seconds per call of the C++ quote alone ("quote") and with its JSON
document built ("quote_to_json"), timed in C++ over `repeat` calls with the GIL released.)doc");
}

}  // namespace cargoquote::python
