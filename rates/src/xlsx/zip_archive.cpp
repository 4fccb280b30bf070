#include "xlsx/zip_archive.hpp"

#include <fmt/format.h>

#include <array>
#include <cargoquote/core/error.hpp>
#include <memory>

namespace cargoquote::rates::xlsx {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path, const WorkbookLimits& limits)
    : file_name_(path.filename().string()), limits_(limits) {
    int error = 0;
    zip_ = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (zip_ == nullptr) {
        zip_error_t details;
        zip_error_init_with_code(&details, error);
        const std::string reason = zip_error_strerror(&details);
        zip_error_fini(&details);
        throw InputError(
            ErrorCode::WorkbookUnreadable, path.string(),
            fmt::format("'{}' is not a readable .xlsx workbook (zip: {})", path.string(), reason));
    }
}

ZipArchive::~ZipArchive() {
    if (zip_ != nullptr) zip_discard(zip_);
}

bool ZipArchive::contains(std::string_view entry) const {
    return zip_name_locate(zip_, std::string(entry).c_str(), 0) >= 0;
}

void ZipArchive::fail(std::string_view entry, const std::string& message) const {
    throw InputError(ErrorCode::WorkbookUnreadable, fmt::format("{}:{}", file_name_, entry),
                     message);
}

void ZipArchive::read(std::string_view entry,
                      const std::function<void(std::string_view chunk)>& consume) const {
    const std::string name(entry);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(zip_, name.c_str(), 0, &stat) != 0) fail(entry, "part is missing");
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > limits_.max_entry_bytes) {
        fail(entry, fmt::format("part declares {} bytes uncompressed, more than the limit of {}",
                                stat.size, limits_.max_entry_bytes));
    }
    const std::uint64_t compressed =
        (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? std::max<std::uint64_t>(stat.comp_size, 1) : 1;
    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen(zip_, name.c_str(), 0));
    if (!file) fail(entry, fmt::format("cannot be opened: {}", zip_strerror(zip_)));
    std::array<char, kChunkBytes> buffer{};
    std::uint64_t entry_read = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
        if (n < 0) {
            fail(entry, fmt::format("is damaged: {}", zip_file_strerror(file.get())));
        }
        if (n == 0) break;
        entry_read += static_cast<std::uint64_t>(n);
        total_read_ += static_cast<std::uint64_t>(n);
        if (entry_read > limits_.max_entry_bytes) {
            fail(entry, fmt::format("inflates past the limit of {} bytes per part",
                                    limits_.max_entry_bytes));
        }
        if (total_read_ > limits_.max_total_bytes) {
            fail(entry, fmt::format("the workbook inflates past the limit of {} bytes",
                                    limits_.max_total_bytes));
        }
        // Small parts compress well legitimately; the ratio only matters once they are big.
        if (entry_read > kChunkBytes * 16 &&
            entry_read / compressed > limits_.max_compression_ratio) {
            fail(entry, fmt::format("compression ratio above {}:1 (a zip bomb?)",
                                    limits_.max_compression_ratio));
        }
        consume(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
}

}  // namespace cargoquote::rates::xlsx
