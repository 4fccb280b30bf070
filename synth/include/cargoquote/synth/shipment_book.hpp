#pragma once
// Synthetic shipment books (docs/shipment-book-format.md input format) drawn from a rate book, for
// repricing tests and benchmarks. Rows are written as they are drawn, so memory stays flat for any
// row count, and the same book, seed and options give the same bytes.
//
// What a row looks like (shipment_book.cpp documents every probability):
//   lane      a lane with a general rate in force on some day of the ready window, drawn by Zipf
//             rank (weight 1/rank) with lanes ranked by how many carriers file on them, so a few
//             trunk lanes dominate as in a forwarder's book; the carrier likewise among those
//             filing on the lane; the ready date uniform over the days its general rate is valid;
//   routing   empty (the carrier's own origin-destination rate), except that 5 % of rows take
//             an interline routing when the lane has one: O-X by one carrier and X-D by another,
//             both with general rates in force on the ready date, O-X-D at most 30 % longer than
//             O-D (never with general_only); `carrier` is then the first sector's;
//   pieces    1-3 lines of cartons, pallets or crates (cargo.cpp);
//   commodity GEN, except 12 % of rows whose carrier files a specific commodity or class rate
//             valid that day (never with general_only);
//   customer  70 % one of the book's customers (Zipf), else empty;
//   declared  3 % of rows (80 % of VAL rows) declare a value (never with general_only);
//   previous  with `previous`: the engine's own sell price on the ready date's rates
//             (price_carrier, or price_route for interline rows) times a factor uniform in
//             0.94..1.06, rounded to the minor unit, in the rate's currency; empty when the
//             engine cannot price the row.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/core/time.hpp>
#include <cstdint>
#include <optional>
#include <ostream>

namespace cargoquote::synth {

struct ShipmentBookOptions {
    std::uint64_t rows = 0;
    std::uint64_t seed = 0;
    // First ready date; default: the earliest start of a general rate line on which the most
    // general rate lines are in force.
    std::optional<Date> from;
    int days = 28;
    bool general_only = false;  // GEN on-line rows only: no routing, class, SCR or declared value
    bool previous = false;      // fill previous_total / previous_currency
    bool json_lines = false;    // JSON Lines instead of CSV
};

struct ShipmentBookSummary {
    std::uint64_t rows = 0;
    Date from;
    int days = 0;
    std::size_t lanes_available = 0;  // lanes with a general rate in force in the window
    std::size_t lanes_used = 0;
    std::size_t carriers_used = 0;
    std::uint64_t interline_rows = 0;
    std::uint64_t special_commodity_rows = 0;
    std::uint64_t declared_value_rows = 0;
    std::uint64_t customer_rows = 0;
    std::uint64_t previous_rows = 0;  // rows with a previous price
};

// Writes `options.rows` rows (CSV header first) to `out`. Throws InputError naming `rows` or
// `days` when not positive, `from` when no general rate is in force in the window, and Error
// naming `out` when the stream fails.
ShipmentBookSummary synthesize_shipment_book(const RateBook& book,
                                             const ShipmentBookOptions& options, std::ostream& out);

}  // namespace cargoquote::synth
