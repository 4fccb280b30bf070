#pragma once
// One rate-store CSV file built in memory (header first, RFC 4180 quoting where a field needs
// it) and saved under its name, counting its data rows.

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

namespace cargoquote::synth::detail {

class CsvWriter {
  public:
    CsvWriter(std::string name, std::initializer_list<std::string_view> header);
    // One data row; std::logic_error when the number of fields is not the header's.
    void row(std::initializer_list<std::string_view> fields);
    // Writes the file into `directory` and records its row count under its name;
    // InputError(FileUnreadable) naming the path when it cannot be written.
    void save(const std::filesystem::path& directory,
              std::map<std::string, std::size_t>& rows_by_file) const;

  private:
    std::string name_;
    std::string content_;
    std::size_t columns_ = 0;
    std::size_t rows_ = 0;
};

}  // namespace cargoquote::synth::detail
