// The result documents JsonWriter writes are byte for byte what the tree builder
// (support/reference_result_tree.cpp, the engine's writer before) dumps, compact and indented,
// over quotes drawn as a forwarder's book draws them: on the sample rates and, when the
// OpenFlights data is beside the clone, on the real-scale network (interline, many legs, zones).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cargoquote/batch/book_reader.hpp>
#include <cargoquote/batch/book_row.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/synth/openflights_network.hpp>
#include <cargoquote/synth/shipment_book.hpp>
#include <deque>
#include <filesystem>
#include <sstream>

#include "support/drawn_requests.hpp"
#include "support/reference_result_tree.hpp"
#include "support/shared_data.hpp"
#include "support/test_data.hpp"

namespace cargoquote {
namespace {
namespace fs = std::filesystem;

// Varies what the document reports beyond the shipment: quote currency, SLA tier, method,
// explanation (the sentence and the sensitivity intervals).
void vary(QuoteRequest& request, std::size_t i) {
    static const std::optional<std::string_view> currencies[] = {std::nullopt, "EUR", "USD", "CNY"};
    static const std::optional<std::string> tiers[] = {std::nullopt, "none", "express", "standard",
                                                       "economy"};
    if (const auto c = currencies[i % 4]) request.currency = CurrencyCode::parse(*c, "currency");
    request.sla_tier = tiers[i % 5];
    if (i % 7 == 3) request.method = selection::RankingMethod::Topsis;
    if (i % 7 == 5) request.method = selection::RankingMethod::Vikor;
    request.explain = i % 3 == 0;
    if (i % 11 == 0) request.quote_date = request.shipment.ready_time.date();
}

// `with_sla`: the book defines SLA tiers, so some options fall outside them.
void expect_same_documents(const QuoteEngine& engine, std::vector<QuoteRequest> requests,
                           bool with_sla) {
    std::size_t options = 0, rejections = 0, sla_rejections = 0;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        vary(requests[i], i);
        if (!with_sla) requests[i].sla_tier.reset();
        const QuoteResult result = engine.quote(requests[i]);
        options += result.options.size();
        rejections += result.rejections.size();
        sla_rejections += result.sla_rejections.size();
        const int indent = i % 2 == 0 ? -1 : 2;
        const std::string expected = test::reference::tree(result).dump(indent);  // the oracle
        const std::string actual = quote_result_text(result, indent);
        if (actual != expected) {
            std::size_t at = 0;
            while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
            FAIL() << "request " << i << " differs at byte " << at
                   << ":\n  written: " << actual.substr(at > 80 ? at - 80 : 0, 160)
                   << "\n  tree:    " << expected.substr(at > 80 ? at - 80 : 0, 160);
        }
        EXPECT_EQ(to_json(result), test::reference::tree(result));
        const nlohmann::json tree = test::reference::tree(result);
        for (std::size_t o = 0; o < result.options.size(); ++o) {
            EXPECT_EQ(booking_option_text(result, o), tree["bookingOptions"][o].dump());
        }
        for (std::size_t o = 0; o < result.sla_rejections.size(); ++o) {
            EXPECT_EQ(sla_rejection_text(result, o), tree["slaRejections"][o].dump());
        }
        EXPECT_EQ(quote_request_text(result.request), test::reference::tree(result.request).dump());
    }
    // The draw exercised every part of the document.
    EXPECT_GT(options, requests.size());
    EXPECT_GT(rejections, 0u);
    if (with_sla) {
        EXPECT_GT(sla_rejections, 0u);
    }
}

TEST(ResultDocumentTest, WriterMatchesTheTreeOnTheSampleRates) {
    const auto book = test::imported_rate_book(test::source_dir() / "rates" / "sample");
    const QuoteEngine engine(book);
    expect_same_documents(engine, test::drawn_requests(*book, 120, 7), true);
}

TEST(ResultDocumentTest, WriterMatchesTheTreeOnTheOpenFlightsNetwork) {
    const fs::path openflights = test::source_dir() / ".." / "shared" / "data" / "openflights";
    if (!fs::is_directory(openflights)) {
        CARGOQUOTE_SKIP_WITHOUT_SHARED_DATA("OpenFlights data not found at "
                                            << openflights.string()
                                            << "; real-network test skipped");
    }
    const fs::path dir = fs::temp_directory_path() / ("cq_documents_" + std::to_string(::getpid()));
    (void)synth::write_network_csv(synth::load_openflights_network(openflights), {}, dir);
    const auto book = test::imported_rate_book(dir);
    fs::remove_all(dir);
    const QuoteEngine engine(book);
    expect_same_documents(engine, test::drawn_requests(*book, 8, 11), false);

    // Route-search documents too (interline, several legs, many zones).
    for (const auto& request : test::drawn_requests(*book, 6, 12)) {
        const auto& s = request.shipment;
        const SearchOutcome found = engine.network().search({.origin = s.origin,
                                                             .destination = s.destination,
                                                             .ready = s.ready_time,
                                                             .pieces = s.pieces,
                                                             .commodity = s.commodity});
        EXPECT_EQ(route_search_text(found, *book, 2), test::reference::tree(found, *book).dump(2));
    }
}

}  // namespace
}  // namespace cargoquote
