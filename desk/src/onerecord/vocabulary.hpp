#pragma once
// The IATA ONE Record vocabulary the desk writes (data model 3.2, API 2.2.0): namespace IRIs, the
// JSON-LD context every document carries, and code-list IRIs. Documents are compacted with the
// prefixes "cargo", "api" and "xsd"; the context types the literals (money and quantities as
// xsd:double written from their exact decimal text, times as xsd:dateTime, transit as
// xsd:duration), so no amount passes through binary floating point on its way out.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cargoquote::desk::onerecord {

inline constexpr std::string_view kCargoNs = "https://onerecord.iata.org/ns/cargo#";
inline constexpr std::string_view kApiNs = "https://onerecord.iata.org/ns/api#";
inline constexpr std::string_view kCodeListsNs = "https://onerecord.iata.org/ns/code-lists/";
inline constexpr std::string_view kApiVersion = "2.2.0";
inline constexpr std::string_view kDataModelVersion = "3.2";
inline constexpr std::string_view kMediaType = "application/ld+json";

// {"cargo": ..., "api": ..., "xsd": ..., typed properties...}
[[nodiscard]] const nlohmann::json& context();

// {"@id": "https://onerecord.iata.org/ns/code-lists/<list>#<code>"}
[[nodiscard]] nlohmann::json code(std::string_view list, std::string_view code);
// {"@id": "cargo:<individual>"}, e.g. cargo:BOOKABLE.
[[nodiscard]] nlohmann::json cargo_individual(std::string_view name);
// {"@id": iri}: a link to another logistics object.
[[nodiscard]] nlohmann::json link(const std::string& iri);
// A cargo:Value of `decimal` in the MeasurementUnitCode `unit` (KGM, CMT).
[[nodiscard]] nlohmann::json value(std::string_view decimal, std::string_view unit);
// A cargo:Location named by its IATA airport code.
[[nodiscard]] nlohmann::json airport_location(std::string_view iata_code);

// Whether `code` is in the ONE Record OtherChargeCode list (code lists 1.1, from CSC Resolution
// 600a: "MY" fuel, "SC" security, "AW" air waybill fee, ...).
[[nodiscard]] bool is_other_charge_code(std::string_view code);

}  // namespace cargoquote::desk::onerecord
