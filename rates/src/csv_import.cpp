#include "csv_import.hpp"

#include "csv_table.hpp"
#include "row_reader.hpp"

#include <cargoquote/core/decimal.hpp>

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace cargoquote::rates {

namespace {

namespace fs = std::filesystem;
constexpr std::string_view kAny = "ZZZ";

struct FileSpec {
    std::string name;
    std::vector<std::string_view> columns;
};

const std::vector<FileSpec>& file_specs() {
    static const std::vector<FileSpec> specs = {
        {"airports.csv", {"code", "name", "city", "country", "time_zone", "latitude", "longitude"}},
        {"carriers.csv", {"code", "name", "awb_prefix", "fictional", "note"}},
        {"fx_rates.csv", {"valid_from", "base", "quote", "rate", "source"}},
        {"liability_limits.csv", {"valid_from", "sdr_per_kg"}},
        {"customers.csv", {"customer_id", "name", "customer_group", "credit_status", "since"}},
        {"rates.csv",
         {"line_id", "carrier", "origin", "destination", "rate_class", "commodity", "currency",
          "min_charge", "breaks", "divisor", "weight_step_kg", "min_weight_kg", "class_percent",
          "class_min_percent", "valid_from", "valid_to", "sheet", "version"}},
        {"surcharges.csv",
         {"surcharge_id", "code", "description", "carrier", "origin", "destination", "commodity",
          "basis", "rate", "currency", "min", "max", "valid_from", "valid_to", "apply_margin"}},
        {"margins.csv",
         {"margin_id", "customer_id", "customer_group", "origin", "destination", "min_weight_kg",
          "percent", "per_kg", "min_per_shipment", "currency", "valid_from", "valid_to"}},
        {"flight_legs.csv",
         {"leg_id", "carrier", "flight_number", "origin", "destination", "departure_local",
          "arrival_local", "arrival_day_offset", "days", "effective_from", "effective_to",
          "aircraft_type", "aircraft_category"}},
        {"aircraft_limits.csv",
         {"aircraft_category", "max_length_cm", "max_width_cm", "max_height_cm",
          "max_piece_weight_kg"}},
        {"carrier_restrictions.csv", {"carrier", "commodity", "note"}},
        {"connection_times.csv", {"airport", "online_minutes", "interline_minutes"}},
        {"handling_times.csv", {"carrier", "airport", "cutoff_minutes", "availability_minutes"}},
        {"carrier_performance.csv",
         {"carrier", "flights_observed", "flights_as_planned", "damage_claim_ratio_percent",
          "offload_rate_percent"}},
        {"sla_tiers.csv",
         {"tier", "customer_id", "max_transit_hours", "min_reliability_percent", "max_price",
          "max_price_currency", "max_price_over_cheapest_percent", "max_risk_percent",
          "required_capabilities", "credit_rule", "credit_max_risk_percent"}},
        {"customer_preferences.csv", {"customer_id", "default_tier", "method", "weights"}},
    };
    return specs;
}

// ---- field parsers: each throws InputError with a message; RowReader adds the location ----

Date date_of(const std::string& s) { return Date::parse(s, {}); }

Money non_negative_money(CurrencyCode ccy, const std::string& s) {
    Money m = Money::parse(ccy, s, {});
    if (m.is_negative()) {
        throw InputError(ErrorCode::NegativeQuantity, {}, fmt::format("'{}' must not be negative", s));
    }
    return m;
}

Mass non_negative_kg(const std::string& s) {
    const Mass m = Mass::parse_kg(s, {});
    if (m.in_grams() < 0) {
        throw InputError(ErrorCode::NegativeQuantity, {}, fmt::format("'{}' must not be negative", s));
    }
    return m;
}

Ratio non_negative_percent(const std::string& s) {
    const Ratio r = Ratio::parse_percent(s, {});
    if (r.ppm() < 0) {
        throw InputError(ErrorCode::NegativeQuantity, {}, fmt::format("'{}' must not be negative", s));
    }
    return r;
}

bool flag_of(const std::string& s) {
    if (s == "0") return false;
    if (s == "1") return true;
    throw InputError(ErrorCode::InvalidInput, {}, fmt::format("'{}' must be 0 or 1", s));
}

double degrees_of(const std::string& s, double limit) {
    const auto micro = parse_scaled_decimal(s, 6);
    if (!micro) throw InputError(ErrorCode::InvalidNumber, {}, fmt::format("'{}' is not a number", s));
    const double deg = static_cast<double>(*micro) / 1e6;
    if (deg < -limit || deg > limit) {
        throw InputError(ErrorCode::InvalidNumber, {},
                         fmt::format("'{}' is outside -{}..{} degrees", s, limit, limit));
    }
    return deg;
}

std::int64_t positive_int(const std::string& s) {
    const auto v = parse_scaled_decimal(s, 0);
    if (!v || s.find('.') != std::string::npos || *v <= 0) {
        throw InputError(ErrorCode::InvalidNumber, {}, fmt::format("'{}' is not a positive whole number", s));
    }
    return *v;
}

// ---- schedule field parsers ----

// "HH:MM" local wall time -> minutes after midnight.
int minute_of_day(const std::string& s) {
    const auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
    const bool shape = s.size() == 5 && s[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4);
    const int hours = shape ? (s[0] - '0') * 10 + (s[1] - '0') : 0;
    const int minutes = shape ? (s[3] - '0') * 10 + (s[4] - '0') : 0;
    if (!shape || hours > 23 || minutes > 59) {
        throw InputError(ErrorCode::InvalidDateTime, {},
                         fmt::format("'{}' is not a local time HH:MM (00:00 to 23:59)", s));
    }
    return hours * 60 + minutes;
}

std::int64_t whole_number(const std::string& s) {
    const auto v = parse_scaled_decimal(s, 0);
    if (!v || s.find('.') != std::string::npos) {
        throw InputError(ErrorCode::InvalidNumber, {},
                         fmt::format("'{}' is not a whole number", s));
    }
    return *v;
}

int day_offset_of(const std::string& s) {
    const std::int64_t days = whole_number(s);
    if (days < -1 || days > 3) {
        throw InputError(ErrorCode::InvalidInput, {}, fmt::format("'{}' is outside -1..3 days", s));
    }
    return static_cast<int>(days);
}

WeekdayMask days_of(const std::string& s) {
    const auto mask = parse_days_of_operation(s);
    if (!mask) {
        throw InputError(ErrorCode::InvalidInput, {},
                         fmt::format("'{}' is not a days-of-operation pattern (ISO weekdays 1-7 "
                                     "ascending, '.' for the others: 1234567, 1.3.5..)",
                                     s));
    }
    return *mask;
}

AircraftCategory aircraft_category_of(const std::string& s) {
    const auto category = parse_aircraft_category(s);
    if (!category) {
        throw InputError(
            ErrorCode::InvalidInput, {},
            fmt::format("'{}' is not freighter, widebody_belly or narrowbody_belly", s));
    }
    return *category;
}

std::string aircraft_type_of(const std::string& s) {
    const bool ok = s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) {
                        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                    });
    if (!ok) {
        throw InputError(
            ErrorCode::InvalidCode, {},
            fmt::format("'{}' is not an IATA aircraft type code (3 letters or digits)", s));
    }
    return s;
}

