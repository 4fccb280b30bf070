// Synthetic books: the row loop. Probabilities (parts per million) and their reasons:
//   5 % interline: forwarders book most freight on-line and interline where it is cheaper;
//   12 % special commodity where the carrier files one (textiles under SCR 2199 on PVG-FRA...);
//   70 % with a customer: most of a desk's volume is contract customers, the rest walk-ins;
//   3 % declared value (insured cargo is the exception), 80 % of VAL (valuables) rows;
//   ready hours weighted towards the working day, on five-minute marks, in local time.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cargoquote/core/error.hpp>
#include <cargoquote/pricing/carrier_pricer.hpp>
#include <cargoquote/pricing/itinerary_pricer.hpp>
#include <cargoquote/synth/shipment_book.hpp>
#include <charconv>
#include <unordered_set>

#include "cargo.hpp"
#include "lanes.hpp"
#include "random.hpp"
#include "row_writer.hpp"

namespace cargoquote::synth {

namespace {

using detail::Cargo;
using detail::Filing;
using detail::InterlineOption;
using detail::Rng;

constexpr std::uint32_t kInterlinePpm = 50'000;
constexpr std::uint32_t kSpecialCommodityPpm = 120'000;
constexpr std::uint32_t kCustomerPpm = 700'000;
constexpr std::uint32_t kDeclaredValuePpm = 30'000;
constexpr std::uint32_t kValuablesDeclaredPpm = 800'000;
// The previous price: the engine's, moved by a factor in [0.94, 1.06].
constexpr std::int64_t kPreviousLowPpm = 940'000;
constexpr std::int64_t kPreviousHighPpm = 1'060'000;

// Relative weights of the local ready hour 00..23.
constexpr std::array<std::uint64_t, 24> kHourWeights = {1, 1, 1,  1,  1,  1,  3, 3, 10, 10, 10, 10,
                                                        8, 8, 10, 10, 10, 10, 6, 6, 3,  3,  2,  2};

std::vector<std::uint64_t> cumulative(std::span<const std::uint64_t> weights) {
    std::vector<std::uint64_t> out;
    std::uint64_t total = 0;
    for (auto w : weights) out.push_back(total += w);
    return out;
}

void append_two_digits(std::string& out, int value) {
    out += static_cast<char>('0' + value / 10);
    out += static_cast<char>('0' + value % 10);
}

// What the row loop decided; text fields point into the synthesizer's scratch strings or the
// rate book.
struct DrawnRow {
    const Filing* filing = nullptr;
    const InterlineOption* interline = nullptr;
    int day = 0;
    int minute_of_day = 0;
    Cargo cargo;
    const detail::SpecialRate* special = nullptr;
    const Customer* customer = nullptr;
    std::optional<Money> declared_value;
    std::int64_t previous_factor_ppm = 0;
};

class Synthesizer {
  public:
    Synthesizer(const RateBook& book, const ShipmentBookOptions& options, Date from)
        : book_(book),
          options_(options),
          rng_(options.seed),
          lanes_(book, from, options.days, rng_),
          hour_weights_(cumulative(kHourWeights)),
          usd_(CurrencyCode::parse("USD")),
          eur_(CurrencyCode::parse("EUR")),
          sdr_(CurrencyCode::parse("XDR")) {
        for (int d = 0; d < options.days; ++d) {
            dates_.push_back(from.plus_days(d));
            date_texts_.push_back(dates_.back().iso());
        }
        for (const Customer& c : book.data().customers) customers_.push_back(&c);
        for (std::size_t i = customers_.size(); i > 1; --i) {
            std::swap(customers_[i - 1], customers_[rng_.below(i)]);
        }
        customer_zipf_ = detail::zipf_cumulative(customers_.size());
        lane_used_.resize(lanes_.lanes().size(), false);
        filing_used_.resize(lanes_.filing_count(), false);
        summary_.from = from;
        summary_.days = options.days;
        summary_.lanes_available = lanes_.lanes().size();
    }

    [[nodiscard]] std::size_t lanes_available() const { return summary_.lanes_available; }

    ShipmentBookSummary run(std::ostream& out) {
        detail::BookWriter writer(out, options_.json_lines);
        for (std::uint64_t n = 1; n <= options_.rows; ++n) writer.write(next_row(n));
        writer.finish();
        summary_.rows = options_.rows;
        summary_.lanes_used =
            static_cast<std::size_t>(std::count(lane_used_.begin(), lane_used_.end(), true));
        std::unordered_set<CarrierCode> carriers;
        for (const detail::Lane& lane : lanes_.lanes()) {
            for (const Filing& f : lane.filings) {
                if (filing_used_[f.ordinal]) carriers.insert(f.carrier);
            }
        }
        summary_.carriers_used = carriers.size();
        return summary_;
    }

