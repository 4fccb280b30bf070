#include "http/quote_document.hpp"

#include <fmt/format.h>

namespace cargoquote::desk::http {

namespace {
using nlohmann::json;

constexpr std::string_view kConditions =
    "Rates are subject to space and equipment at booking and to the carriers' conditions of "
    "carriage. Chargeable weight is the greater of gross and volume weight (IATA rules). Charges "
    "in another currency were converted at the rate shown on the day of quoting. The offer is "
    "valid for booking until the date shown.";

std::string text_of(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string money_text(const json& amount) {
    return fmt::format("{} {}", text_of(amount, "amount"), text_of(amount, "currency"));
}

std::string transit_text(const json& view) {
    const auto it = view.find("totalTransitMinutes");
    if (it == view.end() || !it->is_number_integer()) return "";
    const int minutes = it->get<int>();
    return fmt::format("{} h {:02d} min", minutes / 60, minutes % 60);
}

std::string leg_text(const json& leg) {
    return fmt::format("{} {}-{} dep {} arr {}", text_of(leg, "flightNumber"),
                       text_of(leg, "departureLocation"), text_of(leg, "arrivalLocation"),
                       text_of(leg.at("departure"), "local"), text_of(leg.at("arrival"), "local"));
}

void append_text(std::string& out, const json& view) {
    const json& carrier = view.at("carrier");
    out += fmt::format("Option {}: {} {}\n", view.at("rank").get<int>(), text_of(carrier, "code"),
                       text_of(carrier, "name"));
    for (const json& leg : view.at("transportLegs")) out += "  " + leg_text(leg) + "\n";
    if (const auto transit = transit_text(view); !transit.empty()) {
        out += fmt::format("  transit {}\n", transit);
    }
    for (const json& c : view.at("price").at("charges")) {
        out += fmt::format("  {:<4} {:<40} {:>16}\n", text_of(c, "code"), text_of(c, "description"),
                           money_text(c.at("amount")));
    }
    out += fmt::format("  {:<45} {:>16}\n", "Total", money_text(view.at("price").at("total")));
    out += fmt::format("  valid {} to {}\n", text_of(view, "offerValidFrom"),
                       text_of(view, "offerValidTo"));
}

void append_html(std::string& out, const json& view) {
    const json& carrier = view.at("carrier");
    out += fmt::format("<section class=\"option\"><h2>Option {}: {} {}</h2>\n<ul class=\"legs\">",
                       view.at("rank").get<int>(), html_escape(text_of(carrier, "code")),
                       html_escape(text_of(carrier, "name")));
    for (const json& leg : view.at("transportLegs")) {
        out += "<li>" + html_escape(leg_text(leg)) + "</li>";
    }
    out += "</ul>\n";
    if (const auto transit = transit_text(view); !transit.empty()) {
        out += "<p>Transit " + html_escape(transit) + "</p>\n";
    }
    out += "<table class=\"charges\">";
    for (const json& c : view.at("price").at("charges")) {
        out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"amount\">{}</td></tr>",
                           html_escape(text_of(c, "code")), html_escape(text_of(c, "description")),
                           html_escape(money_text(c.at("amount"))));
    }
    out += fmt::format(
        "<tr class=\"total\"><td></td><td>Total</td><td class=\"amount\">{}</td>"
        "</tr></table>\n<p>Valid {} to {}</p></section>\n",
        html_escape(money_text(view.at("price").at("total"))),
        html_escape(text_of(view, "offerValidFrom")), html_escape(text_of(view, "offerValidTo")));
}
}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

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
        append_text(text, view);
        text += "\n";
        append_html(html, view);
    }
    text += std::string(kConditions) + "\n";
    html += "<p class=\"conditions\">" + html_escape(kConditions) + "</p></article>\n";
    return json{{"schema", "cargoquote.customer_quote/1"},
                {"reference", q.reference},
                {"lane", detail.inquiry.lane.text()},
                {"sentAt", q.sent_at.utc_iso()},
                {"offerValidFrom", q.offer_valid_from.iso()},
                {"offerValidTo", q.offer_valid_to.iso()},
                {"options", std::move(views)},
                {"booking", nullptr},
                {"conditions", kConditions},
                {"text", std::move(text)},
                {"html", std::move(html)}};
}

}  // namespace cargoquote::desk::http
