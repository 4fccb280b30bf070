// The quoting engine from Python: the same JSON request and result schema as the CLI, as dicts.
// Quotes release the GIL (the engine is immutable and safe for concurrent calls).
#include "register.hpp"

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace cargoquote::python {

namespace {

// Python numbers and strings as exact decimal text (repr of a float is its shortest round trip).
std::string decimal_text(const py::handle& value) { return py::str(value).cast<std::string>(); }

py::object json_module() { return py::module_::import("json"); }

Piece piece_from(const py::handle& item, std::size_t index) {
    const std::string field = "pieces/" + std::to_string(index);
    if (!py::isinstance<py::dict>(item)) {
        throw InputError(ErrorCode::InvalidInput, field,
                         "expected a dict with count, length, width, height, weight (cm, kg)");
    }
    const py::dict d = py::reinterpret_borrow<py::dict>(item);
    const auto get = [&](const char* key) -> py::object {
        if (!d.contains(key)) {
            throw InputError(ErrorCode::MissingField, field + "/" + key, std::string("missing ") + key);
        }
        return d[key];
    };
    Piece p;
    p.count = d.contains("count") ? d["count"].cast<int>() : 1;
    p.length = Length::parse_cm(decimal_text(get("length")), field + "/length");
    p.width = Length::parse_cm(decimal_text(get("width")), field + "/width");
    p.height = Length::parse_cm(decimal_text(get("height")), field + "/height");
    p.weight_per_piece = Mass::parse_kg(decimal_text(get("weight")), field + "/weight");
    validate_piece(p, field);
    return p;
}

double kg(Mass m) { return static_cast<double>(m.in_grams()) / 1000.0; }

class Engine {
public:
    explicit Engine(std::shared_ptr<const RateBook> book) : engine_(std::move(book)) {}

    // dict (cargoquote.quote_request/1) -> dict (cargoquote.quote_result/1)
    py::object quote(const py::dict& request) const {
        const std::string text = json_module().attr("dumps")(request).cast<std::string>();
        std::string result;
        {
            py::gil_scoped_release release;  // parse, quote and serialize without the GIL
            result = to_json(engine_.quote(parse_quote_request(text))).dump();
        }
        return json_module().attr("loads")(result);
    }

private:
    QuoteEngine engine_;
};

}  // namespace

void register_engine(py::module_& m) {
    m.def(
        "chargeable_weight",
        [](const py::sequence& pieces, std::int64_t divisor, const py::object& step_kg) {
            std::vector<Piece> parsed;
            for (std::size_t i = 0; i < pieces.size(); ++i) parsed.push_back(piece_from(pieces[i], i));
            if (divisor <= 0) throw InputError(ErrorCode::InvalidNumber, "divisor", "must be positive");
            const WeightRules rules{VolumetricDivisor{divisor}, Mass::parse_kg(decimal_text(step_kg), "step_kg")};
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
    pieces: dicts with count, length, width, height (cm) and weight (kg per piece).
    divisor: volumetric divisor in cm3 per kg (6000 IATA, 5000 courier).
    step_kg: rounding step for gross and volume weight.
Returns:
    dict with volume_cm3, volume_weight, gross_weight, chargeable_weight (kg).
Raises:
    InputError: a piece is malformed or not positive.)doc");

    py::class_<Engine>(m, "Engine", "Quotes shipments on a rate database. Immutable; share it across threads.")
        .def_static(
            "open",
            [](const std::string& db_path) {
                std::shared_ptr<const RateBook> book;
                {
                    py::gil_scoped_release release;
                    book = rates::load_rate_book(db_path);
                }
                return Engine(std::move(book));
            },
            py::arg("db_path"),
            "Load the rate database (RateStoreError when missing or of another schema version).")
        .def("quote", &Engine::quote, py::arg("request"),
             R"doc(Quote one request (the cargoquote.quote_request/1 JSON schema as a dict).

Returns the cargoquote.quote_result/1 document as a dict: bookingOptions (ranked, with charge
lines, legs and assessment), slaRejections, rejections. Releases the GIL while quoting.
Raises:
    InputError: a field is invalid (its JSON Pointer is in .field, the code in .code).)doc");
}

}  // namespace cargoquote::python
