#include "sheet/sheet_diff.hpp"

#include <map>
#include <set>
#include <tuple>

namespace cargoquote::rates {

namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

Key key_of(const RateLine& l) {
    return {l.carrier.str(), l.origin.str(), l.destination.str(),
            std::string(rate_class_name(l.rate_class)), l.commodity};
}

std::string signed_text(std::int64_t delta, const std::string& magnitude) {
    return (delta < 0 ? "-" : "+") + magnitude;
}

struct Comparison {
    std::vector<BreakChange> items;
    bool up = false;
    bool down = false;
    bool reshaped = false;  // a break added or dropped, or another currency
};

void compare_money(Comparison& c, const std::string& item, const std::optional<Money>& before,
                   const std::optional<Money>& after) {
    if (before && after && before->currency() == after->currency()) {
        const std::int64_t delta = after->micros() - before->micros();
        if (delta == 0) return;
        (delta > 0 ? c.up : c.down) = true;
        const Money magnitude(after->currency(), delta < 0 ? -delta : delta);
        c.items.push_back({item, before->amount_text(), after->amount_text(),
                           signed_text(delta, magnitude.amount_text())});
        return;
    }
    c.reshaped = true;
    c.items.push_back({item, before ? std::optional(before->amount_text()) : std::nullopt,
                       after ? std::optional(after->amount_text()) : std::nullopt, std::nullopt});
}

void compare_percent(Comparison& c, const std::string& item, Ratio before, Ratio after) {
    const std::int64_t delta = after.ppm() - before.ppm();
    if (delta == 0) return;
    (delta > 0 ? c.up : c.down) = true;
    c.items.push_back(
        {item, before.percent_text(), after.percent_text(),
         signed_text(delta, Ratio::from_ppm(delta < 0 ? -delta : delta).percent_text())});
}

Comparison compare(const RateLine& before, const RateLine& after) {
    Comparison c;
    if (before.currency != after.currency) c.reshaped = true;
    compare_money(c, "M", before.min_charge, after.min_charge);
    std::map<std::int64_t, std::pair<std::optional<Money>, std::optional<Money>>> breaks;
    for (const auto& b : before.breaks) breaks[b.from.in_grams()].first = b.rate_per_kg;
    for (const auto& b : after.breaks) breaks[b.from.in_grams()].second = b.rate_per_kg;
    for (const auto& [grams, rates] : breaks) {
        const std::string weight = Mass::grams(grams).kg_text();
        compare_money(c, weight.ends_with(".0") ? weight.substr(0, weight.size() - 2) : weight,
                      rates.first, rates.second);
    }
    compare_percent(c, "class_percent", before.class_percent, after.class_percent);
    compare_percent(c, "class_min_percent", before.class_min_percent, after.class_min_percent);
    return c;
}

LineDiff described(const RateLine& l, LineChange change) {
    LineDiff d;
    d.change = change;
    std::tie(d.carrier, d.origin, d.destination, d.rate_class, d.commodity) = key_of(l);
    d.currency = l.currency.str();
    return d;
}

}  // namespace

std::vector<LineDiff> diff_rate_lines(const std::vector<RateLine>& before,
                                      const std::vector<RateLine>& sheet, Date day) {
    std::map<Key, const RateLine*> new_lines;
    std::set<std::pair<std::string, std::string>> scope;  // (carrier, sheet name)
    for (const auto& l : sheet) {
        auto& slot = new_lines[key_of(l)];
        // Several versions of one key: the one in force on the day, else the earliest.
        if (slot == nullptr ||
            (!slot->valid_on(day) && (l.valid_on(day) || l.valid_from < slot->valid_from))) {
            slot = &l;
        }
        scope.emplace(l.carrier.str(), l.sheet);
    }
    std::map<Key, const RateLine*> old_lines;
    for (const auto& l : before) {
        if (!l.valid_on(day)) continue;
        const Key key = key_of(l);
        if (new_lines.contains(key) || scope.contains({l.carrier.str(), l.sheet})) {
            old_lines[key] = &l;
        }
    }
    std::vector<LineDiff> out;
    std::set<Key> keys;
    for (const auto& [key, line] : new_lines) keys.insert(key);
    for (const auto& [key, line] : old_lines) keys.insert(key);
    for (const Key& key : keys) {
        const auto n = new_lines.find(key);
        const auto o = old_lines.find(key);
        if (o == old_lines.end()) {
            LineDiff d = described(*n->second, LineChange::New);
            d.line_id = n->second->line_id;
            out.push_back(std::move(d));
            continue;
        }
        if (n == new_lines.end()) {
            LineDiff d = described(*o->second, LineChange::Removed);
            d.previous_line_id = o->second->line_id;
            out.push_back(std::move(d));
            continue;
        }
        Comparison c = compare(*o->second, *n->second);
        const LineChange change = c.reshaped || (c.up && c.down) ? LineChange::Changed
                                  : c.up                         ? LineChange::Increased
                                  : c.down                       ? LineChange::Decreased
                                                                 : LineChange::Unchanged;
        LineDiff d = described(*n->second, change);
        d.line_id = n->second->line_id;
        d.previous_line_id = o->second->line_id;
        d.items = std::move(c.items);
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace cargoquote::rates
