#pragma once
// Shared by the libFuzzer targets and the seed generator: where the repository is, files in a
// scratch directory, the sample rate book, and the section format that packs several CSV files
// into one fuzz input.

#include <cargoquote/catalog/rate_book.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote::fuzz {

// The repository root: $CARGOQUOTE_SOURCE_DIR, else the source tree this was built from.
[[nodiscard]] std::filesystem::path source_dir();

// A directory of its own for this process under the system temporary directory, created on the
// first call and removed at exit.
[[nodiscard]] const std::filesystem::path& scratch_dir();

[[nodiscard]] std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view bytes);

// rates/sample imported into an in-memory database once per process (the book reader's rows are
// checked against it as `cargoquote reprice` checks them against --db).
[[nodiscard]] const RateBook& sample_rate_book();

// Imports `directory` into a fresh in-memory rate store. The input may be refused (errors in the
// report, or a cargoquote::Error), but what validation accepts the database must take, and what
// was written must load again: either failing is a property failure.
void import_and_reload(const std::filesystem::path& directory);

// Rate-store inputs: one or more files, each introduced by a line "@@ NAME" (the separator) and
// running up to the next such line; the line break before a separator belongs to it, not to the
// file. Bytes before the first separator are ignored.
inline constexpr std::string_view kSectionMark = "@@ ";
struct Section {
    std::string_view name;
    std::string_view content;
};
[[nodiscard]] std::vector<Section> split_sections(std::string_view input);
// The inverse, for seeds.
[[nodiscard]] std::string section(std::string_view name, std::string_view content);

// Prints `what` and aborts: a property the code under test documents does not hold.
[[noreturn]] void property_failed(std::string_view what);

}  // namespace cargoquote::fuzz
