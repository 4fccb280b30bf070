#pragma once
// Where synthetic shipments go: the lanes of a rate book with a general rate in force on some day
// of the ready window, each with the carriers filing on it, ranked for Zipf draws; and, on demand,
// the interline routings O-X-D whose two sectors are filed by different carriers.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "random.hpp"

namespace cargoquote::synth::detail {

// Inclusive day indices into the window (0 = its first day).
struct DaySpan {
    int first = 0;
    int last = 0;
};

// A specific commodity or class rate a row may ship under.
struct SpecialRate {
    const RateLine* line = nullptr;
    Commodity commodity;
};

// One carrier's rates on one lane.
struct Filing {
    CarrierCode carrier;
    std::span<const RateLine* const> lines;  // all of the carrier's lines on the lane, any class
    std::vector<DaySpan> open_days;          // days a general rate is in force, merged, ascending
    int day_count = 0;
    std::vector<SpecialRate> specials;
    std::size_t ordinal = 0;  // 0 .. LaneModel::filing_count() - 1

    [[nodiscard]] bool open_on(int day) const;
    // The k-th open day, k < day_count.
    [[nodiscard]] int open_day(std::uint64_t k) const;
    // The general rate line in force on `on` (an open day).
    [[nodiscard]] const RateLine& general_line(Date on) const;
};

// An airport on the unit sphere (for the detour test of interline routings).
struct SpherePoint {
    double x = 0, y = 0, z = 0;
};

struct Lane {
    AirportCode origin;
    AirportCode destination;
    SpherePoint origin_at;
    SpherePoint destination_at;
    std::vector<Filing> filings;             // in draw rank order
    std::vector<std::uint64_t> filing_zipf;  // cumulative weights over `filings`
};

struct InterlineOption {
    const Filing* first = nullptr;   // origin -> via
    const Filing* second = nullptr;  // via -> destination, another carrier
    std::string routing;             // "A1:PVG-ICN;B2:ICN-FRA"
};

class LaneModel {
  public:
    // Ranks are shuffled by `rng` before the stable sort by carrier count, so ties differ by seed.
    LaneModel(const RateBook& book, Date from, int days, Rng& rng);

    [[nodiscard]] const std::vector<Lane>& lanes() const { return lanes_; }
    [[nodiscard]] std::span<const std::uint64_t> lane_zipf() const { return lane_zipf_; }
    [[nodiscard]] std::size_t filing_count() const { return filing_count_; }
    // At most kMaxInterlineOptions routings for lane `index` without a long detour, via the
    // transfer points whose first-sector lanes rank highest; computed on first use.
    [[nodiscard]] std::span<const InterlineOption> interline_options(std::size_t index);

    static constexpr std::size_t kMaxInterlineOptions = 32;
    // A transfer point is used only when O-X-D is at most 30 % longer than O-D (straight-line).
    static constexpr double kMaxDetour = 1.3;

  private:
    [[nodiscard]] std::vector<InterlineOption> find_interline(const Lane& lane) const;

    std::vector<Lane> lanes_;
    std::vector<std::uint64_t> lane_zipf_;
    std::size_t filing_count_ = 0;
    std::unordered_map<std::uint64_t, std::size_t> lane_index_;             // packed O-D -> index
    std::unordered_map<AirportCode, std::vector<std::size_t>> lanes_from_;  // in rank order
    std::vector<std::vector<InterlineOption>> interline_;
    std::vector<bool> interline_done_;
};

// The default first ready day: the earliest valid_from of a general rate line on which the most
// general rate lines are in force. Throws InputError naming `from` when the book has none.
[[nodiscard]] Date default_window_start(const RateBook& book);

}  // namespace cargoquote::synth::detail
