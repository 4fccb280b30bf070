#include "http/one_record_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/quote_record.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/io/json_parse.hpp>
#include <ctime>

#include "http/http_errors.hpp"
#include "http/request_values.hpp"
#include "onerecord/object_ids.hpp"
#include "onerecord/object_writer.hpp"
#include "onerecord/request_reader.hpp"
#include "onerecord/vocabulary.hpp"

namespace cargoquote::desk::http {

namespace {
using nlohmann::json;
namespace lo = onerecord;

const std::vector<Role> kAnyone = {Role::Staff, Role::Customer, Role::Admin};

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return "";
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// One media range of an Accept or Content-Type header: "application/ld+json; version=2.2.0".
struct MediaRange {
    std::string type;     // lower case
    std::string version;  // "" when not given
};

MediaRange media_range(std::string_view text) {
    MediaRange m;
    std::size_t start = 0;
    bool first = true;
    while (start <= text.size()) {
        const auto semi = std::min(text.find(';', start), text.size());
        const std::string part = trimmed(text.substr(start, semi - start));
        if (first) {
            m.type = lower(part);
            first = false;
        } else if (const auto eq = part.find('='); eq != std::string::npos) {
            if (lower(trimmed(part.substr(0, eq))) == "version") {
                std::string v = trimmed(part.substr(eq + 1));
                if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
                    v = v.substr(1, v.size() - 2);
                m.version = v;
            }
        }
        start = semi + 1;
    }
    return m;
}

// Answers in JSON-LD at the one API version this server speaks, unless the Accept header rules
// out both (406, naming what the server can write).
void negotiate(const httplib::Request& req) {
    const std::string accept = req.get_header_value("Accept");
    if (trimmed(accept).empty()) return;
    std::size_t start = 0;
    while (start <= accept.size()) {
        const auto comma = std::min(accept.find(',', start), accept.size());
        const MediaRange m = media_range(std::string_view(accept).substr(start, comma - start));
        const bool type_ok = m.type == lo::kMediaType || m.type == "application/*" ||
                             m.type == "*/*" || m.type == "application/json";
        if (type_ok && (m.version.empty() || m.version == lo::kApiVersion)) return;
        start = comma + 1;
    }
    throw Error(
        ErrorCode::NotAcceptable, "Accept",
        fmt::format("this server writes {}; version={} only", lo::kMediaType, lo::kApiVersion));
}

void require_json_ld_body(const httplib::Request& req) {
    const MediaRange m = media_range(req.get_header_value("Content-Type"));
    if (m.type != lo::kMediaType && m.type != "application/json") {
        throw Error(ErrorCode::UnsupportedMediaType, "Content-Type",
                    fmt::format("a logistics object is sent as {}", lo::kMediaType));
    }
    if (!m.version.empty() && m.version != lo::kApiVersion) {
        throw Error(ErrorCode::UnsupportedMediaType, "Content-Type",
                    fmt::format("version {} is not supported: this server speaks {}", m.version,
                                lo::kApiVersion));
    }
}

std::string content_type() {
    return fmt::format("{}; version={}", lo::kMediaType, lo::kApiVersion);
}

void send_ld(httplib::Response& res, const json& body, int status = 200) {
    res.status = status;
    res.set_header("Content-Language", "en-US");
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), content_type());
}

