#include <array>
#include <cargoquote/pricing/surcharge.hpp>
#include <utility>

namespace cargoquote {

namespace {
constexpr std::array<std::pair<SurchargeBasis, std::string_view>, 6> kBasisNames = {{
    {SurchargeBasis::ChargeableKg, "chargeable_kg"},
    {SurchargeBasis::GrossKg, "gross_kg"},
    {SurchargeBasis::Piece, "piece"},
    {SurchargeBasis::Shipment, "shipment"},
    {SurchargeBasis::FreightPercent, "freight_percent"},
    {SurchargeBasis::ValuePercent, "value_percent"},
}};
}  // namespace

std::string_view surcharge_basis_name(SurchargeBasis basis) {
    for (const auto& [b, name] : kBasisNames) {
        if (b == basis) return name;
    }
    return "unknown";
}

std::optional<SurchargeBasis> parse_surcharge_basis(std::string_view name) {
    for (const auto& [b, n] : kBasisNames) {
        if (n == name) return b;
    }
    return std::nullopt;
}

bool Surcharge::applies_to(CarrierCode c, AirportCode from, AirportCode to,
                           const Commodity& commodity_of_shipment) const {
    if (carrier && *carrier != c) return false;
    if (origin && *origin != from) return false;
    if (destination && *destination != to) return false;
    return commodity.empty() || commodity == commodity_of_shipment.code();
}

}  // namespace cargoquote
