#include <fmt/format.h>

#include <cargoquote/io/customer_quote.hpp>

namespace cargoquote {

namespace {
using nlohmann::json;

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

}  // namespace

void append_customer_option_text(std::string& out, const json& view) {
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

void append_customer_option_html(std::string& out, const json& view) {
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

}  // namespace cargoquote