std::string http_date(Instant at) {
    const std::time_t t = std::chrono::system_clock::to_time_t(at.utc());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

std::string type_iri(lo::ObjectKind kind) {
    return std::string(lo::kCargoNs) + std::string(lo::object_type(kind).substr(6));
}

// "20261126T101500Z" (the API's `at` format) or the desk's own "2026-11-26T10:15:00Z".
Instant parse_at(const std::string& text) {
    if (text.size() == 16 && text[8] == 'T' && text[15] == 'Z') {
        const std::string iso = fmt::format("{}-{}-{}T{}:{}:{}Z", text.substr(0, 4),
                                            text.substr(4, 2), text.substr(6, 2), text.substr(9, 2),
                                            text.substr(11, 2), text.substr(13, 2));
        return parse_instant(iso, "at");
    }
    return parse_instant(text, "at");
}

class OneRecordApi {
  public:
    OneRecordApi(std::shared_ptr<DeskStore> store, std::function<Instant()> clock,
                 std::string base_url)
        : store_(std::move(store)), clock_(std::move(clock)), base_url_(std::move(base_url)) {}

    void server_information(const Call& call, httplib::Response& res) const {
        negotiate(call.request);
        res.set_header("Last-Modified", http_date(started_));
        send_ld(res, lo::server_information(base_url_));
    }

    void create(const Call& call, httplib::Response& res) const {
        negotiate(call.request);
        require_json_ld_body(call.request);
        const json document = parse_json_strictly(call.request.body, "logistics object");
        const std::string type = lo::root_type(document);
        if (type == "cargo:BookingOptionRequest") {
            create_booking_option_request(call, document, res);
        } else if (type == "cargo:BookingRequest") {
            create_booking_request(call, document, res);
        } else {
            throw InputError(ErrorCode::InvalidInput, "/@type",
                             fmt::format("this server creates cargo:BookingOptionRequest and "
                                         "cargo:BookingRequest objects, not {}",
                                         type));
        }
    }

    void get(const Call& call, httplib::Response& res) const {
        negotiate(call.request);
        const auto id = lo::parse_object_id(call.path_params.at(0));
        if (!id) throw not_found();
        auto detail = store_->inquiry(id->inquiry);
        if (!detail || !may_see(*call.user, detail->inquiry)) throw not_found();
        bool embedded = false;
        if (const auto e = query(call.request, "embedded")) {
            if (*e != "true" && *e != "false") {
                throw InputError(ErrorCode::InvalidInput, "embedded", "expected true or false");
            }
            embedded = *e == "true";
        }
        // The latest revision counts the booking even when `at` shows the object before it.
        const int latest_revision = lo::revision_of(*detail, *id).revision;
        Instant as_of = clock_();
        if (const auto at = query(call.request, "at")) {
            as_of = parse_at(*at);
            if (as_of < detail->inquiry.received_at) throw not_found();
            // Before the booking, the options were still on offer and the booking did not exist.
            if (detail->booking && as_of < detail->booking->booked_at) detail->booking.reset();
        }
        const lo::Site site{base_url_, Date(std::chrono::floor<std::chrono::days>(as_of.utc())),
                            &call.rates->engine->book()};
        auto object = lo::logistics_object(*detail, *id, site, embedded);
        if (!object) throw not_found();
        json body{{"@context", lo::context()}};
        body.update(*object);
        const lo::RevisionInfo revision = lo::revision_of(*detail, *id);
        res.set_header("Location", lo::object_iri(site, *id));
        res.set_header("Type", type_iri(id->kind));
        res.set_header("Revision", std::to_string(revision.revision));
        res.set_header("Latest-Revision", std::to_string(latest_revision));
        res.set_header("Last-Modified", http_date(revision.last_modified));
        send_ld(res, body);
    }

    [[nodiscard]] const std::string& base_url() const { return base_url_; }

  private:
    std::shared_ptr<DeskStore> store_;
    std::function<Instant()> clock_;
    std::string base_url_;
    Instant started_ = clock_();

    static Error not_found() { return Error(ErrorCode::NotFound, "", "no such logistics object"); }

    static bool may_see(const User& user, const Inquiry& inquiry) {
        return user.role != Role::Customer || inquiry.customer_id == user.customer_id;
    }

    void created(httplib::Response& res, const lo::ObjectId& id) const {
        res.status = 201;
        res.set_header("Location", lo::object_iri(lo::Site{base_url_, {}, nullptr}, id));
        res.set_header("Type", type_iri(id.kind));
        res.set_header("Content-Type", content_type());
    }

    void create_booking_option_request(const Call& call, const json& document,
                                       httplib::Response& res) const {
        const User& user = *call.user;
        const QuoteEngine& engine = *call.rates->engine;
        QuoteRequest request = lo::booking_option_request(document, engine.book());
        const Channel channel = user.role == Role::Customer ? Channel::SelfService : Channel::Staff;
        if (user.role == Role::Customer) request.shipment.customer_id = user.customer_id;
        const Instant received = clock_();
        request.quote_date = Date(std::chrono::floor<std::chrono::days>(received.utc()));
        const QuoteResult result = engine.quote(request);
        const json result_document = to_json(result);
        const NewInquiry inquiry = new_inquiry(
            result, result_document,
            InquiryContext{to_json(request).dump(), channel, user.id, received, call.rates->id});
        const InquiryId id = store_->record_inquiry(inquiry);
        // The options are the offer: a machine answer, sent the moment it is priced.
        if (!inquiry.options.empty()) {
            std::vector<int> ranks;
            for (const OptionRecord& o : inquiry.options) ranks.push_back(o.rank);
            (void)store_->send(id, ranks, user.id, received);
        }
        created(res, lo::ObjectId{lo::ObjectKind::BookingOptionRequest, id, 0});
    }

    void create_booking_request(const Call& call, const json& document,
                                httplib::Response& res) const {
        const lo::ObjectId option = lo::booking_request_option(document, base_url_);
        const auto detail = store_->inquiry(option.inquiry);
        if (!detail || !may_see(*call.user, detail->inquiry)) {
            throw Error(ErrorCode::NotFound, "/cargo:forBookingOption",
                        "no such BookingOption on this server");
        }
        if (!detail->quote) {
            throw Error(ErrorCode::Conflict, "/cargo:forBookingOption",
                        "the options of this request have not been offered yet");
        }
        (void)store_->book(detail->quote->reference, option.rank, call.user->id, clock_());
        created(res, lo::ObjectId{lo::ObjectKind::BookingRequest, option.inquiry, 0});
    }
};
}  // namespace

void add_one_record_routes(Router& router, std::shared_ptr<DeskStore> store,
                           std::function<Instant()> clock, std::string base_url) {
    if (!clock) clock = http::now;
    auto api = std::make_shared<const OneRecordApi>(std::move(store), std::move(clock),
                                                    std::move(base_url));
    const auto bind = [&api](auto member) { return member_handler(api, member); };
    router.add({"GET", "/", kAnyone, bind(&OneRecordApi::server_information)});
    router.add({"POST", "/logistics-objects/?", kAnyone, bind(&OneRecordApi::create)});
    router.add({"GET", "/logistics-objects/([a-z0-9-]{1,48})", kAnyone, bind(&OneRecordApi::get)});
    router.add_error_dialect(
        "/|/logistics-objects(/.*)?",
        [base = api->base_url()](const httplib::Request& req, httplib::Response& res,
                                 const Error& error) {
            send_error(res, error);  // status and headers (WWW-Authenticate, Retry-After)
            res.set_header("Content-Language", "en-US");
            res.set_content(lo::error_object(error, base + req.path)
                                .dump(-1, ' ', false, json::error_handler_t::replace),
                            content_type());
        });
}

}  // namespace cargoquote::desk::http
