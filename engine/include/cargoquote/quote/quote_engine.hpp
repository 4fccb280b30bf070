#pragma once
// The facade: a quote request in, priced options (ranked best first by the selection model) and
// rejections out.
// With schedules in the rate book every option is a scheduled itinerary (found by RouteNetwork and
// priced by price_itinerary); without them, each carrier's origin-destination rate is priced.
//
// Thread-safety: a QuoteEngine is immutable after construction; `quote` may be called
// concurrently from any number of threads.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/network/route_network.hpp>
#include <cargoquote/pricing/carrier_pricer.hpp>
#include <cargoquote/pricing/priced_option.hpp>
#include <cargoquote/selection/qpr.hpp>
#include <cargoquote/selection/ranking.hpp>
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
    // Selection: from the request, else the customer's preferences, else the defaults
    // (weighted sum; price 0.4, time 0.3, reliability 0.2, risk 0.1; no SLA).
    std::optional<std::string> sla_tier;  // "express", "standard", ...; "none" = no SLA
    std::optional<selection::RankingMethod> method;
    std::optional<selection::CriterionWeights> weights;
    bool explain = false;  // also the sentence on why each option ranks where it does and the top
                           // option's weight sensitivity (formatting and bisection cost more than
                           // the ranking itself, so only on request)
};

// How one ranked option scored (parallel to QuoteResult::options).
struct OptionAssessment {
    selection::OptionCriteria criteria;
    int rank = 0;
    double score = 0;
    bool pareto = false;
    std::array<selection::CriterionScore, 5> scores{};
    std::string why;
};

// An option the SLA rejects, with every limit it breaks. When no option meets the SLA, the three
// with the smallest total excess are flagged as nearest misses.
struct SlaRejection {
    PricedOption option;
    selection::OptionCriteria criteria;
    std::vector<selection::LimitBreach> breaches;
    bool nearest_miss = false;
};

struct SelectionUsed {
    selection::RankingMethod method = selection::RankingMethod::WeightedSum;
    selection::CriterionWeights weights;
    std::string method_source;  // "request", "customer", "default"
    std::string sla_tier;       // "" = no SLA
    // The tier's limits with the customer's overrides applied, as checked; none without an SLA.
    std::optional<selection::ResolvedSla> sla;
    bool customer_sla_override = false;
    bool prepayment_required = false;
};

struct QuoteResult {
    std::shared_ptr<const RateBook> book;  // keeps the options' rate-line pointers valid
    QuoteRequest request;
    CurrencyCode currency;  // currency of every *_quoted total
    Date rating_date;       // local date of the ready time at origin: rates in force
    Date quote_date;
    std::string origin_time_zone;
    Instant ready_time_utc;
    // Within the SLA, ranked best first by the method and weights in `selection` (assessments[i]
    // holds option i's rank and score); those outside the SLA are in sla_rejections.
    std::vector<PricedOption> options;
    std::vector<Rejection> rejections;  // carrier unset: the whole lane
    // Itineraries dropped because another option is no later, has no more legs and costs no more
    // (a slower, longer option that is no cheaper never survives).
    std::size_t dominated_options = 0;
    SelectionUsed selection;
    std::vector<OptionAssessment> assessments;  // parallel to options (ranked best first)
    // For the top option: each weighted criterion's weight interval keeping it on top.
    std::vector<selection::WeightInterval> sensitivity;
    std::vector<SlaRejection> sla_rejections;  // nearest misses first
};

class QuoteEngine {
  public:
    explicit QuoteEngine(std::shared_ptr<const RateBook> book);

    // Throws InputError naming the JSON Pointer of a bad field (unknown airport or customer,
    // no pieces, non-positive piece values). Unpriceable carriers are rejections, not errors.
    [[nodiscard]] QuoteResult quote(const QuoteRequest& request) const;
    // The same result, with the itinerary search reusing outcomes kept in `searches` (one cache
    // per thread, e.g. per batch worker; null: search every time).
    [[nodiscard]] QuoteResult quote(const QuoteRequest& request, SearchCache* searches) const;

    [[nodiscard]] const RateBook& book() const { return *book_; }
    [[nodiscard]] std::shared_ptr<const RateBook> shared_book() const { return book_; }
    [[nodiscard]] const RouteNetwork& network() const { return *network_; }

  private:
    void quote_rate_lines(const PricingContext& context, QuoteResult& result) const;
    void quote_itineraries(const PricingContext& context, SearchCache* searches,
                           QuoteResult& result) const;
    void select(const Customer* customer, QuoteResult& result) const;

    std::shared_ptr<const RateBook> book_;
    std::shared_ptr<const RouteNetwork> network_;  // indexes *book_, so declared after it
};

}  // namespace cargoquote
