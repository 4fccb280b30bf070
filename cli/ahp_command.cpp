// `cargoquote ahp MATRIX.json`: AHP criterion weights and Saaty's consistency check for one
// pairwise-comparison matrix (engine: selection/ahp.hpp).
//
// Input, a JSON object with either
//     "matrix": [[1, 3, 5], [0.3333, 1, 2], [0.2, 0.5, 1]]     the full reciprocal matrix, or
//     "upper_triangle_rows": [[3, 5], [2]]                      the judgements above the diagonal,
// and optionally "labels": ["price", "transit", "reliability"] (default C1..Cn) and
// "ri": "saaty1980" (default) | "alonso_lamata2006", the random index table.
// Errors: an unreadable file exits 34 (file_unreadable), malformed JSON 17 (invalid_json), a bad
// matrix 10 (invalid_input) naming the JSON Pointer of the offending value, e.g. /matrix/2/1; no
// matrix at all exits 19 (missing_field).
#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/selection/ahp.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"

namespace cargoquote::cli {

namespace {

using nlohmann::json;
using selection::RandomIndexTable;

struct AhpOptions {
    std::string file;
    bool json = false;
};

struct AhpInput {
    selection::Matrix pairwise = selection::Matrix::from_rows({{1.0}});
    std::vector<std::string> labels;
    RandomIndexTable table = RandomIndexTable::Saaty1980;
    std::string table_name = "saaty1980";
};

json read_document(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    if (in) text << in.rdbuf();
    if (!in || !std::filesystem::is_regular_file(path)) {
        throw InputError(ErrorCode::FileUnreadable, path, "cannot read the file");
    }
    try {
        return json::parse(text.str());
    } catch (const json::parse_error& e) {
        throw InputError(ErrorCode::InvalidJson, path, e.what());
    }
}

[[noreturn]] void bad(const std::string& pointer, const std::string& message) {
    throw InputError(ErrorCode::InvalidInput, pointer, message);
}

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
    if (field.rfind('/', 0) == 0) throw e;  // already a JSON Pointer (raised by this command)
    for (const std::string_view engine_name : {"pairwise", "upper_rows", "matrix"}) {
        if (field.rfind(engine_name, 0) == 0 &&
            (field.size() == engine_name.size() || field[engine_name.size()] == '/')) {
            bad("/" + member + field.substr(engine_name.size()), e.detail());
        }
    }
    bad("/" + member, e.detail());  // e.g. "n": more criteria than the random index table covers
}

AhpInput parse_input(const json& doc) {
    if (!doc.is_object()) bad("", "the document must be a JSON object");
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

void print_table(const AhpInput& input, const selection::AhpResult& r) {
    std::size_t width = std::string_view("lambda_max").size();
    for (const auto& label : input.labels) width = std::max(width, label.size());
    std::cout << fmt::format("{:<{}}  {:>8}\n", "criterion", width, "weight");
    for (std::size_t i = 0; i < input.labels.size(); ++i) {
        std::cout << fmt::format("{:<{}}  {:>8.4f}\n", input.labels[i], width, r.weights[i]);
    }
    const std::size_t n = input.labels.size();
    std::cout << "\n"
              << fmt::format("{:<{}}  {:>8.4f}\n", "lambda_max", width, r.lambda_max)
              << fmt::format("{:<{}}  {:>8.4f}\n", "CI", width, r.ci)
              << fmt::format("{:<{}}  {:>8.4f}  (RI({}) = {}, {})\n", "CR", width, r.cr, n,
                             selection::random_index(n, input.table), input.table_name)
              << (r.consistent ? "consistent (CR <= 0.10)" : "NOT consistent (CR > 0.10)") << "\n";
}

void print_json(const AhpInput& input, const selection::AhpResult& r) {
    nlohmann::ordered_json out;
    out["weights"] = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < input.labels.size(); ++i) {
        out["weights"].push_back({{"label", input.labels[i]}, {"weight", r.weights[i]}});
    }
    out["lambdaMax"] = r.lambda_max;
    out["ci"] = r.ci;
    out["cr"] = r.cr;
    out["consistent"] = r.consistent;
    out["randomIndexTable"] = input.table_name;
    out["randomIndex"] = selection::random_index(input.labels.size(), input.table);
    std::cout << out.dump(2) << "\n";
}

int run_ahp(const AhpOptions& o) {
    const AhpInput input = parse_input(read_document(o.file));
    const selection::AhpResult result = selection::ahp_weights(input.pairwise, input.table);
    if (o.json) {
        print_json(input, result);
    } else {
        print_table(input, result);
    }
    return 0;
}

}  // namespace

Action add_ahp_command(CLI::App& app) {
    auto options = std::make_shared<AhpOptions>();
    CLI::App* cmd = app.add_subcommand(
        "ahp", "AHP criterion weights and consistency ratio from a pairwise-comparison matrix");
    cmd->add_option("MATRIX.json", options->file,
                    "JSON with \"matrix\" (full reciprocal) or \"upper_triangle_rows\", optional "
                    "\"labels\" and \"ri\" (saaty1980 | alonso_lamata2006)")
        ->required();
    cmd->add_flag(
        "--json", options->json,
        "Print {weights, lambdaMax, ci, cr, consistent, randomIndexTable, randomIndex} as JSON");
    return [cmd, options] { return cmd->parsed() ? run_ahp(*options) : -1; };
}

}  // namespace cargoquote::cli
