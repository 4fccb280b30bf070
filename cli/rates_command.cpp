// `cargoquote rates import|validate|show|map`: manage the rate database.
#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "database_option.hpp"
#include "rate_sheet_command.hpp"

namespace cargoquote::cli {

namespace {

struct RatesOptions {
    std::string directory;
    std::string db;
    std::string lane;
    std::string date;
    std::string mapping;  // an .xlsx import's mapping file
    std::string sheet;    // `rates map`: the sheet to propose a mapping for
    bool dry_run = false;
    bool json = false;
};

void print_report(const rates::ImportReport& report) {
    for (const auto& issue : report.errors) {
        std::cerr << fmt::format("{}: {}\n", issue.location(), issue.message);
    }
}

// Throws ImportRejected after listing every issue.
void require_ok(const rates::ImportReport& report, std::string_view verb) {
    if (report.ok()) return;
    print_report(report);
    throw RateStoreError(ErrorCode::ImportRejected, {},
                         fmt::format("{} error(s); nothing was {}", report.errors.size(), verb));
}

int finish(const rates::ImportReport& report, std::string_view verb) {
    require_ok(report, verb);
    for (const auto& [file, rows] : report.rows_by_file) {
        std::cout << fmt::format("{:<26} {:>7} rows\n", file, rows);
    }
    return 0;
}

int run_import(const RatesOptions& o) {
    if (is_workbook_path(o.directory)) {
        return run_sheet_import({o.directory, o.mapping, o.db, o.dry_run, o.json});
    }
    if (!o.mapping.empty() || o.dry_run || o.json) {
        throw InputError(ErrorCode::Usage, "--mapping",
                         "--mapping, --dry-run and --json apply to an .xlsx rate sheet only");
    }
    const auto db = resolve_database(o.db);
    if (!std::filesystem::exists(db)) {
        // Validate before creating the file, so a rejected import leaves no new database behind.
        auto scratch = rates::RateStore::open_for_import(":memory:");
        require_ok(scratch.import_directory(o.directory), "written");
    }
    auto store = rates::RateStore::open_for_import(db);
    const auto report = store.import_directory(o.directory);
    finish(report, "written");
    std::cout << fmt::format("imported {} rows into {}\n", report.total_rows(),
                             resolve_database(o.db).string());
    return 0;
}

int run_validate(const RatesOptions& o) {
    // Validate against an empty in-memory store: nothing on disk is touched.
    auto store = rates::RateStore::open_for_import(":memory:");
    const auto report = store.import_directory(o.directory);
    finish(report, "written (validation only)");
    std::cout << fmt::format("{} rows valid\n", report.total_rows());
    return 0;
}

int run_show(const RatesOptions& o) {
    if (o.lane.size() != 7 || o.lane[3] != '-') {
        throw InputError(
            ErrorCode::InvalidInput, "--lane",
            fmt::format("'{}' is not a lane ORIGIN-DESTINATION, e.g. PVG-FRA", o.lane));
    }
    const auto origin = AirportCode::parse(o.lane.substr(0, 3), "--lane");
    const auto destination = AirportCode::parse(o.lane.substr(4, 3), "--lane");
    const auto book = rates::load_rate_book(resolve_database(o.db));
    const std::optional<Date> on =
        o.date.empty() ? std::nullopt : std::optional<Date>(Date::parse(o.date, "--date"));
    const auto lines = book->lines_on_lane(origin, destination);
    std::cout << fmt::format("{} rate line(s) {} -> {}{}\n", lines.size(), origin.view(),
                             destination.view(),
                             on ? fmt::format(" (valid on {} marked *)", on->iso()) : "");
    for (const RateLine* line : lines) {
        std::string breaks;
        for (const auto& b : line->breaks) {
            breaks += fmt::format(" +{}:{}", b.from.kg_text(), b.rate_per_kg.amount_text());
        }
        if (line->rate_class == RateClass::ClassRate) {
            breaks = fmt::format(" {}% of N, min {}% of M", line->class_percent.percent_text(),
                                 line->class_min_percent.percent_text());
        }
        std::cout << fmt::format("{} {:<2} {:<5} {:<4} {} M {}{}  divisor {}  {}..{}  {} {}\n",
                                 on && line->valid_on(*on) ? "*" : " ", line->carrier.view(),
                                 rate_class_name(line->rate_class), line->commodity,
                                 line->currency.view(), line->min_charge.amount_text(), breaks,
                                 line->weight_rules.divisor.cm3_per_kg, line->valid_from.iso(),
                                 line->valid_to.iso(), line->sheet, line->version);
    }
    return 0;
}

}  // namespace

Action add_rates_command(CLI::App& app) {
    auto options = std::make_shared<RatesOptions>();
    CLI::App* rates = app.add_subcommand("rates", "Import, validate and inspect rate data");
    rates->require_subcommand(1);

    CLI::App* import = rates->add_subcommand(
        "import",
        "Validate a directory of CSV files, or an .xlsx rate sheet through a mapping, and write "
        "it to the database in one transaction");
    import
        ->add_option("PATH", options->directory,
                     "Directory with the CSV files, or an .xlsx rate sheet (rates/README.md)")
        ->required();
    import->add_option("--mapping", options->mapping,
                       "Sheet mapping (JSON) for an .xlsx PATH; 'rates map' proposes one");
    import->add_flag("--dry-run", options->dry_run,
                     "Validate and diff an .xlsx sheet; write nothing");
    import->add_flag("--json", options->json, "Print an .xlsx import's diff and errors as JSON");
    add_database_option(*import, options->db);

    CLI::App* map = rates->add_subcommand(
        "map", "Propose a mapping (JSON on stdout) from an .xlsx rate sheet's header names");
    map->add_option("SHEET", options->directory, "The .xlsx workbook")->required();
    map->add_option("--sheet", options->sheet, "Sheet to map (default: the first)");

    CLI::App* validate =
        rates->add_subcommand("validate", "Check a directory of CSV files; write nothing");
    validate->add_option("PATH", options->directory, "Directory with the CSV files")->required();

    CLI::App* show = rates->add_subcommand("show", "List the rate lines of a lane");
    show->add_option("--lane", options->lane, "Lane as ORIGIN-DESTINATION, e.g. PVG-FRA")
        ->required();
    show->add_option("--date", options->date, "Mark the lines valid on this date");
    add_database_option(*show, options->db);

    return [import, validate, show, map, options]() -> int {
        if (import->parsed()) return run_import(*options);
        if (map->parsed()) return run_sheet_map(options->directory, options->sheet);
        if (validate->parsed()) return run_validate(*options);
        if (show->parsed()) return run_show(*options);
        return -1;
    };
}

}  // namespace cargoquote::cli
