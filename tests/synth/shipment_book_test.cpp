// Synthetic books: deterministic for a seed, every row priceable on the rates it was drawn from,
// the general-only subset really general, and the columns those of docs/shipment-book-format.md.

#include <gtest/gtest.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/pricing/carrier_pricer.hpp>
#include <cargoquote/synth/shipment_book.hpp>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support/test_data.hpp"

namespace cargoquote::synth {
namespace {

// The small PVG-FRA book plus PVG-ICN (A1) and ICN-FRA (B2), so interline routings exist.
RateBook test_book() {
    RateBookData data = test::small_rate_book();
    data.airports.push_back(
        Airport{AirportCode::parse("ICN"), "Incheon", "Seoul", "KR", "Asia/Seoul", 37.46, 126.44});
    for (const auto& [carrier, origin, destination] :
         {std::tuple{"A1", "PVG", "ICN"}, std::tuple{"B2", "ICN", "FRA"}}) {
        RateLine line = data.rate_lines.front();  // A1's current general rate
        line.line_id = std::string(carrier) + "-" + origin + destination;
        line.carrier = CarrierCode::parse(carrier);
        line.origin = AirportCode::parse(origin);
        line.destination = AirportCode::parse(destination);
        data.rate_lines.push_back(line);
    }
    return RateBook(std::move(data));
}

std::string synthesize(const RateBook& book, ShipmentBookOptions options) {
    std::ostringstream out;
    synthesize_shipment_book(book, options, out);
    return out.str();
}

ShipmentBookOptions options(std::uint64_t rows, std::uint64_t seed) {
    return ShipmentBookOptions{.rows = rows, .seed = seed};
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        out.emplace_back(text.substr(start, end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

// Rows as maps from column name to value (the synthesizer never needs CSV quoting here).
std::vector<std::map<std::string, std::string>> rows_of(const std::string& csv) {
    const auto lines = split(csv, '\n');
    const auto header = split(lines.front(), ',');
    std::vector<std::map<std::string, std::string>> rows;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        const auto fields = split(lines[i], ',');
        EXPECT_EQ(fields.size(), header.size()) << lines[i];
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < header.size() && c < fields.size(); ++c)
            row[header[c]] = fields[c];
        rows.push_back(std::move(row));
    }
    return rows;
}

const RateLine* general_line(const RateBook& book, std::string_view carrier,
                             std::string_view origin, std::string_view destination, Date on) {
    for (const RateLine* line :
         book.lines_on_lane(AirportCode::parse(origin), AirportCode::parse(destination))) {
        if (line->carrier.view() == carrier && line->rate_class == RateClass::General &&
            line->valid_on(on)) {
            return line;
        }
    }
    return nullptr;
}

TEST(BookSynth, SameSeedSameBytesOtherSeedOtherBook) {
    const RateBook book = test_book();
    const std::string a = synthesize(book, options(500, 7));
    EXPECT_EQ(a, synthesize(book, options(500, 7)));
    EXPECT_NE(a, synthesize(book, options(500, 8)));
    // A longer book starts with the shorter one: rows are drawn one after the other.
    EXPECT_EQ(synthesize(book, options(900, 7)).substr(0, a.size()), a);
}

TEST(BookSynth, EveryRowHasARateInForceOnItsReadyDate) {
    const RateBook book = test_book();
    const auto rows = rows_of(synthesize(book, options(3000, 11)));
    ASSERT_EQ(rows.size(), 3000U);
    std::set<std::string> commodities;
    std::size_t interline = 0;
    std::size_t declared = 0;
    for (const auto& row : rows) {
        const Date on = LocalDateTime::parse(row.at("ready"), "ready").date();
        commodities.insert(row.at("commodity"));
        if (!row.at("declared_value").empty()) ++declared;
        if (row.at("routing").empty()) {
            EXPECT_NE(
                general_line(book, row.at("carrier"), row.at("origin"), row.at("destination"), on),
                nullptr)
                << row.at("shipment_id");
            continue;
        }
        ++interline;
        // "A1:PVG-ICN;B2:ICN-FRA": a chain from origin to destination, two carriers, each rated.
        const auto sectors = split(row.at("routing"), ';');
        ASSERT_EQ(sectors.size(), 2U);
        EXPECT_EQ(sectors[0].substr(0, 2), row.at("carrier"));
        EXPECT_NE(sectors[0].substr(0, 2), sectors[1].substr(0, 2));
        EXPECT_EQ(sectors[0].substr(3, 3), row.at("origin"));
        EXPECT_EQ(sectors[0].substr(7, 3), sectors[1].substr(3, 3));
        EXPECT_EQ(sectors[1].substr(7, 3), row.at("destination"));
        for (const auto& s : sectors) {
            EXPECT_NE(general_line(book, s.substr(0, 2), s.substr(3, 3), s.substr(7, 3), on),
                      nullptr)
                << row.at("shipment_id") << " " << s;
        }
    }
    EXPECT_GT(interline, 0U);
    EXPECT_GT(declared, 0U);
    // A1 files SCR 2199 and the AVI and NWP class rates on PVG-FRA; nothing else may appear.
    EXPECT_TRUE(commodities.contains("GEN"));
    EXPECT_GT(commodities.size(), 1U);
    for (const auto& c : commodities) {
        EXPECT_TRUE(c == "GEN" || c == "2199" || c == "AVI" || c == "NWP") << c;
    }
}

TEST(BookSynth, PiecesAndValuesParseAsTheBookFormatSays) {
    const RateBook book = test_book();
    for (const auto& row : rows_of(synthesize(book, options(1000, 3)))) {
        for (const auto& spec : split(row.at("pieces"), '+')) {
            EXPECT_NO_THROW((void)parse_piece_spec(spec, "pieces")) << spec;
        }
        EXPECT_NE(book.airport(AirportCode::parse(row.at("origin"))), nullptr);
        if (!row.at("customer").empty()) {
            EXPECT_NE(book.customer(row.at("customer")), nullptr);
        }
        if (const std::string& value = row.at("declared_value"); !value.empty()) {
            const auto parts = split(value, ' ');
            ASSERT_EQ(parts.size(), 2U) << value;
            EXPECT_NO_THROW((void)Money::parse(CurrencyCode::parse(parts[1]), parts[0], "value"));
        }
    }
}

TEST(BookSynth, GeneralOnlyRowsAreGeneralCargoOnLineWithoutValue) {
    const RateBook book = test_book();
    ShipmentBookOptions o = options(3000, 11);
    o.general_only = true;
    for (const auto& row : rows_of(synthesize(book, o))) {
        EXPECT_EQ(row.at("commodity"), "GEN");
        EXPECT_EQ(row.at("routing"), "");
        EXPECT_EQ(row.at("declared_value"), "");
    }
}

// The column names of the input table in docs/shipment-book-format.md (backticked in its first
// cell).
std::set<std::string> documented_columns(std::set<std::string>* required) {
    std::ifstream in(test::source_dir() / "docs" / "shipment-book-format.md");
    std::set<std::string> names;
    std::string line;
    bool in_output = false;
    while (std::getline(in, line)) {
        if (line.starts_with("## Output")) in_output = true;
        if (in_output || !line.starts_with("| `")) continue;
        const auto cells = split(line, '|');
        for (std::size_t at = cells[1].find('`'); at != std::string::npos;) {
            const std::size_t end = cells[1].find('`', at + 1);
            const std::string name = cells[1].substr(at + 1, end - at - 1);
            names.insert(name);
            if (cells[2].find("yes") != std::string::npos) required->insert(name);
            at = cells[1].find('`', end + 1);
        }
    }
    return names;
}

TEST(BookSynth, ColumnsAreThoseOfTheBookFormat) {
    std::set<std::string> required;
    const auto documented = documented_columns(&required);
    ASSERT_TRUE(documented.contains("previous_currency"));
    ASSERT_EQ(required.size(), 5U);  // shipment_id, origin, destination, pieces, ready
    const std::string csv = synthesize(test_book(), options(1, 1));
    const auto header = split(csv.substr(0, csv.find('\n')), ',');
    for (const auto& name : header) EXPECT_TRUE(documented.contains(name)) << name;
    for (const auto& name : required) {
        EXPECT_NE(std::find(header.begin(), header.end(), name), header.end()) << name;
    }
    EXPECT_NE(std::find(header.begin(), header.end(), "carrier"), header.end());
}

TEST(BookSynth, JsonLinesHoldTheSameRowsAsCsv) {
    const RateBook book = test_book();
    ShipmentBookOptions o = options(400, 5);
    o.previous = true;
    const auto csv_rows = rows_of(synthesize(book, o));
    o.json_lines = true;
    const auto lines = split(synthesize(book, o), '\n');
    ASSERT_EQ(lines.size(), csv_rows.size() + 1);  // the last line ends with a newline
    for (std::size_t i = 0; i < csv_rows.size(); ++i) {
        const auto object = nlohmann::json::parse(lines[i]);
        for (const auto& [name, value] : csv_rows[i]) {
            if (value.empty()) {
                EXPECT_FALSE(object.contains(name)) << lines[i];
            } else {
                EXPECT_EQ(object.at(name).get<std::string>(), value) << lines[i];
            }
        }
    }
}

TEST(BookSynth, PreviousPriceIsTheEnginePriceWithinSixPercent) {
    const RateBook book = test_book();
    ShipmentBookOptions o = options(500, 9);
    o.general_only = true;
    o.previous = true;
    for (const auto& row : rows_of(synthesize(book, o))) {
        ASSERT_FALSE(row.at("previous_total").empty()) << row.at("shipment_id");
        Shipment shipment{.origin = AirportCode::parse(row.at("origin")),
                          .destination = AirportCode::parse(row.at("destination"))};
        for (const auto& spec : split(row.at("pieces"), '+')) {
            shipment.pieces.push_back(parse_piece_spec(spec, "pieces"));
        }
        const Date on = LocalDateTime::parse(row.at("ready"), "ready").date();
        const Customer* customer = book.customer(row.at("customer"));
        const PricingContext context{book, shipment, customer, on, on};
        auto lines = book.lines_on_lane(shipment.origin, shipment.destination);
        const CarrierCode carrier = CarrierCode::parse(row.at("carrier"));
        std::vector<const RateLine*> mine;
        std::copy_if(lines.begin(), lines.end(), std::back_inserter(mine),
                     [&](const RateLine* l) { return l->carrier == carrier; });
        const auto outcome = price_carrier(context, mine);
        const auto& option = std::get<PricedOption>(outcome);
        EXPECT_EQ(row.at("previous_currency"), option.currency.view());
        const Money previous = Money::parse(option.currency, row.at("previous_total"), "previous");
        const Money sell = option.sell_total;
        EXPECT_LE(previous.micros() * 100, sell.micros() * 106 + 100 * 5'000)
            << row.at("shipment_id");
        EXPECT_GE(previous.micros() * 100, sell.micros() * 94 - 100 * 5'000)
            << row.at("shipment_id");
    }
}

TEST(BookSynth, ErrorsNameTheOption) {
    const RateBook book = test_book();
    try {
        (void)synthesize(book, options(0, 1));
        FAIL() << "no error for zero rows";
    } catch (const InputError& e) {
        EXPECT_EQ(e.field(), "rows");
    }
    ShipmentBookOptions o = options(10, 1);
    o.from = Date::parse("2030-01-01", "from");
    try {
        (void)synthesize(book, o);
        FAIL() << "no error for a window without rates";
    } catch (const InputError& e) {
        EXPECT_EQ(e.field(), "from");
    }
}

TEST(BookSynth, DefaultWindowStartsWhereMostGeneralRatesAreInForce) {
    // A1's W26 and B2 lines start 2026-10-01; A1's expired sheet starts 2026-04-01.
    const auto rows = rows_of(synthesize(test_book(), options(200, 2)));
    for (const auto& row : rows) {
        EXPECT_GE(row.at("ready"), "2026-10-01T00:00");
        EXPECT_LE(row.at("ready"), "2026-10-28T23:59");
    }
}

}  // namespace
}  // namespace cargoquote::synth
