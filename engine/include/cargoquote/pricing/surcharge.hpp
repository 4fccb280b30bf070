#pragma once
// Other charges (IATA other-charge codes: MY fuel, SC security, AW air waybill fee, RA dangerous
// goods, CH handling, ...). Each has a basis, optional bounds, a validity window and a scope.

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

[[nodiscard]] std::string_view surcharge_basis_name(SurchargeBasis basis);  // "chargeable_kg", ...
[[nodiscard]] std::optional<SurchargeBasis> parse_surcharge_basis(std::string_view name);
[[nodiscard]] inline bool is_percent_basis(SurchargeBasis b) {
    return b == SurchargeBasis::FreightPercent || b == SurchargeBasis::ValuePercent;
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
