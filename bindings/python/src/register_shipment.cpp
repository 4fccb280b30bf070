// Shipments and pieces as Python values: keyword construction in cm and kg, or the "shipment"
// object of the JSON request (parsed by the engine's own parser), immutable, comparable, picklable.
#include <pybind11/stl.h>

#include <cargoquote/io/json.hpp>
#include <functional>

#include "python_json.hpp"
#include "register.hpp"
#include "shipment_args.hpp"

namespace py = pybind11;

namespace cargoquote::python {

namespace {

std::string quoted(const std::string& text) { return py::repr(py::str(text)).cast<std::string>(); }

std::string piece_repr(const Piece& p) {
    return "Piece(count=" + std::to_string(p.count) + ", length=" + p.length.cm_text() +
           ", width=" + p.width.cm_text() + ", height=" + p.height.cm_text() +
           ", weight=" + p.weight_per_piece.kg_text() + ")";
}

std::string shipment_repr(const Shipment& s) {
    std::string pieces;
    for (const auto& p : s.pieces) pieces += (pieces.empty() ? "" : ", ") + piece_repr(p);
    std::string out = "Shipment(origin=" + quoted(s.origin.str()) +
                      ", destination=" + quoted(s.destination.str()) + ", pieces=[" + pieces +
                      "], ready_time=" + quoted(s.ready_time.iso()) +
                      ", commodity=" + quoted(s.commodity.code());
    if (s.customer_id) out += ", customer=" + quoted(*s.customer_id);
    if (s.declared_value) out += ", declared_value=" + quoted(s.declared_value->to_string());
    return out + ")";
}

// Shipments compare and hash by their JSON document: the schema is their canonical form.
std::string canonical(const Shipment& s) { return to_json(s).dump(); }

void register_piece(py::module_& m) {
    py::class_<Piece>(m, "Piece",
                      R"doc(`count` identical pieces: dimensions in cm, weight in kg per piece.

Values are exact decimals (int, float, str or Decimal in; Decimal out). Immutable.

    cq.Piece(count=3, length=120, width=80, height=100, weight=250)
)doc")
        .def(py::init([](const py::object& count, const py::object& length, const py::object& width,
                         const py::object& height, const py::object& weight) {
                 return piece_from_values(count, length, width, height, weight, "");
             }),
             py::kw_only(), py::arg("count") = 1, py::arg("length"), py::arg("width"),
             py::arg("height"), py::arg("weight"),
             R"doc(Raises InputError (code 13 when a value is not positive, 20 when it is not a
number) naming the argument, e.g. field "/weight".)doc")
        .def_static(
            "from_dict", [](const py::dict& d) { return piece_from_json(json_from_python(d), ""); },
            py::arg("d"),
            R"doc(A piece in the request schema: {"count": 3, "dimensions": {"length": 120, "width": 80,
"height": 100, "unit": "CMT"}, "grossWeight": {"value": 250, "unit": "KGM"}}.)doc")
        .def_static(
            "from_spec", [](const std::string& spec) { return parse_piece_spec(spec, ""); },
            py::arg("spec"),
            R"doc(The command line's COUNTxLxWxH@KG form, e.g. "3x120x80x100@250" (InputError code 11
when malformed).)doc")
        .def(
            "to_dict", [](const Piece& p) { return python_from_json(to_json(p)); },
            "The piece in the request schema (decimal strings, units CMT and KGM).")
        .def_property_readonly(
            "count", [](const Piece& p) { return p.count; }, "Number of pieces.")
        .def_property_readonly(
            "length", [](const Piece& p) { return decimal_from_text(p.length.cm_text()); }, "cm")
        .def_property_readonly(
            "width", [](const Piece& p) { return decimal_from_text(p.width.cm_text()); }, "cm")
        .def_property_readonly(
            "height", [](const Piece& p) { return decimal_from_text(p.height.cm_text()); }, "cm")
        .def_property_readonly(
            "weight",
            [](const Piece& p) { return decimal_from_text(p.weight_per_piece.kg_text()); },
            "kg per piece")
        .def(
            "__eq__", [](const Piece& a, const Piece& b) { return a == b; }, py::is_operator())
        .def("__hash__", [](const Piece& p) { return std::hash<std::string>{}(to_json(p).dump()); })
        .def("__repr__", &piece_repr)
        .def(py::pickle([](const Piece& p) { return py::make_tuple(to_json(p).dump()); },
                        [](const py::tuple& state) {
                            return piece_from_json(
                                nlohmann::json::parse(state[0].cast<std::string>()), "");
                        }));
}

