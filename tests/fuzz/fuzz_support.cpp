#include "fuzz_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <system_error>

#ifndef CARGOQUOTE_FUZZ_SOURCE_DIR
#error "CARGOQUOTE_FUZZ_SOURCE_DIR (the repository root) must be defined by the build"
#endif

namespace cargoquote::fuzz {

namespace fs = std::filesystem;

fs::path source_dir() {
    if (const char* dir = std::getenv("CARGOQUOTE_SOURCE_DIR"); dir != nullptr && *dir != '\0') {
        return dir;
    }
    return CARGOQUOTE_FUZZ_SOURCE_DIR;
}

namespace {
void remove_scratch();

const fs::path& make_scratch() {
    static const fs::path dir = [] {
        fs::path d = fs::temp_directory_path() / ("cargoquote_fuzz_" + std::to_string(::getpid()));
        fs::remove_all(d);
        fs::create_directories(d);
        std::atexit(remove_scratch);
        return d;
    }();
    return dir;
}

void remove_scratch() {
    std::error_code ignored;
    fs::remove_all(make_scratch(), ignored);
}
}  // namespace

const fs::path& scratch_dir() { return make_scratch(); }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) property_failed("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) property_failed("cannot write " + path.string());
}

const RateBook& sample_rate_book() {
    static const std::unique_ptr<const RateBook> book = [] {
        auto store = rates::RateStore::open_for_import(":memory:");
        const rates::ImportReport report =
            store.import_directory(source_dir() / "rates" / "sample");
        if (!report.ok()) property_failed("rates/sample does not import");
        return std::make_unique<const RateBook>(store.load());
    }();
    return *book;
}

void import_and_reload(const fs::path& directory) {
    std::optional<rates::RateStore> store;
    rates::ImportReport report;
    try {
        store.emplace(rates::RateStore::open_for_import(":memory:"));
        report = store->import_directory(directory);
    } catch (const Error&) {
        return;  // refused input is an answer, not a crash
    }
    for (const rates::ImportIssue& issue : report.errors) {
        if (issue.message.rfind("database refused the import", 0) == 0) {
            property_failed("validation accepted rows the database refused: " + issue.message);
        }
    }
    if (!report.written) return;
    try {
        (void)RateBook(store->load());
    } catch (const Error& e) {
        property_failed(std::string("an accepted import does not load again: ") + e.what());
    }
}

std::vector<Section> split_sections(std::string_view input) {
    std::vector<Section> out;
    std::size_t at = input.rfind(kSectionMark, 0) == 0 ? 0 : input.find("\n@@ ");
    if (at != std::string_view::npos && at > 0) ++at;  // past the line break
    while (at != std::string_view::npos) {
        const std::size_t name_begin = at + kSectionMark.size();
        const std::size_t name_end = input.find('\n', name_begin);
        if (name_end == std::string_view::npos) {
            out.push_back({input.substr(name_begin), {}});
            break;
        }
        // The name line's own break may start the next separator: an empty file.
        const std::size_t next = input.find("\n@@ ", name_end);
        const std::size_t begin = std::min(name_end + 1, next);
        std::string_view content = input.substr(
            begin, next == std::string_view::npos ? std::string_view::npos : next - begin);
        if (next == std::string_view::npos && !content.empty() && content.back() == '\n') {
            content.remove_suffix(1);  // the last section's terminator
        }
        out.push_back({input.substr(name_begin, name_end - name_begin), content});
        at = next == std::string_view::npos ? next : next + 1;
    }
    return out;
}

std::string section(std::string_view name, std::string_view content) {
    std::string out(kSectionMark);
    out.append(name).append("\n").append(content).append("\n");
    return out;
}

void property_failed(std::string_view what) {
    std::cerr << "cargoquote fuzz: property failed: " << what << std::endl;
    std::abort();
}

}  // namespace cargoquote::fuzz
