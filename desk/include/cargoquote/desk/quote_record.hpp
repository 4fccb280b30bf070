#pragma once
// From the engine's answer to the store's records: each ranked option of a QuoteResult becomes an
// OptionRecord (totals in the quote currency, the rate lines and sheet versions priced on, and the
// option's JSON exactly as the engine's writer prints it inside "bookingOptions").

#include <cargoquote/desk/records.hpp>
#include <cargoquote/quote/quote_engine.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cargoquote::desk {

// The ranked options (QuoteResult::options), best first. SLA rejections are not options shown.
[[nodiscard]] std::vector<OptionRecord> option_records(const QuoteResult& result);
// The same, given the result's document from to_json(result) (the server has it already).
[[nodiscard]] std::vector<OptionRecord> option_records(const QuoteResult& result,
                                                       const nlohmann::json& document);

// What the store needs besides the quote itself.
struct InquiryContext {
    std::string request_json;  // the request text as received
    Channel channel = Channel::Staff;
    UserId taken_by;
    Instant received_at;
    std::string rate_snapshot;
};

// The lane and customer from the result's request, the options from option_records.
[[nodiscard]] NewInquiry new_inquiry(const QuoteResult& result, InquiryContext context);
[[nodiscard]] NewInquiry new_inquiry(const QuoteResult& result, const nlohmann::json& document,
                                     InquiryContext context);

}  // namespace cargoquote::desk
