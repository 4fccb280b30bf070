#include <cargoquote/core/error.hpp>
#include <cargoquote/shipment/shipment.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>

namespace cargoquote {

namespace {
constexpr std::array<std::string_view, 8> kClassCodes = {"AVI", "NWP", "VAL", "PER",
                                                         "DGR", "HUM", "EAT", "ICE"};

[[noreturn]] void bad_spec(std::string_view spec, std::string_view field, std::string_view why) {
    throw InputError(ErrorCode::InvalidPieceSpec, std::string(field),
                     fmt::format("'{}' is not a piece spec COUNTxLxWxH@KG (e.g. 3x120x80x100@250): {}",
                                 spec, why));
}
}  // namespace

void validate_piece(const Piece& piece, std::string_view field) {
    const auto negative = [&](std::string_view what) {
        throw InputError(ErrorCode::NegativeQuantity, fmt::format("{}/{}", field, what),
                         fmt::format("{} must be greater than zero", what));
    };
    if (piece.count <= 0) negative("count");
    if (piece.length.in_micrometres() <= 0) negative("length");
    if (piece.width.in_micrometres() <= 0) negative("width");
    if (piece.height.in_micrometres() <= 0) negative("height");
    if (piece.weight_per_piece.in_grams() <= 0) negative("weight");
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
    if (ec != std::errc{} || ptr != end || count > 100000) {
        if (!count_text.empty() && count_text.front() == '-') {
            throw InputError(ErrorCode::NegativeQuantity, std::string(field),
                             fmt::format("piece count '{}' must be greater than zero", count_text));
        }
        bad_spec(spec, field, fmt::format("'{}' is not a whole piece count", count_text));
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
    validate_piece(piece, field);
    return piece;
}

Commodity Commodity::parse(std::string_view text, std::string_view field) {
    if (text == "GEN") return general();
    if (text.size() == 4 && std::all_of(text.begin(), text.end(),
                                        [](char c) { return c >= '0' && c <= '9'; })) {
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
