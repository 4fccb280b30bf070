#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <charconv>

namespace cargoquote {

namespace {
constexpr std::array<std::string_view, 8> kClassCodes = {"AVI", "NWP", "VAL", "PER",
                                                         "DGR", "HUM", "EAT", "ICE"};

[[noreturn]] void bad_spec(std::string_view spec, std::string_view field, std::string_view why) {
    throw InputError(
        ErrorCode::InvalidPieceSpec, std::string(field),
        fmt::format("'{}' is not a piece spec COUNTxLxWxH@KG (e.g. 3x120x80x100@250): {}", spec,
                    why));
}
}  // namespace

void validate_piece(const Piece& piece, std::string_view field, const PieceFieldNames& names) {
    // The field path and the limit's text are formatted only for the error: a valid piece (every
    // row of a shipment book) costs no strings.
    enum class Limit { Count, Dimension, Weight };
    const auto check = [&](std::string_view what, std::string_view name, std::int64_t value,
                           std::int64_t max, Limit limit) {
        if (value > 0 && value <= max) return;
        const std::string at =
            field.empty() ? fmt::format("/{}", name) : fmt::format("{}/{}", field, name);
        if (value <= 0) {
            throw InputError(ErrorCode::NegativeQuantity, at,
                             fmt::format("{} must be greater than zero", what));
        }
        const std::string max_text = limit == Limit::Count ? fmt::format("{}", kMaxPieceCount)
                                     : limit == Limit::Dimension
                                         ? kMaxPieceDimension.cm_text() + " cm"
                                         : kMaxPieceWeight.kg_text() + " kg";
        throw InputError(ErrorCode::QuantityOutOfRange, at,
                         fmt::format("{} must be at most {}", what, max_text));
    };
    const std::int64_t max_um = kMaxPieceDimension.in_micrometres();
    check("count", names.count, piece.count, kMaxPieceCount, Limit::Count);
    check("length", names.length, piece.length.in_micrometres(), max_um, Limit::Dimension);
    check("width", names.width, piece.width.in_micrometres(), max_um, Limit::Dimension);
    check("height", names.height, piece.height.in_micrometres(), max_um, Limit::Dimension);
    check("weight", names.weight, piece.weight_per_piece.in_grams(), kMaxPieceWeight.in_grams(),
          Limit::Weight);
}

void validate_shipment_totals(std::span<const Piece> pieces, std::string_view field) {
    std::int64_t count = 0;
    std::int64_t grams = 0;
    std::int64_t cm3 = 0;
    const auto too_much = [&](std::string_view what, std::string_view max) {
        throw InputError(ErrorCode::QuantityOutOfRange, std::string(field),
                         fmt::format("the shipment's {} must be at most {}", what, max));
    };
    for (const Piece& p : pieces) {
        // Within the piece ranges each term is below 2^54, and each total is checked before the
        // next term is added, so none of these sums can overflow.
        count += p.count;
        grams += p.weight_per_piece.in_grams() * p.count;
        cm3 += p.length.whole_cm_half_up() * p.width.whole_cm_half_up() *
               p.height.whole_cm_half_up() * p.count;
        if (count > kMaxPieceCount) too_much("piece count", fmt::format("{}", kMaxPieceCount));
        if (grams > kMaxShipmentWeight.in_grams()) {
            too_much("gross weight", kMaxShipmentWeight.kg_text() + " kg");
        }
        if (cm3 > kMaxShipmentVolumeCm3) too_much("volume", "10000 m3");
    }
}

void validate_pieces(std::span<const Piece> pieces, std::string_view field,
                     const PieceFieldNames& names) {
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        validate_piece(pieces[i], fmt::format("{}/{}", field, i), names);
    }
    validate_shipment_totals(pieces, field);
}

Piece parse_piece_spec(std::string_view spec, std::string_view field) {
    const auto at = spec.find('@');
    if (at == std::string_view::npos) bad_spec(spec, field, "missing '@KG'");
    std::array<std::string_view, 4> parts{};
    std::string_view dims = spec.substr(0, at);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto x = dims.find('x');
        if ((x == std::string_view::npos) != (i == parts.size() - 1)) {
            bad_spec(spec, field, "expected four 'x'-separated numbers before '@'");
        }
        parts[i] = dims.substr(0, x);
        dims = (x == std::string_view::npos) ? std::string_view{} : dims.substr(x + 1);
    }
    Piece piece;
    const auto count_text = parts[0];
    const auto* end = count_text.data() + count_text.size();
    long long count = 0;
    auto [ptr, ec] = std::from_chars(count_text.data(), end, count);
    if (ec != std::errc{} || ptr != end) {
        if (!count_text.empty() && count_text.front() == '-') {
            throw InputError(ErrorCode::NegativeQuantity, std::string(field),
                             fmt::format("piece count '{}' must be greater than zero", count_text));
        }
        bad_spec(spec, field, fmt::format("'{}' is not a whole piece count", count_text));
    }
    if (count > kMaxPieceCount) {
        throw InputError(ErrorCode::QuantityOutOfRange, std::string(field),
                         fmt::format("piece count {} must be at most {}", count, kMaxPieceCount));
    }
    piece.count = static_cast<int>(count);
    try {
        piece.length = Length::parse_cm(parts[1], field);
        piece.width = Length::parse_cm(parts[2], field);
        piece.height = Length::parse_cm(parts[3], field);
        piece.weight_per_piece = Mass::parse_kg(spec.substr(at + 1), field);
    } catch (const InputError& e) {
        bad_spec(spec, field, e.detail());
    }
    try {
        validate_piece(piece, "", kFlatPieceFields);
    } catch (const InputError& e) {  // a spec is one field: name it, and the member in the text
        throw InputError(e.code(), std::string(field),
                         fmt::format("piece {}: {}", spec, e.detail()));
    }
    return piece;
}

Commodity Commodity::parse(std::string_view text, std::string_view field) {
    if (text == "GEN") return general();
    if (text.size() == 4 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return Commodity(CommodityKind::SpecificCommodity, std::string(text));
    }
    for (auto code : kClassCodes) {
        if (text == code) return Commodity(CommodityKind::Class, std::string(text));
    }
    throw InputError(ErrorCode::InvalidCode, std::string(field),
                     fmt::format("'{}' is not a commodity: use GEN, a 4-digit specific commodity "
                                 "item, or one of AVI NWP VAL PER DGR HUM EAT ICE",
                                 text));
}

}  // namespace cargoquote
