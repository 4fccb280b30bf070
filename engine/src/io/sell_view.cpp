#include <cargoquote/io/json.hpp>
#include <cargoquote/io/sell_view.hpp>
#include <cargoquote/pricing/quoted_amounts.hpp>
#include <string>

namespace cargoquote {

namespace {
using nlohmann::json;

json legs_of(const json& option_json) {
    json legs = json::array();
    const auto it = option_json.find("transportLegs");
    if (it == option_json.end()) return legs;
    for (const json& leg : *it) {
        legs.push_back(json{{"sequence", leg.at("sequence")},
                            {"flightNumber", leg.at("flightNumber")},
                            {"carrier", leg.at("carrier")},
                            {"departureLocation", leg.at("departureLocation")},
                            {"arrivalLocation", leg.at("arrivalLocation")},
                            {"departure", leg.at("departure")},
                            {"arrival", leg.at("arrival")},
                            {"aircraftCategory", leg.at("aircraftCategory")}});
    }
    return legs;
}

json copied(const json& from, const char* key) {
    const auto it = from.find(key);
    return it == from.end() ? json(nullptr) : *it;
}
}  // namespace

json sell_view(const PricedOption& option, int rank, const json& option_json) {
    const Money& total = option.sell_total_quoted;
    json charges = json::array();
    Money listed = Money::zero(total.currency());
    for (const ChargeLine& line : option.charges) {
        if (line.kind != ChargeKind::Surcharge && line.kind != ChargeKind::Valuation) continue;
        const Money amount = quoted_amount(option, line.amount);
        listed += amount;
        charges.push_back(json{{"code", std::string(line.code)},
                               {"description", std::string(line.description)},
                               {"amount", to_json(amount)}});
    }
    charges.insert(
        charges.begin(),
        json{{"code", "FRT"}, {"description", "Air freight"}, {"amount", to_json(total - listed)}});
    return json{
        {"schema", kSellViewSchema},
        {"rank", rank},
        {"carrier", copied(option_json, "carrier")},
        {"transportLegs", legs_of(option_json)},
        {"totalTransitMinutes", copied(option_json, "totalTransitMinutes")},
        {"latestAcceptanceTime", copied(option_json, "latestAcceptanceTime")},
        {"timeOfAvailability", copied(option_json, "timeOfAvailability")},
        {"chargeableWeight", copied(copied(option_json, "chargeableWeight"), "chargeableWeight")},
        // The emissions estimate is the customer's to see (self-service shows it).
        {"co2eKg", copied(copied(copied(option_json, "assessment"), "criteria"), "co2eKg")},
        {"price", json{{"total", to_json(total)}, {"charges", std::move(charges)}}},
        {"offerValidFrom", option.offer_valid_from.iso()},
        {"offerValidTo", option.offer_valid_to.iso()}};
}

}  // namespace cargoquote
