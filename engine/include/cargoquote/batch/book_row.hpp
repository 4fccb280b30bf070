#pragma once
// One shipment of a shipment book (docs/shipment-book-format.md): its raw fields by column, and the
// parsed row a BookPricer prices. Parsing validates against the rate book (known airports,
// customers, carriers) so that a row either prices or is an error naming its column; it never stops
// a batch.

#include <array>
#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/core/error.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/pricing/itinerary_pricer.hpp>
#include <cargoquote/shipment/shipment.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote::batch {

enum class BookColumn : std::uint8_t {
    ShipmentId,
    Origin,
    Destination,
    Pieces,
    Ready,
    Commodity,
    Customer,
    DeclaredValue,
    Carrier,
    Routing,
    Currency,
    PreviousTotal,
    PreviousCurrency,
};
inline constexpr std::size_t kBookColumnCount = 13;

// Column names as they appear in a CSV header or as JSON Lines keys, indexed by BookColumn.
[[nodiscard]] std::string_view book_column_name(BookColumn column) noexcept;
[[nodiscard]] std::optional<BookColumn> book_column_named(std::string_view name) noexcept;

// A row's fields as text, views into the caller's buffer. Absent and empty fields are both "".
struct RowFields {
    std::array<std::string_view, kBookColumnCount> values{};
    [[nodiscard]] std::string_view operator[](BookColumn c) const {
        return values[static_cast<std::size_t>(c)];
    }
    std::string_view& operator[](BookColumn c) { return values[static_cast<std::size_t>(c)]; }
};

struct BookRow {
    std::uint64_t line = 0;  // in the input (CSV: 1 is the header)
    std::string shipment_id;
    Shipment shipment;
    const Customer* customer = nullptr;  // owned by the RateBook
    std::optional<CarrierCode> carrier;
    std::vector<RouteSector> routing;      // booked sectors; empty: the carrier's direct rate
    std::optional<CurrencyCode> currency;  // of the new price: `currency`, else `previous_currency`
    std::optional<Money> previous_total;
};

// Where a row went wrong. `field` names the column (CSV) or is a JSON Pointer (JSON Lines), ""
// for the whole row; `column` is the 1-based CSV column, 0 when not one column. `shipment_id` is
// the row's as given, "" when the row could not be split into fields.
struct RowError {
    std::uint64_t line = 0;
    std::string shipment_id;
    int column = 0;
    std::string field;
    ErrorCode code = ErrorCode::InvalidInput;
    std::string message;
};

// Throws InputError whose field is the column name when a value is malformed or unknown to
// `book`; `requires_carrier` is set in reprice mode.
[[nodiscard]] BookRow parse_book_row(const RowFields& fields, std::uint64_t line,
                                     const RateBook& book, bool requires_carrier);

// "A1:PVG-ICN;B2:ICN-FRA" -> sectors (consecutive sectors of one carrier merged). Throws
// InputError naming `routing` when malformed or not a chain from `origin` to `destination`.
[[nodiscard]] std::vector<RouteSector> parse_routing(std::string_view text, AirportCode origin,
                                                     AirportCode destination);
// The inverse: "A1:PVG-ICN;B2:ICN-FRA".
[[nodiscard]] std::string routing_text(std::span<const RouteSector> sectors);

}  // namespace cargoquote::batch
