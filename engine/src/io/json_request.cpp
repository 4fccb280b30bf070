#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/io/json_parse.hpp>
#include <initializer_list>

namespace cargoquote {

namespace {
using nlohmann::json;

std::string pointer(std::string_view base, std::string_view key) {
    return fmt::format("{}/{}", base, key);
}

void reject_unknown(const json& object, std::string_view base,
                    std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
        bool ok = false;
        for (auto k : known) ok = ok || key == k;
        if (!ok) {
            throw InputError(ErrorCode::InvalidInput, pointer(base, key),
                             fmt::format("unknown field '{}'", key));
        }
    }
}

const json& require(const json& object, std::string_view base, std::string_view key) {
    const auto it = object.find(key);
    if (it == object.end()) {
        throw InputError(ErrorCode::MissingField, pointer(base, key),
                         fmt::format("required field '{}' is missing", key));
    }
    return *it;
}

const json& require_object(const json& value, std::string_view where) {
    if (!value.is_object()) {
        throw InputError(
            ErrorCode::InvalidInput, std::string(where),
            where.empty() ? "expected a JSON object (the request)" : "expected an object");
    }
    return value;
}

std::string text_of(const json& value, std::string_view where) {
    if (!value.is_string()) {
        throw InputError(ErrorCode::InvalidInput, std::string(where), "expected a string");
    }
    return value.get<std::string>();
}

// A decimal given as a string ("162.2") or a JSON number (its shortest round-trip text).
std::string decimal_of(const json& value, std::string_view where) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) return value.dump();
    throw InputError(ErrorCode::InvalidNumber, std::string(where),
                     "expected a decimal number or a decimal string");
}

Money money_of(const json& value, std::string_view where) {
    require_object(value, where);
    reject_unknown(value, where, {"amount", "currency"});
    const std::string currency_field = pointer(where, "currency");
    const auto currency = CurrencyCode::parse(
        text_of(require(value, where, "currency"), currency_field), currency_field);
    const std::string amount_field = pointer(where, "amount");
    const json& amount = require(value, where, "amount");
    if (!amount.is_string()) {  // a JSON number may pass through binary floating point
        throw InputError(ErrorCode::InvalidNumber, amount_field,
                         "money is a decimal string (\"50000.00\"), never a JSON number");
    }
    return Money::parse(currency, amount.get<std::string>(), amount_field);
}

void expect_unit(const json& object, std::string_view base, std::string_view unit) {
    const auto it = object.find("unit");
    if (it == object.end()) return;
    if (!it->is_string() || it->get<std::string>() != unit) {
        throw InputError(ErrorCode::InvalidInput, pointer(base, "unit"),
                         fmt::format("only unit '{}' is supported", unit));
    }
}

Piece piece_of(const json& value, std::string_view where) {
    require_object(value, where);
    reject_unknown(value, where, {"count", "dimensions", "grossWeight"});
    Piece piece;
    if (const auto it = value.find("count"); it != value.end()) {
        if (!it->is_number_integer()) {
            throw InputError(ErrorCode::InvalidNumber, pointer(where, "count"),
                             "expected a whole number");
        }
        const bool huge = it->is_number_unsigned() && it->get<std::uint64_t>() > kMaxPieceCount;
        const auto count = huge ? std::int64_t{kMaxPieceCount} + 1 : it->get<std::int64_t>();
        if (count <= 0) {
            throw InputError(ErrorCode::NegativeQuantity, pointer(where, "count"),
                             "count must be greater than zero");
        }
        if (count > kMaxPieceCount) {
            throw InputError(ErrorCode::QuantityOutOfRange, pointer(where, "count"),
                             fmt::format("count must be at most {}", kMaxPieceCount));
        }
        piece.count = static_cast<int>(count);
    }
    const std::string dims_at = pointer(where, "dimensions");
    const json& dims = require_object(require(value, where, "dimensions"), dims_at);
    reject_unknown(dims, dims_at, {"length", "width", "height", "unit"});
    expect_unit(dims, dims_at, "CMT");
    const auto length_of = [&](std::string_view key) {
        const std::string at = pointer(dims_at, key);
        return Length::parse_cm(decimal_of(require(dims, dims_at, key), at), at);
    };
    piece.length = length_of("length");
    piece.width = length_of("width");
    piece.height = length_of("height");
    const std::string weight_at = pointer(where, "grossWeight");
    const json& weight = require_object(require(value, where, "grossWeight"), weight_at);
    reject_unknown(weight, weight_at, {"value", "unit"});
    expect_unit(weight, weight_at, "KGM");
    const std::string value_at = pointer(weight_at, "value");
    piece.weight_per_piece =
        Mass::parse_kg(decimal_of(require(weight, weight_at, "value"), value_at), value_at);
    validate_piece(piece, where);
    return piece;
}

