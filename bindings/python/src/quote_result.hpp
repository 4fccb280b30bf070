#pragma once
// A quote result from Python: its cargoquote.quote_result/1 document, built once in C++ without
// the GIL, and light views into that document that convert only what Python reads. Every view
// shares ownership of the document, so a Quote outlives the QuoteResult it came from.

#include <cargoquote/quote/quote_engine.hpp>
#include <memory>
#include <nlohmann/json.hpp>

namespace cargoquote::python {

using Document = std::shared_ptr<const nlohmann::json>;

struct ResultView {
    Document doc;
    nlohmann::json
        sla_limits;  // the SLA applied, resolved for the customer; null when none or unknown
};

struct QuoteView {
    Document doc;
    const nlohmann::json* node;      // a bookingOptions[] entry or an slaRejections[].option
    const nlohmann::json* criteria;  // its criteria, or nullptr
};

struct ChargeLineView {
    Document doc;
    const nlohmann::json* node;  // price.ratelines[]
};

struct LegView {
    Document doc;
    const nlohmann::json* node;  // transportLegs[]
};

struct RejectionView {
    Document doc;
    const nlohmann::json* node;  // slaRejections[] or rejections[]
    bool outside_sla;
};

// Quotes `request` and serializes the result; call without the GIL.
[[nodiscard]] ResultView quote_to_view(const QuoteEngine& engine, const QuoteRequest& request);

// The limits of the SLA tier `result` applied, with the customer's override (null for no SLA).
[[nodiscard]] nlohmann::json sla_limits_json(const QuoteResult& result);

}  // namespace cargoquote::python
