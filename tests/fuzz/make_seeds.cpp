// Writes the generated part of the fuzz targets' seed corpora, from the project's test data:
//   rates_table/      one section per CSV file of rates/sample and of every tests/data/import case
//   rates_directory/  one input per directory (rates/sample, each import case), its files joined
//   book_csv/, book_jsonl/   small synthetic books drawn from the sample rate book (synth/)
//   json_request/     the request of every golden quote result (tests/data/golden/*.json)
//   ahp_input/        the AHP cases of tests/data/reference/mcdm_cases.json
// Usage: cargoquote_fuzz_seeds OUTPUT_DIR. Each target's directory is emptied first.

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/synth/shipment_book.hpp>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace cargoquote;
using nlohmann::json;

fs::path fresh(const fs::path& out, const std::string& target) {
    const fs::path dir = out / target;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<fs::path> sorted_entries(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// The rate-store directories: the sample data set and every import case.
std::vector<std::pair<std::string, fs::path>> rate_directories() {
    std::vector<std::pair<std::string, fs::path>> out = {
        {"sample", fuzz::source_dir() / "rates" / "sample"}};
    for (const fs::path& d : sorted_entries(fuzz::source_dir() / "tests" / "data" / "import")) {
        if (fs::is_directory(d)) out.emplace_back(d.filename().string(), d);
    }
    return out;
}

void rate_seeds(const fs::path& out) {
    const fs::path table = fresh(out, "rates_table");
    const fs::path directory = fresh(out, "rates_directory");
    for (const auto& [label, dir] : rate_directories()) {
        std::string joined;
        for (const fs::path& file : sorted_entries(dir)) {
            if (file.extension() != ".csv") continue;
            const std::string name = file.filename().string();
            const std::string one = fuzz::section(name, fuzz::read_file(file));
            fuzz::write_file(table / (label + "__" + name), one);
            joined += one;
        }
        fuzz::write_file(directory / label, joined);
    }
}

void book_seeds(const fs::path& out) {
    const fs::path csv = fresh(out, "book_csv");
    const fs::path jsonl = fresh(out, "book_jsonl");
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        for (const bool json_lines : {false, true}) {
            synth::ShipmentBookOptions o;
            o.rows = 4 + 4 * seed;
            o.seed = seed;
            o.previous = seed % 2 == 0;
            o.general_only = seed == 3;
            o.json_lines = json_lines;
            std::ostringstream book;
            (void)synth::synthesize_shipment_book(fuzz::sample_rate_book(), o, book);
            const std::string name = "synth_" + std::to_string(seed);
            fuzz::write_file(json_lines ? jsonl / (name + ".jsonl") : csv / (name + ".csv"),
                             book.str());
        }
    }
}

void request_seeds(const fs::path& out) {
    const fs::path dir = fresh(out, "json_request");
    for (const fs::path& file : sorted_entries(fuzz::source_dir() / "tests" / "data" / "golden")) {
        if (file.extension() != ".json") continue;
        const json result = json::parse(fuzz::read_file(file));
        if (!result.contains("request")) continue;
        fuzz::write_file(dir / file.filename(), result.at("request").dump(2));
    }
}

void ahp_seeds(const fs::path& out) {
    const fs::path dir = fresh(out, "ahp_input");
    const json cases = json::parse(
        fuzz::read_file(fuzz::source_dir() / "tests" / "data" / "reference" / "mcdm_cases.json"));
    for (const json& c : cases.at("ahp")) {
        json doc = json::object();
        for (const char* member : {"matrix", "upper_triangle_rows", "labels"}) {
            if (c.contains(member)) doc[member] = c.at(member);
        }
        doc["ri"] = "saaty1980";
        fuzz::write_file(dir / (c.at("id").get<std::string>() + ".json"), doc.dump());
        doc["ri"] = "alonso_lamata2006";
        doc.erase("labels");
        fuzz::write_file(dir / (c.at("id").get<std::string>() + "_alonso.json"), doc.dump());
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: cargoquote_fuzz_seeds OUTPUT_DIR\n";
        return 2;
    }
    try {
        const fs::path out = argv[1];
        rate_seeds(out);
        book_seeds(out);
        request_seeds(out);
        ahp_seeds(out);
    } catch (const std::exception& e) {
        std::cerr << "cargoquote_fuzz_seeds: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
