#include "onerecord/vocabulary.hpp"

#include <algorithm>
#include <array>

namespace cargoquote::desk::onerecord {

using nlohmann::json;

const json& context() {
    static const json ctx = [] {
        json c{{"cargo", std::string(kCargoNs)},
               {"api", std::string(kApiNs)},
               {"xsd", "http://www.w3.org/2001/XMLSchema#"},
               {"@language", "en-US"}};
        const auto typed = [&](std::initializer_list<const char*> props, const char* type) {
            for (const char* p : props) c[p] = json{{"@type", type}};
        };
        typed({"cargo:grandTotal", "cargo:subTotal", "cargo:quantity", "cargo:numericalValue",
               "cargo:minimumQuantity", "cargo:maximumQuantity"},
              "xsd:double");
        typed({"cargo:offerValidFrom", "cargo:offerValidTo", "cargo:departureDate",
               "cargo:arrivalDate", "cargo:latestAcceptanceTime", "cargo:timeOfAvailability",
               "cargo:earliestAcceptanceTime", "cargo:latestArrivalTime"},
              "xsd:dateTime");
        typed({"cargo:totalTransitTime"}, "xsd:duration");
        typed({"api:hasServerEndpoint", "api:hasSupportedOntology",
               "api:hasSupportedOntologyVersion", "api:hasResource", "api:hasProperty"},
              "xsd:anyURI");
        return c;
    }();
    return ctx;
}

json code(std::string_view list, std::string_view value) {
    std::string iri(kCodeListsNs);
    iri.append(list).append("#").append(value);
    return json{{"@id", std::move(iri)}};
}

json cargo_individual(std::string_view name) { return json{{"@id", "cargo:" + std::string(name)}}; }

json link(const std::string& iri) { return json{{"@id", iri}}; }

json value(std::string_view decimal, std::string_view unit) {
    return json{{"@type", "cargo:Value"},
                {"cargo:numericalValue", std::string(decimal)},
                {"cargo:unit", code("MeasurementUnitCode", unit)}};
}

json airport_location(std::string_view iata_code) {
    return json{
        {"@type", "cargo:Location"},
        {"cargo:locationCodes", json::array({json{{"@type", "cargo:CodeListElement"},
                                                  {"cargo:code", std::string(iata_code)},
                                                  {"cargo:codeListName", "IATA airport code"}}})},
        {"cargo:locationType", "Airport"}};
}

bool is_other_charge_code(std::string_view code) {
    // ONE Record code lists 1.1, OtherChargeCode (sorted, for binary search).
    static constexpr std::array<std::string_view, 135> kCodes = {
        "AC", "AS", "AT", "AW", "BA", "BB", "BC", "BE", "BF", "BH", "BI", "BL", "BM", "BR", "CA",
        "CB", "CC", "CD", "CE", "CF", "CG", "CH", "CI", "CJ", "DB", "DC", "DD", "DF", "DG", "DH",
        "DI", "DJ", "DK", "DV", "EA", "FA", "FB", "FC", "FD", "FE", "FF", "FI", "GA", "GT", "HB",
        "HR", "IA", "IN", "JA", "KA", "KB", "LA", "LC", "LE", "LF", "LG", "LH", "LI", "LJ", "MA",
        "MB", "MC", "MD", "ME", "MF", "MG", "MH", "MI", "MJ", "MK", "ML", "MM", "MN", "MO", "MP",
        "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NS", "PA", "PB", "PK", "PU",
        "RA", "RB", "RC", "RD", "RF", "SA", "SB", "SC", "SD", "SE", "SF", "SI", "SO", "SP", "SR",
        "SS", "ST", "SU", "TA", "TB", "TC", "TD", "TE", "TI", "TR", "TV", "TX", "UB", "UC", "UD",
        "UE", "UF", "UG", "UH", "VA", "VB", "VC", "WA", "XB", "XC", "XD", "XE", "ZA", "ZB", "ZC"};
    return std::binary_search(kCodes.begin(), kCodes.end(), code);
}

}  // namespace cargoquote::desk::onerecord
