// Imports the installed sample rates into an in-memory rate store and quotes the README's
// shipment: one line per option, "rank carrier sell_total currency", best first.
//   quote_sample <prefix>/share/cargoquote/sample
#include <cargoquote/quote/quote_engine.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/version.hpp>
#include <iostream>
#include <memory>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: quote_sample SAMPLE_RATES_DIR\n";
        return 2;
    }
    using namespace cargoquote;
    auto store = rates::RateStore::open_for_import(":memory:");
    if (!store.import_directory(argv[1]).ok()) {
        std::cerr << "the sample rates did not import\n";
        return 1;
    }
    const QuoteEngine engine(std::make_shared<const RateBook>(store.load()));
    QuoteRequest request;
    request.shipment.origin = AirportCode::parse("PVG", "origin");
    request.shipment.destination = AirportCode::parse("FRA", "destination");
    request.shipment.pieces = {parse_piece_spec("3x120x80x100@250", "piece")};
    request.shipment.ready_time = LocalDateTime::parse("2026-11-26T10:00", "ready");
    request.shipment.customer_id = "ACME-DE";
    request.quote_date = Date::parse("2026-11-25", "date");
    request.sla_tier = "standard";
    const QuoteResult result = engine.quote(request);
    std::cout << "cargoquote " << kVersion << "\n";
    for (std::size_t i = 0; i < result.options.size(); ++i) {
        std::cout << i + 1 << " " << result.options[i].carrier.view() << " "
                  << result.options[i].sell_total_quoted.to_string() << "\n";
    }
    return result.options.empty() ? 1 : 0;
}
