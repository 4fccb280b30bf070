// Itinerary search plus pricing on the synthesized OpenFlights network (real airports and routes,
// synthetic schedules and rates): load time, resident memory after load, and the latency of a
// full quote (search + pricing) over 1,000 random origin-destination pairs among the 200 busiest
// airports, reported as p50 / p99 counters.
//
// The network database is CARGOQUOTE_NETWORK_DB when set, else it is synthesized (seed 42) from
// ../shared/data/openflights into a temporary file. CARGOQUOTE_PAIRS_OUT=FILE writes the pairs
// (for tests/bench/networkx_baseline.py).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cargoquote/quote/quote_engine.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/synth/openflights_network.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <string_view>

namespace {
using namespace cargoquote;
namespace fs = std::filesystem;

fs::path source_dir() {
    const char* src = std::getenv("CARGOQUOTE_SOURCE_DIR");
    return src != nullptr ? fs::path(src) : fs::path(CARGOQUOTE_SOURCE_DIR_DEFAULT);
}

// Empty when the OpenFlights data is not beside the repository.
fs::path network_db() {
    static const fs::path db = []() -> fs::path {
        if (const char* given = std::getenv("CARGOQUOTE_NETWORK_DB")) return given;
        const fs::path openflights = source_dir().parent_path() / "shared/data/openflights";
        if (!fs::exists(openflights / "routes.dat")) {
            // CI (CARGOQUOTE_REQUIRE_SHARED_DATA=1) must not pass by skipping.
            if (const char* required = std::getenv("CARGOQUOTE_REQUIRE_SHARED_DATA");
                required != nullptr && std::string_view(required) == "1") {
                std::fprintf(stderr, "OpenFlights data not found at %s (required)\n",
                             openflights.c_str());
                std::exit(1);
            }
            return {};
        }
        const fs::path dir = fs::temp_directory_path() / "cargoquote_bench_network";
        fs::remove_all(dir);
        fs::create_directories(dir / "csv");
        const auto network = synth::load_openflights_network(openflights);
        (void)synth::write_network_csv(network, synth::NetworkSynthOptions{}, dir / "csv");
        auto store = rates::RateStore::open_for_import(dir / "network.db");
        if (!store.import_directory(dir / "csv").ok()) return {};
        return dir / "network.db";
    }();
    return db;
}

long resident_kib() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key) {
        if (key == "VmRSS:") {
            status >> value;
            return value;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

// The q-quantile of `values` (sorted in place), nearest rank below.
double quantile(std::vector<double>& values, double q) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))];
}

std::shared_ptr<const QuoteEngine> engine() {
    static const auto loaded =
        std::make_shared<const QuoteEngine>(rates::load_rate_book(network_db()));
    return loaded;
}

void BM_NetworkLoad(benchmark::State& state) {
    if (network_db().empty()) {
        state.SkipWithError("OpenFlights data not found beside the repository (../shared/data)");
        return;
    }
    const long before = resident_kib();
    std::size_t legs = 0;
    for (auto _ : state) {
        const QuoteEngine fresh(rates::load_rate_book(network_db()));
        legs = fresh.network().leg_count();
        benchmark::DoNotOptimize(legs);
    }
    (void)engine();
    state.counters["legs"] = static_cast<double>(legs);
    state.counters["rss_after_load_MiB"] = static_cast<double>(resident_kib()) / 1024.0;
    state.counters["rss_before_MiB"] = static_cast<double>(before) / 1024.0;
}
BENCHMARK(BM_NetworkLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

std::vector<std::pair<AirportCode, AirportCode>> busy_pairs(const RateBook& book, int count) {
    std::map<AirportCode, int> legs_at;
    for (const auto& leg : book.data().schedule.legs) {
        ++legs_at[leg.origin];
        ++legs_at[leg.destination];
    }
    std::vector<std::pair<int, AirportCode>> ranked;
    for (const auto& [code, n] : legs_at) ranked.emplace_back(-n, code);
    std::sort(ranked.begin(), ranked.end());
    ranked.resize(std::min<std::size_t>(ranked.size(), 200));
    std::mt19937_64 rng(20261125);
    std::vector<std::pair<AirportCode, AirportCode>> pairs;
    while (static_cast<int>(pairs.size()) < count) {
        const auto a = ranked[rng() % ranked.size()].second,
                   b = ranked[rng() % ranked.size()].second;
        if (a != b) pairs.emplace_back(a, b);
    }
    if (const char* out = std::getenv("CARGOQUOTE_PAIRS_OUT")) {
        std::ofstream file(out);
        for (const auto& [a, b] : pairs) file << a.view() << ',' << b.view() << '\n';
    }
    return pairs;
}

void BM_QuoteRandomBusyPairs(benchmark::State& state) {
    if (network_db().empty()) {
        state.SkipWithError("OpenFlights data not found beside the repository (../shared/data)");
        return;
    }
    const auto quote_engine = engine();
    const auto pairs = busy_pairs(quote_engine->book(), static_cast<int>(state.range(0)));
    std::vector<double> micros;
    std::size_t with_options = 0, itineraries = 0;
    for (auto _ : state) {
        micros.clear();
        with_options = itineraries = 0;
        for (const auto& [from, to] : pairs) {
            QuoteRequest r;
            r.shipment.origin = from;
            r.shipment.destination = to;
            r.shipment.pieces = {parse_piece_spec("2x120x80x100@250", "piece")};
            r.shipment.ready_time = LocalDateTime::parse("2026-11-26T08:00", "ready");
            const auto start = std::chrono::steady_clock::now();
            const auto result = quote_engine->quote(r);
            const auto stop = std::chrono::steady_clock::now();
            micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
            with_options += result.options.empty() ? 0 : 1;
            itineraries += result.options.size();
        }
    }
    state.counters["p50_us"] = quantile(micros, 0.50);
    state.counters["p90_us"] = quantile(micros, 0.90);
    state.counters["p99_us"] = quantile(micros, 0.99);
    state.counters["max_us"] = quantile(micros, 1.0);
    state.counters["pairs_with_options"] = static_cast<double>(with_options);
    state.counters["options_per_pair"] =
        static_cast<double>(itineraries) / static_cast<double>(pairs.size());
}
BENCHMARK(BM_QuoteRandomBusyPairs)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

// The itinerary search alone, to separate it from pricing.
void BM_SearchRandomBusyPairs(benchmark::State& state) {
    if (network_db().empty()) {
        state.SkipWithError("OpenFlights data not found beside the repository (../shared/data)");
        return;
    }
    const auto quote_engine = engine();
    const auto pairs = busy_pairs(quote_engine->book(), static_cast<int>(state.range(0)));
    std::vector<double> micros;
    std::size_t found = 0;
    for (auto _ : state) {
        micros.clear();
        found = 0;
        for (const auto& [from, to] : pairs) {
            SearchRequest r{.origin = from,
                            .destination = to,
                            .ready = LocalDateTime::parse("2026-11-26T08:00", "ready"),
                            .pieces = {parse_piece_spec("2x120x80x100@250", "piece")}};
            const auto start = std::chrono::steady_clock::now();
            const auto outcome = quote_engine->network().search(r);
            const auto stop = std::chrono::steady_clock::now();
            micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
            found += outcome.itineraries.size();
        }
    }
    state.counters["p50_us"] = quantile(micros, 0.50);
    state.counters["p99_us"] = quantile(micros, 0.99);
    state.counters["itineraries_per_pair"] =
        static_cast<double>(found) / static_cast<double>(pairs.size());
}
BENCHMARK(BM_SearchRandomBusyPairs)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
