// `cargoquote ahp MATRIX.json`: AHP criterion weights and Saaty's consistency check for one
// pairwise-comparison matrix (engine: selection/ahp.hpp; the document: io/ahp_json.hpp).
//
// Errors: an unreadable file exits 34 (file_unreadable), malformed JSON 17 (invalid_json), a bad
// matrix or an unknown member 10 (invalid_input) naming the JSON Pointer of the offending value,
// e.g. /matrix/2/1; a number past the range of a double 20 (invalid_number); no matrix at all
// exits 19 (missing_field).
#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/io/ahp_json.hpp>
#include <cargoquote/selection/ahp.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "commands.hpp"

namespace cargoquote::cli {

namespace {

struct AhpOptions {
    std::string file;
    bool json = false;
};

AhpInput read_input(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    if (in) text << in.rdbuf();
    if (!in || !std::filesystem::is_regular_file(path)) {
        throw InputError(ErrorCode::FileUnreadable, path, "cannot read the file");
    }
    try {
        return parse_ahp_input(text.str());
    } catch (const InputError& e) {
        if (e.code() != ErrorCode::InvalidJson) throw;
        throw InputError(ErrorCode::InvalidJson, path, e.detail());  // the file, not "byte N"
    }
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
    const AhpInput input = read_input(o.file);
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
