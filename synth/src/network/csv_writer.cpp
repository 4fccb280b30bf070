#include "csv_writer.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <fstream>
#include <stdexcept>

namespace cargoquote::synth::detail {

namespace {

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace

CsvWriter::CsvWriter(std::string name, std::initializer_list<std::string_view> header)
    : name_(std::move(name)) {
    std::string line;
    for (auto h : header) {
        if (!line.empty()) line += ',';
        line += h;
    }
    content_ = line + "\n";
    columns_ = header.size();
}

void CsvWriter::row(std::initializer_list<std::string_view> fields) {
    if (fields.size() != columns_) {
        throw std::logic_error(
            fmt::format("{}: {} fields for {} columns", name_, fields.size(), columns_));
    }
    bool first = true;
    for (auto f : fields) {
        if (!first) content_ += ',';
        content_ += csv_field(f);
        first = false;
    }
    content_ += '\n';
    ++rows_;
}

void CsvWriter::save(const std::filesystem::path& directory,
                     std::map<std::string, std::size_t>& rows_by_file) const {
    const std::filesystem::path path = directory / name_;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content_;
    out.close();
    if (!out) {
        throw InputError(ErrorCode::FileUnreadable, path.string(), "cannot write the CSV file");
    }
    rows_by_file[name_] = rows_;
}

}  // namespace cargoquote::synth::detail
