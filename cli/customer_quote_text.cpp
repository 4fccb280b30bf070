#include "customer_quote_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/io/customer_quote.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/io/sell_view.hpp>
#include <cstdint>

#include "quote_table.hpp"

namespace cargoquote::cli {

std::string customer_quote_reference(const QuoteResult& result) {
    // FNV-1a over the request document: stable across runs and machines.
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : quote_request_text(result.request)) {
        hash = (hash ^ c) * 1099511628211ULL;
    }
    std::string date = result.quote_date.iso();
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    return fmt::format("CQ-{}-{:06X}", date, hash & 0xFFFFFF);
}

std::string format_customer_quote(const QuoteResult& result, std::size_t max_options,
                                  std::size_t width) {
    const Shipment& s = result.request.shipment;
    std::string out = fmt::format("Quote {}\n{}-{}, quoted {}", customer_quote_reference(result),
                                  s.origin.view(), s.destination.view(), result.quote_date.iso());
    if (result.currency.is_set()) out += fmt::format(", prices in {}", result.currency.view());
    out += "\n";
    if (!result.options.empty()) {
        const ChargeableWeight& w = result.options.front().weights;
        out += fmt::format("{} piece(s), gross {} kg, volume {} cm3, ", w.piece_count,
                           w.actual_gross.kg_text(), w.volume.in_cm3());
    }
    out += fmt::format("ready {}\n\n",
                       local_iso_with_offset(result.ready_time_utc, result.origin_time_zone));
    const std::size_t shown =
        max_options == 0 ? result.options.size() : std::min(max_options, result.options.size());
    if (shown == 0) {
        out += "No offer can be made for this shipment";
        out += result.sla_rejections.empty() ? ".\n\n" : " within the service level asked for.\n\n";
    }
    for (std::size_t i = 0; i < shown; ++i) {
        const auto option_json = nlohmann::json::parse(booking_option_text(result, i));
        append_customer_option_text(
            out, sell_view(result.options[i], static_cast<int>(i + 1), option_json));
        out += "\n";
    }
    append_wrapped(out, "", "", kQuoteConditions, width);
    return out;
}

}  // namespace cargoquote::cli
