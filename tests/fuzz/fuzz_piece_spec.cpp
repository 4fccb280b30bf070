// libFuzzer target: the command-line piece spec "COUNTxLxWxH@KG" (parse_piece_spec). A refusal
// is a cargoquote::Error; anything else thrown escapes to libFuzzer as a crash. An accepted piece
// must be within the documented shipment ranges (shipment.hpp), and its chargeable weight must
// compute (checked arithmetic: a sanitizer report there is a crash).

#include <cargoquote/core/error.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cargoquote;
    const std::string_view spec(reinterpret_cast<const char*>(data), size);
    Piece piece;
    try {
        piece = parse_piece_spec(spec, "--piece");
    } catch (const Error&) {
        return 0;  // refused input is an answer, not a crash
    }
    const auto within = [](std::int64_t v, std::int64_t max) { return v > 0 && v <= max; };
    if (!within(piece.count, kMaxPieceCount) ||
        !within(piece.length.in_micrometres(), kMaxPieceDimension.in_micrometres()) ||
        !within(piece.width.in_micrometres(), kMaxPieceDimension.in_micrometres()) ||
        !within(piece.height.in_micrometres(), kMaxPieceDimension.in_micrometres()) ||
        !within(piece.weight_per_piece.in_grams(), kMaxPieceWeight.in_grams())) {
        fuzz::property_failed("accepted a piece outside the documented ranges: " +
                              std::string(spec));
    }
    const Piece pieces[] = {piece};
    try {
        (void)compute_chargeable_weight(pieces, WeightRules{});
    } catch (const Error&) {
        // A single piece may still break a shipment total (volume): refused, not a crash.
    }
    return 0;
}
