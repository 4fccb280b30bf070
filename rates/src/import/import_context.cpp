#include "import/import_context.hpp"

#include <fmt/format.h>

namespace cargoquote::rates {

ImportContext::ImportContext(const RateBookData& existing_rows, RateBookData& new_rows,
                             std::vector<ImportIssue>& report_issues)
    : existing(existing_rows), rows(new_rows), issues(report_issues) {
    for (const auto& a : existing.airports) {
        known.airports.insert(a.code.str());
        known.time_zones[a.code.str()] = a.time_zone;
    }
    for (const auto& c : existing.carriers) known.carriers.insert(c.code.str());
    for (const auto& c : existing.customers) known.customers.insert(c.customer_id);
    for (const auto& t : existing.sla_tiers) {
        if (!t.customer_id.empty()) continue;
        known.tiers.insert(t.tier);
        known.tier_credit_rules[t.tier] = t.credit_rule.value_or(selection::CreditRule::None);
    }
}

bool TableReader::first_time(RowReader& r, std::string_view column, const std::string& key) {
    if (keys_seen_.insert(key).second) return true;
    r.error(column, fmt::format("duplicate key '{}'", key));
    return false;
}

void TableReader::report_in_database(RowReader& r, std::string_view column,
                                     const std::string& key) {
    r.error(column, fmt::format("duplicate key '{}' (already in the database)", key));
}

std::optional<AirportCode> TableReader::known_airport(RowReader& r, std::string_view column,
                                                      bool allow_any, bool* is_any) {
    const auto text = r.required(column);
    if (!text) return std::nullopt;
    if (*text == kAny) {
        if (!allow_any) r.error(column, "ZZZ (any) is not allowed here");
        if (is_any != nullptr) *is_any = true;
        return std::nullopt;
    }
    if (!AirportCode::is_valid(*text)) {
        r.error(column, fmt::format("'{}' is not an IATA airport code", *text));
        return std::nullopt;
    }
    if (!known().airports.contains(*text)) {
        r.error(column, fmt::format("unknown airport '{}'", *text));
        return std::nullopt;
    }
    return AirportCode::parse(*text);
}

std::optional<CarrierCode> TableReader::known_carrier(RowReader& r, std::string_view column,
                                                      bool allow_any) {
    const auto text = r.required(column);
    if (!text) return std::nullopt;
    if (*text == kAny) {
        if (!allow_any) r.error(column, "ZZZ (any) is not allowed here");
        return std::nullopt;
    }
    if (!known().carriers.contains(*text)) {
        r.error(column, fmt::format("unknown carrier '{}'", *text));
        return std::nullopt;
    }
    return CarrierCode::parse(*text);
}

std::optional<std::string> TableReader::known_customer(RowReader& r, std::string_view column) {
    const auto id = r.required(column);
    if (id && !known().customers.contains(*id)) {
        r.error(column, fmt::format("unknown customer '{}'", *id));
        return std::nullopt;
    }
    return id;
}

void check_window(RowReader& r, const std::optional<Date>& from, const std::optional<Date>& to,
                  std::string_view from_column, std::string_view to_column) {
    if (from && to && *to < *from) {
        r.error(to_column, fmt::format("{} is before {}", to_column, from_column));
    }
}

void check_distinct(RowReader& r, const std::optional<AirportCode>& origin,
                    const std::optional<AirportCode>& destination) {
    if (origin && destination && *origin == *destination) {
        r.error("destination", "origin and destination are the same airport");
    }
}

}  // namespace cargoquote::rates
