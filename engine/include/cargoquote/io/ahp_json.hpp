#pragma once
// The AHP pairwise-comparison document read by `cargoquote ahp MATRIX.json`: a JSON object with
// either
//     "matrix": [[1, 3, 5], [0.3333, 1, 2], [0.2, 0.5, 1]]     the full reciprocal matrix, or
//     "upper_triangle_rows": [[3, 5], [2]]                      the judgements above the diagonal,
// and optionally "labels": ["price", "transit", "reliability"] (default C1..Cn) and
// "ri": "saaty1980" (default) | "alonso_lamata2006", the random index table. No other member.

#include <cargoquote/selection/ahp.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote {

struct AhpInput {
    selection::Matrix pairwise = selection::Matrix::from_rows({{1.0}});
    std::vector<std::string> labels;  // one per criterion
    selection::RandomIndexTable table = selection::RandomIndexTable::Saaty1980;
    std::string table_name = "saaty1980";
};

// The document's matrix, validated with selection::ahp_weights, its labels and RI table. Throws
// InputError naming the JSON Pointer of the offending value (e.g. /matrix/2/1):
//  - InvalidInput for a member of the wrong shape or type, a bad matrix, or an unknown member,
//  - MissingField (/matrix) when neither "matrix" nor "upper_triangle_rows" is given.
[[nodiscard]] AhpInput ahp_input_from_json(const nlohmann::json& document);

// Parses `text` first with parse_json_strictly (io/json_parse.hpp): InvalidJson naming "byte N"
// for malformed text, InvalidInput for a key given twice, InvalidNumber for a number outside the
// range of a double (1e400), each naming its JSON Pointer.
[[nodiscard]] AhpInput parse_ahp_input(std::string_view text);

}  // namespace cargoquote
