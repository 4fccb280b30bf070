#pragma once
// Shipments and pieces from Python arguments. Errors are InputErrors whose field is the JSON
// Pointer of the offending argument ("/length", "/pieces/1/weight").

#include <pybind11/pybind11.h>

#include <cargoquote/shipment/shipment.hpp>
#include <optional>
#include <string>

namespace cargoquote::python {

// Exact decimal text of a Python int, float (its shortest round trip), str or Decimal.
[[nodiscard]] std::string decimal_text(const pybind11::handle& value);

// A piece from keyword values in cm and kg per piece; `at` prefixes error fields.
[[nodiscard]] Piece piece_from_values(const pybind11::handle& count, const pybind11::handle& length,
                                      const pybind11::handle& width, const pybind11::handle& height,
                                      const pybind11::handle& weight, const std::string& at);

// A cq.Piece, or a dict of Piece's keyword arguments (count, length, width, height, weight).
[[nodiscard]] Piece piece_from_python(const pybind11::handle& item, const std::string& at);

struct ShipmentArgs {
    std::string origin;
    std::string destination;
    pybind11::sequence pieces;
    pybind11::handle ready_time;  // str "2026-11-26T10:00" or a naive datetime
    std::string commodity;
    std::optional<std::string> customer;
    std::optional<std::string> declared_value;  // "50000 EUR"
};

[[nodiscard]] Shipment shipment_from_args(const ShipmentArgs& args);

}  // namespace cargoquote::python
