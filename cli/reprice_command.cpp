// `cargoquote reprice BOOK --db DB --out OUT`: reprices (or requotes) every shipment of a shipment
// book on every core, streaming, in input order (engine: batch/book_runner.hpp; formats:
// docs/shipment-book-format.md). Bad rows go to the errors file and never stop the batch; output
// and errors appear under their final names only when the job completes (Ctrl-C leaves neither).
#include <fmt/format.h>

#include <atomic>
#include <cargoquote/batch/book_runner.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "atomic_output.hpp"
#include "commands.hpp"
#include "database_option.hpp"
#include "progress_bar.hpp"

namespace cargoquote::cli {

namespace {

constexpr int kInterruptedExitCode = 130;  // 128 + SIGINT, as shells report it

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) { g_interrupted.store(true); }

// Ctrl-C and SIGTERM set the cancel flag for as long as the job runs: installed before the output
// files exist, so a signal never finds a `.partial` file without its handler.
class InterruptGuard {
  public:
    InterruptGuard() {
        g_interrupted.store(false);
        previous_int_ = std::signal(SIGINT, on_interrupt);
        previous_term_ = std::signal(SIGTERM, on_interrupt);
    }
    ~InterruptGuard() {
        std::signal(SIGINT, previous_int_);
        std::signal(SIGTERM, previous_term_);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

  private:
    void (*previous_int_)(int) = SIG_DFL;
    void (*previous_term_)(int) = SIG_DFL;
};

struct RepriceOptions {
    std::string input;
    std::string db;
    std::string out;
    std::string errors;
    std::string mode = "reprice";
    int threads = 0;
    std::string as_of;
    std::string sla;
    std::string method;
    std::string weights;
    bool search_reuse = false;
    bool no_pricing_plans = false;
};

batch::BatchSettings settings_from(const RepriceOptions& o) {
    batch::BatchSettings s;
    s.mode = batch::parse_batch_mode(o.mode, "--mode");
    if (!o.as_of.empty()) s.as_of = Date::parse(o.as_of, "--as-of");
    if (!o.sla.empty()) s.sla_tier = o.sla;
    if (!o.method.empty()) s.method = selection::require_ranking_method(o.method, "--method");
    if (!o.weights.empty()) s.weights = selection::CriterionWeights::parse(o.weights, "--weights");
    s.reuse_searches = o.search_reuse;
    s.pricing_plans = !o.no_pricing_plans;
    return s;
}

std::optional<std::uint64_t> file_size(const std::string& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    return error ? std::nullopt : std::optional<std::uint64_t>(size);
}

std::string counts_text(const std::map<std::string, std::uint64_t>& counts) {
    std::string out;
    for (const auto& [name, n] : counts)
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, n);
    return out.empty() ? "" : " (" + out + ")";
}

void print_summary(const batch::BatchSummary& s, double seconds, const std::string& errors_path) {
    const double rate = seconds > 0 ? static_cast<double>(s.rows_read) / seconds : 0.0;
    std::cerr << fmt::format("{} rows read in {:.2f} s ({:.0f} rows/s){}\n", s.rows_read, seconds,
                             rate, s.cancelled ? ", INTERRUPTED: nothing written" : "");
    std::cerr << fmt::format("  priced   {:>10}\n", s.rows_priced);
    std::cerr << fmt::format("  rejected {:>10}{}\n", s.rows_rejected,
                             counts_text(s.rejections_by_reason));
    std::cerr << fmt::format("  errors   {:>10}{}{}\n", s.rows_failed,
                             counts_text(s.errors_by_code),
                             s.rows_failed > 0 && !s.cancelled ? " -> " + errors_path : "");
    if (s.searches_reused + s.searches_run > 0) {
        std::cerr << fmt::format("  searches {:>10} run, {} reused\n", s.searches_run,
                                 s.searches_reused);
    }
}

int run_reprice(const RepriceOptions& o) {
    const InterruptGuard interrupts;
    std::ifstream file;
    std::istream* input = &std::cin;
    if (o.input != "-") {
        file.open(o.input, std::ios::binary);
        if (!file || !std::filesystem::is_regular_file(o.input)) {
            throw InputError(ErrorCode::FileUnreadable, o.input, "cannot read the shipment book");
        }
        input = &file;
    }
    const batch::BatchSettings settings = settings_from(o);
    auto engine =
        std::make_shared<const QuoteEngine>(rates::load_rate_book(resolve_database(o.db)));
    const batch::BookPricer pricer(engine, settings);

    const std::string errors_path = o.errors.empty() ? o.out + ".errors.csv" : o.errors;
    AtomicOutputFile::check_destinations(o.input, o.out, "--out", errors_path, "--errors");
    AtomicOutputFile output(o.out, "--out");
    AtomicOutputFile errors(errors_path, "--errors");
    for (const AtomicOutputFile* f : {&output, &errors}) {
        if (f->removed_stale_partial()) {
            std::cerr << fmt::format(
                "cargoquote: removed '{}', left by an earlier run that did not "
                "finish\n",
                f->partial_path().string());
        }
    }

    ProgressBar progress(o.input == "-" ? std::nullopt : file_size(o.input));
    batch::BatchOptions options;
    options.threads = o.threads;
    options.cancel = &g_interrupted;
    options.progress = [&](const batch::BatchProgress& p) { progress.update(p.rows, p.bytes); };

    const auto started = std::chrono::steady_clock::now();
    const batch::BatchSummary summary =
        batch::run_book(*input, o.input, batch::book_format_for(o.input), pricer, output.stream(),
                        errors.stream(), options);
    progress.finish();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (summary.cancelled) {
        print_summary(summary, seconds, errors_path);
        return kInterruptedExitCode;  // the destructors remove both partial files
    }
    AtomicOutputFile::commit_both(output, errors);
    print_summary(summary, seconds, errors_path);
    return 0;
}

}  // namespace