// Minutes of a connection or handling time: positive, at most a week.
int positive_minutes(const std::string& s) {
    const std::int64_t minutes = positive_int(s);
    if (minutes > 7 * 24 * 60) {
        throw InputError(ErrorCode::InvalidNumber, {},
                         fmt::format("'{}' minutes is more than a week", s));
    }
    return static_cast<int>(minutes);
}

std::int64_t non_negative_count(const std::string& s) {
    const std::int64_t n = whole_number(s);
    if (n < 0) {
        throw InputError(ErrorCode::NegativeQuantity, {},
                         fmt::format("'{}' must not be negative", s));
    }
    return n;
}

Length positive_cm(const std::string& s) {
    const Length l = Length::parse_cm(s, {});
    if (l.in_micrometres() <= 0) {
        throw InputError(ErrorCode::InvalidNumber, {},
                         fmt::format("'{}' must be greater than zero", s));
    }
    return l;
}

Mass positive_kg(const std::string& s) {
    const Mass m = Mass::parse_kg(s, {});
    if (m.in_grams() <= 0) {
        throw InputError(ErrorCode::InvalidNumber, {},
                         fmt::format("'{}' must be greater than zero", s));
    }
    return m;
}

// A percentage of a whole: 0 to 100.
Ratio percent_of_whole(const std::string& s) {
    const Ratio r = Ratio::parse_percent(s, {});
    if (r.ppm() < 0 || r.ppm() > 1'000'000) {
        throw InputError(ErrorCode::InvalidNumber, {},
                         fmt::format("'{}' is outside 0..100 percent", s));
    }
    return r;
}

std::string restricted_commodity_of(const std::string& s) {
    if (s != "DGR" && s != "AVI" && s != "PER" && s != "VAL" && s != "HUM") {
        throw InputError(ErrorCode::InvalidCode, {},
                         fmt::format("'{}' is not DGR, AVI, PER, VAL or HUM", s));
    }
    return s;
}

// ---- service-level field parsers ----

// Whole hours: not negative, at most a year.
int hours_of(const std::string& s) {
    const std::int64_t hours = non_negative_count(s);
    if (hours > 366 * 24) {
        throw InputError(ErrorCode::InvalidNumber, {},
                         fmt::format("'{}' hours is more than a year", s));
    }
    return static_cast<int>(hours);
}

// A probability given in percent (0..100) -> [0, 1].
double probability_of(const std::string& s) {
    return static_cast<double>(percent_of_whole(s).ppm()) / 1e6;
}

// Percent above the cheapest option (not negative, may exceed 100) -> 0.25 for 25 %.
double fraction_over_of(const std::string& s) {
    return static_cast<double>(non_negative_percent(s).ppm()) / 1e6;
}

std::vector<std::string> capabilities_of(const std::string& s) {
    std::vector<std::string> capabilities;
    std::istringstream in(s);
    std::string token;
    while (in >> token) {
        if (token != "freighter" && token != "online" && token != "direct") {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("unknown capability '{}' (freighter, online, direct)",
                                         token));
        }
        if (std::find(capabilities.begin(), capabilities.end(), token) != capabilities.end()) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("capability '{}' is listed twice", token));
        }
        capabilities.push_back(token);
    }
    return capabilities;
}

selection::CreditRule credit_rule_of(const std::string& s) {
    const auto rule = selection::parse_credit_rule(s);
    if (!rule) {
        throw InputError(ErrorCode::InvalidInput, {},
                         fmt::format("'{}' is not none, prepayment_for_new or "
                                     "withhold_risky_for_new",
                                     s));
    }
    return *rule;
}

std::string method_of(const std::string& s) {
    if (s != "weighted_sum" && s != "topsis" && s != "vikor") {
        throw InputError(ErrorCode::InvalidInput, {},
                         fmt::format("'{}' is not weighted_sum, topsis or vikor", s));
    }
    return s;
}

// "price=0.4,time=0.3,..." : criteria price, time, reliability, risk, co2, each at most once,
// non-negative decimals, at least one positive. Returns the text unchanged.
std::string weights_of(const std::string& s) {
    static const std::vector<std::string_view> kCriteria = {"price", "time", "reliability", "risk",
                                                            "co2"};
    std::set<std::string> seen;
    bool any_positive = false;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t comma = std::min(s.find(',', start), s.size());
        const std::string token = s.substr(start, comma - start);
        start = comma + 1;
        const auto equals = token.find('=');
        if (equals == std::string::npos) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("weight '{}' is not name=value", token));
        }
        const std::string name = token.substr(0, equals);
        const std::string value = token.substr(equals + 1);
        if (std::find(kCriteria.begin(), kCriteria.end(), name) == kCriteria.end()) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("unknown criterion '{}' (price, time, reliability, "
                                         "risk, co2)",
                                         name));
        }
        if (!seen.insert(name).second) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("criterion '{}' is given twice", name));
        }
        const auto micros = parse_scaled_decimal(value, 6);
        if (!micros || *micros < 0 || value.front() == '-' || value.front() == '+') {
            throw InputError(ErrorCode::InvalidNumber, {},
                             fmt::format("weight '{}' of '{}' is not a non-negative decimal",
                                         value, name));
        }
        any_positive = any_positive || *micros > 0;
    }
    if (!any_positive) {
        throw InputError(ErrorCode::InvalidInput, {}, "at least one weight must be positive");
    }
    return s;
}

std::string hh_mm(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

// Bit of `day`'s ISO weekday in a WeekdayMask.
WeekdayMask weekday_bit(Date day) {
    const unsigned iso = std::chrono::weekday{day.days()}.iso_encoding();  // 1 = Monday
    return static_cast<WeekdayMask>(1U << (iso - 1));
}

// Two legs of the same flight both operate on some date.
bool legs_overlap(const FlightLeg& a, const FlightLeg& b) {
    const Date from = std::max(a.effective_from, b.effective_from);
    const Date to = std::min(a.effective_to, b.effective_to);
    const auto common = static_cast<WeekdayMask>(a.days & b.days);
    if (to < from || common == 0) return false;
    for (Date day = from; day <= to && day < from.plus_days(7); day = day.plus_days(1)) {
        if ((common & weekday_bit(day)) != 0) return true;
    }
    return false;
}

std::vector<WeightBreak> breaks_of(CurrencyCode ccy, const std::string& s) {
    std::vector<WeightBreak> breaks;
    std::istringstream in(s);
    std::string token;
    while (in >> token) {
        const auto colon = token.find(':');
        if (colon == std::string::npos) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("break '{}' is not from_kg:rate_per_kg", token));
        }
        const Mass from = non_negative_kg(token.substr(0, colon));
        const Money rate = non_negative_money(ccy, token.substr(colon + 1));
        if (!breaks.empty() && from <= breaks.back().from) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("breaks not ascending: {} kg after {} kg", from.kg_text(),
                                         breaks.back().from.kg_text()));
        }
        breaks.push_back(WeightBreak{from, rate});
    }
    return breaks;
}