Shipment shipment_of(const json& value, std::string_view at) {
    require_object(value, at);
    reject_unknown(
        value, at,
        {"origin", "destination", "pieces", "commodity", "declaredValue", "readyTime", "customer"});
    Shipment s;
    const auto code_at = [&](std::string_view key) {
        const std::string field = pointer(at, key);
        return AirportCode::parse(text_of(require(value, at, key), field), field);
    };
    s.origin = code_at("origin");
    s.destination = code_at("destination");
    const std::string pieces_at = pointer(at, "pieces");
    const json& pieces = require(value, at, "pieces");
    if (!pieces.is_array() || pieces.empty()) {
        throw InputError(ErrorCode::MissingField, pieces_at,
                         "expected a non-empty array of pieces");
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        s.pieces.push_back(piece_of(pieces[i], fmt::format("{}/{}", pieces_at, i)));
    }
    validate_shipment_totals(s.pieces, pieces_at);
    if (const auto it = value.find("commodity"); it != value.end()) {
        const std::string field = pointer(at, "commodity");
        s.commodity = Commodity::parse(text_of(*it, field), field);
    }
    if (const auto it = value.find("declaredValue"); it != value.end() && !it->is_null()) {
        s.declared_value = money_of(*it, pointer(at, "declaredValue"));
    }
    const std::string ready_at = pointer(at, "readyTime");
    s.ready_time =
        LocalDateTime::parse(text_of(require(value, at, "readyTime"), ready_at), ready_at);
    if (const auto it = value.find("customer"); it != value.end() && !it->is_null()) {
        s.customer_id = text_of(*it, pointer(at, "customer"));
    }
    return s;
}
}  // namespace

QuoteRequest quote_request_from_json(const json& document) {
    require_object(document, "");
    reject_unknown(document, "",
                   {"schema", "shipment", "currency", "quoteDate", "offerValidityDays", "sla",
                    "method", "weights", "explain"});
    if (const auto it = document.find("schema"); it != document.end()) {
        if (!it->is_string() || it->get<std::string>() != kQuoteRequestSchema) {
            throw InputError(ErrorCode::InvalidInput, "/schema",
                             fmt::format("expected \"{}\"", kQuoteRequestSchema));
        }
    }
    QuoteRequest request;
    request.shipment = shipment_of(require(document, "", "shipment"), "/shipment");
    if (const auto it = document.find("currency"); it != document.end() && !it->is_null()) {
        request.currency = CurrencyCode::parse(text_of(*it, "/currency"), "/currency");
    }
    if (const auto it = document.find("quoteDate"); it != document.end() && !it->is_null()) {
        request.quote_date = Date::parse(text_of(*it, "/quoteDate"), "/quoteDate");
    }
    if (const auto it = document.find("sla"); it != document.end() && !it->is_null()) {
        request.sla_tier = text_of(*it, "/sla");
    }
    if (const auto it = document.find("method"); it != document.end() && !it->is_null()) {
        request.method = selection::require_ranking_method(text_of(*it, "/method"), "/method");
    }
    if (const auto it = document.find("weights"); it != document.end() && !it->is_null()) {
        request.weights = selection::CriterionWeights::parse(text_of(*it, "/weights"), "/weights");
    }
    if (const auto it = document.find("explain"); it != document.end()) {
        if (!it->is_boolean())
            throw InputError(ErrorCode::InvalidInput, "/explain", "expected true or false");
        request.explain = it->get<bool>();
    }
    if (const auto it = document.find("offerValidityDays"); it != document.end()) {
        if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 60) {
            throw InputError(ErrorCode::InvalidNumber, "/offerValidityDays",
                             "expected a whole number of days from 0 to 60");
        }
        request.offer_validity_days = it->get<int>();
    }
    return request;
}

Shipment shipment_from_json(const json& value, std::string_view pointer) {
    return shipment_of(value, pointer);
}

Piece piece_from_json(const json& value, std::string_view pointer) {
    return piece_of(value, pointer);
}

QuoteRequest parse_quote_request(std::string_view text) {
    return quote_request_from_json(parse_json_strictly(text, "request"));
}

}  // namespace cargoquote
