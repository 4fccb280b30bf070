#include <cargoquote/catalog/surcharge.hpp>
#include <cargoquote/core/error.hpp>

namespace cargoquote {

const SurchargeBasisTraits& surcharge_basis_traits(SurchargeBasis basis) {
    for (const auto& traits : kSurchargeBases) {
        if (traits.basis == basis) return traits;
    }
    throw Error(ErrorCode::Internal, "basis", "surcharge basis missing from kSurchargeBases");
}

std::string_view surcharge_basis_name(SurchargeBasis basis) {
    for (const auto& traits : kSurchargeBases) {
        if (traits.basis == basis) return traits.name;
    }
    return "unknown";
}

std::optional<SurchargeBasis> parse_surcharge_basis(std::string_view name) {
    for (const auto& traits : kSurchargeBases) {
        if (traits.name == name) return traits.basis;
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