// ---- the validation context: what exists in the database plus what the files add ----

struct Known {
    std::set<std::string> airports;
    std::set<std::string> carriers;
    std::set<std::string> customers;
    std::map<std::string, std::string> time_zones;  // airport code -> IANA zone
    std::set<std::string> tiers;                    // SLA tiers defined (rows without a customer)
    // The credit rule of each defined tier whose rule is known (unset = none).
    std::map<std::string, selection::CreditRule> tier_credit_rules;
};

class Importer {
public:
    Importer(const RateBookData& existing, ImportBatch& batch) : existing_(existing), batch_(batch) {
        for (const auto& a : existing.airports) {
            known_.airports.insert(a.code.str());
            known_.time_zones[a.code.str()] = a.time_zone;
        }
        for (const auto& c : existing.carriers) known_.carriers.insert(c.code.str());
        for (const auto& c : existing.customers) known_.customers.insert(c.customer_id);
        for (const auto& t : existing.sla_tiers) {
            if (!t.customer_id.empty()) continue;
            known_.tiers.insert(t.tier);
            known_.tier_credit_rules[t.tier] = t.credit_rule.value_or(selection::CreditRule::None);
        }
    }

    void read(const fs::path& directory) {
        for (const auto& spec : file_specs()) {
            const fs::path path = directory / spec.name;
            if (!fs::exists(path)) continue;
            auto table = load(path, spec);
            if (!table) continue;
            batch_.report.rows_by_file[spec.name] = table->rows.size();
            for (const auto& row : table->rows) read_row(*table, row, spec);
        }
        check_rate_overlaps();
        check_leg_overlaps();
        check_sla_overrides();
    }

private:
    std::vector<ImportIssue>& issues() { return batch_.report.errors; }

