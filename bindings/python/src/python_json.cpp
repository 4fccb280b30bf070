#include "python_json.hpp"

namespace py = pybind11;

namespace cargoquote::python {

namespace {

// Looked up once per interpreter and deliberately never released: a static py::object would be
// destroyed after the interpreter has shut down.
const py::object& decimal_type() {
    static const auto* type = new py::object(py::module_::import("decimal").attr("Decimal"));
    return *type;
}

const py::object& date_type() {
    static const auto* type = new py::object(py::module_::import("datetime").attr("date"));
    return *type;
}

const py::object& integral_type() {
    static const auto* type = new py::object(py::module_::import("numbers").attr("Integral"));
    return *type;
}

}  // namespace

nlohmann::json json_from_python(const py::handle& value) {
    if (value.is_none()) return nullptr;
    if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
    // numpy's integers too (numbers.Integral), through their __index__.
    if (py::isinstance<py::int_>(value) || py::isinstance(value, integral_type())) {
        const auto whole = py::reinterpret_steal<py::int_>(PyNumber_Index(value.ptr()));
        if (!whole) throw py::error_already_set();
        try {
            return whole.cast<long long>();
        } catch (const py::cast_error&) {
            return py::str(value)
                .cast<std::string>();  // beyond 64 bits: the parser names the field
        }
    }
    if (py::isinstance<py::float_>(value)) return value.cast<double>();
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    if (py::isinstance<py::dict>(value)) {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& [key, item] : py::reinterpret_borrow<py::dict>(value)) {
            object[py::str(key).cast<std::string>()] = json_from_python(item);
        }
        return object;
    }
    if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
        nlohmann::json array = nlohmann::json::array();
        for (const auto& item : py::reinterpret_borrow<py::sequence>(value)) {
            array.push_back(json_from_python(item));
        }
        return array;
    }
    if (py::isinstance(value, decimal_type())) return py::str(value).cast<std::string>();
    if (py::isinstance(value, date_type())) return value.attr("isoformat")().cast<std::string>();
    throw py::type_error("cannot represent a " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>() +
                         " in the JSON schema");
}

py::object python_from_json(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            py::dict out;
            for (const auto& [key, item] : value.items())
                out[py::str(key)] = python_from_json(item);
            return out;
        }
        case nlohmann::json::value_t::array: {
            py::list out(value.size());
            for (std::size_t i = 0; i < value.size(); ++i) {
                out[i] = python_from_json(value[i]);
            }
            return out;
        }
        case nlohmann::json::value_t::string:
            return py::str(value.get_ref<const std::string&>());
        case nlohmann::json::value_t::boolean:
            return py::bool_(value.get<bool>());
        case nlohmann::json::value_t::number_integer:
            return py::int_(value.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned:
            return py::int_(value.get<std::uint64_t>());
        case nlohmann::json::value_t::number_float:
            return py::float_(value.get<double>());
        case nlohmann::json::value_t::null:
        case nlohmann::json::value_t::discarded:
        case nlohmann::json::value_t::binary:
            break;
    }
    return py::none();
}

py::object python_from_json_text(const std::string& text) {
    // Never destroyed: a static py::object would be released after the interpreter is gone.
    static const auto* loads = new py::object(py::module_::import("json").attr("loads"));
    return (*loads)(py::str(text));
}

py::object decimal_from_text(const std::string& text) { return decimal_type()(text); }

}  // namespace cargoquote::python
