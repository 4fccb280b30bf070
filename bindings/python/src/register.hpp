#pragma once
// Registration entry points of the extension module, one per area.

#include <pybind11/pybind11.h>

namespace cargoquote::python {

void register_errors(pybind11::module_& m);
void register_shipment(pybind11::module_& m);
void register_quote_result(pybind11::module_& m);
void register_engine(pybind11::module_& m);
void register_selection(pybind11::module_& m);
void register_batch(pybind11::module_& m);  // adds the batch methods to Engine

}  // namespace cargoquote::python