  private:
    detail::SynthRowFields next_row(std::uint64_t number) {
        const std::size_t lane_index = rng_.weighted(lanes_.lane_zipf());
        const detail::Lane& lane = lanes_.lanes()[lane_index];
        lane_used_[lane_index] = true;
        DrawnRow row;
        row.filing = &lane.filings[rng_.weighted(lane.filing_zipf)];
        row.day =
            row.filing->open_day(rng_.below(static_cast<std::uint64_t>(row.filing->day_count)));
        row.minute_of_day = static_cast<int>(rng_.weighted(hour_weights_)) * 60 +
                            static_cast<int>(rng_.below(12)) * 5;
        row.cargo = detail::draw_cargo(rng_);
        if (!options_.general_only) {
            if (rng_.chance_ppm(kInterlinePpm)) row.interline = draw_interline(lane_index, row.day);
            if (row.interline == nullptr && rng_.chance_ppm(kSpecialCommodityPpm)) {
                row.special = draw_special(*row.filing, row.day);
            }
        }
        if (!customers_.empty() && rng_.chance_ppm(kCustomerPpm)) {
            row.customer = customers_[rng_.weighted(customer_zipf_)];
        }
        if (!options_.general_only) row.declared_value = draw_declared_value(row);
        row.previous_factor_ppm = rng_.between(kPreviousLowPpm, kPreviousHighPpm);
        return text_of(number, lane, row);
    }

    const InterlineOption* draw_interline(std::size_t lane_index, int day) {
        const auto options = lanes_.interline_options(lane_index);
        const auto open = [day](const InterlineOption& o) {
            return o.first->open_on(day) && o.second->open_on(day);
        };
        const auto count = std::count_if(options.begin(), options.end(), open);
        if (count == 0) return nullptr;
        auto k = static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(count)));
        for (const InterlineOption& o : options) {
            if (open(o) && k-- == 0) return &o;
        }
        return nullptr;
    }

