// Validating and diffing a 100,000-line .xlsx rate sheet against the sample database: reading
// the workbook (zip + streamed XML), mapping, the rates.csv rules and the diff (a dry run, so
// the figure leaves out SQLite's write). The workbook is written once by make_workbooks.py
// --bench; CARGOQUOTE_BENCH_SHEET_ROWS sets its size (the CTest smoke run uses a small one).

#include <benchmark/benchmark.h>

#include <cargoquote/rates/rate_store.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using namespace cargoquote;

fs::path source_dir() {
    const char* src = std::getenv("CARGOQUOTE_SOURCE_DIR");
    return src != nullptr ? fs::path(src) : fs::path(CARGOQUOTE_SOURCE_DIR_DEFAULT);
}

long sheet_rows() {
    const char* rows = std::getenv("CARGOQUOTE_BENCH_SHEET_ROWS");
    return rows != nullptr ? std::stol(rows) : 100'000;
}

// SCR lines on every lane of the sample airports for each sample carrier (see make_workbooks.py).
rates::SheetMapping bench_mapping() {
    return rates::parse_sheet_mapping(nlohmann::json::parse(R"({
        "sheet": "Tariff", "header_row": 1,
        "columns": {"carrier": "Airline", "origin": "From", "destination": "To",
                    "rate_class": "Type", "commodity": "Item", "currency": "Cur.",
                    "valid_from": "Effective", "valid_to": "Expiry"},
        "weight_breaks": {"M": "Min", "100": "+100", "300": "+300", "500": "+500",
                          "1000": "+1000"},
        "constants": {"divisor": "6000", "weight_step_kg": "0.5", "min_weight_kg": "100",
                      "sheet": "Bench tariff", "version": "B26"}})"));
}

fs::path bench_workbook(long rows) {
    const fs::path path =
        fs::temp_directory_path() / ("cargoquote_bench_sheet_" + std::to_string(rows) + ".xlsx");
    if (!fs::exists(path)) {
        const std::string command =
            "/usr/bin/python3 '" +
            (source_dir() / "tests" / "rates" / "xlsx" / "make_workbooks.py").string() +
            "' --bench " + std::to_string(rows) + " '" + path.string() + ".part' && mv '" +
            path.string() + ".part' '" + path.string() + "'";
        if (std::system(command.c_str()) != 0) return {};
    }
    return path;
}

void BM_SheetValidateAndDiff(benchmark::State& state) {
    const long rows = sheet_rows();
    const fs::path workbook = bench_workbook(rows);
    if (workbook.empty()) {
        state.SkipWithError("make_workbooks.py --bench failed (python3-openpyxl installed?)");
        return;
    }
    auto store = rates::RateStore::open_for_import(":memory:");
    if (!store.import_directory(source_dir() / "rates" / "sample").ok()) {
        state.SkipWithError("the sample data did not import");
        return;
    }
    const auto mapping = bench_mapping();
    for (auto _ : state) {
        const auto result = store.import_sheet(workbook, mapping, true);
        if (!result.report.ok() || result.report.total_rows() != static_cast<std::size_t>(rows)) {
            state.SkipWithError("the bench sheet did not validate");
            return;
        }
        benchmark::DoNotOptimize(result.diff.data());
    }
    state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_SheetValidateAndDiff)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
