#include "support/network_fixture.hpp"

#include <sstream>
#include <stdexcept>
#include <string>

namespace cargoquote::test {

namespace {
int minutes(const std::string& hhmm) {
    return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
}

Airport airport(std::string_view code, std::string_view zone) {
    return Airport{AirportCode::parse(code),
                   std::string(code),
                   std::string(code),
                   "",
                   std::string(zone),
                   0,
                   0};
}
}  // namespace

RateBookData network_fixture(const std::vector<std::string_view>& legs) {
    RateBookData data;
    data.airports = {airport("PVG", "Asia/Shanghai"),    airport("ICN", "Asia/Seoul"),
                     airport("NRT", "Asia/Tokyo"),       airport("ANC", "America/Anchorage"),
                     airport("FRA", "Europe/Berlin"),    airport("AMS", "Europe/Amsterdam"),
                     airport("JFK", "America/New_York"), airport("DXB", "Asia/Dubai"),
                     airport("LHR", "Europe/London")};
    data.schedule.aircraft_limits = {
        AircraftLimits{AircraftCategory::Freighter, Length::cm(317), Length::cm(244),
                       Length::cm(300), Mass::grams(4'000'000)},
        AircraftLimits{AircraftCategory::WideBodyBelly, Length::cm(317), Length::cm(244),
                       Length::cm(160), Mass::grams(1'500'000)},
        AircraftLimits{AircraftCategory::NarrowBodyBelly, Length::cm(200), Length::cm(120),
                       Length::cm(110), Mass::grams(150'000)}};
    data.schedule.connection_times = {ConnectionTime{std::nullopt, 120, 240}};
    data.schedule.handling_times = {HandlingTime{std::nullopt, std::nullopt, 180, 180}};
    for (const auto spec : legs) {
        std::istringstream in{std::string(spec)};
        std::string carrier, number, lane, dep, arr, days, category;
        if (!(in >> carrier >> number >> lane >> dep >> arr >> days >> category)) {
            throw std::invalid_argument("bad fixture leg: " + std::string(spec));
        }
        FlightLeg leg;
        leg.carrier = CarrierCode::parse(carrier);
        leg.flight_number = carrier + " " + number;
        leg.leg_id = leg.flight_number + " " + lane;
        leg.origin = AirportCode::parse(lane.substr(0, 3));
        leg.destination = AirportCode::parse(lane.substr(4, 3));
        leg.departure_minute = minutes(dep);
        leg.arrival_minute = minutes(arr);
        leg.arrival_day_offset = std::stoi(arr.substr(5));
        leg.days = *parse_days_of_operation(days);
        leg.effective_from = Date::parse("2026-10-01", "t");
        leg.effective_to = Date::parse("2027-03-31", "t");
        leg.category = *parse_aircraft_category(category);
        data.schedule.legs.push_back(leg);
        bool known = false;
        for (const auto& c : data.carriers) known = known || c.code == leg.carrier;
        if (!known)
            data.carriers.push_back(Carrier{leg.carrier, carrier + " Test", "999", true, ""});
    }
    return data;
}

}  // namespace cargoquote::test
