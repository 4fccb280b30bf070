#include "support/test_data.hpp"

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace cargoquote::test {

std::filesystem::path source_dir() {
    const char* dir = std::getenv("CARGOQUOTE_SOURCE_DIR");
    if (dir == nullptr)
        throw std::runtime_error("CARGOQUOTE_SOURCE_DIR is not set (run via ctest)");
    return dir;
}

nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return nlohmann::json::parse(in);
}

CurrencyCode ccy(std::string_view code) { return CurrencyCode::parse(code); }
Money money(std::string_view amount, std::string_view currency) {
    return Money::parse(ccy(currency), amount, "test");
}
Mass kg(std::string_view kg_text) { return Mass::parse_kg(kg_text, "test"); }

Piece piece(int count, std::string_view l_cm, std::string_view w_cm, std::string_view h_cm,
            std::string_view kg_each) {
    return Piece{count, Length::parse_cm(l_cm, "l"), Length::parse_cm(w_cm, "w"),
                 Length::parse_cm(h_cm, "h"), kg(kg_each)};
}

std::vector<WeightBreak> breaks(std::string_view spec, std::string_view currency) {
    std::vector<WeightBreak> out;
    std::istringstream in{std::string(spec)};
    std::string token;
    while (in >> token) {
        const auto colon = token.find(':');
        out.push_back(
            WeightBreak{kg(token.substr(0, colon)), money(token.substr(colon + 1), currency)});
    }
    return out;
}

namespace {
Date d(std::string_view iso) { return Date::parse(iso, "test"); }

RateLine line(std::string id, std::string_view carrier, RateClass cls, std::string commodity,
              std::string_view min_charge, std::string_view breaks_spec) {
    RateLine l;
    l.line_id = std::move(id);
    l.carrier = CarrierCode::parse(carrier);
    l.origin = AirportCode::parse("PVG");
    l.destination = AirportCode::parse("FRA");
    l.rate_class = cls;
    l.commodity = std::move(commodity);
    l.currency = ccy("CNY");
    l.min_charge = money(min_charge, "CNY");
    l.breaks = breaks(breaks_spec, "CNY");
    l.valid_from = d("2026-10-01");
    l.valid_to = d("2027-03-31");
    l.sheet = "test sheet";
    l.version = "T1";
    return l;
}
}  // namespace

