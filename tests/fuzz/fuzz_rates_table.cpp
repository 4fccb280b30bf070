// libFuzzer target: the rate importer reading one CSV file among the sample data set. The input is
// one section (fuzz_support.hpp), "@@ rates.csv" and the file's bytes, written under that name
// in place of the sample's own file next to the other files of rates/sample; the directory is
// then imported into a fresh in-memory database.
// Refusals (the report's errors, a cargoquote::Error) are answers; see fuzz::import_and_reload
// for the properties checked on what is accepted. Anything else escapes to libFuzzer as a crash.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

namespace {

namespace fs = std::filesystem;
namespace fuzz = cargoquote::fuzz;

struct SampleDirectory {
    fs::path dir;
    std::map<std::string, std::string, std::less<>> files;  // name -> the sample's bytes
};

const SampleDirectory& sample_directory() {
    static const SampleDirectory sample = [] {
        SampleDirectory s;
        s.dir = fuzz::scratch_dir() / "table";
        fs::create_directories(s.dir);
        for (const auto& entry : fs::directory_iterator(fuzz::source_dir() / "rates" / "sample")) {
            if (entry.path().extension() != ".csv") continue;
            const std::string name = entry.path().filename().string();
            s.files[name] = fuzz::read_file(entry.path());
            fuzz::write_file(s.dir / name, s.files[name]);
        }
        return s;
    }();
    return sample;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)sample_directory();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto sections = fuzz::split_sections(input);
    if (sections.empty()) return -1;
    const SampleDirectory& sample = sample_directory();
    const auto original = sample.files.find(sections.front().name);
    if (original == sample.files.end()) return -1;  // not a file of the data set: not kept

    const fs::path file = sample.dir / original->first;
    fuzz::write_file(file, sections.front().content);
    fuzz::import_and_reload(sample.dir);
    fuzz::write_file(file, original->second);
    return 0;
}
