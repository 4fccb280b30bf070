// libFuzzer target: the rate importer reading a whole directory. The input is split into files
// by separator lines "@@ NAME" (fuzz_support.hpp); each section whose NAME is one of the data
// set's files (rates/sample) is written under that name into an empty directory (the first of
// a name wins), which is then imported into a fresh in-memory database.
// Refusals (the report's errors, a cargoquote::Error) are answers; see fuzz::import_and_reload
// for the properties checked on what is accepted. Anything else escapes to libFuzzer as a crash.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace fuzz = cargoquote::fuzz;

const std::set<std::string, std::less<>>& file_names() {
    static const std::set<std::string, std::less<>> names = [] {
        std::set<std::string, std::less<>> out;
        for (const auto& entry : fs::directory_iterator(fuzz::source_dir() / "rates" / "sample")) {
            if (entry.path().extension() == ".csv") out.insert(entry.path().filename().string());
        }
        return out;
    }();
    return names;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)file_names();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const fs::path dir = fuzz::scratch_dir() / "directory";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::set<std::string_view> written;
    for (const fuzz::Section& s : fuzz::split_sections(input)) {
        if (!file_names().contains(s.name) || !written.insert(s.name).second) continue;
        fuzz::write_file(dir / s.name, s.content);
    }
    fuzz::import_and_reload(dir);
    return 0;
}
