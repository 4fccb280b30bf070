#include <array>
#include <cargoquote/catalog/schedule.hpp>
#include <utility>

namespace cargoquote {

namespace {
constexpr std::array<std::pair<AircraftCategory, std::string_view>, 3> kCategoryNames = {{
    {AircraftCategory::Freighter, "freighter"},
    {AircraftCategory::WideBodyBelly, "widebody_belly"},
    {AircraftCategory::NarrowBodyBelly, "narrowbody_belly"},
}};
}  // namespace

std::string_view aircraft_category_name(AircraftCategory c) {
    for (const auto& [category, name] : kCategoryNames) {
        if (category == c) return name;
    }
    return "unknown";
}

std::optional<AircraftCategory> parse_aircraft_category(std::string_view name) {
    for (const auto& [category, n] : kCategoryNames) {
        if (n == name) return category;
    }
    return std::nullopt;
}

std::optional<WeekdayMask> parse_days_of_operation(std::string_view text) {
    if (text.empty() || text.size() > 7) return std::nullopt;
    WeekdayMask mask = 0;
    int last = 0;
    for (char c : text) {
        if (c == '.') continue;
        if (c < '1' || c > '7') return std::nullopt;
        const int day = c - '0';
        if (day <= last) return std::nullopt;  // ascending, no repeats
        last = day;
        mask = static_cast<WeekdayMask>(mask | (1U << (day - 1)));
    }
    if (mask == 0) return std::nullopt;
    return mask;
}

std::string days_of_operation_text(WeekdayMask mask) {
    std::string out;
    for (int day = 1; day <= 7; ++day) {
        out += (mask & (1U << (day - 1))) ? static_cast<char>('0' + day) : '.';
    }
    return out;
}

}  // namespace cargoquote
