#pragma once
// Python values <-> nlohmann::json, so dicts in the request and result schema cross the boundary
// without a text round trip through the json module.

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>
#include <string>

namespace cargoquote::python {

// dict, list, tuple, str, int, float, bool, None; decimal.Decimal becomes its exact decimal text
// and date/datetime their ISO text (the schema takes both as strings). Other types: TypeError.
[[nodiscard]] nlohmann::json json_from_python(const pybind11::handle& value);

// Objects become dicts, arrays lists; numbers keep their JSON type (int or float).
[[nodiscard]] pybind11::object python_from_json(const nlohmann::json& value);

// Python objects of a JSON document's text, by the json module's C parser: for documents the
// engine wrote as text, cheaper than parsing into nlohmann::json and converting that, and the
// same values (a number's shortest text reads back as the same double).
[[nodiscard]] pybind11::object python_from_json_text(const std::string& text);

// decimal.Decimal(text): money and weights reach Python exact, never as binary floats.
[[nodiscard]] pybind11::object decimal_from_text(const std::string& text);

}  // namespace cargoquote::python
