#include "onerecord/request_reader.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/json_parse.hpp>
#include <vector>

#include "onerecord/vocabulary.hpp"

namespace cargoquote::desk::onerecord {

namespace {
using nlohmann::json;

// The names a document may give the cargo namespace's terms: prefixes its top-level @context
// maps to the namespace, and bare names when @vocab is the namespace.
struct Names {
    std::vector<std::string> prefixes{"cargo"};
    bool vocab = false;

    explicit Names(const json& document) {
        const auto it = document.find("@context");
        if (it == document.end()) return;
        const auto scan = [&](const json& ctx) {
            if (!ctx.is_object()) return;
            for (const auto& [key, value] : ctx.items()) {
                if (!value.is_string() || value.get<std::string>() != kCargoNs) continue;
                if (key == "@vocab") {
                    vocab = true;
                } else {
                    prefixes.push_back(key);
                }
            }
        };
        if (it->is_array()) {
            for (const json& c : *it) scan(c);
        } else {
            scan(*it);
        }
    }

    // The key `term` is written under in `object`, if any.
    [[nodiscard]] std::optional<std::string> key_of(const json& object,
                                                    std::string_view term) const {
        if (!object.is_object()) return std::nullopt;
        std::vector<std::string> candidates;
        for (const auto& p : prefixes) candidates.push_back(fmt::format("{}:{}", p, term));
        candidates.push_back(fmt::format("{}{}", kCargoNs, term));
        if (vocab) candidates.emplace_back(term);
        for (const auto& c : candidates) {
            if (object.contains(c)) return c;
        }
        return std::nullopt;
    }

    // "cargo:X" for any spelling of a cargo term X; the text itself otherwise.
    [[nodiscard]] std::string canonical(const std::string& name) const {
        for (const auto& p : prefixes) {
            if (name.starts_with(p + ":")) return "cargo:" + name.substr(p.size() + 1);
        }
        if (name.starts_with(kCargoNs)) return "cargo:" + name.substr(kCargoNs.size());
        if (vocab && name.find(':') == std::string::npos) return "cargo:" + name;
        return name;
    }
};

// One node of the document and where it is, for error messages.
struct Node {
    const json* value;
    std::string at;  // JSON Pointer
};

class Reader {
  public:
    explicit Reader(const json& document) : names_(document) {}

    // The values of `term` on `node` (a single value counts as one; JSON-LD allows both).
    [[nodiscard]] std::vector<Node> all(const Node& node, std::string_view term) const {
        std::vector<Node> out;
        const auto key = names_.key_of(*node.value, term);
        if (!key) return out;
        const json& v = node.value->at(*key);
        const std::string at = fmt::format("{}/{}", node.at, json_pointer_token(*key));
        if (v.is_array()) {
            for (std::size_t i = 0; i < v.size(); ++i)
                out.push_back({&v[i], fmt::format("{}/{}", at, i)});
        } else {
            out.push_back({&v, at});
        }
        return out;
    }

    [[nodiscard]] std::optional<Node> one(const Node& node, std::string_view term) const {
        auto values = all(node, term);
        if (values.empty()) return std::nullopt;
        if (values.size() > 1) {
            throw InputError(ErrorCode::InvalidInput, values[1].at,
                             fmt::format("cargo:{} takes one value", term));
        }
        return values.front();
    }

    [[nodiscard]] Node require(const Node& node, std::string_view term) const {
        auto v = one(node, term);
        if (!v) {
            throw InputError(ErrorCode::MissingField, fmt::format("{}/cargo:{}", node.at, term),
                             fmt::format("cargo:{} is required", term));
        }
        return *v;
    }

    static void expect_object(const Node& node) {
        if (!node.value->is_object()) {
            throw InputError(ErrorCode::InvalidInput, node.at, "expected an object");
        }
    }

    // A literal's text: a string, a number as its shortest round-trip text, or {"@value": ...}.
    [[nodiscard]] static std::string literal(const Node& node) {
        const json* v = node.value;
        if (v->is_object()) {
            const auto it = v->find("@value");
            if (it == v->end())
                throw InputError(ErrorCode::InvalidInput, node.at, "expected a literal value");
            v = &*it;
        }
        if (v->is_string()) return v->get<std::string>();
        if (v->is_number()) return v->dump();
        throw InputError(ErrorCode::InvalidInput, node.at, "expected a string or number literal");
    }

