#include "openflights_files.hpp"

#include <fmt/format.h>

#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/time.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

namespace cargoquote::synth::detail {

namespace {

// OpenFlights airport country names that countries.dat spells differently (or has no code for).
const std::unordered_map<std::string, std::string>& country_aliases() {
    static const std::unordered_map<std::string, std::string> aliases = {
        {"Burma", "MM"},
        {"Brunei", "BN"},
        {"Cape Verde", "CV"},
        {"Congo (Brazzaville)", "CG"},
        {"Congo (Kinshasa)", "CD"},
        {"East Timor", "TL"},
        {"Faroe Islands", "FO"},
        {"Johnston Atoll", "UM"},
        {"Kyrgyzstan", "KG"},
        {"Macau", "MO"},
        {"Micronesia", "FM"},
        {"Midway Islands", "UM"},
        {"Saint Helena", "SH"},
        {"Saint Kitts and Nevis", "KN"},
        {"Saint Lucia", "LC"},
        {"Saint Pierre and Miquelon", "PM"},
        {"Saint Vincent and the Grenadines", "VC"},
        {"Svalbard", "SJ"},
        {"Swaziland", "SZ"},
        {"Virgin Islands", "VI"},  // the US Virgin Islands (STT, STX)
        {"Wake Island", "UM"},
        {"Wallis and Futuna", "WF"},
        {"West Bank", "PS"},
    };
    return aliases;
}

// The tz "backward" aliases OpenFlights uses, with their current names.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kZoneRenames = {{
    {"America/Buenos_Aires", "America/Argentina/Buenos_Aires"},
    {"Asia/Calcutta", "Asia/Kolkata"},
    {"Asia/Katmandu", "Asia/Kathmandu"},
    {"Asia/Rangoon", "Asia/Yangon"},
    {"Asia/Saigon", "Asia/Ho_Chi_Minh"},
    {"Europe/Kiev", "Europe/Kyiv"},
    {"Pacific/Truk", "Pacific/Chuuk"},
}};

bool zone_exists(const std::string& name) {
    try {
        require_time_zone(name, "time_zone");
        return true;
    } catch (const InputError&) {
        return false;
    }
}

}  // namespace

std::string read_openflights_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(ErrorCode::FileUnreadable, path.string(),
                         "cannot read the OpenFlights file (expected airports.dat, airlines.dat, "
                         "routes.dat and countries.dat)");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<std::string> split_record(std::string_view line) {
    std::vector<std::string> fields;
    std::string current;
    bool quoted = false;
    bool at_field_start = true;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    current += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
        } else if (c == ',') {
            fields.push_back(std::move(current));
            current.clear();
            at_field_start = true;
            continue;
        } else if (c == '"' && at_field_start) {
            quoted = true;
        } else {
            current += c;
        }
        at_field_start = false;
    }
    fields.push_back(std::move(current));
    return fields;
}

std::optional<double> parse_degrees(const std::string& text, double limit) {
    if (missing(text)) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v) || v < -limit || v > limit) {
        return std::nullopt;
    }
    // Round to the 6 decimals written to airports.csv, so every later computation (and anyone
    // recomputing from airports.csv) sees the same value.
    return std::strtod(fmt::format("{:.6f}", v).c_str(), nullptr);
}

CountryCodes read_country_codes(const std::filesystem::path& countries_dat) {
    CountryCodes countries;
    for_each_record(countries_dat, [&](const std::vector<std::string>& f) {
        if (f.size() == 3 && !missing(f[1])) countries.emplace(f[0], f[1]);
    });
    return countries;
}

std::optional<std::string> country_code(const CountryCodes& countries, const std::string& name) {
    if (const auto a = country_aliases().find(name); a != country_aliases().end()) return a->second;
    if (const auto c = countries.find(name); c != countries.end()) return c->second;
    return std::nullopt;
}

std::optional<std::string> current_zone_name(const std::string& name) {
    if (!zone_exists(name)) return std::nullopt;
    std::string written = name;
    for (const auto& [old_name, new_name] : kZoneRenames) {
        if (name == old_name && zone_exists(std::string(new_name))) written = new_name;
    }
    return written;
}

}  // namespace cargoquote::synth::detail
