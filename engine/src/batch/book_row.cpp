#include <fmt/format.h>

#include <cargoquote/batch/book_row.hpp>

namespace cargoquote::batch {

namespace {

constexpr std::array<std::string_view, kBookColumnCount> kNames = {
    "shipment_id", "origin",         "destination",       "pieces",  "ready",
    "commodity",   "customer",       "declared_value",    "carrier", "routing",
    "currency",    "previous_total", "previous_currency",
};

constexpr std::size_t kMaxShipmentIdLength = 64;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string_view required(const RowFields& f, BookColumn c) {
    const std::string_view value = trimmed(f[c]);
    if (value.empty()) {
        throw InputError(ErrorCode::MissingField, std::string(book_column_name(c)),
                         fmt::format("{} is required", book_column_name(c)));
    }
    return value;
}

AirportCode known_airport(const RateBook& book, std::string_view text, BookColumn c) {
    const std::string field(book_column_name(c));
    const AirportCode code = AirportCode::parse(text, field);
    if (book.airport(code) == nullptr) {
        throw InputError(ErrorCode::UnknownAirport, field,
                         fmt::format("unknown airport '{}'", code.view()));
    }
    return code;
}

std::vector<Piece> parse_pieces(std::string_view text) {
    std::vector<Piece> pieces;
    while (true) {
        const std::size_t plus = text.find('+');
        pieces.push_back(parse_piece_spec(trimmed(text.substr(0, plus)), "pieces"));
        if (plus == std::string_view::npos) break;
        text.remove_prefix(plus + 1);
    }
    validate_shipment_totals(pieces, "pieces");
    return pieces;
}

// "50000 EUR"
Money parse_declared_value(std::string_view text) {
    const std::size_t space = text.rfind(' ');
    if (space == std::string_view::npos) {
        throw InputError(ErrorCode::InvalidNumber, "declared_value",
                         fmt::format("expected 'AMOUNT CURRENCY', got '{}'", text));
    }
    const CurrencyCode currency =
        CurrencyCode::parse(trimmed(text.substr(space + 1)), "declared_value");
    const Money value = Money::parse(currency, trimmed(text.substr(0, space)), "declared_value");
    if (value.is_negative()) {
        throw InputError(ErrorCode::NegativeQuantity, "declared_value", "must not be negative");
    }
    return value;
}

RouteSector parse_sector(std::string_view text) {
    // "A1:PVG-ICN"
    const auto bad = [&] {
        return InputError(ErrorCode::InvalidInput, "routing",
                          fmt::format("sector '{}' is not CARRIER:ORIGIN-DESTINATION", text));
    };
    const std::size_t colon = text.find(':');
    const std::size_t dash = text.find('-', colon == std::string_view::npos ? 0 : colon);
    if (colon == std::string_view::npos || dash == std::string_view::npos) throw bad();
    return RouteSector{
        CarrierCode::parse(trimmed(text.substr(0, colon)), "routing"),
        AirportCode::parse(trimmed(text.substr(colon + 1, dash - colon - 1)), "routing"),
        AirportCode::parse(trimmed(text.substr(dash + 1)), "routing")};
}

}  // namespace

std::string_view book_column_name(BookColumn column) noexcept {
    return kNames[static_cast<std::size_t>(column)];
}

std::optional<BookColumn> book_column_named(std::string_view name) noexcept {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name) return static_cast<BookColumn>(i);
    }
    return std::nullopt;
}

std::vector<RouteSector> parse_routing(std::string_view text, AirportCode origin,
                                       AirportCode destination) {
    std::vector<RouteSector> sectors;
    while (!text.empty()) {
        const std::size_t semicolon = text.find(';');
        const RouteSector s = parse_sector(trimmed(text.substr(0, semicolon)));
        const AirportCode expected = sectors.empty() ? origin : sectors.back().destination;
        if (s.origin != expected) {
            throw InputError(ErrorCode::InvalidInput, "routing",
                             fmt::format("sector {}-{} does not start at {}", s.origin.view(),
                                         s.destination.view(), expected.view()));
        }
        if (!sectors.empty() && sectors.back().carrier == s.carrier) {
            sectors.back().destination = s.destination;  // one carrier's run is one sector
        } else {
            sectors.push_back(s);
        }
        if (semicolon == std::string_view::npos) break;
        text.remove_prefix(semicolon + 1);
    }
    if (sectors.empty() || sectors.back().destination != destination) {
        throw InputError(ErrorCode::InvalidInput, "routing",
                         fmt::format("routing does not end at {}", destination.view()));
    }
    return sectors;
}

