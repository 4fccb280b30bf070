#pragma once
// Other charges (IATA other-charge codes: MY fuel, SC security, AW air waybill fee, RA dangerous
// goods, CH handling, ...). Each has a basis, optional bounds, a validity window and a scope.

#include <array>
#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/shipment/chargeable_weight.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace cargoquote {

enum class SurchargeBasis { ChargeableKg, GrossKg, Piece, Shipment, FreightPercent, ValuePercent };

// What a basis charges on: an amount per kilogram, per piece or per shipment, or a percentage of
// an amount.
enum class BasisQuantity {
    ChargeableWeight,  // per kg of the chargeable weight
    GrossWeight,       // per kg of the gross weight
    Pieces,            // per piece
    Shipment,          // once per shipment
    FreightCharge,     // percent of the weight charge
    DeclaredValue,     // percent of the declared value for carriage (none declared: no charge)
};
// How the quantity is written: in JSON ("KGM", "PCE", "SHIPMENT", an amount) and in the table.
enum class QuantityUnit { Kilogram, Piece, Shipment, Amount };

// One row per basis: the pricer reads `quantity`, the JSON writer and the command line's table
// read `unit` and `percent`, the rate-sheet reader and the schema's CHECK list read `name`.
struct SurchargeBasisTraits {
    SurchargeBasis basis;
    std::string_view name;  // "chargeable_kg", as in rate sheets and the schema
    BasisQuantity quantity;
    QuantityUnit unit;
    bool percent;  // a percentage of an amount rather than an amount per unit
};

inline constexpr std::array<SurchargeBasisTraits, 6> kSurchargeBases = {{
    {SurchargeBasis::ChargeableKg, "chargeable_kg", BasisQuantity::ChargeableWeight,
     QuantityUnit::Kilogram, false},
    {SurchargeBasis::GrossKg, "gross_kg", BasisQuantity::GrossWeight, QuantityUnit::Kilogram,
     false},
    {SurchargeBasis::Piece, "piece", BasisQuantity::Pieces, QuantityUnit::Piece, false},
    {SurchargeBasis::Shipment, "shipment", BasisQuantity::Shipment, QuantityUnit::Shipment, false},
    {SurchargeBasis::FreightPercent, "freight_percent", BasisQuantity::FreightCharge,
     QuantityUnit::Amount, true},
    {SurchargeBasis::ValuePercent, "value_percent", BasisQuantity::DeclaredValue,
     QuantityUnit::Amount, true},
}};

// The names alone, in table order (for messages and the schema's CHECK list).
inline constexpr std::array<std::string_view, kSurchargeBases.size()> kSurchargeBasisNames = [] {
    std::array<std::string_view, kSurchargeBases.size()> names{};
    for (std::size_t i = 0; i < names.size(); ++i) names[i] = kSurchargeBases[i].name;
    return names;
}();

[[nodiscard]] const SurchargeBasisTraits& surcharge_basis_traits(SurchargeBasis basis);
[[nodiscard]] std::string_view surcharge_basis_name(SurchargeBasis basis);  // "chargeable_kg", ...
[[nodiscard]] std::optional<SurchargeBasis> parse_surcharge_basis(std::string_view name);
[[nodiscard]] inline bool is_percent_basis(SurchargeBasis b) {
    return surcharge_basis_traits(b).percent;
}

struct Surcharge {
    std::string surcharge_id;
    std::string code;
    std::string description;
    std::optional<CarrierCode> carrier;      // none = any carrier (ZZZ)
    std::optional<AirportCode> origin;       // none = any
    std::optional<AirportCode> destination;  // none = any
    std::string commodity;                   // "" = any commodity
    SurchargeBasis basis = SurchargeBasis::Shipment;
    Money amount;   // per unit of the basis (amount bases); currency of min/max in all cases
    Ratio percent;  // percent bases
    std::optional<Money> minimum;
    std::optional<Money> maximum;
    Date valid_from;
    Date valid_to;
    bool apply_margin = true;

    [[nodiscard]] bool valid_on(Date d) const { return valid_from <= d && d <= valid_to; }
    [[nodiscard]] bool applies_to(CarrierCode c, AirportCode from, AirportCode to,
                                  const Commodity& commodity_of_shipment) const;
    [[nodiscard]] CurrencyCode currency() const { return amount.currency(); }
};

}  // namespace cargoquote
