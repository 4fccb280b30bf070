// Readers of the reference data every other table points at: airports, carriers, FX rates,
// liability limits and customers (schema 0001).

#include <fmt/format.h>

#include "import/field_parsers.hpp"
#include "import/table_readers.hpp"

namespace cargoquote::rates {

namespace {

using namespace fields;

class AirportsReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        Airport a;
        const auto code = r.parse("code", airport_code);
        a.name = r.required("name").value_or("");
        a.city = r.required("city").value_or("");
        a.country = r.required("country").value_or("");
        const auto tz = r.parse("time_zone", [](const std::string& s) {
            require_time_zone(s, {});
            return s;
        });
        const auto lat = r.parse("latitude", Degrees{90});
        const auto lon = r.parse("longitude", Degrees{180});
        if (code && !first_time(r, "code", code->str())) return;
        if (!code || !tz || !lat || !lon || r.had_errors()) return;
        a.code = *code;
        a.time_zone = *tz;
        a.latitude = *lat;
        a.longitude = *lon;
        // Later files may refer to it (upsert: it may be in the database already).
        known().airports.insert(code->str());
        known().time_zones[code->str()] = a.time_zone;
        rows().airports.push_back(std::move(a));
    }
};

class CarriersReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        Carrier c;
        const auto code = r.parse("code", carrier_code);
        c.name = r.required("name").value_or("");
        c.note = r.text("note");
        const auto prefix =
            r.parse("awb_prefix", Code{{3, 3, false, true}, "a 3-digit AWB prefix"});
        const auto fictional = r.parse("fictional", flag);
        if (code && !first_time(r, "code", code->str())) return;
        if (!code || !prefix || !fictional || r.had_errors()) return;
        c.code = *code;
        c.awb_prefix = *prefix;
        c.fictional = *fictional;
        known().carriers.insert(code->str());
        rows().carriers.push_back(std::move(c));
    }
};

class FxRatesReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        const auto from = r.parse("valid_from", date);
        const auto base = r.parse("base", currency);
        const auto quote = r.parse("quote", currency);
        const auto rate = r.parse("rate", fx_rate_nanos);
        const std::string source = r.text("source");
        if (!from || !base || !quote || !rate || r.had_errors()) return;
        if (*base == *quote) {
            r.error("quote", "base and quote currency are the same");
            return;
        }
        const std::string key =
            fmt::format("{}/{} from {}", base->view(), quote->view(), from->iso());
        // A key already stored is not remembered as seen: a repeat in the file says the same.
        if (in_database(r, "valid_from", key, existing().fx_rates, [&](const FxRate& e) {
                return e.base == *base && e.quote == *quote && e.valid_from == *from;
            })) {
            return;
        }
        if (!first_time(r, "valid_from", key)) return;
        rows().fx_rates.push_back(FxRate{*from, *base, *quote, *rate, source});
    }
};

class LiabilityLimitsReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        const auto from = r.parse("valid_from", date);
        const auto sdr = r.parse("sdr_per_kg", Amount{CurrencyCode::parse("XDR")});
        if (!from || !sdr) return;
        const auto& stored = existing().liability_limits;
        if (std::any_of(stored.begin(), stored.end(),
                        [&](const LiabilityLimit& e) { return e.valid_from == *from; })) {
            r.error("valid_from", "duplicate key (already in the database)");
            return;
        }
        if (!first_time(r, "valid_from", from->iso())) return;
        rows().liability_limits.push_back(LiabilityLimit{*from, *sdr});
    }
};

constexpr std::array<std::string_view, 3> kCreditStatuses = {"good", "new", "overdue"};

class CustomersReader final : public TableReader {
  public:
    using TableReader::TableReader;

    void read_row(RowReader& r) override {
        Customer c;
        const auto id = r.required("customer_id");
        c.name = r.required("name").value_or("");
        c.customer_group = r.text("customer_group");
        const auto status = r.parse("credit_status", [](const std::string& s) {
            return named(s, parse_credit_status(s), kCreditStatuses);
        });
        c.since = r.parse_optional("since", date);
        if (id && !first_time(r, "customer_id", *id)) return;
        if (!id || !status || r.had_errors()) return;
        c.customer_id = *id;
        c.credit_status = *status;
        known().customers.insert(*id);
        rows().customers.push_back(std::move(c));
    }
};

}  // namespace

std::unique_ptr<TableReader> airports_reader(ImportContext& context) {
    return std::make_unique<AirportsReader>(context);
}
std::unique_ptr<TableReader> carriers_reader(ImportContext& context) {
    return std::make_unique<CarriersReader>(context);
}
std::unique_ptr<TableReader> fx_rates_reader(ImportContext& context) {
    return std::make_unique<FxRatesReader>(context);
}
std::unique_ptr<TableReader> liability_limits_reader(ImportContext& context) {
    return std::make_unique<LiabilityLimitsReader>(context);
}
std::unique_ptr<TableReader> customers_reader(ImportContext& context) {
    return std::make_unique<CustomersReader>(context);
}

}  // namespace cargoquote::rates
