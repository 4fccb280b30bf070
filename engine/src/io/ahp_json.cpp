#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/io/ahp_json.hpp>
#include <cargoquote/io/json_parse.hpp>
#include <utility>

namespace cargoquote {

namespace {

using nlohmann::json;
using selection::RandomIndexTable;

constexpr std::array<std::string_view, 4> kMembers = {"matrix", "upper_triangle_rows", "labels",
                                                      "ri"};

[[noreturn]] void bad(const std::string& pointer, const std::string& message) {
    throw InputError(ErrorCode::InvalidInput, pointer, message);
}

// RFC 6901 pointer of the member `key` of the document ("a/b" -> "/a~1b").
std::string member_pointer(const std::string& key) { return "/" + json_pointer_token(key); }

// An array of arrays of numbers at `pointer`.
std::vector<std::vector<double>> number_rows(const json& value, const std::string& pointer) {
    if (!value.is_array()) bad(pointer, "must be an array of rows");
    std::vector<std::vector<double>> rows;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const json& row = value[i];
        const std::string row_pointer = fmt::format("{}/{}", pointer, i);
        if (!row.is_array()) bad(row_pointer, "must be an array of numbers");
        std::vector<double> numbers;
        for (std::size_t j = 0; j < row.size(); ++j) {
            if (!row[j].is_number()) bad(fmt::format("{}/{}", row_pointer, j), "must be a number");
            numbers.push_back(row[j].get<double>());
        }
        rows.push_back(std::move(numbers));
    }
    return rows;
}

// The engine names positions "pairwise/2/1", "upper_rows/0/3" or "matrix/2"; the user wrote the
// JSON member `member`, so the error is re-issued with that JSON Pointer.
[[noreturn]] void rethrow_at(const InputError& e, const std::string& member) {
    const std::string& field = e.field();
    if (field.rfind('/', 0) == 0) throw e;  // already a JSON Pointer (raised by this reader)
    for (const std::string_view engine_name : {"pairwise", "upper_rows", "matrix"}) {
        if (field.rfind(engine_name, 0) == 0 &&
            (field.size() == engine_name.size() || field[engine_name.size()] == '/')) {
            bad("/" + member + field.substr(engine_name.size()), e.detail());
        }
    }
    bad("/" + member, e.detail());  // e.g. "n": more criteria than the random index table covers
}

}  // namespace

AhpInput ahp_input_from_json(const json& doc) {
    if (!doc.is_object()) bad("", "the document must be a JSON object");
    for (const auto& [key, value] : doc.items()) {
        if (std::find(kMembers.begin(), kMembers.end(), key) == kMembers.end()) {
            bad(member_pointer(key),
                "unknown member: give \"matrix\" or \"upper_triangle_rows\", and optionally "
                "\"labels\" and \"ri\"");
        }
    }
    const bool full = doc.contains("matrix");
    const bool upper = doc.contains("upper_triangle_rows");
    if (full == upper) {
        if (full)
            bad("/upper_triangle_rows", "give \"matrix\" or \"upper_triangle_rows\", not both");
        throw InputError(ErrorCode::MissingField, "/matrix",
                         "give \"matrix\" (the full reciprocal matrix) or \"upper_triangle_rows\"");
    }
    AhpInput input;
    if (doc.contains("ri")) {
        const json& ri = doc["ri"];
        if (ri == "saaty1980") {
            input.table = RandomIndexTable::Saaty1980;
        } else if (ri == "alonso_lamata2006") {
            input.table = RandomIndexTable::AlonsoLamata2006;
        } else {
            bad("/ri", "must be \"saaty1980\" or \"alonso_lamata2006\"");
        }
        input.table_name = ri.get<std::string>();
    }
    const std::string member = full ? "matrix" : "upper_triangle_rows";
    const auto rows = number_rows(doc[member], "/" + member);
    try {
        if (full) {
            if (rows.empty()) bad("/matrix", "needs at least one row");
            // Checked here first: the engine's reciprocity check, which runs in the same pass,
            // would name the partner of a negative judgement instead of the judgement itself.
            for (std::size_t i = 0; i < rows.size(); ++i) {
                for (std::size_t j = 0; j < rows[i].size(); ++j) {
                    if (!(rows[i][j] > 0.0)) {
                        bad(fmt::format("/matrix/{}/{}", i, j),
                            fmt::format("judgement must be positive, got {}", rows[i][j]));
                    }
                }
            }
            input.pairwise = selection::Matrix::from_rows(rows);
        } else {
            input.pairwise = selection::reciprocal_from_upper_triangle(rows);
        }
        // Validate now, so that every matrix error carries the user's JSON Pointer.
        (void)selection::ahp_weights(input.pairwise, input.table);
    } catch (const InputError& e) {
        if (e.code() != ErrorCode::InvalidInput) throw;
        rethrow_at(e, member);
    }
    const std::size_t n = input.pairwise.rows();
    if (doc.contains("labels")) {
        const json& labels = doc["labels"];
        if (!labels.is_array() || labels.size() != n) {
            bad("/labels", fmt::format("must be an array of {} names, one per criterion", n));
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (!labels[i].is_string()) bad(fmt::format("/labels/{}", i), "must be a string");
            input.labels.push_back(labels[i].get<std::string>());
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) input.labels.push_back(fmt::format("C{}", i + 1));
    }
    return input;
}

AhpInput parse_ahp_input(std::string_view text) {
    return ahp_input_from_json(parse_json_strictly(text, "AHP document"));
}

}  // namespace cargoquote
