#include "atomic_output.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <iostream>
#include <system_error>

namespace cargoquote::cli {

namespace {
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
}

AtomicOutputFile::AtomicOutputFile(const std::string& path, const std::string& option)
    : final_path_(path), option_(option), to_stdout_(path == "-") {
    if (to_stdout_) return;
    partial_path_ = final_path_;
    partial_path_ += ".partial";
    buffer_ = std::make_unique<char[]>(kBufferBytes);
    std::error_code ignored;
    removed_stale_partial_ = std::filesystem::remove(partial_path_, ignored);
    file_.rdbuf()->pubsetbuf(buffer_.get(), static_cast<std::streamsize>(kBufferBytes));
    file_.open(partial_path_, std::ios::binary | std::ios::trunc);
    if (!file_) {
        throw InputError(ErrorCode::FileUnreadable, option_,
                         fmt::format("cannot create '{}'", partial_path_.string()));
    }
}

AtomicOutputFile::~AtomicOutputFile() {
    if (to_stdout_ || committed_) return;
    file_.close();
    std::error_code ignored;
    std::filesystem::remove(partial_path_, ignored);
}

std::ostream& AtomicOutputFile::stream() { return to_stdout_ ? std::cout : file_; }

void AtomicOutputFile::commit() {
    finish_writing();
    rename_into_place();
}

void AtomicOutputFile::commit_both(AtomicOutputFile& first, AtomicOutputFile& second) {
    first.finish_writing();
    second.finish_writing();
    first.rename_into_place();
    try {
        second.rename_into_place();
    } catch (const InputError&) {
        if (!first.to_stdout_) {
            std::error_code ignored;
            std::filesystem::remove(first.final_path_, ignored);
        }
        throw;
    }
}

void AtomicOutputFile::check_destinations(const std::string& input, const std::string& first,
                                          const std::string& first_option,
                                          const std::string& second,
                                          const std::string& second_option) {
    namespace fs = std::filesystem;
    const auto where = [](const std::string& path) {
        std::error_code ignored;
        return fs::weakly_canonical(fs::absolute(path), ignored);
    };
    for (const auto& [path, option] :
         {std::pair{first, first_option}, std::pair{second, second_option}}) {
        if (path == "-") continue;
        std::error_code ignored;
        if (fs::is_directory(path, ignored)) {
            throw InputError(ErrorCode::FileUnreadable, option,
                             fmt::format("'{}' is a directory, not a file", path));
        }
        if (input != "-" && where(path) == where(input)) {
            throw InputError(
                ErrorCode::Usage, option,
                fmt::format("'{}' is the input shipment book: write the output elsewhere", path));
        }
    }
    if (first != "-" && where(first) == where(second)) {
        throw InputError(ErrorCode::Usage, second_option,
                         fmt::format("'{}' is also the {} file: give two different files", second,
                                     first_option));
    }
}

void AtomicOutputFile::finish_writing() {
    if (to_stdout_) {
        std::cout.flush();
        return;
    }
    file_.close();
    if (!file_) {
        throw InputError(ErrorCode::FileUnreadable, option_,
                         fmt::format("writing '{}' failed", partial_path_.string()));
    }
}

void AtomicOutputFile::rename_into_place() {
    if (to_stdout_) {
        committed_ = true;
        return;
    }
    std::error_code error;
    std::filesystem::rename(partial_path_, final_path_, error);
    if (error) {
        throw InputError(ErrorCode::FileUnreadable, option_,
                         fmt::format("cannot rename '{}' to '{}': {}", partial_path_.string(),
                                     final_path_.string(), error.message()));
    }
    committed_ = true;
}

}  // namespace cargoquote::cli
