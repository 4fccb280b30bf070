// Readers of the tariffs: rate lines with their weight breaks, surcharges and customer margins
// (schema 0001).

#include <fmt/format.h>

#include <sstream>
#include <tuple>

#include "import/field_parsers.hpp"
#include "import/table_readers.hpp"

namespace cargoquote::rates {

namespace {

using namespace fields;

constexpr std::array<std::string_view, 3> kRateClasses = {"GEN", "SCR", "CLASS"};
constexpr CodeShape kScrItemNumber{4, 4, false, true};

std::optional<RateClass> rate_class_named(std::string_view name) {
    for (const RateClass c :
         {RateClass::General, RateClass::SpecificCommodity, RateClass::ClassRate}) {
        if (rate_class_name(c) == name) return c;
    }
    return std::nullopt;
}

// "0:4.20 45:3.80 ..." : from_kg:rate_per_kg, ascending by weight.
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
        const Mass from = kNonNegativeKg(token.substr(0, colon));
        const Money rate = Amount{ccy}(token.substr(colon + 1));
        if (!breaks.empty() && from <= breaks.back().from) {
            throw InputError(ErrorCode::InvalidInput, {},
                             fmt::format("breaks not ascending: {} kg after {} kg", from.kg_text(),
                                         breaks.back().from.kg_text()));
        }
        breaks.push_back(WeightBreak{from, rate});
    }
    return breaks;
}

class RateLinesReader final : public TableReader {
  public:
    explicit RateLinesReader(ImportContext& context) : TableReader(context) {
        for (const auto& l : existing().rate_lines) stored_ids_.insert(l.line_id);
    }

    void read_row(RowReader& r) override {
        RateLine line;
        const auto id = r.required("line_id");
        // Not known_carrier(): a lane always names its carrier, so ZZZ is just unknown here.
        const auto carrier_text = r.required("carrier");
        if (carrier_text && !known().carriers.contains(*carrier_text)) {
            r.error("carrier", fmt::format("unknown carrier '{}'", *carrier_text));
        }
        const auto origin = known_airport(r, "origin", false);
        const auto destination = known_airport(r, "destination", false);
        const auto cls = r.parse("rate_class", [](const std::string& s) {
            return named(s, rate_class_named(s), kRateClasses);
        });
        const auto ccy = r.parse("currency", currency);
        const auto from = r.parse("valid_from", date);
        const auto to = r.parse("valid_to", date);
        const auto divisor = r.parse("divisor", kPositiveCount);
        const auto step = r.parse("weight_step_kg", kNonNegativeKg);
        line.sheet = r.required("sheet").value_or("");
        line.version = r.required("version").value_or("");
        line.commodity = r.text("commodity");
        bool breaks_ok = false;  // false when the currency or the breaks column itself was bad
        if (ccy) {
            const auto min_charge = r.parse("min_charge", Amount{*ccy});
            const auto breaks = r.parse_optional(
                "breaks", [&](const std::string& s) { return breaks_of(*ccy, s); });
            if (min_charge) line.min_charge = *min_charge;
            if (breaks) line.breaks = *breaks;
            breaks_ok = breaks.has_value() || r.text("breaks").empty();
            line.currency = *ccy;
        }
        if (step && step->in_grams() <= 0) r.error("weight_step_kg", "must be greater than zero");
        check_window(r, from, to);
        check_distinct(r, origin, destination);
        if (cls) check_rate_class(r, *cls, line, breaks_ok);
        if (id && stored_ids_.contains(*id)) report_in_database(r, "line_id", *id);
        if (id && !first_time(r, "line_id", *id)) return;
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
        rows().rate_lines.push_back(std::move(line));
        accepted_.push_back({r.file(), r.line(), r.column_of("valid_from")});
    }

    // Validity windows of one key (carrier, lane, class, commodity) must not overlap, within the
    // file and against the database.
    void finish() override {
        using Key = std::tuple<CarrierCode, AirportCode, AirportCode, RateClass, std::string>;
        std::map<Key, std::vector<const RateLine*>> stored_by_key;
        for (const auto& l : existing().rate_lines) {
            stored_by_key[{l.carrier, l.origin, l.destination, l.rate_class, l.commodity}]
                .push_back(&l);
        }
        std::map<Key, std::vector<std::size_t>> new_by_key;
        const auto& lines = rows().rate_lines;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& l = lines[i];
            const Key key{l.carrier, l.origin, l.destination, l.rate_class, l.commodity};
            const auto overlaps = [&](const RateLine& other) {
                return l.valid_from <= other.valid_to && other.valid_from <= l.valid_to;
            };
            for (const RateLine* other : stored_by_key[key]) {
                if (overlaps(*other)) report_overlap(i, *other, "in the database");
            }
            for (std::size_t j : new_by_key[key]) {
                if (overlaps(lines[j])) {
                    report_overlap(i, lines[j], fmt::format("line {}", accepted_[j].line));
                }
            }
            new_by_key[key].push_back(i);
        }
    }

  private:
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
                if (!has_shape(line.commodity, kScrItemNumber)) {
                    r.error("commodity", "SCR needs a 4-digit commodity item number");
                }
                if (breaks_ok && line.breaks.empty()) {
                    r.error("breaks", "SCR needs at least one break");
                }
                const auto min_weight = r.parse("min_weight_kg", kNonNegativeKg);
                if (min_weight) line.min_weight = *min_weight;
                break;
            }
            case RateClass::ClassRate: {
                try {
                    (void)Commodity::parse(line.commodity, {});
                    if (line.commodity.size() != 3) {
                        throw InputError(ErrorCode::InvalidCode, {}, "");
                    }
                } catch (const InputError&) {
                    r.error("commodity", "CLASS needs a class code such as AVI, NWP, VAL");
                }
                if (breaks_ok && !line.breaks.empty()) {
                    r.error("breaks", "CLASS lines take no breaks");
                }
                const auto pct = r.parse("class_percent", kNonNegativePercent);
                const auto min_pct = r.parse("class_min_percent", kNonNegativePercent);
                if (pct) line.class_percent = *pct;
                if (min_pct) line.class_min_percent = *min_pct;
                break;
            }
        }
    }

    void report_overlap(std::size_t index, const RateLine& other, const std::string& where) {
        const auto& l = rows().rate_lines[index];
        const auto& [file, line, column] = accepted_[index];
        issues().push_back(
            {file, line, column,
             fmt::format("valid_from: validity {}..{} of '{}' overlaps '{}' ({}..{}, {})",
                         l.valid_from.iso(), l.valid_to.iso(), l.line_id, other.line_id,
                         other.valid_from.iso(), other.valid_to.iso(), where)});
    }

    struct Location {
        std::string file;  // rates.csv, or the sheet of a workbook
        std::size_t line;
        std::size_t column;  // of valid_from, where overlap errors point
    };
    std::set<std::string> stored_ids_;
    std::vector<Location> accepted_;  // where each accepted line came from
};

class SurchargesReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        Surcharge s;
        const auto id = r.required("surcharge_id");
        const auto code =
            r.parse("code", Code{{2, 3, true, false}, "an other-charge code (2-3 letters)"});
        s.description = r.required("description").value_or("");
        s.carrier = known_carrier(r, "carrier", true);
        s.origin = known_airport(r, "origin", true);
        s.destination = known_airport(r, "destination", true);
        s.commodity = r.text("commodity");
        const auto basis = r.parse("basis", [](const std::string& t) {
            return named(t, parse_surcharge_basis(t), kSurchargeBasisNames);
        });
        const auto ccy = r.parse("currency", currency);
        const auto from = r.parse("valid_from", date);
        const auto to = r.parse("valid_to", date);
        if (ccy && basis) {
            s.amount = Money::zero(*ccy);
            if (is_percent_basis(*basis)) {
                if (auto p = r.parse("rate", kNonNegativePercent)) s.percent = *p;
            } else if (auto m = r.parse("rate", Amount{*ccy})) {
                s.amount = *m;
            }
            s.minimum = r.parse_optional("min", Amount{*ccy});
            s.maximum = r.parse_optional("max", Amount{*ccy});
            if (s.minimum && s.maximum && *s.maximum < *s.minimum) {
                r.error("max", "max is below min");
            }
        }
        const auto margin_flag = r.parse_optional("apply_margin", flag);
        check_window(r, from, to);
        if (id) {
            in_database(r, "surcharge_id", *id, existing().surcharges,
                        [&](const Surcharge& e) { return e.surcharge_id == *id; });
            if (!first_time(r, "surcharge_id", *id)) return;
        }
        if (!id || !code || !basis || !ccy || !from || !to || r.had_errors()) return;
        s.surcharge_id = *id;
        s.code = *code;
        s.basis = *basis;
        s.valid_from = *from;
        s.valid_to = *to;
        // Fuel and security pass through at cost unless the sheet says otherwise.
        s.apply_margin =
            margin_flag.value_or(!(s.code == "MY" || s.code == "SC" || s.code == "XB"));
        rows().surcharges.push_back(std::move(s));
    }
};

class MarginsReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        MarginRule m;
        const auto id = r.required("margin_id");
        m.customer_id = r.text("customer_id");
        m.customer_group = r.text("customer_group");
        if (!m.customer_id.empty() && !known().customers.contains(m.customer_id)) {
            r.error("customer_id", fmt::format("unknown customer '{}'", m.customer_id));
        }
        if (!m.customer_id.empty() && !m.customer_group.empty()) {
            r.error("customer_group", "set customer_id or customer_group, not both");
        }
        m.origin = known_airport(r, "origin", true);
        m.destination = known_airport(r, "destination", true);
        const auto ccy = r.parse("currency", currency);
        if (auto w = r.parse("min_weight_kg", kNonNegativeKg)) m.min_weight = *w;
        if (auto p = r.parse("percent", kNonNegativePercent)) m.percent = *p;
        if (ccy) {
            m.per_kg = r.parse("per_kg", Amount{*ccy}).value_or(Money::zero(*ccy));
            m.min_per_shipment =
                r.parse("min_per_shipment", Amount{*ccy}).value_or(Money::zero(*ccy));
        }
        const auto from = r.parse("valid_from", date);
        const auto to = r.parse("valid_to", date);
        check_window(r, from, to);
        if (id) {
            in_database(r, "margin_id", *id, existing().margins,
                        [&](const MarginRule& e) { return e.margin_id == *id; });
            if (!first_time(r, "margin_id", *id)) return;
        }
        if (!id || !ccy || !from || !to || r.had_errors()) return;
        m.margin_id = *id;
        m.valid_from = *from;
        m.valid_to = *to;
        rows().margins.push_back(std::move(m));
    }
};

}  // namespace

std::unique_ptr<TableReader> rate_lines_reader(ImportContext& context) {
    return std::make_unique<RateLinesReader>(context);
}
std::unique_ptr<TableReader> surcharges_reader(ImportContext& context) {
    return std::make_unique<SurchargesReader>(context);
}
std::unique_ptr<TableReader> margins_reader(ImportContext& context) {
    return std::make_unique<MarginsReader>(context);
}

}  // namespace cargoquote::rates
