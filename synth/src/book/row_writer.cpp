#include "row_writer.hpp"

#include <cargoquote/core/error.hpp>
#include <cstdio>

namespace cargoquote::synth::detail {

namespace {

constexpr std::size_t kFlushBytes = 1U << 18U;

bool needs_quotes(std::string_view value) {
    for (const char c : value) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
    }
    return false;
}

void append_csv_field(std::string& out, std::string_view value) {
    if (!needs_quotes(value)) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_json_string(std::string& out, std::string_view value) {
    out += '"';
    for (char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

}  // namespace

BookWriter::BookWriter(std::ostream& out, bool json_lines) : out_(out), json_lines_(json_lines) {
    buffer_.reserve(kFlushBytes + 4096);
    if (json_lines_) return;
    for (std::size_t i = 0; i < kSynthColumns.size(); ++i) {
        if (i > 0) buffer_ += ',';
        buffer_ += book_column_name(kSynthColumns[i]);
    }
    buffer_ += '\n';
}

void BookWriter::write(const SynthRowFields& fields) {
    if (json_lines_) {
        char separator = '{';
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].empty()) continue;
            buffer_ += separator;
            separator = ',';
            append_json_string(buffer_, book_column_name(kSynthColumns[i]));
            buffer_ += ':';
            append_json_string(buffer_, fields[i]);
        }
        buffer_ += "}\n";
    } else {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) buffer_ += ',';
            append_csv_field(buffer_, fields[i]);
        }
        buffer_ += '\n';
    }
    flush_if_full();
}

void BookWriter::flush_if_full() {
    if (buffer_.size() < kFlushBytes) return;
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
}

void BookWriter::finish() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    out_.flush();
    if (!out_) throw Error(ErrorCode::InvalidInput, "out", "the book could not be written");
}

}  // namespace cargoquote::synth::detail
