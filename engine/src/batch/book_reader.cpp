#include <cargoquote/batch/book_reader.hpp>

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cargoquote::batch {

namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view without_cr(std::string_view s) {
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    return s;
}

std::size_t count_quotes(const char* begin, const char* end) {
    return static_cast<std::size_t>(std::count(begin, end, '"'));
}

RowError whole_row_error(const RawRecord& record, ErrorCode code, std::string message) {
    return RowError{record.line, 0, "", code, std::move(message)};
}

// Empty or invalid UTF-8 records are errors in either format.
std::optional<RowError> unreadable(const RawRecord& record) {
    if (record.text.find_first_not_of(" \t") == std::string_view::npos) {
        return whole_row_error(record, ErrorCode::EmptyRow, "empty line");
    }
    if (!is_valid_utf8(record.text)) {
        return whole_row_error(record, ErrorCode::InvalidUtf8, "not valid UTF-8");
    }
    return std::nullopt;
}

}  // namespace

BookFormat book_format_for(std::string_view path) {
    return ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ? BookFormat::JsonLines
                                                                   : BookFormat::Csv;
}

bool is_valid_utf8(std::string_view text) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p != end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        std::uint32_t code = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            code = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra) return false;
        for (int k = 1; k <= extra; ++k) {
            if ((p[k] & 0xC0) != 0x80) return false;
            code = (code << 6) | (p[k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        constexpr std::array<std::uint32_t, 4> kSmallest = {0, 0x80, 0x800, 0x10000};
        if (code < kSmallest[static_cast<std::size_t>(extra)] || code > 0x10FFFF ||
            (code >= 0xD800 && code <= 0xDFFF)) {
            return false;
        }
        p += extra + 1;
    }
    return true;
}

RecordScanner::RecordScanner(std::istream& in, BookFormat format, std::uint64_t first_line)
    : in_(in), csv_(format == BookFormat::Csv), line_(first_line) {}

bool RecordScanner::fill() {
    if (eof_) return false;
    if (start_ > 0) {
        buffer_.erase(0, start_);
        start_ = 0;
    }
    const std::size_t old = buffer_.size();
    buffer_.resize(old + kBlockBytes);
    in_.read(buffer_.data() + old, static_cast<std::streamsize>(kBlockBytes));
    const auto got = static_cast<std::size_t>(in_.gcount());
    buffer_.resize(old + got);
    if (got < kBlockBytes) eof_ = true;
    return got > 0;
}

bool RecordScanner::next_chunk(std::size_t max_records, std::string& text,
                               std::vector<RawRecord>& records) {
    text.clear();
    records.clear();
    std::vector<std::pair<std::size_t, std::uint64_t>> ends;  // end offset in `text`, first line
    ends.reserve(max_records);
    std::size_t pos = start_;  // scan position; the current record starts at start_
    std::size_t quotes = 0;
    std::uint64_t record_line = line_;
    const auto take = [&](std::size_t end, std::size_t next) {
        const std::size_t length = end - start_;
        text.append(buffer_, start_, length);
        ends.emplace_back(text.size(), record_line);
        bytes_consumed_ += next - start_;
        start_ = next;
        record_line = line_;
        quotes = 0;
    };
    while (ends.size() < max_records) {
        const char* base = buffer_.data();
        const void* hit = pos < buffer_.size() ? std::memchr(base + pos, '\n', buffer_.size() - pos)
                                               : nullptr;
        if (hit == nullptr) {
            const std::size_t scanned = pos - start_;
            if (!fill()) {
                if (start_ < buffer_.size()) {  // a last line without a terminator
                    ++line_;
                    take(buffer_.size(), buffer_.size());
                }
                break;
            }
            pos = start_ + scanned;  // fill() moved the unconsumed bytes to the front
            continue;
        }
        const auto nl = static_cast<std::size_t>(static_cast<const char*>(hit) - base);
        if (csv_) quotes += count_quotes(base + pos, base + nl);
        pos = nl + 1;
        ++line_;
        if (csv_ && quotes % 2 == 1) continue;  // a quoted field spans the line break
        take(nl, pos);
    }
    std::size_t begin = 0;
    for (const auto& [end, line] : ends) {
        records.push_back(RawRecord{line, without_cr(std::string_view(text).substr(begin, end - begin))});
        begin = end;
    }
    return !records.empty();
}

CsvLayout CsvLayout::from_header(std::string_view header, std::string_view source,
                                 bool requires_carrier) {
    if (header.size() >= 3 && header.substr(0, 3) == "\xEF\xBB\xBF") header.remove_prefix(3);  // BOM
    std::vector<std::string_view> names;
    std::deque<std::string> scratch;
    if (!split_csv_record(without_cr(header), names, scratch)) {
        throw InputError(ErrorCode::MalformedRow, fmt::format("{}:1", source), "unclosed quote in the header");
    }
    CsvLayout layout;
    layout.width_ = names.size();
    layout.positions_.fill(-1);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto column = book_column_named(names[i]);
        if (!column) continue;  // unknown columns are ignored
        int& at = layout.positions_[static_cast<std::size_t>(*column)];
        if (at >= 0) {
            throw InputError(ErrorCode::InvalidInput, fmt::format("{}:1:{}", source, i + 1),
                             fmt::format("column '{}' appears twice", names[i]));
        }
        at = static_cast<int>(i);
    }
    std::vector<BookColumn> required = {BookColumn::ShipmentId, BookColumn::Origin,
                                        BookColumn::Destination, BookColumn::Pieces, BookColumn::Ready};
    if (requires_carrier) required.push_back(BookColumn::Carrier);
    for (const BookColumn c : required) {
        if (layout.position(c) < 0 && !(c == BookColumn::Carrier && layout.position(BookColumn::Routing) >= 0)) {
            throw InputError(ErrorCode::MissingField, fmt::format("{}:1", source),
                             fmt::format("the header has no '{}' column", book_column_name(c)));
        }
    }
    return layout;
}

