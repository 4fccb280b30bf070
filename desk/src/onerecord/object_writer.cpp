#include "onerecord/object_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/io/json.hpp>

#include "onerecord/vocabulary.hpp"

namespace cargoquote::desk::onerecord {

namespace {
using nlohmann::json;

json parsed(const std::string& text) { return text.empty() ? json::object() : json::parse(text); }

const json& member(const json& object, const char* key) {
    static const json kNull;
    if (!object.is_object()) return kNull;
    const auto it = object.find(key);
    return it == object.end() ? kNull : *it;
}

std::string text(const json& value) { return value.is_string() ? value.get<std::string>() : ""; }

// The engine's local times ("2026-11-27T02:25+08:00") as xsd:dateTime, which needs seconds.
std::string xsd_date_time(const json& time) {
    std::string local = text(member(time, "local"));
    if (local.size() >= 16 && (local.size() == 16 || local[16] != ':')) local.insert(16, ":00");
    return local;
}

std::string duration_of_minutes(long long minutes) {
    if (minutes % 60 == 0) return fmt::format("PT{}H", minutes / 60);
    if (minutes < 60) return fmt::format("PT{}M", minutes);
    return fmt::format("PT{}H{}M", minutes / 60, minutes % 60);
}

json with_revision(json object, const RevisionInfo& r) {
    object["api:hasRevision"] = r.revision;
    object["api:hasLatestRevision"] = r.revision;
    return object;
}

// The embedded form of `id`, or a link to it.
json reference(const InquiryDetail& detail, const ObjectId& id, const Site& site, bool embedded);

const OptionRecord* option_ranked(const InquiryDetail& detail, int rank) {
    const auto it = std::find_if(detail.options.begin(), detail.options.end(),
                                 [rank](const OptionRecord& o) { return o.rank == rank; });
    return it == detail.options.end() ? nullptr : &*it;
}

std::string_view option_status(const InquiryDetail& detail, const OptionRecord& option,
                               const Date& today) {
    if (detail.booking) {
        return detail.booking->option_rank == option.rank ? "BOOKED" : "NOT_BOOKABLE";
    }
    if (detail.quote) {
        const auto& ranks = detail.quote->option_ranks;
        if (std::find(ranks.begin(), ranks.end(), option.rank) == ranks.end()) {
            return "NOT_BOOKABLE";
        }
    }
    return today.days() > option.offer_valid_to.days() ? "EXPIRED" : "BOOKABLE";
}

json carrier_object(const json& sell) {
    const json& c = member(sell, "carrier");
    json out{{"@type", "cargo:Carrier"}, {"cargo:airlineCode", text(member(c, "code"))}};
    if (const std::string name = text(member(c, "name")); !name.empty()) out["cargo:name"] = name;
    return out;
}

json transport_legs(const json& sell) {
    json legs = json::array();
    for (const json& leg : member(sell, "transportLegs")) {
        legs.push_back(json{
            {"@type", "cargo:TransportLegs"},
            {"cargo:legNumber", member(leg, "sequence")},
            {"cargo:transportIdentifier", text(member(leg, "flightNumber"))},
            {"cargo:departureLocation", airport_location(text(member(leg, "departureLocation")))},
            {"cargo:arrivalLocation", airport_location(text(member(leg, "arrivalLocation")))},
            {"cargo:departureDate", xsd_date_time(member(leg, "departure"))},
            {"cargo:arrivalDate", xsd_date_time(member(leg, "arrival"))}});
    }
    return legs;
}

json booking_times(const json& sell) {
    json out{{"@type", "cargo:BookingTimes"}};
    if (const json& t = member(sell, "latestAcceptanceTime"); t.is_object()) {
        out["cargo:latestAcceptanceTime"] = xsd_date_time(t);
    }
    if (const json& t = member(sell, "timeOfAvailability"); t.is_object()) {
        out["cargo:timeOfAvailability"] = xsd_date_time(t);
    }
    if (const json& m = member(sell, "totalTransitMinutes"); m.is_number_integer()) {
        out["cargo:totalTransitTime"] = duration_of_minutes(m.get<long long>());
    }
    return out;
}

// One Ratings per sell charge line: the air freight (weight charge with the forwarder's margin
// folded in, rated in the engine's rate class at its weight break), each surcharge as an other
// charge due carrier with its IATA other-charge code, and the valuation charge.
json price_object(const json& sell, const json& engine_option) {
    const json& price = member(sell, "price");
    json ratings = json::array();
    for (const json& line : member(price, "charges")) {
        const std::string code = text(member(line, "code"));
        json r{{"@type", "cargo:Ratings"},
               {"cargo:chargeDescription", text(member(line, "description"))},
               {"cargo:subTotal", text(member(member(line, "amount"), "amount"))}};
        if (code == "FRT") {
            r["cargo:chargeType"] = onerecord::code("ChargeIdentifier", "WT");
            const std::string weight = text(member(sell, "chargeableWeight"));
            if (!weight.empty()) r["cargo:quantity"] = weight;
            const json& wc = member(engine_option, "weightCharge");
            json range{{"@type", "cargo:Ranges"}, {"cargo:unitBasis", "KGM"}};
            if (const std::string rc = text(member(wc, "rateClassCode")); !rc.empty()) {
                range["cargo:rateClassCode"] = onerecord::code("RateClassCode", rc);
            }
            if (const std::string brk = text(member(wc, "appliedBreak"));
                !brk.empty() && text(member(wc, "rateClassCode")) != "M") {
                range["cargo:minimumQuantity"] = brk;
            }
            r["cargo:ranges"] = json::array({std::move(range)});
        } else if (code == "VC") {
            r["cargo:chargeType"] = onerecord::code("ChargeIdentifier", "VC");
        } else {
            r["cargo:chargeType"] = onerecord::code("ChargeIdentifier", "OC");
            if (is_other_charge_code(code)) {
                r["cargo:otherChargeCode"] = onerecord::code("OtherChargeCode", code);
            }
        }
        ratings.push_back(std::move(r));
    }
    return json{{"@type", "cargo:Price"},
                {"cargo:grandTotal", text(member(member(price, "total"), "amount"))},
                {"cargo:ratings", std::move(ratings)}};
}

json co2_emissions(const json& engine_option) {
    const json& kg = member(member(member(engine_option, "assessment"), "criteria"), "co2eKg");
    if (!kg.is_number()) return json::array();
    return json::array(
        {json{{"@type", "cargo:CO2Emissions"},
              {"cargo:calculatedEmissions", value(fmt::format("{:.1f}", kg.get<double>()), "KGM")},
              {"cargo:methodName", "GLEC Framework (great-circle distance + 95 km)"}}});
}

std::string currency_of(const json& sell) {
    return text(member(member(member(sell, "price"), "total"), "currency"));
}

json booking_option(const InquiryDetail& detail, const OptionRecord& option, const Site& site) {
    const json sell = parsed(option.sell_view_json);
    const json engine_option = parsed(option.option_json);
    const ObjectId id{ObjectKind::BookingOption, detail.inquiry.id, option.rank};
    json out{
        {"@id", object_iri(site, id)},
        {"@type", "cargo:BookingOption"},
        {"cargo:forBookingOptionRequest",
         link(object_iri(site, {ObjectKind::BookingOptionRequest, detail.inquiry.id, 0}))},
        {"cargo:carrier", carrier_object(sell)},
        {"cargo:price", price_object(sell, engine_option)},
        {"cargo:unitsPreference",
         json{{"@type", "cargo:UnitsPreference"},
              {"cargo:currency", code("CurrencyCode", currency_of(sell))}}},
        {"cargo:transportLegs", transport_legs(sell)},
        {"cargo:bookingTimes", booking_times(sell)},
        {"cargo:offerValidFrom", option.offer_valid_from.iso() + "T00:00:00Z"},
        {"cargo:offerValidTo", option.offer_valid_to.iso() + "T23:59:59Z"},
        {"cargo:statusBookingOption", cargo_individual(option_status(detail, option, site.today))},
        {"cargo:co2Emissions", co2_emissions(engine_option)}};
    return with_revision(std::move(out), revision_of(detail, id));
}

std::string local_with_seconds(Instant at, const std::string& zone) {
    std::string local = local_iso_with_offset(at, zone);
    if (local.size() >= 16) local.insert(16, ":00");
    return local;
}

json booking_shipment(const InquiryDetail& detail, const Site& site) {
    const QuoteRequest request = parse_quote_request(detail.inquiry.request_json);
    const Shipment& s = request.shipment;
    json groups = json::array();
    std::int64_t grams = 0;
    for (std::size_t i = 0; i < s.pieces.size(); ++i) {
        const Piece& p = s.pieces[i];
        grams += p.weight_per_piece.in_grams() * p.count;
        groups.push_back(json{{"@type", "cargo:LoosePiece"},
                              {"cargo:pieceGroupId", static_cast<int>(i + 1)},
                              {"cargo:pieceGroupCount", p.count},
                              {"cargo:pieceLength", value(p.length.cm_text(), "CMT")},
                              {"cargo:pieceWidth", value(p.width.cm_text(), "CMT")},
                              {"cargo:pieceHeight", value(p.height.cm_text(), "CMT")},
                              {"cargo:pieceWeight", value(p.weight_per_piece.kg_text(), "KGM")}});
    }
    const ObjectId id{ObjectKind::BookingShipment, detail.inquiry.id, 0};
    json out{{"@id", object_iri(site, id)},
             {"@type", "cargo:BookingShipment"},
             {"cargo:forBookingOptionRequest",
              link(object_iri(site, {ObjectKind::BookingOptionRequest, detail.inquiry.id, 0}))},
             {"cargo:pieceGroups", std::move(groups)},
             {"cargo:totalGrossWeight", value(Mass::grams(grams).kg_text(), "KGM")}};
    if (s.commodity.kind() == CommodityKind::Class) {
        out["cargo:specialHandlingCodes"] =
            json::array({code("SpecialHandlingCode", s.commodity.code())});
    }
    return with_revision(std::move(out), revision_of(detail, id));
}

json booking_option_request(const InquiryDetail& detail, const Site& site, bool embedded) {
    const QuoteRequest request = parse_quote_request(detail.inquiry.request_json);
    const Shipment& s = request.shipment;
    const ObjectId id{ObjectKind::BookingOptionRequest, detail.inquiry.id, 0};
    json times{{"@type", "cargo:BookingTimes"}};
    const Airport* origin = site.book != nullptr ? site.book->airport(s.origin) : nullptr;
    times["cargo:earliestAcceptanceTime"] =
        origin != nullptr
            ? local_with_seconds(to_instant(s.ready_time, origin->time_zone), origin->time_zone)
            : s.ready_time.iso() + ":00";
    json options = json::array();
    for (const OptionRecord& o : detail.options) {
        options.push_back(reference(detail,
                                    ObjectId{ObjectKind::BookingOption, detail.inquiry.id, o.rank},
                                    site, embedded));
    }
    json out{
        {"@id", object_iri(site, id)},
        {"@type", "cargo:BookingOptionRequest"},
        {"cargo:bookingShipmentDetails",
         reference(detail, {ObjectKind::BookingShipment, detail.inquiry.id, 0}, site, embedded)},
        {"cargo:transportLegs",
         json::array({json{{"@type", "cargo:TransportLegs"},
                           {"cargo:departureLocation", airport_location(s.origin.str())},
                           {"cargo:arrivalLocation", airport_location(s.destination.str())}}})},
        {"cargo:timePreferences", std::move(times)},
        {"cargo:bookingOptions", std::move(options)}};
    if (request.currency) {
        out["cargo:unitsPreference"] =
            json{{"@type", "cargo:UnitsPreference"},
                 {"cargo:currency", code("CurrencyCode", request.currency->str())}};
    }
    return with_revision(std::move(out), revision_of(detail, id));
}

json booking_request(const InquiryDetail& detail, const Site& site, bool embedded) {
    const ObjectId id{ObjectKind::BookingRequest, detail.inquiry.id, 0};
    json out{{"@id", object_iri(site, id)},
             {"@type", "cargo:BookingRequest"},
             {"cargo:forBookingOption",
              reference(detail,
                        {ObjectKind::BookingOption, detail.inquiry.id, detail.booking->option_rank},
                        site, embedded)},
             {"cargo:booking",
              reference(detail, {ObjectKind::Booking, detail.inquiry.id, 0}, site, embedded)}};
    return with_revision(std::move(out), revision_of(detail, id));
}

json booking(const InquiryDetail& detail, const Site& site, bool embedded) {
    const ObjectId id{ObjectKind::Booking, detail.inquiry.id, 0};
    const OptionRecord* option = option_ranked(detail, detail.booking->option_rank);
    const json sell = option != nullptr ? parsed(option->sell_view_json) : json::object();
    json out{
        {"@id", object_iri(site, id)},
        {"@type", "cargo:Booking"},
        {"cargo:bookingStatus", cargo_individual("CONFIRMED")},
        {"cargo:bookingRequest",
         link(object_iri(site, {ObjectKind::BookingRequest, detail.inquiry.id, 0}))},
        {"cargo:bookingShipmentDetails",
         reference(detail, {ObjectKind::BookingShipment, detail.inquiry.id, 0}, site, embedded)},
        {"cargo:carrier", carrier_object(sell)},
        {"cargo:departureLocation", airport_location(detail.inquiry.lane.origin.str())},
        {"cargo:arrivalLocation", airport_location(detail.inquiry.lane.destination.str())},
        {"cargo:transportLegs", transport_legs(sell)},
        {"cargo:bookingTimes", json::array({booking_times(sell)})},
        {"cargo:shippingRefNo", detail.booking->quote_reference}};
    return with_revision(std::move(out), revision_of(detail, id));
}

json reference(const InquiryDetail& detail, const ObjectId& id, const Site& site, bool embedded) {
    if (embedded) {
        if (auto object = logistics_object(detail, id, site, true)) return std::move(*object);
    }
    return link(object_iri(site, id));
}
}  // namespace

std::string object_iri(const Site& site, const ObjectId& id) {
    return fmt::format("{}/logistics-objects/{}", site.base_url, object_path_id(id));
}

std::optional<json> logistics_object(const InquiryDetail& detail, const ObjectId& id,
                                     const Site& site, bool embedded) {
    switch (id.kind) {
        case ObjectKind::BookingOptionRequest:
            return booking_option_request(detail, site, embedded);
        case ObjectKind::BookingShipment:
            return booking_shipment(detail, site);
        case ObjectKind::BookingOption:
            if (const OptionRecord* o = option_ranked(detail, id.rank)) {
                return booking_option(detail, *o, site);
            }
            return std::nullopt;
        case ObjectKind::BookingRequest:
            if (!detail.booking) return std::nullopt;
            return booking_request(detail, site, embedded);
        case ObjectKind::Booking:
            if (!detail.booking) return std::nullopt;
            return booking(detail, site, embedded);
    }
    return std::nullopt;
}

RevisionInfo revision_of(const InquiryDetail& detail, const ObjectId& id) {
    RevisionInfo r{1, detail.inquiry.received_at};
    switch (id.kind) {
        case ObjectKind::BookingOption:
            if (detail.booking) r = RevisionInfo{2, detail.booking->booked_at};
            break;
        case ObjectKind::BookingRequest:
        case ObjectKind::Booking:
            if (detail.booking) r.last_modified = detail.booking->booked_at;
            break;
        default:
            break;
    }
    return r;
}

json server_information(const std::string& base_url) {
    return json{
        {"@context", context()},
        {"@id", base_url + "/"},
        {"@type", "api:ServerInformation"},
        {"api:hasDataHolder", json{{"@type", "cargo:Company"}, {"cargo:name", "cargoquote desk"}}},
        {"api:hasServerEndpoint", base_url},
        {"api:hasSupportedApiVersion", json::array({std::string(kApiVersion)})},
        {"api:hasSupportedContentType", json::array({std::string(kMediaType)})},
        {"api:hasSupportedLanguage", json::array({"en-US"})},
        {"api:hasSupportedOntology",
         json::array({"https://onerecord.iata.org/ns/cargo", "https://onerecord.iata.org/ns/api"})},
        {"api:hasSupportedOntologyVersion",
         json::array({fmt::format("https://onerecord.iata.org/ns/cargo/{}", kDataModelVersion),
                      fmt::format("https://onerecord.iata.org/ns/api/{}", kApiVersion)})}};
}

json error_object(const Error& error, const std::string& resource) {
    std::string message = error.detail();
    if (!error.field().empty()) message = fmt::format("{}: {}", error.field(), message);
    json detail{{"@type", "api:ErrorDetail"},
                {"api:hasCode", std::string(error_code_name(error.code()))},
                {"api:hasMessage", std::move(message)}};
    if (!resource.empty()) detail["api:hasResource"] = resource;
    // The offending property's IRI, when the field's last step is a cargo term.
    const std::string& field = error.field();
    if (const auto slash = field.find_last_of('/'); slash != std::string::npos) {
        std::string last = field.substr(slash + 1);
        if (!last.empty() && std::isdigit(static_cast<unsigned char>(last[0]))) {
            const auto before = field.find_last_of('/', slash - 1);
            last = before == std::string::npos ? "" : field.substr(before + 1, slash - before - 1);
        }
        if (last.starts_with("cargo:")) {
            detail["api:hasProperty"] = std::string(kCargoNs) + last.substr(6);
        }
    }
    static const json kErrorContext{{"api", std::string(kApiNs)},
                                    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
                                    {"@language", "en-US"},
                                    {"api:hasResource", {{"@type", "xsd:anyURI"}}},
                                    {"api:hasProperty", {{"@type", "xsd:anyURI"}}}};
    return json{{"@context", kErrorContext},
                {"@type", "api:Error"},
                {"api:hasTitle", std::string(error_code_name(error.code()))},
                {"api:hasErrorDetail", json::array({std::move(detail)})}};
}

}  // namespace cargoquote::desk::onerecord
