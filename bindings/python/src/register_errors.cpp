// C++ errors become Python exceptions with the stable `.code` of the CLI's exit codes:
// InputError is a ValueError, RateStoreError a RuntimeError.
#include <cargoquote/core/error.hpp>

#include "register.hpp"

namespace py = pybind11;

namespace cargoquote::python {

void register_errors(py::module_& m) {
    static py::exception<InputError> input_error(m, "InputError", PyExc_ValueError);
    static py::exception<RateStoreError> store_error(m, "RateStoreError", PyExc_RuntimeError);
    input_error.attr("__doc__") =
        "Bad input: fix the value and retry. .code is the stable error code (the CLI's exit code), "
        ".field the JSON Pointer of the value (\"/shipment/origin\", \"/pieces/0/weight\").";
    store_error.attr("__doc__") =
        "The rate database is missing (code 30), of another schema version (31) or unreadable; "
        ".code and .field as for InputError.";
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const InputError& e) {
            py::object error = py::reinterpret_borrow<py::object>(input_error.ptr())(e.what());
            error.attr("code") = static_cast<int>(e.code());
            error.attr("field") = e.field();
            PyErr_SetObject(input_error.ptr(), error.ptr());
        } catch (const RateStoreError& e) {
            py::object error = py::reinterpret_borrow<py::object>(store_error.ptr())(e.what());
            error.attr("code") = static_cast<int>(e.code());
            error.attr("field") = e.field();
            PyErr_SetObject(store_error.ptr(), error.ptr());
        }
    });
}

}  // namespace cargoquote::python
