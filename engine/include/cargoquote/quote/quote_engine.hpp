#pragma once
// The facade: a quote request in, priced options (cheapest first) and rejections out.
// With schedules in the rate book every option is a scheduled itinerary (found by RouteNetwork and
// priced by price_itinerary); without them, each carrier's origin-destination rate is priced.
//
// Thread-safety: a QuoteEngine is immutable after construction; `quote` may be called
// concurrently from any number of threads.

#include <cargoquote/network/route_network.hpp>
#include <cargoquote/pricing/carrier_pricer.hpp>
#include <cargoquote/pricing/priced_option.hpp>
#include <cargoquote/pricing/rate_book.hpp>
#include <cargoquote/shipment/shipment.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace cargoquote {

struct QuoteRequest {
    Shipment shipment;
    std::optional<CurrencyCode> currency;  // quote currency; default: the first option's
    std::optional<Date> quote_date;        // default: the shipping date
    int offer_validity_days = 2;
    int max_legs = 3;  // itinerary search depth when the rate book has schedules
};

struct QuoteResult {
    std::shared_ptr<const RateBook> book;  // keeps the options' rate-line pointers valid
    QuoteRequest request;
    CurrencyCode currency;           // currency of every *_quoted total
    Date rating_date;                // local date of the ready time at origin: rates in force
    Date quote_date;
    std::string origin_time_zone;
    Instant ready_time_utc;
    std::vector<PricedOption> options;  // cheapest sell total first, then earliest availability
    std::vector<Rejection> rejections;  // carrier unset: the whole lane
    // Itineraries dropped because another option is no later, has no more legs and costs no more
    // (a slower, longer option that is no cheaper never survives).
    std::size_t dominated_options = 0;
};

class QuoteEngine {
public:
    explicit QuoteEngine(std::shared_ptr<const RateBook> book);

    // Throws InputError naming the JSON Pointer of a bad field (unknown airport or customer,
    // no pieces, non-positive piece values). Unpriceable carriers are rejections, not errors.
    [[nodiscard]] QuoteResult quote(const QuoteRequest& request) const;

    [[nodiscard]] const RateBook& book() const { return *book_; }
    [[nodiscard]] std::shared_ptr<const RateBook> shared_book() const { return book_; }
    [[nodiscard]] const RouteNetwork& network() const { return *network_; }

private:
    void quote_rate_lines(const PricingContext& context, QuoteResult& result) const;
    void quote_itineraries(const PricingContext& context, QuoteResult& result) const;

    std::shared_ptr<const RateBook> book_;
    std::shared_ptr<const RouteNetwork> network_;  // indexes *book_, so declared after it
};

}  // namespace cargoquote