Action add_reprice_command(CLI::App& app) {
    auto options = std::make_shared<RepriceOptions>();
    CLI::App* cmd = app.add_subcommand(
        "reprice",
        "Reprice or requote every shipment of a shipment book (CSV or JSON Lines), on every core");
    cmd->footer(
        "Input columns, output columns and the errors file: docs/shipment-book-format.md.\n"
        "reprice keeps each row's carrier and routing and prices it on the rates in force on\n"
        "--as-of (default: the row's ready date); requote searches and ranks afresh (--as-of is\n"
        "then the quote date). Every input row is in the output or in the errors file.\n"
        "Exit codes: 0 done (row errors are counted, not fatal), 130 interrupted (no output "
        "written).");
    cmd->add_option("input", options->input,
                    "The shipment book: .csv, or .jsonl/.ndjson; '-' = stdin (CSV)")
        ->required();
    add_database_option(*cmd, options->db);
    cmd->add_option("--out", options->out, "Output CSV ('-' = stdout)")->required();
    cmd->add_option("--errors", options->errors, "Errors CSV (default: OUT.errors.csv)");
    cmd->add_option("--mode", options->mode, "reprice (keep carrier and routing) or requote")
        ->check(CLI::IsMember({"reprice", "requote"}));
    cmd->add_option("--threads", options->threads, "Worker threads (default: every core)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--as-of", options->as_of, "Rating date for reprice, quote date for requote");
    cmd->add_option("--sla", options->sla,
                    "requote: SLA tier for every row (default: each customer's)");
    cmd->add_option("--method", options->method, "requote: " + selection::ranking_method_choices());
    cmd->add_option("--weights", options->weights, "requote: price=0.4,time=0.3,...");
    cmd->add_flag("--search-reuse", options->search_reuse,
                  "requote: reuse an earlier row's search where it is provably the same search "
                  "(same output; pays when rows of a lane share ready times)");
    cmd->add_flag("--no-pricing-plans", options->no_pricing_plans,
                  "reprice: look up every row's rates, surcharges, FX and margin afresh instead "
                  "of sharing them between rows of one route (same output; for cross-checks)");
    return [cmd, options]() -> int { return cmd->parsed() ? run_reprice(*options) : -1; };
}

}  // namespace cargoquote::cli
