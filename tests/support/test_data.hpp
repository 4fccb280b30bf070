#pragma once
// Shared helpers for the C++ tests: where the repository is, and small builders.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cargoquote::test {

// The repository root, from CARGOQUOTE_SOURCE_DIR (set by CTest).
[[nodiscard]] std::filesystem::path source_dir();
[[nodiscard]] nlohmann::json read_json(const std::filesystem::path& path);

[[nodiscard]] CurrencyCode ccy(std::string_view code);
[[nodiscard]] Money money(std::string_view amount, std::string_view currency);
[[nodiscard]] Mass kg(std::string_view kg_text);
[[nodiscard]] Piece piece(int count, std::string_view l_cm, std::string_view w_cm,
                          std::string_view h_cm, std::string_view kg_each);
// "0:4.01 45:3.50" in `currency`.
[[nodiscard]] std::vector<WeightBreak> breaks(std::string_view spec, std::string_view currency);

// A hand-built two-carrier rate book for PVG-FRA (see test_data.cpp for every number).
[[nodiscard]] RateBookData small_rate_book();

}  // namespace cargoquote::test
