#pragma once
// Reading the OpenFlights .dat files (shared/data/openflights/README.md): one record per
// physical line, RFC 4180 quoting, `\N` and empty both meaning missing; and the lookups their
// fields need (ISO country codes, current tz names, coordinates).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cargoquote::synth::detail {

// The whole file; InputError(FileUnreadable) naming it when it cannot be read.
[[nodiscard]] std::string read_openflights_file(const std::filesystem::path& path);

// The fields of one line (a trailing CR already dropped). Quoting as Python's csv module: a quote
// opens a quoted field only at the start of a field, "" inside quotes is a literal quote.
[[nodiscard]] std::vector<std::string> split_record(std::string_view line);

// Calls handle(fields) for every non-empty line of the file at `path` (no OpenFlights field
// contains a line break; routes.dat has CRLF line ends).
template <typename F>
void for_each_record(const std::filesystem::path& path, F&& handle) {
    const std::string content = read_openflights_file(path);
    std::size_t begin = 0;
    while (begin < content.size()) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string::npos) end = content.size();
        std::string_view line(content.data() + begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty()) handle(split_record(line));
        begin = end + 1;
    }
}

[[nodiscard]] inline bool missing(std::string_view s) { return s.empty() || s == "\\N"; }

// Degrees within [-limit, limit], rounded to the 6 decimals written to airports.csv; nullopt
// when missing or not a number in range.
[[nodiscard]] std::optional<double> parse_degrees(const std::string& text, double limit);

// countries.dat: country name -> ISO 3166-1 alpha-2 code.
using CountryCodes = std::unordered_map<std::string, std::string>;
[[nodiscard]] CountryCodes read_country_codes(const std::filesystem::path& countries_dat);

// The ISO code of an airports.dat country name: a small alias table for the OpenFlights
// spellings countries.dat lacks ("Burma"), then countries.dat; nullopt when neither knows it.
[[nodiscard]] std::optional<std::string> country_code(const CountryCodes& countries,
                                                      const std::string& name);

// The name under which a tz name is written: itself, or the current name of one of the tz
// "backward" aliases OpenFlights uses (Asia/Calcutta -> Asia/Kolkata) when the system tz
// database knows it; nullopt when the system tz database does not know the name.
[[nodiscard]] std::optional<std::string> current_zone_name(const std::string& name);

}  // namespace cargoquote::synth::detail
