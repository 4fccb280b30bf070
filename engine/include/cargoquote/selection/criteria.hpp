#pragma once
// The criteria of one priced option, each with its formula and data source:
//   price        sell total in the quote currency (the option's own number);
//   transit      minutes from ready to availability (the itinerary);
//   reliability  probability of arriving as promised: per leg, the one-sided 95 % Wilson lower
//                bound on the carrier's flown-as-planned record (carrier_performance), times the
//                chance of making each connection given its slack over the minimum connection time
//                1 - 0.3 exp(-slack / 60 min) (a model assumption: 0.70 at zero slack, 0.89 at one
//                hour, 0.985 at three);
//   risk         in [0, 1]: 1 - prod(1 - r_i) over carrier claims (20 x claim ratio) and offloads
//                (5 x offload rate) of the worst carrier, 0.03 per transfer, 0.05 per change of
//                carrier, 0.05 for special cargo (class commodities), and the customer's credit
//                (0.15 new, 0.30 overdue);
//   co2e         kg CO2e by GLEC: (great-circle km + 95) x gross tonnes x factor per leg: freighter
//                0.498 kg/tkm (GLEC Framework, freighter > 1,500 km); belly 0.64874 kg/tkm
//                long-haul and 0.98469 short-haul (< 1,500 km) (UK Government GHG conversion
//                factors 2023, freight flights, without radiative forcing).

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/pricing/priced_option.hpp>
#include <cargoquote/shipment/shipment.hpp>

namespace cargoquote::selection {

struct OptionCriteria {
    double price = 0;  // major units of the quote currency
    double transit_minutes = 0;
    double reliability = 0;  // [0, 1]
    double risk = 0;         // [0, 1]
    double co2e_kg = 0;
    int legs = 0;
    bool interline = false;
    bool all_freighter = false;
};

[[nodiscard]] double wilson_lower_bound(std::int64_t successes, std::int64_t trials,
                                        double z = 1.6449);
[[nodiscard]] double connection_probability(int slack_minutes);
[[nodiscard]] double great_circle_km(double lat1, double lon1, double lat2, double lon2);

[[nodiscard]] OptionCriteria compute_criteria(const PricedOption& option, const RateBook& book,
                                              const Shipment& shipment, const Customer* customer);

}  // namespace cargoquote::selection
