#pragma once
// The workbook's zip container (libzip), read entry by entry in chunks under WorkbookLimits: an
// entry's declared sizes are checked before reading and the bytes actually inflated are counted
// while reading, so a zip bomb is stopped whatever its headers claim.

#include <zip.h>

#include <cargoquote/rates/workbook.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace cargoquote::rates::xlsx {

class ZipArchive {
  public:
    ZipArchive(const std::filesystem::path& path, const WorkbookLimits& limits);
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;
    ~ZipArchive();

    [[nodiscard]] bool contains(std::string_view entry) const;
    // Streams `entry` to `consume` in chunks; throws InputError(WorkbookUnreadable) when it is
    // missing, damaged or past a limit.
    void read(std::string_view entry,
              const std::function<void(std::string_view chunk)>& consume) const;
    [[nodiscard]] const std::string& file_name() const { return file_name_; }

  private:
    [[noreturn]] void fail(std::string_view entry, const std::string& message) const;
    zip_t* zip_ = nullptr;
    std::string file_name_;
    WorkbookLimits limits_;
    mutable std::uint64_t total_read_ = 0;
};

}  // namespace cargoquote::rates::xlsx
