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
    // A ".partial" file left by an earlier run that was killed, removed when this one started.
    [[nodiscard]] bool removed_stale_partial() const { return removed_stale_partial_; }
    [[nodiscard]] const std::filesystem::path& partial_path() const { return partial_path_; }

    // Commits both files or neither: both are flushed and checked before either is renamed, and
    // when the second rename fails the first file is taken back out of place.
    static void commit_both(AtomicOutputFile& first, AtomicOutputFile& second);

    // Refuses, before any work, a destination that is a directory (InputError FileUnreadable
    // naming `option`) or two destinations (or a destination and `input`) that are one file
    // (InputError Usage).
    static void check_destinations(const std::string& input, const std::string& first,
                                   const std::string& first_option, const std::string& second,
                                   const std::string& second_option);

  private:
    std::filesystem::path final_path_;
    std::filesystem::path partial_path_;
    std::string option_;
    std::unique_ptr<char[]> buffer_;
    std::ofstream file_;
    bool to_stdout_ = false;
    bool committed_ = false;
    bool removed_stale_partial_ = false;

    void finish_writing();
    void rename_into_place();
};

}  // namespace cargoquote::cli
