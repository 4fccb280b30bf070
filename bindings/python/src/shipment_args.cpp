#include "shipment_args.hpp"

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>

#include "python_json.hpp"

namespace py = pybind11;

namespace cargoquote::python {

namespace {

// Python's ints and numpy's (numbers.Integral); never a bool, which is an int to Python.
bool is_whole_number(const py::handle& value) {
    static const auto* integral = new py::object(py::module_::import("numbers").attr("Integral"));
    return !py::isinstance<py::bool_>(value) &&
           (py::isinstance<py::int_>(value) || py::isinstance(value, *integral));
}

int count_from(const py::handle& given, const std::string& at) {
    if (!is_whole_number(given)) {
        throw InputError(ErrorCode::InvalidNumber, at + "/count", "expected a whole number");
    }
    const auto count = py::reinterpret_steal<py::int_>(PyNumber_Index(given.ptr()));
    if (!count) throw py::error_already_set();
    // Python ints of any size: compared as Python objects, so 2**70 is out of range, not a wrap.
    if (count <= py::int_(0)) {
        throw InputError(ErrorCode::NegativeQuantity, at + "/count",
                         "count must be greater than zero");
    }
    if (count > py::int_(kMaxPieceCount)) {
        throw InputError(ErrorCode::QuantityOutOfRange, at + "/count",
                         "count must be at most " + std::to_string(kMaxPieceCount));
    }
    return count.cast<int>();
}

// "50000 EUR", the command line's --declared-value form.
Money money_from_text(const std::string& text, const std::string& field) {
    const auto space = text.find(' ');
    if (space == std::string::npos) {
        throw InputError(ErrorCode::InvalidNumber, field,
                         "'" + text + "' is not 'AMOUNT CURRENCY' (e.g. '50000 EUR')");
    }
    return Money::parse(CurrencyCode::parse(text.substr(space + 1), field), text.substr(0, space),
                        field);
}

LocalDateTime ready_time_from(const py::handle& value) {
    // The ready time is the wall clock at the origin; its zone comes from the rate database.
    if (py::hasattr(value, "tzinfo") && !value.attr("tzinfo").is_none()) {
        throw InputError(ErrorCode::InvalidDateTime, "/ready_time",
                         "give the local time at the origin without a time zone");
    }
    const nlohmann::json text = json_from_python(value);
    if (!text.is_string()) {
        throw InputError(ErrorCode::InvalidDateTime, "/ready_time",
                         "expected 'YYYY-MM-DDTHH:MM' or a datetime");
    }
    return LocalDateTime::parse(text.get<std::string>(), "/ready_time");
}

}  // namespace

std::string decimal_text(const py::handle& value) {
    if (py::isinstance<py::bool_>(value) || value.is_none()) {
        throw InputError(ErrorCode::InvalidNumber, "", "expected a number");
    }
    return py::str(value).cast<std::string>();
}

Piece piece_from_values(const py::handle& count, const py::handle& length, const py::handle& width,
                        const py::handle& height, const py::handle& weight, const std::string& at) {
    // Names the field of a value that is not a number at all (None, True).
    const auto text = [&](const py::handle& value, const char* key) {
        try {
            return decimal_text(value);
        } catch (const InputError& e) {
            throw InputError(e.code(), at + "/" + key, e.detail());
        }
    };
    Piece p;
    p.count = count_from(count, at);
    p.length = Length::parse_cm(text(length, "length"), at + "/length");
    p.width = Length::parse_cm(text(width, "width"), at + "/width");
    p.height = Length::parse_cm(text(height, "height"), at + "/height");
    p.weight_per_piece = Mass::parse_kg(text(weight, "weight"), at + "/weight");
    validate_piece(p, at, kFlatPieceFields);
    return p;
}

Piece piece_from_python(const py::handle& item, const std::string& at) {
    if (py::isinstance<Piece>(item)) return item.cast<Piece>();
    if (!py::isinstance<py::dict>(item)) {
        throw InputError(ErrorCode::InvalidInput, at,
                         "expected a Piece or a dict with count, length, width, height, weight");
    }
    const auto d = py::reinterpret_borrow<py::dict>(item);
    for (const auto& [key, value] : d) {
        const auto name = py::str(key).cast<std::string>();
        if (name != "count" && name != "length" && name != "width" && name != "height" &&
            name != "weight") {
            throw InputError(ErrorCode::InvalidInput, at + "/" + name,
                             "unknown field '" + name + "'");
        }
    }
    const auto get = [&](const char* key) -> py::object {
        if (!d.contains(key)) {
            throw InputError(ErrorCode::MissingField, at + "/" + key,
                             std::string("required field '") + key + "' is missing");
        }
        return d[key];
    };
    const py::object count = d.contains("count") ? py::object(d["count"]) : py::int_(1);
    return piece_from_values(count, get("length"), get("width"), get("height"), get("weight"), at);
}

Shipment shipment_from_args(const ShipmentArgs& args) {
    Shipment s;
    s.origin = AirportCode::parse(args.origin, "/origin");
    s.destination = AirportCode::parse(args.destination, "/destination");
    if (args.pieces.size() == 0) {
        throw InputError(ErrorCode::MissingField, "/pieces", "expected at least one piece");
    }
    for (std::size_t i = 0; i < args.pieces.size(); ++i) {
        s.pieces.push_back(piece_from_python(args.pieces[i], "/pieces/" + std::to_string(i)));
    }
    validate_shipment_totals(s.pieces, "/pieces");
    s.commodity = Commodity::parse(args.commodity, "/commodity");
    s.ready_time = ready_time_from(args.ready_time);
    s.customer_id = args.customer;
    if (args.declared_value)
        s.declared_value = money_from_text(*args.declared_value, "/declared_value");
    return s;
}

}  // namespace cargoquote::python
