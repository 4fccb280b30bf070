// libFuzzer target: reading a shipment book as `cargoquote reprice` / `requote` do (book_reader.hpp
// and book_row.hpp): RecordScanner splits the input into records, CsvLayout::from_header reads the
// CSV header, read_csv_row / read_json_row split each record, and parse_book_row checks its fields
// against the sample rate book. Built twice: CARGOQUOTE_FUZZ_BOOK_JSON_LINES selects JSON Lines,
// else CSV. Each row is parsed in both modes (requote, and reprice: carrier required).
//
// Refusals (a RowError, a cargoquote::Error) are answers; anything else thrown escapes to
// libFuzzer as a crash. Checked besides: every line of the input lands in exactly one record
// (each record starts on the line after the previous one ends, and the last one ends on the last
// line), as the RecordScanner documents.

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/batch/book_reader.hpp>
#include <cargoquote/batch/book_row.hpp>
#include <cargoquote/core/error.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"

namespace {

using namespace cargoquote;
using namespace cargoquote::batch;

#ifdef CARGOQUOTE_FUZZ_BOOK_JSON_LINES
constexpr BookFormat kFormat = BookFormat::JsonLines;
#else
constexpr BookFormat kFormat = BookFormat::Csv;
#endif

// Records per chunk: small, so that chunk boundaries fall inside short inputs too.
constexpr std::size_t kChunkRecords = 3;

// Follows the line numbers of the records: `next` is the line the next record must start on.
class LineAccount {
  public:
    void record(const RawRecord& r) {
        if (next_ && r.line != *next_) {
            fuzz::property_failed(
                fmt::format("a record starts on line {}, expected {}", r.line, *next_));
        }
        // A record past the length limit has no text: its line count is unknown.
        next_ = r.too_long ? std::nullopt
                           : std::optional<std::uint64_t>(r.line +
                                                          static_cast<std::uint64_t>(std::count(
                                                              r.text.begin(), r.text.end(), '\n')) +
                                                          1);
    }
    void finish(std::string_view input) {
        const auto lines =
            static_cast<std::uint64_t>(std::count(input.begin(), input.end(), '\n')) +
            (!input.empty() && input.back() != '\n' ? 1 : 0);
        if (next_ && *next_ != lines + 1) {
            fuzz::property_failed(fmt::format("the records end on line {}, the input has {} lines",
                                              *next_ - 1, lines));
        }
    }

  private:
    std::optional<std::uint64_t> next_ = 1;
};

// Reads the book once; each row that splits is parsed in both modes: requote, and reprice
// (carrier required) when the header allows it.
void read_book(std::string_view input) {
    std::istringstream in{std::string(input)};
    RecordScanner scanner(in, kFormat);
    LineAccount lines;
    std::string text;
    std::vector<RawRecord> records;
    std::optional<CsvLayout> layout;
    bool reprice = true;
    if (kFormat == BookFormat::Csv) {
        if (!scanner.next_chunk(1, text, records)) return;  // empty input: no header
        lines.record(records.front());
        try {
            layout = CsvLayout::from_header(records.front().text, "book.csv", false);
        } catch (const Error&) {
            return;  // refused header: the job stops before any row
        }
        try {
            (void)CsvLayout::from_header(records.front().text, "book.csv", true);
        } catch (const Error&) {
            reprice = false;  // no carrier column: reprice refuses the book
        }
        scanner.set_record_width(layout->width());
    }
    RowScratch scratch;
    while (scanner.next_chunk(kChunkRecords, text, records)) {
        for (const RawRecord& record : records) {
            lines.record(record);
            const RowRead read =
                layout ? read_csv_row(record, *layout, scratch) : read_json_row(record, scratch);
            const auto* fields = std::get_if<RowFields>(&read);
            if (fields == nullptr) continue;  // a RowError: reported, not a crash
            for (const bool requires_carrier : {false, true}) {
                if (requires_carrier && !reprice) break;
                try {
                    (void)parse_book_row(*fields, record.line, fuzz::sample_rate_book(),
                                         requires_carrier);
                } catch (const Error&) {
                    // A bad field: the row goes to the errors file.
                }
            }
        }
    }
    lines.finish(input);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz::sample_rate_book();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    read_book(input);
    return 0;
}
