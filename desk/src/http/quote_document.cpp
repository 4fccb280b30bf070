#include "http/quote_document.hpp"

#include <fmt/format.h>

#include <cargoquote/io/customer_quote.hpp>

namespace cargoquote::desk::http {

using nlohmann::json;

json quote_document(const QuoteDetail& detail) {
    const Quote& q = detail.quote;
    json views = json::array();
    for (const OptionRecord& o : detail.options) views.push_back(json::parse(o.sell_view_json));

    std::string text = fmt::format("Quote {}\n{}, sent {}\n\n", q.reference,
                                   detail.inquiry.lane.text(), q.sent_at.utc_iso());
    std::string html =
        fmt::format("<article class=\"quote\"><h1>Quote {}</h1>\n<p>{}, sent {}</p>\n",
                    html_escape(q.reference), html_escape(detail.inquiry.lane.text()),
                    html_escape(q.sent_at.utc_iso()));
    for (const json& view : views) {
        append_customer_option_text(text, view);
        text += "\n";
        append_customer_option_html(html, view);
    }
    text += std::string(kQuoteConditions) + "\n";
    html += "<p class=\"conditions\">" + html_escape(kQuoteConditions) + "</p></article>\n";
    return json{{"schema", "cargoquote.customer_quote/1"},
                {"reference", q.reference},
                {"lane", detail.inquiry.lane.text()},
                {"sentAt", q.sent_at.utc_iso()},
                {"offerValidFrom", q.offer_valid_from.iso()},
                {"offerValidTo", q.offer_valid_to.iso()},
                {"options", std::move(views)},
                {"booking", nullptr},
                {"conditions", kQuoteConditions},
                {"text", std::move(text)},
                {"html", std::move(html)}};
}

}  // namespace cargoquote::desk::http