    const detail::SpecialRate* draw_special(const Filing& filing, int day) {
        const Date on = dates_[static_cast<std::size_t>(day)];
        const auto valid = [on](const detail::SpecialRate& s) { return s.line->valid_on(on); };
        const auto count = std::count_if(filing.specials.begin(), filing.specials.end(), valid);
        if (count == 0) return nullptr;
        auto k = static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(count)));
        for (const auto& s : filing.specials) {
            if (valid(s) && k-- == 0) return &s;
        }
        return nullptr;
    }

    // Whole units of the rate's currency, or of USD/EUR when the FX table converts them (the
    // valuation charge needs SDR -> value currency and value currency -> rate currency).
    std::optional<Money> draw_declared_value(const DrawnRow& row) {
        const bool valuables = row.special != nullptr && row.special->commodity.code() == "VAL";
        if (!rng_.chance_ppm(valuables ? kValuablesDeclaredPpm : kDeclaredValuePpm)) {
            return std::nullopt;
        }
        const Date on = dates_[static_cast<std::size_t>(row.day)];
        const Filing& first = row.interline != nullptr ? *row.interline->first : *row.filing;
        const CurrencyCode rate_currency = first.general_line(on).currency;
        const std::uint64_t roll = rng_.below(10);
        CurrencyCode currency = roll < 6 ? rate_currency : roll < 8 ? usd_ : eur_;
        const auto convertible = [&](CurrencyCode c) {
            return book_.fx().find(c, rate_currency, on) && book_.fx().find(sdr_, c, on);
        };
        if (!convertible(currency)) currency = rate_currency;
        if (!convertible(currency)) return std::nullopt;
        const double per_kg = std::clamp(rng_.lognormal(40, 1.0), 2.0, 5000.0);
        const double kg = static_cast<double>(row.cargo.gross_grams()) / 1000.0;
        const auto units = std::max<std::int64_t>(1, static_cast<std::int64_t>(kg * per_kg + 0.5));
        return Money(currency, units * Money::kMicrosPerUnit);
    }

    std::optional<Money> previous_price(const detail::Lane& lane, const DrawnRow& row) {
        const Date on = dates_[static_cast<std::size_t>(row.day)];
        Shipment shipment{
            .origin = lane.origin,
            .destination = lane.destination,
            .pieces = detail::to_pieces(row.cargo),
            .commodity = row.special != nullptr ? row.special->commodity : Commodity::general(),
            .declared_value = row.declared_value,
            .ready_time = LocalDateTime{std::chrono::local_days(on.days().time_since_epoch()) +
                                        std::chrono::minutes(row.minute_of_day)}};
        if (row.customer != nullptr) shipment.customer_id = row.customer->customer_id;
        const PricingContext context{book_, shipment, row.customer, on, on};
        PricingOutcome outcome = row.interline != nullptr
                                     ? price_interline(context, *row.interline)
                                     : price_carrier(context, row.filing->lines);
        const auto* option = std::get_if<PricedOption>(&outcome);
        if (option == nullptr) return std::nullopt;
        return apply_ratio(option->sell_total, Ratio::from_ppm(row.previous_factor_ppm));
    }

    // The booked sectors, priced as `reprice` prices a routing.
    static PricingOutcome price_interline(const PricingContext& context, const InterlineOption& o) {
        const auto sector = [](const Filing& f) {
            const RateLine& line = *f.lines.front();
            return RouteSector{f.carrier, line.origin, line.destination};
        };
        const std::array<RouteSector, 2> sectors{sector(*o.first), sector(*o.second)};
        return price_route(context, sectors);
    }

    detail::SynthRowFields text_of(std::uint64_t number, const detail::Lane& lane,
                                   const DrawnRow& row) {
        id_.assign("SYN");
        append_number(id_, options_.seed);
        id_ += '-';
        const std::size_t digits_at = id_.size();
        append_number(id_, number);
        if (const std::size_t width = id_.size() - digits_at; width < 8) {
            id_.insert(digits_at, 8 - width, '0');
        }
        pieces_.clear();
        detail::append_piece_specs(pieces_, row.cargo);
        ready_.assign(date_texts_[static_cast<std::size_t>(row.day)]);
        ready_ += 'T';
        append_two_digits(ready_, row.minute_of_day / 60);
        ready_ += ':';
        append_two_digits(ready_, row.minute_of_day % 60);
        declared_.clear();
        if (row.declared_value) {
            append_number(declared_, static_cast<std::uint64_t>(row.declared_value->micros() /
                                                                Money::kMicrosPerUnit));
            declared_ += ' ';
            declared_ += row.declared_value->currency().view();
        }
        previous_.clear();
        previous_currency_.clear();
        if (options_.previous) {
            if (const auto previous = previous_price(lane, row)) {
                previous_ = previous->amount_text();
                previous_currency_ = previous->currency().view();
                ++summary_.previous_rows;
            }
        }
        const Filing& booked = row.interline != nullptr ? *row.interline->first : *row.filing;
        carrier_ = booked.carrier.view();
        filing_used_[booked.ordinal] = true;
        if (row.interline != nullptr) {
            filing_used_[row.interline->second->ordinal] = true;
            ++summary_.interline_rows;
        }
        if (row.special != nullptr) ++summary_.special_commodity_rows;
        if (row.declared_value) ++summary_.declared_value_rows;
        if (row.customer != nullptr) ++summary_.customer_rows;
        return {id_,
                lane.origin.view(),
                lane.destination.view(),
                pieces_,
                ready_,
                row.special != nullptr ? std::string_view(row.special->commodity.code()) : "GEN",
                row.customer != nullptr ? std::string_view(row.customer->customer_id) : "",
                declared_,
                carrier_,
                row.interline != nullptr ? std::string_view(row.interline->routing) : "",
                previous_,
                previous_currency_};
    }

    static void append_number(std::string& out, std::uint64_t value) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        out.append(digits, end);
    }

    const RateBook& book_;
    const ShipmentBookOptions& options_;
    Rng rng_;
    detail::LaneModel lanes_;
    std::vector<std::uint64_t> hour_weights_;
    CurrencyCode usd_;
    CurrencyCode eur_;
    CurrencyCode sdr_;
    std::vector<Date> dates_;
    std::vector<std::string> date_texts_;
    std::vector<const Customer*> customers_;
    std::vector<std::uint64_t> customer_zipf_;
    std::vector<bool> lane_used_;
    std::vector<bool> filing_used_;
    ShipmentBookSummary summary_;
    // Scratch text of the current row (the writer copies it before the next row).
    std::string id_, pieces_, ready_, declared_, previous_, previous_currency_, carrier_;
};

}  // namespace

ShipmentBookSummary synthesize_shipment_book(const RateBook& book,
                                             const ShipmentBookOptions& options,
                                             std::ostream& out) {
    if (options.rows == 0) {
        throw InputError(ErrorCode::NegativeQuantity, "rows",
                         "the number of rows must be positive");
    }
    if (options.days <= 0) {
        throw InputError(ErrorCode::NegativeQuantity, "days",
                         "the number of days must be positive");
    }
    const Date from = options.from ? *options.from : detail::default_window_start(book);
    Synthesizer synthesizer(book, options, from);
    if (synthesizer.lanes_available() == 0) {
        throw InputError(ErrorCode::InvalidInput, "from",
                         fmt::format("no general rate is in force from {} to {}", from.iso(),
                                     from.plus_days(options.days - 1).iso()));
    }
    return synthesizer.run(out);
}

}  // namespace cargoquote::synth
