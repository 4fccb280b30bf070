#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <cargoquote/batch/book_output.hpp>
#include <cargoquote/batch/book_runner.hpp>
#include <cargoquote/network/search_cache.hpp>
#include <cargoquote/pricing/pricing_plan.hpp>
#include <memory>

namespace cargoquote::batch {

namespace {

using FieldLocator = std::function<RowError(const InputError&, std::uint64_t line)>;

// Each worker thread's pricing plans (pricing_plan.hpp), kept for the whole run: a plan is
// built by the first row of its lane, date, customer and commodity on that thread.
using ThreadPlans = tbb::enumerable_thread_specific<PricingPlanCache>;

// Parses and prices one row that could be read, recording the outcome or the error.
void price_row(const BookPricer& pricer, const RowFields& fields, std::uint64_t line,
               const FieldLocator& locate, PricingPlanCache& plans, SearchCache* searches,
               std::vector<RowOutcome>& outcomes, std::vector<RowError>& errors) {
    const std::size_t before = outcomes.size();
    try {
        const BookRow row = parse_book_row(fields, line, pricer.book(),
                                           pricer.settings().mode == BatchMode::Reprice);
        pricer.price(row, outcomes, &plans, searches);
    } catch (const InputError& e) {
        outcomes.resize(before);
        errors.push_back(locate(e, line));
        errors.back().shipment_id = fields[BookColumn::ShipmentId];
    }
}

void count(BatchSummary& summary, std::span<const RowOutcome> outcomes) {
    for (const RowOutcome& o : outcomes) {
        ++summary.output_lines;
        if (o.rank != 1) continue;  // one row, counted once
        if (o.priced()) {
            ++summary.rows_priced;
        } else {
            ++summary.rows_rejected;
            ++summary.rejections_by_reason[std::string(rejection_reason_name(*o.reason_code))];
        }
    }
}

void count(BatchSummary& summary, std::span<const RowError> errors) {
    summary.rows_failed += errors.size();
    for (const RowError& e : errors) ++summary.errors_by_code[std::string(error_code_name(e.code))];
}

// Every row read is priced, rejected or an error: a job that cannot show it fails rather than
// report success over a shipment book it did not fully account for.
void require_every_row_accounted(const BatchSummary& s) {
    if (s.rows_priced + s.rows_rejected + s.rows_failed != s.rows_read) {
        throw Error(ErrorCode::Internal, {},
                    fmt::format("row accounting failed: {} rows read, {} priced + {} rejected + {} "
                                "errors",
                                s.rows_read, s.rows_priced, s.rows_rejected, s.rows_failed));
    }
}

// Each worker thread's search cache (see search_cache.hpp), when the settings ask for reuse.
class WorkerSearches {
  public:
    explicit WorkerSearches(const BatchSettings& s)
        : enabled_(s.mode == BatchMode::Requote && s.reuse_searches) {}
    [[nodiscard]] SearchCache* local() { return enabled_ ? &caches_.local() : nullptr; }

