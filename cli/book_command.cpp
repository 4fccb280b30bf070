// `cargoquote book synth`: a synthetic shipment book (docs/shipment-book-format.md) drawn from the
// rates of a database, for repricing tests and benchmarks.
#include <fmt/format.h>

#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/synth/shipment_book.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string_view>

#include "commands.hpp"
#include "database_option.hpp"

namespace cargoquote::cli {

namespace {

struct BookSynthArgs {
    std::string db;
    std::int64_t rows = 0;
    std::uint64_t seed = 0;
    std::string out;
    std::string from;
    std::int64_t days = 28;
    bool general_only = false;
    bool previous = false;
};

bool is_json_lines(std::string_view path) {
    return path.ends_with(".jsonl") || path.ends_with(".ndjson");
}

double percent(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

synth::ShipmentBookSummary synthesize(const RateBook& book,
                                      const synth::ShipmentBookOptions& options,
                                      const std::string& out) {
    // The engine names its options without dashes; on the command line they are options.
    try {
        if (out == "-") return synth::synthesize_shipment_book(book, options, std::cout);
        std::ofstream file(out, std::ios::binary | std::ios::trunc);
        if (!file) {
            throw InputError(ErrorCode::InvalidInput, "--out",
                             fmt::format("cannot write '{}'", out));
        }
        return synth::synthesize_shipment_book(book, options, file);
    } catch (const InputError& e) {
        constexpr std::array<std::string_view, 4> kOptions = {"rows", "days", "from", "out"};
        for (const auto name : kOptions) {
            if (e.field() == name)
                throw InputError(e.code(), fmt::format("--{}", name), e.detail());
        }
        throw;
    } catch (const Error& e) {
        if (e.field() == "out") throw Error(e.code(), "--out", e.detail());
        throw;
    }
}

int run_synth(const BookSynthArgs& a) {
    if (a.rows <= 0) {
        throw InputError(ErrorCode::NegativeQuantity, "--rows",
                         fmt::format("--rows must be a positive number of rows, not {}", a.rows));
    }
    if (a.days <= 0 || a.days > 3660) {
        throw InputError(ErrorCode::NegativeQuantity, "--days",
                         fmt::format("--days must be between 1 and 3660, not {}", a.days));
    }
    synth::ShipmentBookOptions options{.rows = static_cast<std::uint64_t>(a.rows),
                                       .seed = a.seed,
                                       .days = static_cast<int>(a.days),
                                       .general_only = a.general_only,
                                       .previous = a.previous,
                                       .json_lines = is_json_lines(a.out)};
    if (!a.from.empty()) options.from = Date::parse(a.from, "--from");

    const auto database = resolve_database(a.db);
    const auto book = rates::load_rate_book(database);
    if (book->data().rate_lines.empty()) {
        throw RateStoreError(
            ErrorCode::DatabaseMissing, "--db",
            fmt::format("'{}' holds no rate lines: import rates into it first", database.string()));
    }
    const auto started = std::chrono::steady_clock::now();
    const auto s = synthesize(*book, options, a.out);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format(
        "book synth: {} rows ({}) in {:.2f} s, {:.2f} M rows/s; {} of {} lanes used, {} carriers; "
        "ready {} to {}; interline {:.1f} %, special commodity {:.1f} %, declared value {:.1f} %, "
        "customer {:.1f} %{}\n",
        s.rows, options.json_lines ? "JSON Lines" : "CSV", seconds,
        static_cast<double>(s.rows) / std::max(seconds, 1e-9) / 1e6, s.lanes_used,
        s.lanes_available, s.carriers_used, s.from.iso(), s.from.plus_days(s.days - 1).iso(),
        percent(s.interline_rows, s.rows), percent(s.special_commodity_rows, s.rows),
        percent(s.declared_value_rows, s.rows), percent(s.customer_rows, s.rows),
        a.previous ? fmt::format(", previous price {:.1f} %", percent(s.previous_rows, s.rows))
                   : std::string());
    return 0;
}

}  // namespace

Action add_book_command(CLI::App& app) {
    auto args = std::make_shared<BookSynthArgs>();
    CLI::App* book = app.add_subcommand("book", "Shipment books for batch repricing");
    book->require_subcommand(1);
    CLI::App* synth = book->add_subcommand(
        "synth",
        "Write a synthetic shipment book (docs/shipment-book-format.md; JSON Lines when --out "
        "ends in .jsonl or "
        ".ndjson, '-' for stdout) drawn from the database's rates, deterministic for a seed");
    add_database_option(*synth, args->db);
    synth->add_option("--rows", args->rows, "Number of shipments")->required();
    synth->add_option("--seed", args->seed, "Seed of the random draws")->required();
    synth->add_option("--out", args->out, "Book file to write")->required();
    synth->add_option("--from", args->from,
                      "First ready date YYYY-MM-DD (default: the first day on which the most "
                      "general rates are in force)");
    synth->add_option("--days", args->days, "Days in the ready window")->capture_default_str();
    synth->add_flag("--general-only", args->general_only,
                    "GEN on-line rows only: no routing, no special commodity, no declared value");
    synth->add_flag("--previous", args->previous,
                    "Fill previous_total/previous_currency: the engine's price on the ready date's "
                    "rates moved by a factor in 0.94..1.06");
    synth->footer(
        "\nLanes are drawn by Zipf rank (busiest: most carriers filing), carriers likewise, ready "
        "dates over the days each carrier's general rate is in force; 5 % interline routings, 12 % "
        "specific commodity or class rates where filed, 70 % contract customers, 3 % declared "
        "values (synth/include/cargoquote/synth/shipment_book.hpp).");
    return [synth, args]() -> int { return synth->parsed() ? run_synth(*args) : -1; };
}

}  // namespace cargoquote::cli
