// The `_cargoquote` extension: registration only; each area lives in its own register_*.cpp.
#include "register.hpp"

PYBIND11_MODULE(_cargoquote, m) {
    m.doc() = "cargoquote: air-freight quoting engine (C++ core).";
    cargoquote::python::register_errors(m);
    // Shipment and QuoteResult first: Engine's signatures name them.
    cargoquote::python::register_shipment(m);
    cargoquote::python::register_quote_result(m);
    cargoquote::python::register_engine(m);
    cargoquote::python::register_selection(m);
    cargoquote::python::register_batch(m);
}
