#include "lanes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cassert>
#include <cmath>
#include <map>
#include <utility>

namespace cargoquote::synth::detail {

namespace {

std::uint64_t lane_key(AirportCode origin, AirportCode destination) {
    std::uint64_t key = 0;
    for (char c : origin.view()) key = (key << 8U) | static_cast<unsigned char>(c);
    for (char c : destination.view()) key = (key << 8U) | static_cast<unsigned char>(c);
    return key;
}

// sin and cos from basic arithmetic (Taylor series on |x| <= pi), so the detour test below gives
// the same answer wherever the synthesizer runs.
double series_sin(double x) {
    double term = x;
    double sum = x;
    for (int n = 1; n <= 12; ++n) {
        term = -term * x * x / ((2 * n) * (2 * n + 1));
        sum += term;
    }
    return sum;
}

double series_cos(double x) {
    double term = 1;
    double sum = 1;
    for (int n = 1; n <= 12; ++n) {
        term = -term * x * x / ((2 * n - 1) * (2 * n));
        sum += term;
    }
    return sum;
}

SpherePoint unit_vector(const Airport& a) {
    constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;
    const double lat = a.latitude * kRadiansPerDegree;
    const double lon = a.longitude * kRadiansPerDegree;
    return {series_cos(lat) * series_cos(lon), series_cos(lat) * series_sin(lon), series_sin(lat)};
}

// Straight-line (chord) distance between two points of the unit sphere, squared.
double chord_squared(const SpherePoint& a, const SpherePoint& b) {
    const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
    return dx * dx + dy * dy + dz * dz;
}

int day_index(Date from, Date d) { return static_cast<int>((d.days() - from.days()).count()); }

// The days of the window on which any of `lines`' general rates is in force.
std::vector<DaySpan> general_days(std::span<const RateLine* const> lines, Date from, int days) {
    std::vector<DaySpan> spans;
    for (const RateLine* line : lines) {
        if (line->rate_class != RateClass::General) continue;
        const int first = std::max(0, day_index(from, line->valid_from));
        const int last = std::min(days - 1, day_index(from, line->valid_to));
        if (first <= last) spans.push_back(DaySpan{first, last});
    }
    std::sort(spans.begin(), spans.end(),
              [](const DaySpan& a, const DaySpan& b) { return a.first < b.first; });
    std::vector<DaySpan> merged;
    for (const DaySpan& s : spans) {
        if (!merged.empty() && s.first <= merged.back().last + 1) {
            merged.back().last = std::max(merged.back().last, s.last);
        } else {
            merged.push_back(s);
        }
    }
    return merged;
}

Filing make_filing(std::span<const RateLine* const> lines, Date from, int days) {
    Filing f{.carrier = lines.front()->carrier, .lines = lines};
    f.open_days = general_days(lines, from, days);
    for (const DaySpan& s : f.open_days) f.day_count += s.last - s.first + 1;
    for (const RateLine* line : lines) {
        if (line->rate_class == RateClass::General) continue;
        try {
            f.specials.push_back(
                SpecialRate{line, Commodity::parse(line->commodity, line->line_id)});
        } catch (const InputError&) {
            // A commodity the book format cannot name: rows never ship under it.
        }
    }
    return f;
}

// The lane's filings with a general rate open in the window (lines come grouped by carrier).
std::vector<Filing> filings_on(std::span<const RateLine* const> lines, Date from, int days) {
    std::vector<Filing> out;
    std::size_t begin = 0;
    while (begin < lines.size()) {
        std::size_t end = begin;
        while (end < lines.size() && lines[end]->carrier == lines[begin]->carrier) ++end;
        Filing f = make_filing(lines.subspan(begin, end - begin), from, days);
        if (f.day_count > 0) out.push_back(std::move(f));
        begin = end;
    }
    return out;
}

template <typename T>
void shuffle(std::vector<T>& items, Rng& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        std::swap(items[i - 1], items[rng.below(i)]);
    }
}

}  // namespace

bool Filing::open_on(int day) const {
    return std::any_of(open_days.begin(), open_days.end(),
                       [day](const DaySpan& s) { return s.first <= day && day <= s.last; });
}

int Filing::open_day(std::uint64_t k) const {
    for (const DaySpan& s : open_days) {
        const auto length = static_cast<std::uint64_t>(s.last - s.first + 1);
        if (k < length) return s.first + static_cast<int>(k);
        k -= length;
    }
    assert(false && "open_day index beyond day_count");
    return open_days.back().last;
}

