#pragma once
// A quote result from Python: its cargoquote.quote_result/1 document, and light views into that
// document that convert only what Python reads. Every view shares ownership of the document, so a
// Quote outlives the QuoteResult it came from.

#include <cargoquote/quote/quote_engine.hpp>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace cargoquote::python {

// One result as Python holds it: the engine's QuoteResult (what Quote's prices, ranks and
// criteria are read from) and its cargoquote.quote_result/1 document, built the first time
// something only the document has is read (legs, charge lines, to_dict()). engine.quote returns
// as soon as the engine has quoted. A result made from a dict (from_dict, unpickling) has the
// document only.
class ResultDocument {
  public:
    explicit ResultDocument(QuoteResult result);
    explicit ResultDocument(nlohmann::json tree);

    // The engine's result; nullptr for a result made from a document.
    [[nodiscard]] const QuoteResult* result() const { return result_ ? &*result_ : nullptr; }
    // The whole document, built once. Called with the GIL held (as every method here), which
    // also serializes the first build.
    [[nodiscard]] const nlohmann::json& tree() const;
    // bookingOptions[index] and slaRejections[index]: with an engine result each is written and
    // parsed on its own the first time it is read, so reading one option's legs does not build
    // the other options' documents.
    [[nodiscard]] const nlohmann::json& booking_option(std::size_t index) const;
    [[nodiscard]] const nlohmann::json& sla_rejection(std::size_t index) const;
    // How many options are inside the SLA.
    [[nodiscard]] std::size_t option_count() const;

  private:
    std::optional<QuoteResult> result_;
    mutable std::once_flag built_;
    mutable nlohmann::json tree_;
    // Parsed entries (stable addresses: views point into them); empty without an engine result.
    mutable std::vector<std::unique_ptr<const nlohmann::json>> options_;
    mutable std::vector<std::unique_ptr<const nlohmann::json>> sla_rejections_;
};

using Document = std::shared_ptr<const ResultDocument>;

struct ResultView {
    Document doc;
    nlohmann::json
        sla_limits;  // the SLA applied, resolved for the customer; null when none or unknown
};

// bookingOptions[index] or, outside the SLA, slaRejections[index].option.
struct QuoteView {
    Document doc;
    std::size_t index = 0;
    bool outside_sla = false;

    [[nodiscard]] const nlohmann::json& node() const;      // its JSON (builds the document)
    [[nodiscard]] const nlohmann::json* criteria() const;  // its criteria, or nullptr
    // The engine's option and, inside the SLA, its assessment; nullptr without a QuoteResult.
    [[nodiscard]] const PricedOption* option() const;
    [[nodiscard]] const OptionAssessment* assessment() const;
    [[nodiscard]] const selection::OptionCriteria* option_criteria() const;
};

// One line of quoted.ratelines[] (amounts in the quote currency) and, unless it is the rounding
// line, the price.ratelines[] line it converts (rates, basis and amount in the pricing currency).
struct ChargeLineView {
    Document doc;
    const nlohmann::json* quoted;
    const nlohmann::json* priced;  // nullptr for the rounding line
};

struct LegView {
    Document doc;
    const nlohmann::json* node;  // transportLegs[]
};

struct RejectionView {
    Document doc;
    const nlohmann::json* node;  // slaRejections[] or rejections[]
    bool outside_sla;
    std::size_t index;  // in slaRejections[] or rejections[]
};

// Quotes `request`; call without the GIL. The document is built when first read.
[[nodiscard]] ResultView quote_to_view(const QuoteEngine& engine, const QuoteRequest& request);

// The limits of the SLA tier `result` applied, with the customer's override (null for no SLA).
[[nodiscard]] nlohmann::json sla_limits_json(const QuoteResult& result);

}  // namespace cargoquote::python