bool split_csv_record(std::string_view record, std::vector<std::string_view>& fields,
                      std::deque<std::string>& scratch) {
    fields.clear();
    std::size_t i = 0;
    while (true) {
        if (i < record.size() && record[i] == '"') {
            // Quoted: up to the closing quote; doubled quotes stand for one.
            std::size_t j = i + 1;
            bool escaped = false;
            while (true) {
                const std::size_t q = record.find('"', j);
                if (q == std::string_view::npos) return false;
                if (q + 1 < record.size() && record[q + 1] == '"') {
                    escaped = true;
                    j = q + 2;
                    continue;
                }
                std::string_view inner = record.substr(i + 1, q - i - 1);
                if (escaped) {
                    std::string& s = scratch.emplace_back();
                    s.reserve(inner.size());
                    for (std::size_t k = 0; k < inner.size(); ++k) {
                        s += inner[k];
                        if (inner[k] == '"') ++k;
                    }
                    inner = s;
                }
                fields.push_back(inner);
                i = q + 1;
                break;
            }
            if (i == record.size()) return true;
            if (record[i] != ',') return false;  // text after a closing quote
            ++i;
            continue;
        }
        const std::size_t comma = record.find(',', i);
        fields.push_back(record.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
        if (comma == std::string_view::npos) return true;
        i = comma + 1;
    }
}

int csv_column_of(const CsvLayout& layout, std::string_view field) {
    const auto column = book_column_named(field);
    return column && layout.position(*column) >= 0 ? layout.position(*column) + 1 : 0;
}

RowRead read_csv_row(const RawRecord& record, const CsvLayout& layout, RowScratch& scratch) {
    if (auto error = unreadable(record)) return *std::move(error);
    scratch.unescaped.clear();
    if (!split_csv_record(record.text, scratch.fields, scratch.unescaped)) {
        return whole_row_error(record, ErrorCode::MalformedRow, "a quoted field is not closed properly");
    }
    if (scratch.fields.size() != layout.width()) {
        return whole_row_error(record, ErrorCode::MalformedRow,
                               fmt::format("{} columns, the header has {}", scratch.fields.size(),
                                           layout.width()));
    }
    RowFields out;
    for (std::size_t c = 0; c < kBookColumnCount; ++c) {
        const int at = layout.position(static_cast<BookColumn>(c));
        if (at >= 0) out.values[c] = scratch.fields[static_cast<std::size_t>(at)];
    }
    return out;
}

RowRead read_json_row(const RawRecord& record, RowScratch& scratch) {
    if (auto error = unreadable(record)) return *std::move(error);
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(record.text);
    } catch (const nlohmann::json::exception& e) {
        return whole_row_error(record, ErrorCode::InvalidJson, fmt::format("not JSON: {}", e.what()));
    }
    if (!document.is_object()) {
        return whole_row_error(record, ErrorCode::MalformedRow, "not a JSON object");
    }
    RowFields out;
    for (std::size_t c = 0; c < kBookColumnCount; ++c) {
        std::string& value = scratch.json_values[c];
        value.clear();
        const auto it = document.find(std::string(book_column_name(static_cast<BookColumn>(c))));
        if (it == document.end() || it->is_null()) continue;
        if (it->is_string()) {
            value = it->get<std::string>();
        } else if (it->is_number()) {
            value = it->dump();
        } else {
            return RowError{record.line, 0, fmt::format("/{}", it.key()), ErrorCode::InvalidInput,
                            "expected a string or a number"};
        }
        out.values[c] = value;
    }
    return out;
}

}  // namespace cargoquote::batch