std::string routing_text(std::span<const RouteSector> sectors) {
    std::string out;
    for (const RouteSector& s : sectors) {
        if (!out.empty()) out += ';';
        out += fmt::format("{}:{}-{}", s.carrier.view(), s.origin.view(), s.destination.view());
    }
    return out;
}

BookRow parse_book_row(const RowFields& f, std::uint64_t line, const RateBook& book,
                       bool requires_carrier) {
    BookRow row;
    row.line = line;
    const std::string_view id = required(f, BookColumn::ShipmentId);
    if (id.size() > kMaxShipmentIdLength) {
        throw InputError(ErrorCode::InvalidInput, "shipment_id",
                         fmt::format("longer than {} characters", kMaxShipmentIdLength));
    }
    row.shipment_id = id;

    Shipment& s = row.shipment;
    s.origin = known_airport(book, required(f, BookColumn::Origin), BookColumn::Origin);
    s.destination =
        known_airport(book, required(f, BookColumn::Destination), BookColumn::Destination);
    if (s.origin == s.destination) {
        throw InputError(ErrorCode::InvalidInput, "destination",
                         fmt::format("destination equals origin '{}'", s.origin.view()));
    }
    s.pieces = parse_pieces(required(f, BookColumn::Pieces));
    s.ready_time = LocalDateTime::parse(required(f, BookColumn::Ready), "ready");
    if (const auto commodity = trimmed(f[BookColumn::Commodity]); !commodity.empty()) {
        s.commodity = Commodity::parse(commodity, "commodity");
    }
    if (const auto customer = trimmed(f[BookColumn::Customer]); !customer.empty()) {
        row.customer = book.customer(customer);
        if (row.customer == nullptr) {
            throw InputError(ErrorCode::UnknownCustomer, "customer",
                             fmt::format("unknown customer '{}'", customer));
        }
        s.customer_id = std::string(customer);
    }
    if (const auto value = trimmed(f[BookColumn::DeclaredValue]); !value.empty()) {
        s.declared_value = parse_declared_value(value);
    }

    if (const auto carrier = trimmed(f[BookColumn::Carrier]); !carrier.empty()) {
        row.carrier = CarrierCode::parse(carrier, "carrier");
        if (book.carrier(*row.carrier) == nullptr) {
            throw InputError(ErrorCode::InvalidCode, "carrier",
                             fmt::format("unknown carrier '{}'", carrier));
        }
    }
    if (const auto routing = trimmed(f[BookColumn::Routing]);
        requires_carrier && !routing.empty()) {
        row.routing = parse_routing(routing, s.origin, s.destination);
        if (row.carrier && *row.carrier != row.routing.front().carrier) {
            throw InputError(ErrorCode::InvalidInput, "routing",
                             fmt::format("first sector is not on carrier {}", row.carrier->view()));
        }
        row.carrier = row.routing.front().carrier;
    }
    if (requires_carrier && !row.carrier) {
        throw InputError(ErrorCode::MissingField, "carrier", "carrier is required to reprice");
    }

    const auto previous_currency = trimmed(f[BookColumn::PreviousCurrency]);
    if (const auto previous = trimmed(f[BookColumn::PreviousTotal]); !previous.empty()) {
        if (previous_currency.empty()) {
            throw InputError(ErrorCode::MissingField, "previous_currency",
                             "previous_currency is required with previous_total");
        }
        row.previous_total =
            Money::parse(CurrencyCode::parse(previous_currency, "previous_currency"), previous,
                         "previous_total");
    }
    if (const auto currency = trimmed(f[BookColumn::Currency]); !currency.empty()) {
        row.currency = CurrencyCode::parse(currency, "currency");
    } else if (row.previous_total) {
        row.currency = row.previous_total->currency();
    }
    return row;
}

}  // namespace cargoquote::batch
