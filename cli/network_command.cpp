// `cargoquote network synth`: a rate database on the REAL OpenFlights network with SYNTHETIC
// schedules and rates (rules: synth/src/network/, also in --help).
#include <fmt/format.h>
#include <unistd.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/synth/openflights_network.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>

#include "commands.hpp"

namespace cargoquote::cli {

namespace {

namespace fs = std::filesystem;

struct SynthOptions {
    std::string openflights;
    std::string db;
    std::uint64_t seed = 0;
    std::string from = "2026-10-01";
    std::string to = "2027-03-31";
    std::string csv_out;
};

constexpr std::string_view kAttribution =
    "Airport, airline, route and plane data (c) OpenFlights.org contributors "
    "(https://openflights.org/data.php), made available under the Open Database License (ODbL) "
    "v1.0.";

// A scratch directory removed when the command ends (unless the CSV files are kept).
class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "cargoquote-network-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw InputError(ErrorCode::FileUnreadable, pattern,
                             "cannot create a temporary directory");
        }
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

void print_tally(const synth::SourceTally& t) {
    std::cout << fmt::format("  {:<13} {:>6} read, {:>6} used, {:>6} skipped\n", t.file, t.read,
                             t.used, t.skipped_total());
    for (const auto& [reason, count] : t.skipped) {
        std::cout << fmt::format("      {:>6}  {}\n", count, reason);
    }
}

void remove_database(const fs::path& db) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::remove(fs::path(db.string() + suffix), ignored);
    }
}

int run_synth(const SynthOptions& o) {
    const auto started = std::chrono::steady_clock::now();
    const fs::path db = o.db;
    if (fs::exists(db)) {
        throw InputError(
            ErrorCode::InvalidInput, "--db",
            fmt::format("'{}' already exists; network synth writes a new database", db.string()));
    }
    synth::NetworkSynthOptions options;
    options.seed = o.seed;
    options.season_from = Date::parse(o.from, "--from");
    options.season_to = Date::parse(o.to, "--to");
    if (options.season_to < options.season_from) {
        throw InputError(ErrorCode::InvalidInput, "--to", "--to is before --from");
    }
    std::optional<ScratchDir> scratch;
    fs::path csv_dir;
    if (o.csv_out.empty()) {
        scratch.emplace();
        csv_dir = scratch->path();
    } else {
        csv_dir = o.csv_out;
        if (fs::exists(csv_dir) && (!fs::is_directory(csv_dir) || !fs::is_empty(csv_dir))) {
            throw InputError(
                ErrorCode::InvalidInput, "--csv-out",
                fmt::format("'{}' must be a new or empty directory", csv_dir.string()));
        }
    }

    std::cout
        << "SYNTHETIC DATA: the network (airports, airlines, routes) is real OpenFlights data "
           "from 2014 (routes)\n"
           "and 2019 (airports); the schedules, rates, surcharges and carrier performance are "
           "INVENTED\n"
        << fmt::format("(seed {}, season {}..{}). Do not quote real shipments with them.\n", o.seed,
                       options.season_from.iso(), options.season_to.iso())
        << kAttribution << "\n\n";

    const auto network = synth::load_openflights_network(o.openflights);
    std::cout << "OpenFlights input (rows read, used, skipped by reason):\n";
    print_tally(network.airports_tally);
    print_tally(network.airlines_tally);
    print_tally(network.routes_tally);
    if (network.time_zones_renamed > 0) {
        std::cout << fmt::format("  {} backward tz alias(es) written under the current name\n",
                                 network.time_zones_renamed);
    }

    const auto written = synth::write_network_csv(network, options, csv_dir);
    std::cout << fmt::format("\nCSV files ({}{}):\n", csv_dir.string(),
                             scratch ? ", temporary" : "");
    for (const auto& [file, rows] : written.rows_by_file) {
        std::cout << fmt::format("  {:<24} {:>7} rows\n", file, rows);
    }
    std::cout << fmt::format(
        "  {} flights; {} of them have several flight_legs.csv rows because a "
        "DST change moves the local arrival time\n",
        written.flights, written.flights_split_at_dst);

    rates::ImportReport report;
    {
        auto store = rates::RateStore::open_for_import(db);
        report = store.import_directory(csv_dir);
    }
    if (!report.ok()) {
        remove_database(db);  // it did not exist before this command
        constexpr std::size_t kShown = 20;
        for (std::size_t i = 0; i < report.errors.size() && i < kShown; ++i) {
            std::cerr << fmt::format("{}: {}\n", report.errors[i].location(),
                                     report.errors[i].message);
        }
        if (report.errors.size() > kShown) {
            std::cerr << fmt::format("... and {} more\n", report.errors.size() - kShown);
        }
        throw RateStoreError(
            ErrorCode::ImportRejected, {},
            fmt::format("{} import error(s); no database was written", report.errors.size()));
    }
    std::cout << fmt::format("\nImported into {}:\n", db.string());
    for (const auto& [file, rows] : report.rows_by_file) {
        std::cout << fmt::format("  {:<24} {:>7} rows\n", file, rows);
    }
    for (const auto& [file, rows] : written.rows_by_file) {
        if (!report.rows_by_file.contains(file)) {
            std::cout << fmt::format(
                "  {:<24} not imported (this build's importer does not read it)\n", file);
        }
    }
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << fmt::format("{} rows in {:.1f} s. Schedules and rates are synthetic (seed {}).\n",
                             report.total_rows(), seconds, o.seed);
    return 0;
}

}  // namespace

Action add_network_command(CLI::App& app) {
    auto options = std::make_shared<SynthOptions>();
    CLI::App* network =
        app.add_subcommand("network", "Search scheduled itineraries; build network databases");
    network->require_subcommand(1);

    CLI::App* synth = network->add_subcommand(
        "synth",
        "Build a NEW rate database on the real OpenFlights network with SYNTHETIC schedules, rates "
        "and carrier performance (deterministic for a seed)");
    synth
        ->add_option("--openflights", options->openflights,
                     "Directory with airports.dat, airlines.dat, routes.dat, countries.dat")
        ->required();
    synth->add_option("--db", options->db, "Database to create (must not exist)")->required();
    synth->add_option("--seed", options->seed, "Seed of the synthetic schedules and rates")
        ->required();
    synth->add_option("--from", options->from, "First day of the season (schedules, rates)")
        ->capture_default_str();
    synth->add_option("--to", options->to, "Last day of the season")->capture_default_str();
    synth->add_option("--csv-out", options->csv_out,
                      "Keep the generated CSV files in this new or empty directory");
    synth->footer(std::string("\nRules:\n") + std::string(synth::network_synth_rules()) + "\n\n" +
                  std::string(kAttribution));

    const Action search = add_route_search(*network);
    return [synth, options, search]() -> int {
        if (synth->parsed()) return run_synth(*options);
        return search();
    };
}

}  // namespace cargoquote::cli