    std::optional<CsvTable> load(const fs::path& path, const FileSpec& spec) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            issues().push_back({spec.name, 0, 0, "cannot be read"});
            return std::nullopt;
        }
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string error;
        CsvTable table = parse_csv(spec.name, buffer.str(), &error);
        if (!error.empty()) {
            const auto colon = error.find(':');
            const auto second = error.find(':', colon + 1);
            issues().push_back({spec.name, std::stoul(error.substr(0, colon)),
                                std::stoul(error.substr(colon + 1, second - colon - 1)),
                                error.substr(second + 2)});
            return std::nullopt;
        }
        bool header_ok = true;
        for (auto column : spec.columns) {
            if (!table.column_index(column)) {
                issues().push_back({spec.name, table.header_line, 0,
                                    fmt::format("missing column '{}'", column)});
                header_ok = false;
            }
        }
        for (std::size_t i = 0; i < table.header.size(); ++i) {
            const auto first = std::find(table.header.begin(), table.header.end(), table.header[i]);
            if (first != table.header.begin() + static_cast<std::ptrdiff_t>(i)) {
                issues().push_back({spec.name, table.header_line, i + 1,
                                    fmt::format("column '{}' appears twice (also column {})",
                                                table.header[i], first - table.header.begin() + 1)});
                header_ok = false;
            } else if (std::find(spec.columns.begin(), spec.columns.end(), table.header[i]) ==
                       spec.columns.end()) {
                issues().push_back({spec.name, table.header_line, i + 1,
                                    fmt::format("unknown column '{}'", table.header[i])});
                header_ok = false;
            }
        }
        if (!header_ok) return std::nullopt;
        return table;
    }

    void read_row(const CsvTable& table, const CsvRow& row, const FileSpec& spec) {
        if (row.fields.size() != table.header.size()) {
            issues().push_back({spec.name, row.line, 0,
                                fmt::format("expected {} fields, found {}", table.header.size(),
                                            row.fields.size())});
            return;
        }
        RowReader r(table, row, issues());
        if (spec.name == "airports.csv") airport(r);
        else if (spec.name == "carriers.csv") carrier(r);
        else if (spec.name == "fx_rates.csv") fx_rate(r);
        else if (spec.name == "liability_limits.csv") liability(r);
        else if (spec.name == "customers.csv") customer(r);
        else if (spec.name == "rates.csv") rate_line(r);
        else if (spec.name == "surcharges.csv") surcharge(r);
        else if (spec.name == "margins.csv") margin(r);
        else if (spec.name == "flight_legs.csv") flight_leg(r);
        else if (spec.name == "aircraft_limits.csv") aircraft_limit(r);
        else if (spec.name == "carrier_restrictions.csv") restriction(r);
        else if (spec.name == "connection_times.csv") connection_time(r);
        else if (spec.name == "handling_times.csv") handling_time(r);
        else if (spec.name == "carrier_performance.csv") performance(r);
        else if (spec.name == "sla_tiers.csv") sla_tier(r);
        else if (spec.name == "customer_preferences.csv") preference(r);
    }

    // Records a duplicate-key issue when `key` was already seen in this file.
    bool first_time(std::set<std::string>& seen, RowReader& r, std::string_view column,
                    const std::string& key) {
        if (seen.insert(key).second) return true;
        r.error(column, fmt::format("duplicate key '{}'", key));
        return false;
    }

    std::optional<AirportCode> known_airport(RowReader& r, std::string_view column, bool allow_any,
                                             bool* is_any = nullptr) {
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
        if (!known_.airports.contains(*text)) {
            r.error(column, fmt::format("unknown airport '{}'", *text));
            return std::nullopt;
        }
        return AirportCode::parse(*text);
    }

    std::optional<CarrierCode> known_carrier(RowReader& r, std::string_view column,
                                             bool allow_any) {
        const auto text = r.required(column);
        if (!text) return std::nullopt;
        if (*text == kAny) {
            if (!allow_any) r.error(column, "ZZZ (any) is not allowed here");
            return std::nullopt;
        }
        if (!known_.carriers.contains(*text)) {
            r.error(column, fmt::format("unknown carrier '{}'", *text));
            return std::nullopt;
        }
        return CarrierCode::parse(*text);
    }

    void airport(RowReader& r) {
        Airport a;
        const auto code = r.parse("code", [](const std::string& s) { return AirportCode::parse(s); });
        a.name = r.required("name").value_or("");
        a.city = r.required("city").value_or("");
        a.country = r.required("country").value_or("");
        const auto tz = r.parse("time_zone", [](const std::string& s) {
            require_time_zone(s, {});
            return s;
        });
        const auto lat = r.parse("latitude", [](const std::string& s) { return degrees_of(s, 90); });
        const auto lon = r.parse("longitude", [](const std::string& s) { return degrees_of(s, 180); });
        if (code && !first_time(airports_seen_, r, "code", code->str())) return;
        if (!code || !tz || !lat || !lon || r.had_errors()) return;
        a.code = *code;
        a.time_zone = *tz;
        a.latitude = *lat;
        a.longitude = *lon;
        known_.airports.insert(code->str());
        known_.time_zones[code->str()] = a.time_zone;
        batch_.rows.airports.push_back(std::move(a));
    }

    void carrier(RowReader& r) {
        Carrier c;
        const auto code = r.parse("code", [](const std::string& s) { return CarrierCode::parse(s); });
        c.name = r.required("name").value_or("");
        c.note = r.text("note");
        const auto prefix = r.parse("awb_prefix", [](const std::string& s) {
            if (s.size() != 3 || !std::all_of(s.begin(), s.end(), ::isdigit)) {
                throw InputError(ErrorCode::InvalidCode, {},
                                 fmt::format("'{}' is not a 3-digit AWB prefix", s));
            }
            return s;
        });
        const auto fictional = r.parse("fictional", flag_of);
        if (code && !first_time(carriers_seen_, r, "code", code->str())) return;
        if (!code || !prefix || !fictional || r.had_errors()) return;
        c.code = *code;
        c.awb_prefix = *prefix;
        c.fictional = *fictional;
        known_.carriers.insert(code->str());
        batch_.rows.carriers.push_back(std::move(c));
    }

    void fx_rate(RowReader& r) {
        const auto from = r.parse("valid_from", date_of);
        const auto base = r.parse("base", [](const std::string& s) { return CurrencyCode::parse(s); });
        const auto quote = r.parse("quote", [](const std::string& s) { return CurrencyCode::parse(s); });
        const auto rate = r.parse("rate", [](const std::string& s) {
            const auto nanos = parse_fx_rate(s);
            if (!nanos) {
                throw InputError(ErrorCode::InvalidNumber, {},
                                 fmt::format("'{}' is not a positive rate", s));
            }
            // Stored in nanos: a rate with more decimals would be rounded silently.
            if (const auto dot = s.find('.'); dot != std::string::npos && s.size() - dot - 1 > 9) {
                throw InputError(ErrorCode::InvalidNumber, {},
                                 fmt::format("'{}' has more than 9 decimals", s));
            }
            return *nanos;
        });
        const std::string source = r.text("source");
        if (!from || !base || !quote || !rate || r.had_errors()) return;
        if (*base == *quote) {
            r.error("quote", "base and quote currency are the same");
            return;
        }
        const std::string key = fmt::format("{}/{} from {}", base->view(), quote->view(), from->iso());
        for (const auto& existing : existing_.fx_rates) {
            if (existing.base == *base && existing.quote == *quote && existing.valid_from == *from) {
                r.error("valid_from", fmt::format("duplicate key '{}' (already in the database)", key));
                return;
            }
        }
        if (!first_time(fx_seen_, r, "valid_from", key)) return;
        batch_.rows.fx_rates.push_back(FxRate{*from, *base, *quote, *rate, source});
    }

    void liability(RowReader& r) {
        const auto from = r.parse("valid_from", date_of);
        const auto sdr = r.parse("sdr_per_kg", [](const std::string& s) {
            return non_negative_money(CurrencyCode::parse("XDR"), s);
        });
        if (!from || !sdr) return;
        for (const auto& existing : existing_.liability_limits) {
            if (existing.valid_from == *from) {
                r.error("valid_from", "duplicate key (already in the database)");
                return;
            }
        }
        if (!first_time(liability_seen_, r, "valid_from", from->iso())) return;
        batch_.rows.liability_limits.push_back(LiabilityLimit{*from, *sdr});
    }

    void customer(RowReader& r) {
        Customer c;
        const auto id = r.required("customer_id");
        c.name = r.required("name").value_or("");
        c.customer_group = r.text("customer_group");
        const auto status = r.parse("credit_status", [](const std::string& s) {
            const auto st = parse_credit_status(s);
            if (!st) {
                throw InputError(ErrorCode::InvalidInput, {},
                                 fmt::format("'{}' is not good, new or overdue", s));
            }
            return *st;
        });
        c.since = r.parse_optional("since", date_of);
        if (id && !first_time(customers_seen_, r, "customer_id", *id)) return;
        if (!id || !status || r.had_errors()) return;
        c.customer_id = *id;
        c.credit_status = *status;
        known_.customers.insert(*id);
        batch_.rows.customers.push_back(std::move(c));
    }

    void rate_line(RowReader& r) {
        RateLine line;
        const auto id = r.required("line_id");
        const auto carrier_text = r.required("carrier");
        if (carrier_text && !known_.carriers.contains(*carrier_text)) {
            r.error("carrier", fmt::format("unknown carrier '{}'", *carrier_text));
        }
        const auto origin = known_airport(r, "origin", false);
        const auto destination = known_airport(r, "destination", false);
        const auto cls = r.parse("rate_class", [](const std::string& s) {
            if (s == "GEN") return RateClass::General;
            if (s == "SCR") return RateClass::SpecificCommodity;
            if (s == "CLASS") return RateClass::ClassRate;
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("'{}' is not GEN, SCR or CLASS", s));
        });
        const auto ccy = r.parse("currency", [](const std::string& s) { return CurrencyCode::parse(s); });
        const auto from = r.parse("valid_from", date_of);
        const auto to = r.parse("valid_to", date_of);
        const auto divisor = r.parse("divisor", positive_int);
        const auto step = r.parse("weight_step_kg", non_negative_kg);
        line.sheet = r.required("sheet").value_or("");
        line.version = r.required("version").value_or("");
        line.commodity = r.text("commodity");
        bool breaks_ok = false;  // false when the currency or the breaks column itself was bad
        if (ccy) {
            const auto min_charge = r.parse("min_charge", [&](const std::string& s) {
                return non_negative_money(*ccy, s);
            });
            const auto breaks = r.parse_optional("breaks", [&](const std::string& s) {
                return breaks_of(*ccy, s);
            });
            if (min_charge) line.min_charge = *min_charge;
            if (breaks) line.breaks = *breaks;
            breaks_ok = breaks.has_value() || r.text("breaks").empty();
            line.currency = *ccy;
        }
        if (step && step->in_grams() <= 0) r.error("weight_step_kg", "must be greater than zero");
        if (from && to && *to < *from) r.error("valid_to", "valid_to is before valid_from");
        if (origin && destination && *origin == *destination) {
            r.error("destination", "origin and destination are the same airport");
        }
        if (cls) check_rate_class(r, *cls, line, breaks_ok);
        if (id && existing_line_ids().contains(*id)) {
            r.error("line_id", fmt::format("duplicate key '{}' (already in the database)", *id));
        }
        if (id && !first_time(line_ids_seen_, r, "line_id", *id)) return;
        if (!id || !carrier_text || !origin || !destination || !cls || !ccy || !from || !to ||
            !divisor || !step || r.had_errors()) {
            return;
        }
        line.line_id = *id;
        line.carrier = CarrierCode::parse(*carrier_text);
        line.origin = *origin;
        line.destination = *destination;
        line.rate_class = *cls;
        line.valid_from = *from;
        line.valid_to = *to;
        line.weight_rules = WeightRules{VolumetricDivisor{*divisor}, *step};
        batch_.rows.rate_lines.push_back(std::move(line));
        rate_line_rows_.push_back({r.line(), r.column_of("valid_from")});
    }

    // `breaks_ok`: the breaks column parsed (or was empty), so its content can be judged.
    void check_rate_class(RowReader& r, RateClass cls, RateLine& line, bool breaks_ok) {
        switch (cls) {
            case RateClass::General:
                if (!line.commodity.empty()) r.error("commodity", "must be empty for GEN");
                if (!breaks_ok) break;
                if (line.breaks.empty()) {
                    r.error("breaks", "GEN needs at least the 0: (N) break");
                } else if (line.breaks.front().from.in_grams() != 0) {
                    r.error("breaks", "GEN breaks must start at 0 kg (the N rate)");
                }
                break;
            case RateClass::SpecificCommodity: {
                if (line.commodity.size() != 4 ||
                    !std::all_of(line.commodity.begin(), line.commodity.end(), ::isdigit)) {
                    r.error("commodity", "SCR needs a 4-digit commodity item number");
                }
                if (breaks_ok && line.breaks.empty()) r.error("breaks", "SCR needs at least one break");
                const auto min_weight = r.parse("min_weight_kg", non_negative_kg);
                if (min_weight) line.min_weight = *min_weight;
                break;
            }
            case RateClass::ClassRate: {
                try {
                    (void)Commodity::parse(line.commodity, {});
                    if (line.commodity.size() != 3) throw InputError(ErrorCode::InvalidCode, {}, "");
                } catch (const InputError&) {
                    r.error("commodity", "CLASS needs a class code such as AVI, NWP, VAL");
                }
                if (breaks_ok && !line.breaks.empty()) r.error("breaks", "CLASS lines take no breaks");
                const auto pct = r.parse("class_percent", non_negative_percent);
                const auto min_pct = r.parse("class_min_percent", non_negative_percent);
                if (pct) line.class_percent = *pct;
                if (min_pct) line.class_min_percent = *min_pct;
                break;
            }
        }
    }

    const std::set<std::string>& existing_line_ids() {
        if (existing_ids_.empty()) {
            for (const auto& l : existing_.rate_lines) existing_ids_.insert(l.line_id);
        }
        return existing_ids_;
    }

    // Validity windows of one key (carrier, lane, class, commodity) must not overlap, within the
    // files and against the database.
    void check_rate_overlaps() {
        using Key = std::tuple<CarrierCode, AirportCode, AirportCode, RateClass, std::string>;
        std::map<Key, std::vector<const RateLine*>> existing_by_key;
        for (const auto& l : existing_.rate_lines) {
            existing_by_key[{l.carrier, l.origin, l.destination, l.rate_class, l.commodity}]
                .push_back(&l);
        }
        std::map<Key, std::vector<std::size_t>> new_by_key;
        const auto& lines = batch_.rows.rate_lines;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& l = lines[i];
            const Key key{l.carrier, l.origin, l.destination, l.rate_class, l.commodity};
            const auto overlaps = [&](const RateLine& other) {
                return l.valid_from <= other.valid_to && other.valid_from <= l.valid_to;
            };
            for (const RateLine* other : existing_by_key[key]) {
                if (overlaps(*other)) report_overlap(i, *other, "in the database");
            }
            for (std::size_t j : new_by_key[key]) {
                if (overlaps(lines[j])) {
                    report_overlap(i, lines[j], fmt::format("line {}", rate_line_rows_[j].line));
                }
            }
            new_by_key[key].push_back(i);
        }
    }

    void report_overlap(std::size_t index, const RateLine& other, const std::string& where) {
        const auto& l = batch_.rows.rate_lines[index];
        const auto [line, column] = rate_line_rows_[index];
        issues().push_back({"rates.csv", line, column,
                            fmt::format("valid_from: validity {}..{} of '{}' overlaps '{}' ({}..{}, {})",
                                        l.valid_from.iso(), l.valid_to.iso(), l.line_id, other.line_id,
                                        other.valid_from.iso(), other.valid_to.iso(), where)});
    }

    void surcharge(RowReader& r) {
        Surcharge s;
        const auto id = r.required("surcharge_id");
        const auto code = r.parse("code", [](const std::string& t) {
            if (t.size() < 2 || t.size() > 3 || !std::all_of(t.begin(), t.end(), ::isupper)) {
                throw InputError(ErrorCode::InvalidCode, {},
                                 fmt::format("'{}' is not an other-charge code (2-3 letters)", t));
            }
            return t;
        });
        s.description = r.required("description").value_or("");
        const auto carrier_text = r.required("carrier");
        if (carrier_text && *carrier_text != kAny) {
            if (!known_.carriers.contains(*carrier_text)) {
                r.error("carrier", fmt::format("unknown carrier '{}'", *carrier_text));
            } else {
                s.carrier = CarrierCode::parse(*carrier_text);
            }
        }
        s.origin = known_airport(r, "origin", true);
        s.destination = known_airport(r, "destination", true);
        s.commodity = r.text("commodity");
        const auto basis = r.parse("basis", [](const std::string& t) {
            const auto b = parse_surcharge_basis(t);
            if (!b) {
                throw InputError(ErrorCode::InvalidInput, {},
                                 fmt::format("'{}' is not chargeable_kg, gross_kg, piece, shipment, "
                                             "freight_percent or value_percent",
                                             t));
            }
            return *b;
        });
        const auto ccy = r.parse("currency", [](const std::string& t) { return CurrencyCode::parse(t); });
        const auto from = r.parse("valid_from", date_of);
        const auto to = r.parse("valid_to", date_of);
        if (ccy && basis) {
            s.amount = Money::zero(*ccy);
            if (is_percent_basis(*basis)) {
                if (auto p = r.parse("rate", non_negative_percent)) s.percent = *p;
            } else if (auto m = r.parse("rate", [&](const std::string& t) { return non_negative_money(*ccy, t); })) {
                s.amount = *m;
            }
            const auto money = [&](const std::string& t) { return non_negative_money(*ccy, t); };
            s.minimum = r.parse_optional("min", money);
            s.maximum = r.parse_optional("max", money);
            if (s.minimum && s.maximum && *s.maximum < *s.minimum) r.error("max", "max is below min");
        }
        const auto margin_flag = r.parse_optional("apply_margin", flag_of);
        if (from && to && *to < *from) r.error("valid_to", "valid_to is before valid_from");
        if (id) {
            for (const auto& e : existing_.surcharges) {
                if (e.surcharge_id == *id) r.error("surcharge_id", fmt::format("duplicate key '{}' (already in the database)", *id));
            }
            if (!first_time(surcharges_seen_, r, "surcharge_id", *id)) return;
        }
        if (!id || !code || !basis || !ccy || !from || !to || r.had_errors()) return;
        s.surcharge_id = *id;
        s.code = *code;
        s.basis = *basis;
        s.valid_from = *from;
        s.valid_to = *to;
        // Fuel and security pass through at cost unless the sheet says otherwise.
        s.apply_margin = margin_flag.value_or(!(s.code == "MY" || s.code == "SC" || s.code == "XB"));
        batch_.rows.surcharges.push_back(std::move(s));
    }

    void margin(RowReader& r) {
        MarginRule m;
        const auto id = r.required("margin_id");
        m.customer_id = r.text("customer_id");
        m.customer_group = r.text("customer_group");
        if (!m.customer_id.empty() && !known_.customers.contains(m.customer_id)) {
            r.error("customer_id", fmt::format("unknown customer '{}'", m.customer_id));
        }
        if (!m.customer_id.empty() && !m.customer_group.empty()) {
            r.error("customer_group", "set customer_id or customer_group, not both");
        }
        m.origin = known_airport(r, "origin", true);
        m.destination = known_airport(r, "destination", true);
        const auto ccy = r.parse("currency", [](const std::string& t) { return CurrencyCode::parse(t); });
        if (auto w = r.parse("min_weight_kg", non_negative_kg)) m.min_weight = *w;
        if (auto p = r.parse("percent", non_negative_percent)) m.percent = *p;
        if (ccy) {
            const auto money = [&](const std::string& t) { return non_negative_money(*ccy, t); };
            m.per_kg = r.parse("per_kg", money).value_or(Money::zero(*ccy));
            m.min_per_shipment = r.parse("min_per_shipment", money).value_or(Money::zero(*ccy));
        }
        const auto from = r.parse("valid_from", date_of);
        const auto to = r.parse("valid_to", date_of);
        if (from && to && *to < *from) r.error("valid_to", "valid_to is before valid_from");
        if (id) {
            for (const auto& e : existing_.margins) {
                if (e.margin_id == *id) r.error("margin_id", fmt::format("duplicate key '{}' (already in the database)", *id));
            }
            if (!first_time(margins_seen_, r, "margin_id", *id)) return;
        }
        if (!id || !ccy || !from || !to || r.had_errors()) return;
        m.margin_id = *id;
        m.valid_from = *from;
        m.valid_to = *to;
        batch_.rows.margins.push_back(std::move(m));
    }

    // ---- schedules and handling ----

    void flight_leg(RowReader& r) {
        FlightLeg leg;
        const auto id = r.required("leg_id");
        const auto carrier = known_carrier(r, "carrier", false);
        const auto number = r.required("flight_number");
        const auto origin = known_airport(r, "origin", false);
        const auto destination = known_airport(r, "destination", false);
        const auto departure = r.parse("departure_local", minute_of_day);
        const auto arrival = r.parse("arrival_local", minute_of_day);
        const auto offset = r.parse("arrival_day_offset", day_offset_of);
        const auto days = r.parse("days", days_of);
        const auto from = r.parse("effective_from", date_of);
        const auto to = r.parse("effective_to", date_of);
        const auto type = r.parse("aircraft_type", aircraft_type_of);
        const auto category = r.parse("aircraft_category", aircraft_category_of);
        if (origin && destination && *origin == *destination) {
            r.error("destination", "origin and destination are the same airport");
        }
        if (from && to && *to < *from) {
            r.error("effective_to", "effective_to is before effective_from");
        }
        if (id) {
            for (const auto& e : existing_.schedule.legs) {
                if (e.leg_id == *id) {
                    r.error("leg_id",
                            fmt::format("duplicate key '{}' (already in the database)", *id));
                }
            }
            if (!first_time(legs_seen_, r, "leg_id", *id)) return;
        }
        if (!id || !carrier || !number || !origin || !destination || !departure || !arrival ||
            !offset || !days || !from || !to || !type || !category || r.had_errors()) {
            return;
        }
        leg.leg_id = *id;
        leg.carrier = *carrier;
        leg.flight_number = *number;
        leg.origin = *origin;
        leg.destination = *destination;
        leg.departure_minute = *departure;
        leg.arrival_minute = *arrival;
        leg.arrival_day_offset = *offset;
        leg.days = *days;
        leg.effective_from = *from;
        leg.effective_to = *to;
        leg.aircraft_type = *type;
        leg.category = *category;
        if (!arrives_after_departure(r, leg)) return;
        batch_.rows.schedule.legs.push_back(std::move(leg));
        leg_rows_.push_back({r.line(), r.column_of("effective_from")});
    }

    // Local times and the day offset must put the arrival after the departure (in UTC). A wrong
    // day offset fails on every date; a short leg may legitimately "arrive before it departs" on
    // a few dates (a DST change on one side only, or the repeated hour of a fall-back night), so
    // the leg is rejected only when it fails on the first, the middle and the last day of its
    // validity window.
    bool arrives_after_departure(RowReader& r, const FlightLeg& leg) {
        const auto origin_zone = known_.time_zones.find(leg.origin.str());
        const auto destination_zone = known_.time_zones.find(leg.destination.str());
        if (origin_zone == known_.time_zones.end() || destination_zone == known_.time_zones.end()) {
            return true;  // unknown airports were reported already
        }
        const auto at = [](Date d, int minute) {
            return LocalDateTime{std::chrono::local_seconds{d.days().time_since_epoch()} +
                                 std::chrono::minutes(minute)};
        };
        const auto span = (leg.effective_to.days() - leg.effective_from.days()).count();
        const Date middle = leg.effective_from.plus_days(static_cast<int>(span / 2));
        try {
            for (const Date day : {middle, leg.effective_from, leg.effective_to}) {
                const Instant departs =
                    to_instant(at(day, leg.departure_minute), origin_zone->second);
                const Instant arrives =
                    to_instant(at(day.plus_days(leg.arrival_day_offset), leg.arrival_minute),
                               destination_zone->second);
                if (arrives > departs) return true;
            }
        } catch (const Error& e) {
            r.error("origin", e.detail());
            return false;
        }
        r.error("arrival_day_offset",
                fmt::format("arrival {} {} ({}) is not after departure {} {} ({})",
                            middle.plus_days(leg.arrival_day_offset).iso(),
                            hh_mm(leg.arrival_minute), destination_zone->second, middle.iso(),
                            hh_mm(leg.departure_minute), origin_zone->second));
        return false;
    }

    // Legs of one flight (carrier, flight number, origin, destination) must not operate on the
    // same date twice, within the files and against the database.
    void check_leg_overlaps() {
        using Key = std::tuple<CarrierCode, std::string, AirportCode, AirportCode>;
        std::map<Key, std::vector<const FlightLeg*>> existing_by_key;
        for (const auto& l : existing_.schedule.legs) {
            existing_by_key[{l.carrier, l.flight_number, l.origin, l.destination}].push_back(&l);
        }
        std::map<Key, std::vector<std::size_t>> new_by_key;
        const auto& legs = batch_.rows.schedule.legs;
        for (std::size_t i = 0; i < legs.size(); ++i) {
            const auto& l = legs[i];
            const Key key{l.carrier, l.flight_number, l.origin, l.destination};
            for (const FlightLeg* other : existing_by_key[key]) {
                if (legs_overlap(l, *other)) report_leg_overlap(i, *other, "in the database");
            }
            for (std::size_t j : new_by_key[key]) {
                if (legs_overlap(l, legs[j])) {
                    report_leg_overlap(i, legs[j], fmt::format("line {}", leg_rows_[j].line));
                }
            }
            new_by_key[key].push_back(i);
        }
    }

    void report_leg_overlap(std::size_t index, const FlightLeg& other, const std::string& where) {
        const auto& l = batch_.rows.schedule.legs[index];
        const auto [line, column] = leg_rows_[index];
        issues().push_back(
            {"flight_legs.csv", line, column,
             fmt::format(
                 "effective_from: '{}' ({}..{}, days {}) overlaps '{}' ({}..{}, days {}, {}): "
                 "flight {} {}-{} would operate twice on the same day",
                 l.leg_id, l.effective_from.iso(), l.effective_to.iso(),
                 days_of_operation_text(l.days), other.leg_id, other.effective_from.iso(),
                 other.effective_to.iso(), days_of_operation_text(other.days), where,
                 l.flight_number, l.origin.view(), l.destination.view())});
    }

    void aircraft_limit(RowReader& r) {
        const auto category = r.parse("aircraft_category", aircraft_category_of);
        const auto length = r.parse("max_length_cm", positive_cm);
        const auto width = r.parse("max_width_cm", positive_cm);
        const auto height = r.parse("max_height_cm", positive_cm);
        const auto weight = r.parse("max_piece_weight_kg", positive_kg);
        if (category) {
            const std::string key(aircraft_category_name(*category));
            for (const auto& e : existing_.schedule.aircraft_limits) {
                if (e.category == *category) {
                    r.error("aircraft_category",
                            fmt::format("duplicate key '{}' (already in the database)", key));
                }
            }
            if (!first_time(limits_seen_, r, "aircraft_category", key)) return;
        }
        if (!category || !length || !width || !height || !weight || r.had_errors()) return;
        batch_.rows.schedule.aircraft_limits.push_back(
            AircraftLimits{*category, *length, *width, *height, *weight});
    }

    void restriction(RowReader& r) {
        const auto carrier = known_carrier(r, "carrier", false);
        const auto commodity = r.parse("commodity", restricted_commodity_of);
        if (carrier && commodity) {
            const std::string key = fmt::format("{}/{}", carrier->view(), *commodity);
            for (const auto& e : existing_.schedule.restrictions) {
                if (e.carrier == *carrier && e.commodity == *commodity) {
                    r.error("carrier",
                            fmt::format("duplicate key '{}' (already in the database)", key));
                }
            }
            if (!first_time(restrictions_seen_, r, "carrier", key)) return;
        }
        if (!carrier || !commodity || r.had_errors()) return;
        batch_.rows.schedule.restrictions.push_back(CarrierRestriction{*carrier, *commodity});
    }

    void connection_time(RowReader& r) {
        ConnectionTime c;
        bool any = false;
        c.airport = known_airport(r, "airport", true, &any);
        const auto online = r.parse("online_minutes", positive_minutes);
        const auto interline = r.parse("interline_minutes", positive_minutes);
        if (c.airport || any) {
            const std::string key = c.airport ? c.airport->str() : std::string(kAny);
            for (const auto& e : existing_.schedule.connection_times) {
                if (e.airport == c.airport) {
                    r.error("airport",
                            fmt::format("duplicate key '{}' (already in the database)", key));
                }
            }
            if (!first_time(connections_seen_, r, "airport", key)) return;
        }
        if (!online || !interline || r.had_errors()) return;
        c.online_minutes = *online;
        c.interline_minutes = *interline;
        batch_.rows.schedule.connection_times.push_back(c);
    }

    void handling_time(RowReader& r) {
        HandlingTime h;
        const bool any_carrier = r.text("carrier") == kAny;
        bool any_airport = false;
        h.carrier = known_carrier(r, "carrier", true);
        h.airport = known_airport(r, "airport", true, &any_airport);
        const auto cutoff = r.parse("cutoff_minutes", positive_minutes);
        const auto availability = r.parse("availability_minutes", positive_minutes);
        if ((h.carrier || any_carrier) && (h.airport || any_airport)) {
            const std::string key =
                fmt::format("{}/{}", h.carrier ? h.carrier->str() : std::string(kAny),
                            h.airport ? h.airport->str() : std::string(kAny));
            for (const auto& e : existing_.schedule.handling_times) {
                if (e.carrier == h.carrier && e.airport == h.airport) {
                    r.error("carrier",
                            fmt::format("duplicate key '{}' (already in the database)", key));
                }
            }
            if (!first_time(handling_seen_, r, "carrier", key)) return;
        }
        if (!cutoff || !availability || r.had_errors()) return;
        h.cutoff_minutes = *cutoff;
        h.availability_minutes = *availability;
        batch_.rows.schedule.handling_times.push_back(h);
    }

    void performance(RowReader& r) {
        CarrierPerformance p;
        const auto carrier = known_carrier(r, "carrier", false);
        const auto observed = r.parse("flights_observed", positive_int);
        const auto as_planned = r.parse("flights_as_planned", non_negative_count);
        const auto claims = r.parse("damage_claim_ratio_percent", percent_of_whole);
        const auto offloads = r.parse("offload_rate_percent", percent_of_whole);
        if (observed && as_planned && *as_planned > *observed) {
            r.error("flights_as_planned",
                    fmt::format("{} flights as planned is more than the {} flights observed",
                                *as_planned, *observed));
        }
        if (carrier) {
            for (const auto& e : existing_.schedule.performance) {
                if (e.carrier == *carrier) {
                    r.error("carrier", fmt::format("duplicate key '{}' (already in the database)",
                                                   carrier->view()));
                }
            }
            if (!first_time(performance_seen_, r, "carrier", carrier->str())) return;
        }
        if (!carrier || !observed || !as_planned || !claims || !offloads || r.had_errors()) return;
        p.carrier = *carrier;
        p.flights_observed = *observed;
        p.flights_as_planned = *as_planned;
        p.damage_claim_ratio = *claims;
        p.offload_rate = *offloads;
        batch_.rows.schedule.performance.push_back(p);
    }

    // ---- service levels ----

    std::optional<std::string> known_customer(RowReader& r, std::string_view column) {
        const auto id = r.required(column);
        if (id && !known_.customers.contains(*id)) {
            r.error(column, fmt::format("unknown customer '{}'", *id));
            return std::nullopt;
        }
        return id;
    }

    void sla_tier(RowReader& r) {
        selection::SlaTier t;
        const auto tier = r.required("tier");
        t.customer_id = r.text("customer_id");
        const bool is_override = !t.customer_id.empty();
        if (is_override && !known_.customers.contains(t.customer_id)) {
            r.error("customer_id", fmt::format("unknown customer '{}'", t.customer_id));
        }
        t.max_transit_hours = r.parse_optional("max_transit_hours", hours_of);
        t.min_reliability = r.parse_optional("min_reliability_percent", probability_of);
        const std::string price_text = r.text("max_price");
        const auto ccy = r.parse_optional("max_price_currency", [](const std::string& s) {
            return CurrencyCode::parse(s);
        });
        if (!price_text.empty() && r.text("max_price_currency").empty()) {
            r.error("max_price_currency", "missing value: max_price needs its currency");
        } else if (price_text.empty() && !r.text("max_price_currency").empty()) {
            r.error("max_price_currency", "given without max_price");
        } else if (ccy) {
            t.max_price = r.parse("max_price", [&](const std::string& s) {
                return non_negative_money(*ccy, s);
            });
        }
        t.max_price_over_cheapest =
            r.parse_optional("max_price_over_cheapest_percent", fraction_over_of);
        t.max_risk = r.parse_optional("max_risk_percent", probability_of);
        t.required_capabilities =
            r.parse_optional("required_capabilities", capabilities_of)
                .value_or(std::vector<std::string>{});
        const bool rule_given = !r.text("credit_rule").empty();
        t.credit_rule = r.parse_optional("credit_rule", credit_rule_of);
        t.credit_max_risk = r.parse_optional("credit_max_risk_percent", probability_of);
        const bool max_risk_given = !r.text("credit_max_risk_percent").empty();
        if (max_risk_given && t.credit_rule &&
            *t.credit_rule != selection::CreditRule::WithholdRiskyForNew) {
            r.error("credit_max_risk_percent",
                    fmt::format("given without credit_rule withhold_risky_for_new (credit_rule "
                                "is {})",
                                selection::credit_rule_name(*t.credit_rule)));
        } else if (max_risk_given && !rule_given && !is_override) {
            r.error("credit_max_risk_percent",
                    "given without credit_rule withhold_risky_for_new (credit_rule is empty)");
        }
        if (tier && !is_override) {
            // Known from here on even when the row has other faults (no follow-on errors).
            known_.tiers.insert(*tier);
            if (!rule_given || t.credit_rule) {
                known_.tier_credit_rules[*tier] =
                    t.credit_rule.value_or(selection::CreditRule::None);
            }
        }
        if (tier) {
            const std::string key =
                is_override ? fmt::format("{}/{}", *tier, t.customer_id) : *tier;
            for (const auto& e : existing_.sla_tiers) {
                if (e.tier == *tier && e.customer_id == t.customer_id) {
                    r.error("tier",
                            fmt::format("duplicate key '{}' (already in the database)", key));
                }
            }
            if (!first_time(sla_tiers_seen_, r, "tier", key)) return;
        }
        if (!tier || r.had_errors()) return;
        t.tier = *tier;
        if (is_override) {
            sla_override_rows_.push_back({batch_.rows.sla_tiers.size(), r.line(),
                                          r.column_of("tier"),
                                          r.column_of("credit_max_risk_percent"), rule_given});
        }
        batch_.rows.sla_tiers.push_back(std::move(t));
    }

    // A customer's override needs its tier defined (in the files or the database), and a
    // credit_max_risk_percent it gives without its own credit_rule needs the tier's rule to be
    // withhold_risky_for_new. Checked after the whole file: the tier row may come later.
    void check_sla_overrides() {
        for (const auto& row : sla_override_rows_) {
            const auto& t = batch_.rows.sla_tiers[row.index];
            if (!known_.tiers.contains(t.tier)) {
                issues().push_back({"sla_tiers.csv", row.line, row.tier_column,
                                    fmt::format("tier: unknown tier '{}' (no row defines it "
                                                "without a customer_id)",
                                                t.tier)});
                continue;
            }
            if (!t.credit_max_risk || row.rule_given) continue;
            const auto rule = known_.tier_credit_rules.find(t.tier);
            if (rule != known_.tier_credit_rules.end() &&
                rule->second != selection::CreditRule::WithholdRiskyForNew) {
                issues().push_back(
                    {"sla_tiers.csv", row.line, row.credit_max_risk_column,
                     fmt::format("credit_max_risk_percent: given without credit_rule "
                                 "withhold_risky_for_new (tier '{}' has {})",
                                 t.tier, selection::credit_rule_name(rule->second))});
            }
        }
    }

    void preference(RowReader& r) {
        selection::CustomerPreference p;
        const auto id = known_customer(r, "customer_id");
        p.default_tier = r.text("default_tier");
        if (!p.default_tier.empty() && !known_.tiers.contains(p.default_tier)) {
            r.error("default_tier", fmt::format("unknown tier '{}'", p.default_tier));
        }
        const auto method = r.parse_optional("method", method_of);
        const auto weights = r.parse_optional("weights", weights_of);
        if (id) {
            for (const auto& e : existing_.customer_preferences) {
                if (e.customer_id == *id) {
                    r.error("customer_id",
                            fmt::format("duplicate key '{}' (already in the database)", *id));
                }
            }
            if (!first_time(preferences_seen_, r, "customer_id", *id)) return;
        }
        if (!id || r.had_errors()) return;
        p.customer_id = *id;
        p.method = method.value_or("");
        p.weights = weights.value_or("");
        batch_.rows.customer_preferences.push_back(std::move(p));
    }

    const RateBookData& existing_;
    ImportBatch& batch_;
    Known known_;
    std::set<std::string> airports_seen_, carriers_seen_, fx_seen_, liability_seen_,
        customers_seen_, line_ids_seen_, surcharges_seen_, margins_seen_, existing_ids_;
    struct Location {
        std::size_t line;
        std::size_t column;  // of valid_from / effective_from, where overlap errors point
    };
    std::vector<Location> rate_line_rows_;  // where each accepted rate line came from
    std::vector<Location> leg_rows_;        // where each accepted flight leg came from
    std::set<std::string> legs_seen_, limits_seen_, restrictions_seen_, connections_seen_,
        handling_seen_, performance_seen_;
    struct SlaOverrideRow {
        std::size_t index;  // into batch_.rows.sla_tiers
        std::size_t line;
        std::size_t tier_column;
        std::size_t credit_max_risk_column;
        bool rule_given;  // the row names its own credit_rule
    };
    std::vector<SlaOverrideRow> sla_override_rows_;
    std::set<std::string> sla_tiers_seen_, preferences_seen_;
};

}  // namespace

const std::vector<std::string>& import_file_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& spec : file_specs()) out.push_back(spec.name);
        return out;
    }();
    return names;
}

ImportBatch read_import_directory(const fs::path& directory, const RateBookData& existing) {
    ImportBatch batch;
    if (!fs::is_directory(directory)) {
        batch.report.errors.push_back({directory.string(), 0, 0, "is not a directory"});
        return batch;
    }
    Importer importer(existing, batch);
    importer.read(directory);
    bool any_file = false;
    for (const auto& name : import_file_names()) any_file = any_file || fs::exists(directory / name);
    if (!any_file) {
        batch.report.errors.push_back(
            {directory.string(), 0, 0, "contains none of the rate-store CSV files"});
    }
    std::stable_sort(batch.report.errors.begin(), batch.report.errors.end(),
              [](const ImportIssue& a, const ImportIssue& b) {
                  return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
              });
    return batch;
}

}  // namespace cargoquote::rates
