#include <cargoquote/desk/quote_record.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/io/sell_view.hpp>
#include <cargoquote/pricing/itinerary_pricer.hpp>
#include <cargoquote/pricing/quoted_amounts.hpp>
#include <cassert>

namespace cargoquote::desk {

namespace {

RateLineRef rate_line_ref(const RateLine* line) {
    assert(line != nullptr && "a priced option always names its rate line");
    return RateLineRef{.line_id = line->line_id, .sheet = line->sheet, .version = line->version};
}

// Interline options are priced sector by sector, each on its own carrier's line; an on-line
// option on one line.
std::vector<RateLineRef> rate_lines_of(const PricedOption& o) {
    std::vector<RateLineRef> lines;
    if (o.sectors.empty()) {
        lines.push_back(rate_line_ref(o.rate_line));
    } else {
        for (const SectorPrice& s : o.sectors) lines.push_back(rate_line_ref(s.rate_line));
    }
    return lines;
}

}  // namespace

std::vector<OptionRecord> option_records(const QuoteResult& result) {
    // The writer's own fragments, so what the desk shows again is byte for byte what the engine
    // printed (rank and assessment included).
    return option_records(result, to_json(result));
}

std::vector<OptionRecord> option_records(const QuoteResult& result,
                                         const nlohmann::json& document) {
    const nlohmann::json& shown = document.at("bookingOptions");
    const Lane lane{result.request.shipment.origin, result.request.shipment.destination};
    std::vector<OptionRecord> records;
    records.reserve(result.options.size());
    for (std::size_t i = 0; i < result.options.size(); ++i) {
        const PricedOption& o = result.options[i];
        const bool scheduled = !o.itinerary.legs.empty();
        records.push_back(OptionRecord{
            .rank = shown.at(i).at("rank").get<int>(),
            .carrier = o.carrier,
            .routing = scheduled ? describe_flights(o.itinerary) : lane.text(),
            .transit_minutes =
                scheduled ? std::optional<int>(o.itinerary.transit_minutes) : std::nullopt,
            .sell_total = o.sell_total_quoted,
            .buy_total = o.buy_total_quoted,
            .margin = quoted_margin(o),
            .rate_lines = rate_lines_of(o),
            .offer_valid_from = o.offer_valid_from,
            .offer_valid_to = o.offer_valid_to,
            .option_json = shown.at(i).dump(),
            .sell_view_json = sell_view(o, shown.at(i).at("rank").get<int>(), shown.at(i)).dump()});
    }
    return records;
}

NewInquiry new_inquiry(const QuoteResult& result, InquiryContext context) {
    return new_inquiry(result, to_json(result), std::move(context));
}

NewInquiry new_inquiry(const QuoteResult& result, const nlohmann::json& document,
                       InquiryContext context) {
    return NewInquiry{
        .request_json = std::move(context.request_json),
        .customer_id = result.request.shipment.customer_id,
        .channel = context.channel,
        .taken_by = context.taken_by,
        .received_at = context.received_at,
        .lane = Lane{result.request.shipment.origin, result.request.shipment.destination},
        .rate_snapshot = std::move(context.rate_snapshot),
        .options = option_records(result, document)};
}

}  // namespace cargoquote::desk