    // A code-list value's code: "...#KGM", {"@id": "...#KGM"} or a CodeListElement.
    [[nodiscard]] std::string code(const Node& node) const {
        const json& v = *node.value;
        std::string text;
        if (v.is_string()) {
            text = v.get<std::string>();
        } else if (v.is_object() && v.contains("@id") && v.at("@id").is_string()) {
            text = v.at("@id").get<std::string>();
        } else if (const auto c = one(node, "code")) {
            return literal(*c);
        } else {
            throw InputError(ErrorCode::InvalidCode, node.at,
                             "expected a code: an IRI, {\"@id\": ...} or a CodeListElement");
        }
        const auto cut = text.find_last_of("#:");
        return cut == std::string::npos ? text : text.substr(cut + 1);
    }

    [[nodiscard]] std::string type_of(const Node& node) const {
        const json& v = *node.value;
        const auto it = v.find("@type");
        if (it == v.end()) return "";
        const json& t = it->is_array() && !it->empty() ? it->front() : *it;
        return t.is_string() ? names_.canonical(t.get<std::string>()) : "";
    }

  private:
    Names names_;
};

// A cargo:Value in `unit` (KGM, CMT): its number's decimal text.
std::string quantity_in(const Reader& r, const Node& value, std::string_view unit) {
    Reader::expect_object(value);
    if (const auto u = r.one(value, "unit")) {
        const std::string given = r.code(*u);
        if (given != unit) {
            throw InputError(ErrorCode::InvalidInput, u->at,
                             fmt::format("unit {} is not supported here: give {}", given, unit));
        }
    }
    return Reader::literal(r.require(value, "numericalValue"));
}

Piece piece_group(const Reader& r, const Node& group) {
    Reader::expect_object(group);
    Piece piece;
    if (const auto count = r.one(group, "pieceGroupCount")) {
        const std::string text = Reader::literal(*count);
        const auto n = text.find_first_not_of("0123456789") == std::string::npos && !text.empty() &&
                               text.size() <= 7
                           ? std::stoi(text)
                           : -1;
        if (n < 1 || n > kMaxPieceCount) {
            throw InputError(
                n == 0 ? ErrorCode::NegativeQuantity : ErrorCode::InvalidNumber, count->at,
                fmt::format("expected a whole number of pieces, 1 to {}", kMaxPieceCount));
        }
        piece.count = n;
    }
    const auto length = [&](std::string_view term) {
        const Node v = r.require(group, term);
        return Length::parse_cm(quantity_in(r, v, "CMT"), v.at);
    };
    piece.length = length("pieceLength");
    piece.width = length("pieceWidth");
    piece.height = length("pieceHeight");
    if (const auto each = r.one(group, "pieceWeight")) {
        piece.weight_per_piece = Mass::parse_kg(quantity_in(r, *each, "KGM"), each->at);
    } else if (const auto all = r.one(group, "pieceGroupGrossWeight")) {
        const Mass total = Mass::parse_kg(quantity_in(r, *all, "KGM"), all->at);
        if (total.in_grams() % piece.count != 0) {
            throw InputError(ErrorCode::InvalidInput, all->at,
                             "the group's weight does not split into whole grams per piece: "
                             "give cargo:pieceWeight");
        }
        piece.weight_per_piece = Mass::grams(total.in_grams() / piece.count);
    } else {
        throw InputError(
            ErrorCode::MissingField, group.at + "/cargo:pieceWeight",
            "cargo:pieceWeight (per piece) or cargo:pieceGroupGrossWeight is required");
    }
    validate_piece(piece, group.at,
                   PieceFieldNames{"cargo:pieceGroupCount", "cargo:pieceLength", "cargo:pieceWidth",
                                   "cargo:pieceHeight", "cargo:pieceWeight"});
    return piece;
}

AirportCode airport_of(const Reader& r, const Node& location) {
    Reader::expect_object(location);
    const auto codes = r.all(location, "locationCodes");
    if (codes.empty()) {
        throw InputError(ErrorCode::MissingField, location.at + "/cargo:locationCodes",
                         "a Location needs cargo:locationCodes with its IATA airport code");
    }
    return AirportCode::parse(r.code(codes.front()), codes.front().at);
}

// "2026-11-26T10:00[:SS]" local at the origin, or with "Z" / "+08:00": the origin's local time.
LocalDateTime ready_time(const std::string& text, const Node& at, const RateBook& book,
                         AirportCode origin) {
    const std::size_t wall_size = text.size() >= 19 && text[16] == ':' ? 19 : 16;
    const LocalDateTime wall =
        LocalDateTime::parse(text.substr(0, std::min(text.size(), wall_size)), at.at);
    const std::string_view zone = std::string_view(text).substr(std::min(text.size(), wall_size));
    if (zone.empty()) return wall;
    std::chrono::minutes offset{0};
    if (zone != "Z") {
        const bool ok = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
                        std::isdigit(static_cast<unsigned char>(zone[1])) &&
                        std::isdigit(static_cast<unsigned char>(zone[2])) &&
                        std::isdigit(static_cast<unsigned char>(zone[4])) &&
                        std::isdigit(static_cast<unsigned char>(zone[5]));
        if (!ok) {
            throw InputError(
                ErrorCode::InvalidDateTime, at.at,
                fmt::format("'{}' is not a date-time: YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]", text));
        }
        const int minutes =
            ((zone[1] - '0') * 10 + (zone[2] - '0')) * 60 + (zone[4] - '0') * 10 + (zone[5] - '0');
        offset = std::chrono::minutes(zone[0] == '-' ? -minutes : minutes);
    }
    const Airport* airport = book.airport(origin);
    if (airport == nullptr) {
        throw InputError(ErrorCode::UnknownAirport, at.at,
                         fmt::format("airport {} is not in the rate data", origin.str()));
    }
    const Instant instant(std::chrono::sys_seconds{wall.local.time_since_epoch()} - offset);
    return LocalDateTime::parse(local_iso_with_offset(instant, airport->time_zone).substr(0, 16),
                                at.at);
}

Commodity commodity_of(const Reader& r, const Node& shipment) {
    for (const Node& shc : r.all(shipment, "specialHandlingCodes")) {
        const std::string c = r.code(shc);
        if (c == "AVI" || c == "DGR" || c == "HUM" || c == "NWP" || c == "PER" || c == "VAL") {
            return Commodity::parse(c, shc.at);
        }
    }
    return Commodity::general();
}
}  // namespace

std::string root_type(const json& document) {
    if (!document.is_object()) {
        throw InputError(ErrorCode::InvalidInput, "", "expected a JSON-LD object");
    }
    if (document.contains("@graph")) {
        throw InputError(ErrorCode::InvalidInput, "/@graph",
                         "a logistics object is created without @graph");
    }
    const Reader r(document);
    const std::string type = r.type_of(Node{&document, ""});
    if (type.empty()) throw InputError(ErrorCode::MissingField, "/@type", "@type is required");
    return type;
}

QuoteRequest booking_option_request(const json& document, const RateBook& book) {
    const Reader r(document);
    const Node root{&document, ""};
    QuoteRequest request;
    Shipment& s = request.shipment;

    const Node shipment = r.require(root, "bookingShipmentDetails");
    Reader::expect_object(shipment);
    const auto groups = r.all(shipment, "pieceGroups");
    if (groups.empty()) {
        throw InputError(ErrorCode::MissingField, shipment.at + "/cargo:pieceGroups",
                         "cargo:pieceGroups is required: at least one LoosePiece");
    }
    for (const Node& g : groups) s.pieces.push_back(piece_group(r, g));
    validate_shipment_totals(s.pieces, shipment.at + "/cargo:pieceGroups");
    s.commodity = commodity_of(r, shipment);

    const auto legs = r.all(root, "transportLegs");
    if (legs.empty()) {
        throw InputError(ErrorCode::MissingField, "/cargo:transportLegs",
                         "cargo:transportLegs is required: the departure and arrival airports");
    }
    s.origin = airport_of(r, r.require(legs.front(), "departureLocation"));
    s.destination = airport_of(r, r.require(legs.back(), "arrivalLocation"));

    const Node times = r.require(root, "timePreferences");
    Reader::expect_object(times);
    const Node ready = r.require(times, "earliestAcceptanceTime");
    s.ready_time = ready_time(Reader::literal(ready), ready, book, s.origin);

    if (const auto units = r.one(root, "unitsPreference")) {
        Reader::expect_object(*units);
        if (const auto currency = r.one(*units, "currency")) {
            request.currency = CurrencyCode::parse(r.code(*currency), currency->at);
        }
    }
    return request;
}

ObjectId booking_request_option(const json& document, const std::string& base_url) {
    const Reader r(document);
    const Node option = r.require(Node{&document, ""}, "forBookingOption");
    std::string iri;
    if (option.value->is_string()) {
        iri = option.value->get<std::string>();
    } else if (option.value->is_object() && option.value->contains("@id") &&
               option.value->at("@id").is_string()) {
        iri = option.value->at("@id").get<std::string>();
    } else {
        throw InputError(ErrorCode::InvalidInput, option.at,
                         "expected a link to a BookingOption: {\"@id\": ...}");
    }
    const std::string prefix = base_url + "/logistics-objects/";
    const std::string_view rest =
        iri.starts_with(prefix)                  ? std::string_view(iri).substr(prefix.size())
        : iri.starts_with("/logistics-objects/") ? std::string_view(iri).substr(19)
                                                 : std::string_view();
    const auto id = parse_object_id(rest);
    if (!id || id->kind != ObjectKind::BookingOption) {
        throw Error(ErrorCode::NotFound, option.at, "no such BookingOption on this server");
    }
    return *id;
}

}  // namespace cargoquote::desk::onerecord
