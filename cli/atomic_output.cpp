#include "atomic_output.hpp"

#include <cargoquote/core/error.hpp>

#include <fmt/format.h>
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
    if (to_stdout_) {
        std::cout.flush();
        committed_ = true;
        return;
    }
    file_.close();
    if (!file_) {
        throw InputError(ErrorCode::FileUnreadable, option_,
                         fmt::format("writing '{}' failed", partial_path_.string()));
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
