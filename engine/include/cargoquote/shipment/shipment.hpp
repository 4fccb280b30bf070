#pragma once
// What the customer wants to ship: pieces, commodity, value, lane, ready time, customer.

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/core/units.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote {

// `count` identical pieces; dimensions in exact decimal cm, weight per piece.
struct Piece {
    int count = 1;
    Length length;
    Length width;
    Length height;
    Mass weight_per_piece;
    friend bool operator==(const Piece&, const Piece&) = default;
};

// The documented range of every quantity of a shipment, checked wherever one is read (CLI, JSON,
// book rows, Python) so that no product in rating can overflow. Generous for air cargo: the
// largest freighters' main decks are under 50 m long and carry under 250 t.
inline constexpr int kMaxPieceCount = 100'000;                   // per piece line and per shipment
inline constexpr Length kMaxPieceDimension = Length::cm(5'000);  // length, width and height
inline constexpr Mass kMaxPieceWeight = Mass::grams(250'000'000);       // 250,000 kg per piece
inline constexpr Mass kMaxShipmentWeight = Mass::grams(1'000'000'000);  // 1,000,000 kg in all
inline constexpr std::int64_t kMaxShipmentVolumeCm3 = 10'000'000'000;   // 10,000 m3 in all

// Parses the command-line piece spec "COUNTxLxWxH@KG", e.g. "3x120x80x100@250" (cm, kg per
// piece). Throws InputError(InvalidPieceSpec or NegativeQuantity) naming `field`.
[[nodiscard]] Piece parse_piece_spec(std::string_view spec, std::string_view field);

// How an entry point names a piece's members in errors: the request schema's JSON Pointers
// (".../dimensions/length", ".../grossWeight/value") or the flat names of Python and books.
struct PieceFieldNames {
    std::string_view count, length, width, height, weight;
};
inline constexpr PieceFieldNames kJsonPieceFields{"count", "dimensions/length", "dimensions/width",
                                                  "dimensions/height", "grossWeight/value"};
inline constexpr PieceFieldNames kFlatPieceFields{"count", "length", "width", "height", "weight"};

// Throws InputError(NegativeQuantity) naming `field`/member when a count, dimension or weight is
// not positive, InputError(QuantityOutOfRange) when it is past its maximum.
void validate_piece(const Piece& piece, std::string_view field,
                    const PieceFieldNames& names = kJsonPieceFields);

// The shipment's totals (piece count, gross weight, volume) against their maxima: InputError
// (QuantityOutOfRange) naming `field`. Each piece must already be within its own ranges.
void validate_shipment_totals(std::span<const Piece> pieces, std::string_view field);

// validate_piece for each piece ("`field`/i/member"), then validate_shipment_totals.
void validate_pieces(std::span<const Piece> pieces, std::string_view field,
                     const PieceFieldNames& names = kJsonPieceFields);

enum class CommodityKind { General, SpecificCommodity, Class };

// GEN, a 4-digit specific commodity item number, or a class code (AVI, NWP, VAL, PER, DGR, HUM).
class Commodity {
  public:
    Commodity() = default;
    // InputError(InvalidCode) naming `field` for anything else.
    [[nodiscard]] static Commodity parse(std::string_view text, std::string_view field);
    [[nodiscard]] static Commodity general() { return Commodity(CommodityKind::General, "GEN"); }
    [[nodiscard]] CommodityKind kind() const { return kind_; }
    [[nodiscard]] const std::string& code() const { return code_; }
    friend bool operator==(const Commodity&, const Commodity&) = default;

  private:
    Commodity(CommodityKind kind, std::string code) : kind_(kind), code_(std::move(code)) {}
    CommodityKind kind_ = CommodityKind::General;
    std::string code_ = "GEN";
};

struct Shipment {
    AirportCode origin;
    AirportCode destination;
    std::vector<Piece> pieces;
    Commodity commodity;
    std::optional<Money> declared_value;  // declared value for carriage; none = "NVD"
    LocalDateTime ready_time;             // local wall time at the origin airport
    std::optional<std::string> customer_id;
};

}  // namespace cargoquote
