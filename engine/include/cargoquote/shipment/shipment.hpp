#pragma once
// What the customer wants to ship: pieces, commodity, value, lane, ready time, customer.

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/core/units.hpp>

#include <optional>
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

// Parses the command-line piece spec "COUNTxLxWxH@KG", e.g. "3x120x80x100@250" (cm, kg per
// piece). Throws InputError(InvalidPieceSpec or NegativeQuantity) naming `field`.
[[nodiscard]] Piece parse_piece_spec(std::string_view spec, std::string_view field);

// Throws InputError(NegativeQuantity / InvalidPieceSpec) naming `field` (a JSON Pointer prefix)
// when a count, dimension or weight is not positive.
void validate_piece(const Piece& piece, std::string_view field);

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