const RateLine& Filing::general_line(Date on) const {
    for (const RateLine* line : lines) {
        if (line->rate_class == RateClass::General && line->valid_on(on)) return *line;
    }
    assert(false && "general_line asked for a day the filing is closed");
    return *lines.front();
}

LaneModel::LaneModel(const RateBook& book, Date from, int days, Rng& rng) {
    const auto position = [&book](AirportCode code) {
        const Airport* a = book.airport(code);
        return a != nullptr ? unit_vector(*a) : SpherePoint{};
    };
    std::vector<std::pair<AirportCode, AirportCode>> keys;
    keys.reserve(book.data().rate_lines.size());
    for (const RateLine& line : book.data().rate_lines)
        keys.emplace_back(line.origin, line.destination);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& [origin, destination] : keys) {
        Lane lane{.origin = origin, .destination = destination};
        lane.origin_at = position(origin);
        lane.destination_at = position(destination);
        lane.filings = filings_on(book.lines_on_lane(origin, destination), from, days);
        if (lane.filings.empty()) continue;
        shuffle(lane.filings, rng);
        lane.filing_zipf = zipf_cumulative(lane.filings.size());
        lanes_.push_back(std::move(lane));
    }
    // Busy trade lanes have many carriers filing on them: they take the top ranks.
    shuffle(lanes_, rng);
    std::stable_sort(lanes_.begin(), lanes_.end(), [](const Lane& a, const Lane& b) {
        return a.filings.size() > b.filings.size();
    });
    lane_zipf_ = zipf_cumulative(lanes_.size());
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        for (Filing& f : lanes_[i].filings) f.ordinal = filing_count_++;
        lane_index_.emplace(lane_key(lanes_[i].origin, lanes_[i].destination), i);
        lanes_from_[lanes_[i].origin].push_back(i);
    }
    interline_.resize(lanes_.size());
    interline_done_.resize(lanes_.size(), false);
}

std::span<const InterlineOption> LaneModel::interline_options(std::size_t index) {
    if (!interline_done_[index]) {
        interline_[index] = find_interline(lanes_[index]);
        interline_done_[index] = true;
    }
    return interline_[index];
}

std::vector<InterlineOption> LaneModel::find_interline(const Lane& lane) const {
    std::vector<InterlineOption> options;
    const auto from = lanes_from_.find(lane.origin);
    if (from == lanes_from_.end()) return options;
    const SpherePoint& o = lane.origin_at;
    const SpherePoint& d = lane.destination_at;
    const double direct = std::sqrt(chord_squared(o, d));
    for (const std::size_t first_index : from->second) {
        const Lane& first = lanes_[first_index];
        if (first.destination == lane.destination) continue;
        const SpherePoint& via = first.destination_at;
        if (std::sqrt(chord_squared(o, via)) + std::sqrt(chord_squared(via, d)) >
            kMaxDetour * direct) {
            continue;  // nobody routes PVG-FRA through JFK
        }
        const auto second_it = lane_index_.find(lane_key(first.destination, lane.destination));
        if (second_it == lane_index_.end()) continue;
        const Lane& second = lanes_[second_it->second];
        for (const Filing& a : first.filings) {
            for (const Filing& b : second.filings) {
                if (a.carrier == b.carrier) continue;
                options.push_back(InterlineOption{
                    &a, &b,
                    fmt::format("{}:{}-{};{}:{}-{}", a.carrier.view(), lane.origin.view(),
                                first.destination.view(), b.carrier.view(),
                                first.destination.view(), lane.destination.view())});
                if (options.size() == kMaxInterlineOptions) return options;
            }
        }
    }
    return options;
}

Date default_window_start(const RateBook& book) {
    std::map<Date, std::size_t> in_force;  // candidate start -> general lines in force on it
    const auto& lines = book.data().rate_lines;
    for (const RateLine& line : lines) {
        if (line.rate_class == RateClass::General) in_force.emplace(line.valid_from, 0);
    }
    if (in_force.empty()) {
        throw InputError(ErrorCode::InvalidInput, "from",
                         "the rate book has no general rate lines");
    }
    for (auto& entry : in_force) {
        const Date day = entry.first;
        entry.second = static_cast<std::size_t>(
            std::count_if(lines.begin(), lines.end(), [day](const RateLine& l) {
                return l.rate_class == RateClass::General && l.valid_on(day);
            }));
    }
    return std::max_element(in_force.begin(), in_force.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
}

}  // namespace cargoquote::synth::detail
