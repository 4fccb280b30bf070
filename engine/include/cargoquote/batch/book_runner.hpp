#pragma once
// Runs a shipment book through a BookPricer on every core.
//
// run_book streams: a reader stage splits the input into chunks of records, a parallel stage
// reads, prices and formats each chunk, and a writer stage writes the chunks in input order. A
// bounded number of chunks is in flight, so memory stays flat however long the input. Every row
// lands in exactly one of the two outputs: `output` (priced or rejected) or `errors`.
//
// price_rows is the in-memory form for callers that already hold the rows (Python DataFrames).

#include <atomic>
#include <cargoquote/batch/book_pricer.hpp>
#include <cargoquote/batch/book_reader.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace cargoquote::batch {

struct BatchProgress {
    std::uint64_t rows = 0;   // input rows done so far
    std::uint64_t bytes = 0;  // input bytes done so far
};

struct BatchOptions {
    int threads = 0;  // 0: every core
    std::size_t chunk_rows = 2048;
    // Called by the writer stage after each chunk, in input order.
    std::function<void(const BatchProgress&)> progress;
    const std::atomic<bool>* cancel = nullptr;  // set it to stop after the chunks in flight
};

struct BatchSummary {
    std::uint64_t rows_read = 0;      // input rows (CSV: lines after the header)
    std::uint64_t rows_priced = 0;    // rows with a priced option
    std::uint64_t rows_rejected = 0;  // rows written as rejected, with a reason
    std::uint64_t rows_failed = 0;    // rows written to the errors file
    std::uint64_t output_lines = 0;   // data lines written to the output (top_k per row at most)
    std::map<std::string, std::uint64_t> rejections_by_reason;
    std::map<std::string, std::uint64_t> errors_by_code;
    // Requote with search reuse: itinerary searches answered from a worker's cache / searched.
    std::uint64_t searches_reused = 0;
    std::uint64_t searches_run = 0;
    bool cancelled = false;

    void add(const BatchSummary& other);
};

// `source` names the input in header errors ("book.csv"). Throws InputError when the CSV header
// lacks a required column; row problems never throw.
BatchSummary run_book(std::istream& input, std::string_view source, BookFormat format,
                      const BookPricer& pricer, std::ostream& output, std::ostream& errors,
                      const BatchOptions& options);

struct PricedRows {
    std::vector<RowOutcome> outcomes;  // in row order; `line` is the row's position (0-based)
    std::vector<RowError> errors;      // `line` is the row's position; `field` the column name
    BatchSummary summary;
};

// Prices rows held in memory with `threads` threads (0: every core); `done` (optional) counts
// rows as they finish, for progress reporting from another thread.
[[nodiscard]] PricedRows price_rows(const BookPricer& pricer, std::span<const RowFields> rows,
                                    int threads, std::atomic<std::uint64_t>* done = nullptr);

}  // namespace cargoquote::batch
