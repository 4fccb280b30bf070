#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/batch/book_reader.hpp>
#include <cargoquote/io/json_parse.hpp>
#include <cstring>
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
    return RowError{record.line, {}, 0, "", code, std::move(message)};
}

// Empty or invalid UTF-8 records are errors in either format.
std::optional<RowError> unreadable(const RawRecord& record) {
    if (record.too_long) {
        return whole_row_error(
            record, ErrorCode::MalformedRow,
            fmt::format("the record is longer than {} bytes", RecordScanner::kMaxRecordBytes));
    }
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
        // ASCII (nearly every byte of a shipment book) eight bytes at a time.
        std::uint64_t word = 0;
        while (end - p >= 8 && (std::memcpy(&word, p, 8), (word & 0x8080808080808080ULL) == 0)) {
            p += 8;
        }
        if (p == end) break;
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

bool RecordScanner::complete_on_its_own(std::string_view line) {
    if (record_width_ == 0) return false;
    line = without_cr(line);
    if (count_quotes(line.data(), line.data() + line.size()) % 2 == 1) return false;
    probe_unescaped_.clear();
    return split_csv_record(line, probe_fields_, probe_unescaped_) &&
           probe_fields_.size() == record_width_;
}

void RecordScanner::skip_rest_of_line() {
    while (true) {
        const void* hit = std::memchr(buffer_.data() + start_, '\n', buffer_.size() - start_);
        if (hit != nullptr) {
            const auto next =
                static_cast<std::size_t>(static_cast<const char*>(hit) - buffer_.data()) + 1;
            bytes_consumed_ += next - start_;
            start_ = next;
            return;
        }
        bytes_consumed_ += buffer_.size() - start_;
        start_ = buffer_.size();
        if (!fill()) return;
    }
}

bool RecordScanner::next_chunk(std::size_t max_records, std::string& text,
                               std::vector<RawRecord>& records) {
    text.clear();
    records.clear();
    struct End {
        std::size_t offset;  // in `text`
        std::uint64_t line;  // the record's first line
        bool too_long;
    };
    std::vector<End> ends;
    ends.reserve(max_records + 1);
    // Offsets are relative to start_ (the current record's first byte), which fill() may move.
    std::size_t scan = 0;         // where the search for the next line end resumes
    std::size_t quotes = 0;       // quotes seen in the record so far
    std::size_t first_break = 0;  // end of the record's first line, once it has more than one
    std::size_t line_start = 0;   // start of the record's line being read
    std::uint64_t record_line = line_;
    const auto take = [&](std::size_t length, std::size_t consumed) {
        text.append(buffer_, start_, length);
        ends.push_back(End{text.size(), record_line, false});
        bytes_consumed_ += consumed;
        start_ += consumed;
        record_line = line_;
        scan = quotes = first_break = line_start = 0;
    };
    // A quoted field left open past the bounds: the record's first line alone is the (malformed)
    // record, and scanning resumes on the line after it, so an open quote swallows nothing.
    const auto take_first_line = [&] {
        line_ = record_line + 1;
        take(first_break, first_break + 1);
    };
    while (ends.size() < max_records) {
        const char* base = buffer_.data() + start_;
        const std::size_t available = buffer_.size() - start_;
        const void* hit =
            scan < available ? std::memchr(base + scan, '\n', available - scan) : nullptr;
        if (hit == nullptr) {
            if (available <= kMaxRecordBytes && fill()) continue;  // relative offsets still hold
            if (available > kMaxRecordBytes) {
                if (first_break > 0) {
                    take_first_line();
                    continue;
                }
                skip_rest_of_line();  // one line past the limit: skipped and reported
                ++line_;
                ends.push_back(End{text.size(), record_line, true});
                record_line = line_;
                scan = quotes = first_break = line_start = 0;
                continue;
            }
            if (available == 0) break;                   // the end of input
            const char* rest = buffer_.data() + start_;  // fill() may have moved the bytes
            const bool open =
                csv_ && (quotes + count_quotes(rest + scan, rest + available)) % 2 == 1;
            if (open && first_break > 0) {
                take_first_line();
                continue;
            }
            ++line_;  // a last line without a terminator
            take(available, available);
            break;
        }
        const auto nl = static_cast<std::size_t>(static_cast<const char*>(hit) - base);
        const bool open_before = quotes % 2 == 1;
        if (csv_) quotes += count_quotes(base + scan, base + nl);
        ++line_;
        if (quotes % 2 == 0) {
            take(nl, nl + 1);
            continue;
        }
        if (!open_before) {  // the record's first line opens a field that spans the line break
            first_break = nl;
        } else if (complete_on_its_own(std::string_view(base + line_start, nl - line_start))) {
            // A line that is a whole record on its own ends the open field before it: the open
            // record is reported as malformed and this line is read as the next record.
            const std::uint64_t next_line = line_;
            const std::size_t at = line_start;  // take() resets it
            line_ = next_line - 1;
            take(at - 1, at);
            line_ = next_line;
            take(nl - at, nl - at + 1);  // the offsets moved with start_
            continue;
        } else if (line_ - record_line >= kMaxRecordLines || nl > kMaxRecordBytes) {
            take_first_line();
            continue;
        }
        line_start = nl + 1;
        scan = nl + 1;
    }
    std::size_t begin = 0;
    for (const End& end : ends) {
        records.push_back(RawRecord{
            end.line, without_cr(std::string_view(text).substr(begin, end.offset - begin)),
            end.too_long});
        begin = end.offset;
    }
    return !records.empty();
}

CsvLayout CsvLayout::from_header(std::string_view header, std::string_view source,
                                 bool requires_carrier) {
    if (header.size() >= 3 && header.substr(0, 3) == "\xEF\xBB\xBF")
        header.remove_prefix(3);  // BOM
    std::vector<std::string_view> names;
    std::deque<std::string> scratch;
    if (!split_csv_record(without_cr(header), names, scratch)) {
        throw InputError(ErrorCode::MalformedRow, fmt::format("{}:1", source),
                         "unclosed quote in the header");
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
                                        BookColumn::Destination, BookColumn::Pieces,
                                        BookColumn::Ready};
    if (requires_carrier) required.push_back(BookColumn::Carrier);
    for (const BookColumn c : required) {
        if (layout.position(c) < 0 &&
            !(c == BookColumn::Carrier && layout.position(BookColumn::Routing) >= 0)) {
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
        fields.push_back(
            record.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
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
        return whole_row_error(record, ErrorCode::MalformedRow,
                               "a quoted field is not closed properly (a stray quote?)");
    }
    if (scratch.fields.size() != layout.width()) {
        return whole_row_error(
            record, ErrorCode::MalformedRow,
            fmt::format("{} columns, the header has {}", scratch.fields.size(), layout.width()));
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
        document = parse_json_strictly(record.text, "row");
    } catch (const InputError& e) {
        return RowError{record.line,
                        {},
                        0,
                        e.code() == ErrorCode::InvalidJson ? "" : e.field(),
                        e.code(),
                        e.code() == ErrorCode::InvalidJson ? fmt::format("not JSON ({})", e.field())
                                                           : e.detail()};
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
            return RowError{record.line,
                            {},
                            0,
                            fmt::format("/{}", it.key()),
                            ErrorCode::InvalidInput,
                            "expected a string or a number"};
        }
        out.values[c] = value;
    }
    return out;
}

}  // namespace cargoquote::batch
