#pragma once
// The one way JSON text enters the engine: strict parsing with errors that name the field.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cargoquote {

// Parses `text` as one JSON document. Throws InputError:
//  - InvalidJson naming "byte N" for malformed text (`what` names the document: "request"),
//  - InvalidInput naming the JSON Pointer of a key that appears twice in one object,
//  - InvalidNumber naming the JSON Pointer of a number outside the range of a double (1e400).
[[nodiscard]] nlohmann::json parse_json_strictly(std::string_view text, std::string_view what);

// RFC 6901: "a/b" -> "a~1b", "m~n" -> "m~0n".
[[nodiscard]] std::string json_pointer_token(std::string_view key);

}  // namespace cargoquote
