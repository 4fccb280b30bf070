#pragma once
// An output file that appears under its final name only when complete: written to
// "<name>.partial" beside it and renamed on commit (atomic on POSIX), removed otherwise, so an
// interrupted or failed job never leaves a half-written file under the final name. "-" writes
// to stdout directly.

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

namespace cargoquote::cli {

class AtomicOutputFile {
public:
    // Throws InputError(FileUnreadable) naming `option` when the file cannot be created.
    AtomicOutputFile(const std::string& path, const std::string& option);
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    [[nodiscard]] std::ostream& stream();
    // Flushes and renames into place; throws InputError(FileUnreadable) when writing failed.
    void commit();

private:
    std::filesystem::path final_path_;
    std::filesystem::path partial_path_;
    std::string option_;
    std::unique_ptr<char[]> buffer_;
    std::ofstream file_;
    bool to_stdout_ = false;
    bool committed_ = false;
};

}  // namespace cargoquote::cli