void register_shipment_class(py::module_& m) {
    py::class_<Shipment>(m, "Shipment",
                         R"doc(What the customer wants to ship. Immutable; compares by value.

    cq.Shipment(origin="PVG", destination="FRA",
                pieces=[cq.Piece(count=3, length=120, width=80, height=100, weight=250)],
                ready_time="2026-11-26T10:00", commodity="GEN", customer="ACME-DE",
                declared_value="50000 EUR")
)doc")
        .def(py::init([](const std::string& origin, const std::string& destination,
                         const py::sequence& pieces, const py::object& ready_time,
                         const std::string& commodity, const std::optional<std::string>& customer,
                         const std::optional<std::string>& declared_value) {
                 return shipment_from_args(ShipmentArgs{origin, destination, pieces, ready_time,
                                                        commodity, customer, declared_value});
             }),
             py::kw_only(), py::arg("origin"), py::arg("destination"), py::arg("pieces"),
             py::arg("ready_time"), py::arg("commodity") = "GEN", py::arg("customer") = py::none(),
             py::arg("declared_value") = py::none(),
             R"doc(Args:
    origin, destination: IATA airport codes.
    pieces: Piece objects, or dicts of Piece's keyword arguments.
    ready_time: local time at the origin, "YYYY-MM-DDTHH:MM" or a naive datetime.
    commodity: GEN, a 4-digit specific commodity item, or AVI NWP VAL PER DGR HUM EAT ICE.
    customer: customer id in the rate database (margins, SLA, preferences), or None.
    declared_value: "AMOUNT CURRENCY" such as "50000 EUR", or None (no value declared).
Raises:
    InputError: a malformed value, with .code and .field naming the argument ("/pieces/0/weight").
    Whether the airports and the customer exist is checked when quoting.)doc")
        .def_static(
            "from_dict",
            [](const py::dict& d) { return shipment_from_json(json_from_python(d), ""); },
            py::arg("d"),
            R"doc(The "shipment" object of a cargoquote.quote_request/1 document (origin, destination,
pieces, commodity, declaredValue, readyTime, customer). Unknown fields are errors; error fields are
JSON Pointers into `d`, e.g. "/pieces/0/grossWeight/value".)doc")
        .def(
            "to_dict", [](const Shipment& s) { return python_from_json(to_json(s)); },
            "The shipment in the request schema, normalized (decimal strings, units, commodity).")
        .def_property_readonly(
            "origin", [](const Shipment& s) { return s.origin.str(); }, "Origin airport (IATA).")
        .def_property_readonly(
            "destination", [](const Shipment& s) { return s.destination.str(); },
            "Destination airport (IATA).")
        .def_property_readonly(
            "pieces", [](const Shipment& s) { return s.pieces; },
            "The pieces (a new list of Piece each time).")
        .def_property_readonly(
            "commodity", [](const Shipment& s) { return s.commodity.code(); },
            "Commodity code: GEN, a specific commodity item or a class code.")
        .def_property_readonly(
            "ready_time", [](const Shipment& s) { return s.ready_time.iso(); },
            "Local time at the origin, 'YYYY-MM-DDTHH:MM'.")
        .def_property_readonly(
            "customer", [](const Shipment& s) { return s.customer_id; }, "Customer id, or None.")
        .def_property_readonly(
            "declared_value",
            [](const Shipment& s) -> std::optional<std::string> {
                if (!s.declared_value) return std::nullopt;
                return s.declared_value->to_string();
            },
            "Declared value for carriage as 'AMOUNT CURRENCY' (e.g. '50000.00 EUR'), or None.")
        .def(
            "__eq__",
            [](const Shipment& a, const Shipment& b) { return canonical(a) == canonical(b); },
            py::is_operator())
        .def("__hash__", [](const Shipment& s) { return std::hash<std::string>{}(canonical(s)); })
        .def("__repr__", &shipment_repr)
        .def(py::pickle([](const Shipment& s) { return py::make_tuple(canonical(s)); },
                        [](const py::tuple& state) {
                            return shipment_from_json(
                                nlohmann::json::parse(state[0].cast<std::string>()), "");
                        }));
}

}  // namespace

void register_shipment(py::module_& m) {
    register_piece(m);
    register_shipment_class(m);
}

}  // namespace cargoquote::python
