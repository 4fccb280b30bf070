// Readers of the schedules and handling rules: flight legs, aircraft limits, carrier
// restrictions, connection and handling times, carrier performance (schema 0002).

#include <fmt/format.h>

#include <chrono>
#include <tuple>

#include "import/field_parsers.hpp"
#include "import/table_readers.hpp"

namespace cargoquote::rates {

namespace {

using namespace fields;

constexpr std::array<std::string_view, 3> kAircraftCategories = {"freighter", "widebody_belly",
                                                                 "narrowbody_belly"};
constexpr std::array<std::string_view, 5> kRestrictedCommodities = {"DGR", "AVI", "PER", "VAL",
                                                                    "HUM"};
// Connection and handling times: positive, at most a week.
constexpr WholeNumber<int> kMinutesUpToAWeek{
    kNotPositiveWhole, {kAtLeastOne.min, {7 * 24 * 60, "minutes is more than a week"}}};
// Whole days from the departure's local date to the arrival's.
constexpr std::string_view kOutsideDayOffsets = "is outside -1..3 days";
constexpr WholeNumber<int> kArrivalDayOffset{kNotWhole,
                                             {{-1, kOutsideDayOffsets, ErrorCode::InvalidInput},
                                              {3, kOutsideDayOffsets, ErrorCode::InvalidInput}}};

AircraftCategory aircraft_category(const std::string& s) {
    return named(s, parse_aircraft_category(s), kAircraftCategories);
}

// "HH:MM" local wall time -> minutes after midnight.
int minute_of_day(const std::string& s) {
    const auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
    const bool shape = s.size() == 5 && s[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4);
    const int hours = shape ? (s[0] - '0') * 10 + (s[1] - '0') : 0;
    const int minutes = shape ? (s[3] - '0') * 10 + (s[4] - '0') : 0;
    if (!shape || hours > 23 || minutes > 59) {
        refuse(s, ErrorCode::InvalidDateTime, "is not a local time HH:MM (00:00 to 23:59)");
    }
    return hours * 60 + minutes;
}

WeekdayMask days_of(const std::string& s) {
    const auto mask = parse_days_of_operation(s);
    if (!mask) {
        refuse(s, ErrorCode::InvalidInput,
               "is not a days-of-operation pattern (ISO weekdays 1-7 ascending, '.' for the "
               "others: 1234567, 1.3.5..)");
    }
    return *mask;
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

class FlightLegsReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        FlightLeg leg;
        const auto id = r.required("leg_id");
        const auto carrier = known_carrier(r, "carrier", false);
        const auto number = r.required("flight_number");
        const auto origin = known_airport(r, "origin", false);
        const auto destination = known_airport(r, "destination", false);
        const auto departure = r.parse("departure_local", minute_of_day);
        const auto arrival = r.parse("arrival_local", minute_of_day);
        const auto offset = r.parse("arrival_day_offset", kArrivalDayOffset);
        const auto days = r.parse("days", days_of);
        const auto from = r.parse("effective_from", date);
        const auto to = r.parse("effective_to", date);
        const auto type =
            r.parse("aircraft_type",
                    Code{{3, 3, true, true}, "an IATA aircraft type code (3 letters or digits)"});
        const auto category = r.parse("aircraft_category", aircraft_category);
        check_distinct(r, origin, destination);
        check_window(r, from, to, "effective_from", "effective_to");
        if (id) {
            in_database(r, "leg_id", *id, existing().schedule.legs,
                        [&](const FlightLeg& e) { return e.leg_id == *id; });
            if (!first_time(r, "leg_id", *id)) return;
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
        rows().schedule.legs.push_back(std::move(leg));
        accepted_.push_back({r.line(), r.column_of("effective_from")});
    }

    // Legs of one flight (carrier, flight number, origin, destination) must not operate on the
    // same date twice, within the file and against the database.
    void finish() override {
        using Key = std::tuple<CarrierCode, std::string, AirportCode, AirportCode>;
        std::map<Key, std::vector<const FlightLeg*>> stored_by_key;
        for (const auto& l : existing().schedule.legs) {
            stored_by_key[{l.carrier, l.flight_number, l.origin, l.destination}].push_back(&l);
        }
        std::map<Key, std::vector<std::size_t>> new_by_key;
        const auto& legs = rows().schedule.legs;
        for (std::size_t i = 0; i < legs.size(); ++i) {
            const auto& l = legs[i];
            const Key key{l.carrier, l.flight_number, l.origin, l.destination};
            for (const FlightLeg* other : stored_by_key[key]) {
                if (legs_overlap(l, *other)) report_overlap(i, *other, "in the database");
            }
            for (std::size_t j : new_by_key[key]) {
                if (legs_overlap(l, legs[j])) {
                    report_overlap(i, legs[j], fmt::format("line {}", accepted_[j].line));
                }
            }
            new_by_key[key].push_back(i);
        }
    }

  private:
    // Local times and the day offset must put the arrival after the departure (in UTC). A wrong
    // day offset fails on every date; a short leg may legitimately "arrive before it departs" on
    // a few dates (a DST change on one side only, or the repeated hour of a fall-back night), so
    // the leg is rejected only when it fails on the first, the middle and the last day of its
    // validity window.
    bool arrives_after_departure(RowReader& r, const FlightLeg& leg) {
        const auto& zones = known().time_zones;
        const auto origin_zone = zones.find(leg.origin.str());
        const auto destination_zone = zones.find(leg.destination.str());
        if (origin_zone == zones.end() || destination_zone == zones.end()) {
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

    void report_overlap(std::size_t index, const FlightLeg& other, const std::string& where) {
        const auto& l = rows().schedule.legs[index];
        const auto [line, column] = accepted_[index];
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

    struct Location {
        std::size_t line;
        std::size_t column;  // of effective_from, where overlap errors point
    };
    std::vector<Location> accepted_;  // where each accepted leg came from
};

class AircraftLimitsReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        const auto category = r.parse("aircraft_category", aircraft_category);
        const auto length = r.parse("max_length_cm", kPositiveCm);
        const auto width = r.parse("max_width_cm", kPositiveCm);
        const auto height = r.parse("max_height_cm", kPositiveCm);
        const auto weight = r.parse("max_piece_weight_kg", kPositiveKg);
        if (category) {
            const std::string key(aircraft_category_name(*category));
            in_database(r, "aircraft_category", key, existing().schedule.aircraft_limits,
                        [&](const AircraftLimits& e) { return e.category == *category; });
            if (!first_time(r, "aircraft_category", key)) return;
        }
        if (!category || !length || !width || !height || !weight || r.had_errors()) return;
        rows().schedule.aircraft_limits.push_back(
            AircraftLimits{*category, *length, *width, *height, *weight});
    }
};

class CarrierRestrictionsReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        const auto carrier = known_carrier(r, "carrier", false);
        const auto commodity =
            r.parse("commodity", OneOf{kRestrictedCommodities, ErrorCode::InvalidCode});
        if (carrier && commodity) {
            const std::string key = fmt::format("{}/{}", carrier->view(), *commodity);
            in_database(r, "carrier", key, existing().schedule.restrictions,
                        [&](const CarrierRestriction& e) {
                            return e.carrier == *carrier && e.commodity == *commodity;
                        });
            if (!first_time(r, "carrier", key)) return;
        }
        if (!carrier || !commodity || r.had_errors()) return;
        rows().schedule.restrictions.push_back(CarrierRestriction{*carrier, *commodity});
    }
};

class ConnectionTimesReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        ConnectionTime c;
        bool any = false;
        c.airport = known_airport(r, "airport", true, &any);
        const auto online = r.parse("online_minutes", kMinutesUpToAWeek);
        const auto interline = r.parse("interline_minutes", kMinutesUpToAWeek);
        if (c.airport || any) {
            const std::string key = c.airport ? c.airport->str() : std::string(kAny);
            in_database(r, "airport", key, existing().schedule.connection_times,
                        [&](const ConnectionTime& e) { return e.airport == c.airport; });
            if (!first_time(r, "airport", key)) return;
        }
        if (!online || !interline || r.had_errors()) return;
        c.online_minutes = *online;
        c.interline_minutes = *interline;
        rows().schedule.connection_times.push_back(c);
    }
};

class HandlingTimesReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        HandlingTime h;
        const bool any_carrier = r.text("carrier") == kAny;
        bool any_airport = false;
        h.carrier = known_carrier(r, "carrier", true);
        h.airport = known_airport(r, "airport", true, &any_airport);
        const auto cutoff = r.parse("cutoff_minutes", kMinutesUpToAWeek);
        const auto availability = r.parse("availability_minutes", kMinutesUpToAWeek);
        if ((h.carrier || any_carrier) && (h.airport || any_airport)) {
            const std::string key =
                fmt::format("{}/{}", h.carrier ? h.carrier->str() : std::string(kAny),
                            h.airport ? h.airport->str() : std::string(kAny));
            in_database(r, "carrier", key, existing().schedule.handling_times,
                        [&](const HandlingTime& e) {
                            return e.carrier == h.carrier && e.airport == h.airport;
                        });
            if (!first_time(r, "carrier", key)) return;
        }
        if (!cutoff || !availability || r.had_errors()) return;
        h.cutoff_minutes = *cutoff;
        h.availability_minutes = *availability;
        rows().schedule.handling_times.push_back(h);
    }
};

class CarrierPerformanceReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        CarrierPerformance p;
        const auto carrier = known_carrier(r, "carrier", false);
        const auto observed = r.parse("flights_observed", kPositiveCount);
        const auto as_planned = r.parse("flights_as_planned", kCount);
        const auto claims = r.parse("damage_claim_ratio_percent", kPercentOfWhole);
        const auto offloads = r.parse("offload_rate_percent", kPercentOfWhole);
        if (observed && as_planned && *as_planned > *observed) {
            r.error("flights_as_planned",
                    fmt::format("{} flights as planned is more than the {} flights observed",
                                *as_planned, *observed));
        }
        if (carrier) {
            in_database(r, "carrier", carrier->str(), existing().schedule.performance,
                        [&](const CarrierPerformance& e) { return e.carrier == *carrier; });
            if (!first_time(r, "carrier", carrier->str())) return;
        }
        if (!carrier || !observed || !as_planned || !claims || !offloads || r.had_errors()) return;
        p.carrier = *carrier;
        p.flights_observed = *observed;
        p.flights_as_planned = *as_planned;
        p.damage_claim_ratio = *claims;
        p.offload_rate = *offloads;
        rows().schedule.performance.push_back(p);
    }
};

}  // namespace

std::unique_ptr<TableReader> flight_legs_reader(ImportContext& context) {
    return std::make_unique<FlightLegsReader>(context);
}
std::unique_ptr<TableReader> aircraft_limits_reader(ImportContext& context) {
    return std::make_unique<AircraftLimitsReader>(context);
}
std::unique_ptr<TableReader> carrier_restrictions_reader(ImportContext& context) {
    return std::make_unique<CarrierRestrictionsReader>(context);
}
std::unique_ptr<TableReader> connection_times_reader(ImportContext& context) {
    return std::make_unique<ConnectionTimesReader>(context);
}
std::unique_ptr<TableReader> handling_times_reader(ImportContext& context) {
    return std::make_unique<HandlingTimesReader>(context);
}
std::unique_ptr<TableReader> carrier_performance_reader(ImportContext& context) {
    return std::make_unique<CarrierPerformanceReader>(context);
}

}  // namespace cargoquote::rates
