#pragma once
// Quote requests drawn as a forwarder's book draws them: the shipments of a synthesized book
// (synth/) on a rate book's lanes, parsed by the batch reader as a real book would be.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace cargoquote::test {

[[nodiscard]] std::vector<QuoteRequest> drawn_requests(const RateBook& book, std::uint64_t rows,
                                                       std::uint64_t seed);

// A rate database imported from a directory of CSV files (rates/sample), in memory.
[[nodiscard]] std::shared_ptr<const RateBook> imported_rate_book(
    const std::filesystem::path& directory);

}  // namespace cargoquote::test
