#include "drawn_requests.hpp"

#include <gtest/gtest.h>

#include <cargoquote/batch/book_reader.hpp>
#include <cargoquote/batch/book_row.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/synth/shipment_book.hpp>
#include <deque>
#include <sstream>
#include <string>
#include <string_view>

namespace cargoquote::test {

std::vector<QuoteRequest> drawn_requests(const RateBook& book, std::uint64_t rows,
                                         std::uint64_t seed) {
    std::ostringstream csv;
    (void)synth::synthesize_shipment_book(book, {.rows = rows, .seed = seed}, csv);
    std::istringstream lines(csv.str());
    std::string header, record;
    std::getline(lines, header);
    const auto layout = batch::CsvLayout::from_header(header, "book", false);
    std::vector<std::string_view> fields;
    std::deque<std::string> scratch;
    std::vector<QuoteRequest> requests;
    for (std::uint64_t line = 2; std::getline(lines, record); ++line) {
        EXPECT_TRUE(batch::split_csv_record(record, fields, scratch));
        batch::RowFields row;
        for (std::size_t c = 0; c < batch::kBookColumnCount; ++c) {
            const int at = layout.position(static_cast<batch::BookColumn>(c));
            if (at >= 0) row.values[c] = fields.at(static_cast<std::size_t>(at));
        }
        QuoteRequest request;
        request.shipment = batch::parse_book_row(row, line, book, false).shipment;
        requests.push_back(std::move(request));
    }
    return requests;
}

std::shared_ptr<const RateBook> imported_rate_book(const std::filesystem::path& directory) {
    auto store = rates::RateStore::open_for_import(":memory:");
    const auto report = store.import_directory(directory);
    EXPECT_TRUE(report.ok()) << directory;
    return std::make_shared<const RateBook>(store.load());
}

}  // namespace cargoquote::test
