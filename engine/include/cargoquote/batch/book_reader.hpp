#pragma once
// Reading a shipment book: splitting the input into records (a CSV record may span lines inside
// quotes) and a record into its fields by column, or into a RowError naming what is wrong with it.

#include <array>
#include <cargoquote/batch/book_row.hpp>
#include <deque>
#include <istream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cargoquote::batch {

enum class BookFormat { Csv, JsonLines };

// `.jsonl` / `.ndjson` -> JSON Lines, anything else CSV.
[[nodiscard]] BookFormat book_format_for(std::string_view path);

struct RawRecord {
    std::uint64_t line = 0;  // first line of the record
    std::string_view text;   // without the line terminator
    bool too_long = false;   // longer than RecordScanner::kMaxRecordBytes: `text` is empty
};

// Reads records in blocks. `next_chunk` copies up to `max_records` records into `text` (the
// caller's chunk, so the scanner may go on reading while the chunk is processed elsewhere) and
// returns views into it.
//
// A CSV quoted field may span line breaks, within bounds, so that a stray quote cannot swallow
// the rest of a shipment book: the field is closed by the end of a later line, and
//  - a later line that is a whole record on its own (its quotes balanced and, once the width is
//    known, as many fields as the header) ends the open record before it,
//  - past kMaxRecordLines lines or kMaxRecordBytes bytes, or at the end of input, the open
//    record is its first line alone and reading resumes on the line after it.
// The malformed record then fails on its own, and every line lands in exactly one record.
class RecordScanner {
  public:
    static constexpr std::uint64_t kMaxRecordLines = 64;
    static constexpr std::size_t kMaxRecordBytes = std::size_t{1} << 20;

    RecordScanner(std::istream& in, BookFormat format, std::uint64_t first_line = 1);

    // The header's field count, for the whole-record test above (0: unknown).
    void set_record_width(std::size_t fields) { record_width_ = fields; }

    // false at the end of input.
    bool next_chunk(std::size_t max_records, std::string& text, std::vector<RawRecord>& records);
    [[nodiscard]] std::uint64_t bytes_consumed() const { return bytes_consumed_; }

  private:
    bool fill();
    void skip_rest_of_line();
    bool complete_on_its_own(std::string_view line);

    std::istream& in_;
    bool csv_;
    std::size_t record_width_ = 0;
    std::vector<std::string_view> probe_fields_;
    std::deque<std::string> probe_unescaped_;
    std::string buffer_;
    std::size_t start_ = 0;  // first unconsumed byte of buffer_
    std::uint64_t line_;
    std::uint64_t bytes_consumed_ = 0;
    bool eof_ = false;
};

// Where each book column sits in a CSV record, from its header.
class CsvLayout {
  public:
    // Throws InputError(MissingField / InvalidInput) naming `source` when a required column is
    // missing or a column appears twice.
    [[nodiscard]] static CsvLayout from_header(std::string_view header, std::string_view source,
                                               bool requires_carrier);
    [[nodiscard]] std::size_t width() const { return width_; }
    [[nodiscard]] int position(BookColumn c) const {
        return positions_[static_cast<std::size_t>(c)];
    }

  private:
    std::size_t width_ = 0;
    std::array<int, kBookColumnCount> positions_{};  // 0-based; -1 = absent
};

// Splits one RFC 4180 record. Quoted fields with doubled quotes are unescaped into `scratch`
// (whose strings outlive the views). Returns false when a quote is never closed.
bool split_csv_record(std::string_view record, std::vector<std::string_view>& fields,
                      std::deque<std::string>& scratch);

// Per-thread scratch for reading rows (reused across records to avoid allocation).
struct RowScratch {
    std::vector<std::string_view> fields;
    std::deque<std::string> unescaped;
    std::array<std::string, kBookColumnCount> json_values;
};

using RowRead = std::variant<RowFields, RowError>;

// The record's fields, or why it cannot be read: an empty line, invalid UTF-8, a wrong number of
// columns, an unclosed quote (CSV) or not a JSON object of strings and numbers (JSON Lines).
[[nodiscard]] RowRead read_csv_row(const RawRecord& record, const CsvLayout& layout,
                                   RowScratch& scratch);
[[nodiscard]] RowRead read_json_row(const RawRecord& record, RowScratch& scratch);

// The 1-based CSV column of `field` (a column name) in `layout`, 0 when unknown.
[[nodiscard]] int csv_column_of(const CsvLayout& layout, std::string_view field);

[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace cargoquote::batch