RateBookData small_rate_book() {
    RateBookData data;
    data.airports = {
        Airport{AirportCode::parse("PVG"), "Shanghai Pudong", "Shanghai", "CN", "Asia/Shanghai",
                31.14, 121.81},
        Airport{AirportCode::parse("FRA"), "Frankfurt", "Frankfurt", "DE", "Europe/Berlin", 50.03,
                8.56},
        Airport{AirportCode::parse("JFK"), "John F Kennedy", "New York", "US", "America/New_York",
                40.64, -73.78},
    };
    data.carriers = {Carrier{CarrierCode::parse("A1"), "Alpha Test Cargo", "901", true},
                     Carrier{CarrierCode::parse("B2"), "Beta Test Cargo", "902", true}};
    // A1: M 300, N 40.00, +45 30.00, +100 25.00, +300 22.00, +500 20.00, +1000 18.00 (CNY)
    data.rate_lines.push_back(line("A1-GEN", "A1", RateClass::General, "", "300",
                                   "0:40.00 45:30.00 100:25.00 300:22.00 500:20.00 1000:18.00"));
    // A1 expired sheet, must never be used for a 2026-11 shipment.
    RateLine old = line("A1-GEN-OLD", "A1", RateClass::General, "", "100", "0:1.00");
    old.valid_from = d("2026-04-01");
    old.valid_to = d("2026-09-30");
    data.rate_lines.push_back(old);
    // A1 specific commodity 2199 from 100 kg: 19.00, +300 16.00
    RateLine scr = line("A1-SCR-2199", "A1", RateClass::SpecificCommodity, "2199", "300",
                        "100:19.00 300:16.00");
    scr.min_weight = kg("100");
    data.rate_lines.push_back(scr);
    // A1 AVI class rate: 150 % of N, minimum 200 % of M
    RateLine avi = line("A1-AVI", "A1", RateClass::ClassRate, "AVI", "0", "");
    avi.class_percent = Ratio::parse_percent("150", "t");
    avi.class_min_percent = Ratio::parse_percent("200", "t");
    data.rate_lines.push_back(avi);
    // A1 NWP class rate: 50 % of N, minimum 100 % of M
    RateLine nwp = line("A1-NWP", "A1", RateClass::ClassRate, "NWP", "0", "");
    nwp.class_percent = Ratio::parse_percent("50", "t");
    nwp.class_min_percent = Ratio::parse_percent("100", "t");
    data.rate_lines.push_back(nwp);
    // B2: M 350, N 38.00, +45 31.00, +100 26.00, +300 21.00, +500 19.50, +1000 17.50; divisor 5000
    RateLine b2 = line("B2-GEN", "B2", RateClass::General, "", "350",
                       "0:38.00 45:31.00 100:26.00 300:21.00 500:19.50 1000:17.50");
    b2.weight_rules.divisor = VolumetricDivisor{5000};
    data.rate_lines.push_back(b2);

    const auto surcharge = [&](std::string id, std::string code,
                               std::optional<std::string_view> carrier, SurchargeBasis basis,
                               std::string_view amount, std::string_view currency) {
        Surcharge s;
        s.surcharge_id = std::move(id);
        s.code = code;
        s.description = code + " test";
        if (carrier) s.carrier = CarrierCode::parse(*carrier);
        s.basis = basis;
        if (is_percent_basis(basis)) {
            s.amount = Money::zero(ccy(currency));
            s.percent = Ratio::parse_percent(amount, "t");
        } else {
            s.amount = money(amount, currency);
        }
        s.valid_from = d("2026-10-01");
        s.valid_to = d("2026-12-31");
        s.apply_margin = !(code == "MY" || code == "SC");
        return s;
    };
    data.surcharges.push_back(
        surcharge("A1-MY", "MY", "A1", SurchargeBasis::ChargeableKg, "8.50", "CNY"));
    data.surcharges.push_back(
        surcharge("A1-SC", "SC", "A1", SurchargeBasis::GrossKg, "1.00", "CNY"));
    // B2 charges fuel in EUR per chargeable kg: converted to CNY at 7.80
    data.surcharges.push_back(
        surcharge("B2-MY", "MY", "B2", SurchargeBasis::ChargeableKg, "1.10", "EUR"));
    auto handling = surcharge("ANY-CH", "CH", std::nullopt, SurchargeBasis::Piece, "15.00", "CNY");
    handling.minimum = money("40", "CNY");
    data.surcharges.push_back(handling);
    data.surcharges.push_back(
        surcharge("ANY-AW", "AW", std::nullopt, SurchargeBasis::Shipment, "50", "CNY"));
    auto peak = surcharge("A1-PS", "MC", "A1", SurchargeBasis::FreightPercent, "5", "CNY");
    peak.maximum = money("1000", "CNY");
    data.surcharges.push_back(peak);
    auto dgr = surcharge("ANY-RA", "RA", std::nullopt, SurchargeBasis::Shipment, "400", "CNY");
    dgr.commodity = "DGR";
    data.surcharges.push_back(dgr);
    auto val = surcharge("ANY-MD", "MD", std::nullopt, SurchargeBasis::ValuePercent, "0.10", "CNY");
    data.surcharges.push_back(val);
    // Expired: never applies in November 2026.
    auto old_fuel = surcharge("A1-MY-OLD", "MY", "A1", SurchargeBasis::ChargeableKg, "99", "CNY");
    old_fuel.valid_from = d("2026-09-01");
    old_fuel.valid_to = d("2026-09-30");
    data.surcharges.push_back(old_fuel);

    data.fx_rates = {FxRate{d("2026-01-01"), ccy("EUR"), ccy("CNY"), 7'800'000'000, "test"},
                     FxRate{d("2026-01-01"), ccy("XDR"), ccy("CNY"), 9'500'000'000, "test"},
                     FxRate{d("2026-01-01"), ccy("USD"), ccy("CNY"), 7'200'000'000, "test"}};
    data.liability_limits = {LiabilityLimit{d("2019-12-28"), money("22", "XDR")},
                             LiabilityLimit{d("2024-12-28"), money("26", "XDR")}};
    data.customers = {Customer{"ACME", "Acme GmbH", "AUTO", CreditStatus::Good, d("2019-01-01")},
                      Customer{"WALKIN", "Walk-in", "", CreditStatus::New, std::nullopt}};
    const auto margin = [&](std::string id, std::string customer, std::string group,
                            std::string_view min_weight, std::string_view pct,
                            std::string_view per_kg, std::string_view minimum) {
        return MarginRule{std::move(id),
                          std::move(customer),
                          std::move(group),
                          std::nullopt,
                          std::nullopt,
                          kg(min_weight),
                          Ratio::parse_percent(pct, "t"),
                          money(per_kg, "CNY"),
                          money(minimum, "CNY"),
                          d("2026-01-01"),
                          d("2027-12-31")};
    };
    data.margins = {margin("DEFAULT", "", "", "0", "12", "0", "400"),
                    margin("AUTO", "", "AUTO", "0", "10", "0", "300"),
                    margin("ACME-0", "ACME", "", "0", "9", "0", "300"),
                    margin("ACME-300", "ACME", "", "300", "7", "0.10", "300")};
    return data;
}

}  // namespace cargoquote::test