  private:
    bool enabled_;
    tbb::enumerable_thread_specific<SearchCache> caches_;
};

int thread_count(int requested) {
    return requested > 0 ? requested : tbb::this_task_arena::max_concurrency();
}

struct Chunk {
    std::string text;
    std::vector<RawRecord> records;
    std::uint64_t bytes_end = 0;  // input bytes consumed once this chunk is done
    std::string output;
    std::string errors;
    BatchSummary summary;
};

}  // namespace

void BatchSummary::add(const BatchSummary& other) {
    rows_read += other.rows_read;
    rows_priced += other.rows_priced;
    rows_rejected += other.rows_rejected;
    rows_failed += other.rows_failed;
    output_lines += other.output_lines;
    for (const auto& [reason, n] : other.rejections_by_reason) rejections_by_reason[reason] += n;
    for (const auto& [code, n] : other.errors_by_code) errors_by_code[code] += n;
    searches_reused += other.searches_reused;
    searches_run += other.searches_run;
    cancelled = cancelled || other.cancelled;
}

BatchSummary run_book(std::istream& input, std::string_view source, BookFormat format,
                      const BookPricer& pricer, std::ostream& output, std::ostream& errors,
                      const BatchOptions& options) {
    const bool requires_carrier = pricer.settings().mode == BatchMode::Reprice;
    RecordScanner scanner(input, format);
    std::optional<CsvLayout> layout;
    if (format == BookFormat::Csv) {
        std::string header_text;
        std::vector<RawRecord> header;
        if (!scanner.next_chunk(1, header_text, header)) {
            throw InputError(ErrorCode::MissingField, std::string(source),
                             "empty input: no header line");
        }
        layout = CsvLayout::from_header(header.front().text, source, requires_carrier);
        scanner.set_record_width(layout->width());
    }
    output << output_header();
    errors << errors_header();

    const FieldLocator locate = [&](const InputError& e, std::uint64_t line) {
        if (format == BookFormat::JsonLines) {
            return RowError{line, {}, 0, "/" + e.field(), e.code(), e.detail()};
        }
        return RowError{line,      {},       csv_column_of(*layout, e.field()),
                        e.field(), e.code(), e.detail()};
    };

    const int threads = thread_count(options.threads);
    ThreadPlans plans;
    WorkerSearches searches(pricer.settings());
    BatchSummary total;
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::parallel_pipeline(
            static_cast<std::size_t>(threads) * 2 + 2,
            tbb::make_filter<void, std::shared_ptr<Chunk>>(
                tbb::filter_mode::serial_in_order,
                [&](tbb::flow_control& fc) -> std::shared_ptr<Chunk> {
                    auto chunk = std::make_shared<Chunk>();
                    if ((options.cancel != nullptr && options.cancel->load()) ||
                        !scanner.next_chunk(options.chunk_rows, chunk->text, chunk->records)) {
                        fc.stop();
                        return nullptr;
                    }
                    chunk->bytes_end = scanner.bytes_consumed();
                    return chunk;
                }) &
                tbb::make_filter<std::shared_ptr<Chunk>, std::shared_ptr<Chunk>>(
                    tbb::filter_mode::parallel,
                    [&](std::shared_ptr<Chunk> chunk) {
                        RowScratch scratch;
                        PricingPlanCache& thread_plans = plans.local();
                        SearchCache* cache = searches.local();
                        const std::uint64_t hits = cache != nullptr ? cache->hits() : 0;
                        const std::uint64_t misses = cache != nullptr ? cache->misses() : 0;
                        std::vector<RowOutcome> outcomes;
                        outcomes.reserve(chunk->records.size());
                        std::vector<RowError> row_errors;
                        for (const RawRecord& record : chunk->records) {
                            const RowRead read = format == BookFormat::Csv
                                                     ? read_csv_row(record, *layout, scratch)
                                                     : read_json_row(record, scratch);
                            if (const auto* error = std::get_if<RowError>(&read)) {
                                row_errors.push_back(*error);
                            } else {
                                price_row(pricer, std::get<RowFields>(read), record.line, locate,
                                          thread_plans, cache, outcomes, row_errors);
                            }
                        }
                        chunk->summary.rows_read = chunk->records.size();
                        if (cache != nullptr) {
                            chunk->summary.searches_reused = cache->hits() - hits;
                            chunk->summary.searches_run = cache->misses() - misses;
                        }
                        count(chunk->summary, outcomes);
                        count(chunk->summary, row_errors);
                        chunk->output.reserve(outcomes.size() * 160);
                        for (const RowOutcome& o : outcomes) append_outcome_csv(chunk->output, o);
                        for (const RowError& e : row_errors) append_error_csv(chunk->errors, e);
                        chunk->text.clear();
                        chunk->text.shrink_to_fit();
                        return chunk;
                    }) &
                tbb::make_filter<std::shared_ptr<Chunk>, void>(
                    tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Chunk> chunk) {
                        output.write(chunk->output.data(),
                                     static_cast<std::streamsize>(chunk->output.size()));
                        errors.write(chunk->errors.data(),
                                     static_cast<std::streamsize>(chunk->errors.size()));
                        total.add(chunk->summary);
                        if (options.progress)
                            options.progress(BatchProgress{total.rows_read, chunk->bytes_end});
                    }));
    });
    total.cancelled = options.cancel != nullptr && options.cancel->load();
    require_every_row_accounted(total);
    return total;
}

PricedRows price_rows(const BookPricer& pricer, std::span<const RowFields> rows, int threads,
                      std::atomic<std::uint64_t>* done) {
    constexpr std::size_t kBlock = 512;
    const std::size_t blocks = (rows.size() + kBlock - 1) / kBlock;
    struct Block {
        std::vector<RowOutcome> outcomes;
        std::vector<RowError> errors;
    };
    std::vector<Block> results(blocks);
    const FieldLocator locate = [](const InputError& e, std::uint64_t line) {
        return RowError{line, {}, 0, e.field(), e.code(), e.detail()};
    };
    ThreadPlans plans;
    WorkerSearches searches(pricer.settings());
    tbb::task_arena arena(thread_count(threads));
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const auto& range) {
            PricingPlanCache& thread_plans = plans.local();
            SearchCache* cache = searches.local();
            for (std::size_t b = range.begin(); b != range.end(); ++b) {
                const std::size_t end = std::min(rows.size(), (b + 1) * kBlock);
                for (std::size_t i = b * kBlock; i < end; ++i) {
                    price_row(pricer, rows[i], i, locate, thread_plans, cache, results[b].outcomes,
                              results[b].errors);
                }
                if (done != nullptr) done->fetch_add(end - b * kBlock);
            }
        });
    });
    PricedRows out;
    out.summary.rows_read = rows.size();
    for (Block& b : results) {
        count(out.summary, b.outcomes);
        count(out.summary, b.errors);
        std::move(b.outcomes.begin(), b.outcomes.end(), std::back_inserter(out.outcomes));
        std::move(b.errors.begin(), b.errors.end(), std::back_inserter(out.errors));
    }
    require_every_row_accounted(out.summary);
    return out;
}

}  // namespace cargoquote::batch
