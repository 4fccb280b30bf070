// Hot paths of the rating engine: chargeable weight, and pricing one shipment against every
// carrier on a lane of the sample database (imported into a temporary file at start-up).
#include <benchmark/benchmark.h>

#include <cargoquote/io/json.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "support/reference_result_tree.hpp"

namespace {
using namespace cargoquote;
namespace fs = std::filesystem;

std::shared_ptr<const RateBook> sample_book() {
    static const std::shared_ptr<const RateBook> book = [] {
        const char* src = std::getenv("CARGOQUOTE_SOURCE_DIR");
        const fs::path root =
            src != nullptr ? fs::path(src) : fs::path(CARGOQUOTE_SOURCE_DIR_DEFAULT);
        const fs::path db = fs::temp_directory_path() / "cargoquote_bench_sample.db";
        fs::remove(db);
        {
            auto store = rates::RateStore::open_for_import(db);
            if (!store.import_directory(root / "rates/sample").ok()) {
                throw std::runtime_error("sample import failed");
            }
        }
        auto loaded = rates::load_rate_book(db);
        fs::remove(db);
        fs::remove(db.string() + "-wal");
        fs::remove(db.string() + "-shm");
        return loaded;
    }();
    return book;
}

QuoteRequest demo_request() {
    QuoteRequest r;
    r.shipment.origin = AirportCode::parse("PVG");
    r.shipment.destination = AirportCode::parse("FRA");
    r.shipment.pieces = {parse_piece_spec("3x120x80x100@250", "piece")};
    r.shipment.ready_time = LocalDateTime::parse("2026-11-26T10:00", "ready");
    r.shipment.customer_id = "ACME-DE";
    r.sla_tier = "none";  // price and rank every option (ACME-DE's own default tier is express)
    return r;
}

void BM_ChargeableWeight(benchmark::State& state) {
    const std::vector<Piece> pieces{parse_piece_spec("3x120x80x100@250", "p"),
                                    parse_piece_spec("2x60.5x40.2x35@18.4", "p")};
    for (auto _ : state) {
        benchmark::DoNotOptimize(compute_chargeable_weight(pieces, WeightRules{}));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ChargeableWeight);

// Quotes `request` on `engine` in the benchmark loop, counting the options of the last quote.
void quote_repeatedly(benchmark::State& state, const QuoteEngine& engine,
                      const QuoteRequest& request) {
    std::size_t options = 0;
    for (auto _ : state) {
        auto result = engine.quote(request);
        options = result.options.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["options"] = static_cast<double>(options);
    state.SetItemsProcessed(state.iterations());
}

// Rate-sheet pricing alone (the sample book without its schedules): every carrier's PVG-FRA
// rate: weight charge, surcharges, FX, margin, then criteria and ranking.
void BM_PriceLaneRatesOnly(benchmark::State& state) {
    RateBookData data = sample_book()->data();
    data.schedule = ScheduleData{};
    const QuoteEngine engine(std::make_shared<const RateBook>(std::move(data)));
    quote_repeatedly(state, engine, demo_request());
}
BENCHMARK(BM_PriceLaneRatesOnly);

// The full quote on the sample: itinerary search on the sample schedules, then pricing and
// dominance of every itinerary, criteria and ranking.
void BM_QuoteLane(benchmark::State& state) {
    quote_repeatedly(state, QuoteEngine(sample_book()), demo_request());
}
BENCHMARK(BM_QuoteLane);

void BM_QuoteLaneInEur(benchmark::State& state) {
    QuoteRequest request = demo_request();
    request.currency = CurrencyCode::parse("EUR");
    quote_repeatedly(state, QuoteEngine(sample_book()), request);
}
BENCHMARK(BM_QuoteLaneInEur);

// The quote with its result document written as text (JsonWriter), as `quote --json` writes it.
void BM_QuoteLaneWithDocument(benchmark::State& state) {
    const QuoteEngine engine(sample_book());
    const QuoteRequest request = demo_request();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = quote_result_text(engine.quote(request));
        bytes = text.size();
        benchmark::DoNotOptimize(text);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QuoteLaneWithDocument);

// The quote with its document as an nlohmann::json tree (parsed from the text), as Python's
// views and the desk read it.
void BM_QuoteLaneWithDocumentTree(benchmark::State& state) {
    const QuoteEngine engine(sample_book());
    const QuoteRequest request = demo_request();
    for (auto _ : state) {
        const nlohmann::json tree = to_json(engine.quote(request));
        benchmark::DoNotOptimize(tree);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QuoteLaneWithDocumentTree);

// The peer: the same document built member by member as a tree and dumped, as the engine wrote
// it before JsonWriter (tests/support/reference_result_tree.cpp).
void BM_QuoteLaneWithDocumentBefore(benchmark::State& state) {
    const QuoteEngine engine(sample_book());
    const QuoteRequest request = demo_request();
    for (auto _ : state) {
        const std::string text = test::reference::tree(engine.quote(request)).dump();
        benchmark::DoNotOptimize(text);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_QuoteLaneWithDocumentBefore);

}  // namespace

BENCHMARK_MAIN();
