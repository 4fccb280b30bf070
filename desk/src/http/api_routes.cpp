#include "http/api_routes.hpp"

#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/quote_record.hpp>
#include <cargoquote/io/json.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <cargoquote/version.hpp>

#include "http/quote_document.hpp"
#include "http/request_values.hpp"
#include "http/views.hpp"

namespace cargoquote::desk::http {

namespace {
using nlohmann::json;

const std::vector<Role> kAnyone = {Role::Staff, Role::Customer, Role::Admin};
const std::vector<Role> kDesk = {Role::Staff, Role::Admin};
const std::vector<Role> kAdmin = {Role::Admin};

void send_json(httplib::Response& res, const json& body, int status = 200) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

// A customer sees only their own inquiries; anyone else's is answered as if it did not exist,
// word for word: `missing` is the message an unknown id or reference of that kind gets.
void require_own(const User& user, const Inquiry& inquiry, const char* missing) {
    if (user.role == Role::Customer && inquiry.customer_id != user.customer_id) {
        throw Error(ErrorCode::NotFound, "", missing);
    }
}

class Api {
  public:
    Api(std::shared_ptr<DeskStore> store, std::shared_ptr<RateSnapshots> rates,
        std::function<Instant()> clock)
        : store_(std::move(store)), rates_(std::move(rates)), clock_(std::move(clock)) {}

    void create_inquiry(const Call& call, httplib::Response& res) const {
        const User& user = *call.user;
        QuoteRequest request = parse_quote_request(call.request.body);
        Channel channel = Channel::Staff;
        if (user.role == Role::Customer) {
            channel = Channel::SelfService;
            if (request.shipment.customer_id && request.shipment.customer_id != user.customer_id) {
                throw Error(ErrorCode::Forbidden, "/shipment/customer",
                            "a customer quotes for their own customer id only");
            }
            request.shipment.customer_id = user.customer_id;
        }
        const Instant received = now();
        // Offers run from the day the desk quotes, not from the shipping date.
        if (!request.quote_date) {
            request.quote_date = Date(std::chrono::floor<std::chrono::days>(received.utc()));
        }
        const QuoteResult result = call.rates->engine->quote(request);
        const json document = to_json(result);
        NewInquiry inquiry = new_inquiry(
            result, document,
            InquiryContext{call.request.body, channel, user.id, received, call.rates->id});
        const InquiryId id = store_->record_inquiry(inquiry);
        const auto detail = store_->inquiry(id);
        json body = inquiry_json(*detail, audience_of(user));
        if (audience_of(user) == Audience::Staff) body["result"] = document;
        res.set_header("Location", fmt::format("/v1/inquiries/{}", id.value));
        send_json(res, body, 201);
    }

    void get_inquiry(const Call& call, httplib::Response& res) const {
        const auto detail = store_->inquiry(InquiryId{path_id(call.path_params.at(0))});
        if (!detail) throw Error(ErrorCode::NotFound, "", "no such inquiry");
        require_own(*call.user, detail->inquiry, "no such inquiry");
        send_json(res, inquiry_json(*detail, audience_of(*call.user)));
    }

    void list_inquiries(const Call& call, httplib::Response& res) const {
        const User& user = *call.user;
        const auto& req = call.request;
        InquiryFilter filter;
        filter.customer_id = query(req, "customer");
        if (user.role == Role::Customer) {
            if (filter.customer_id && filter.customer_id != user.customer_id) {
                throw Error(ErrorCode::Forbidden, "customer", "a customer lists their own only");
            }
            filter.customer_id = user.customer_id;
        }
        if (const auto agent = query(req, "agent")) {
            filter.agent = UserId{int_param(*agent, "agent", 1, INT32_MAX)};
        }
        if (const auto status = query(req, "status")) {
            filter.status = parse_status(*status);
            if (!filter.status) {
                throw InputError(ErrorCode::InvalidInput, "status",
                                 fmt::format("'{}' is not open, quoted or booked", *status));
            }
        }
        if (const auto from = query(req, "from"))
            filter.received.from = parse_instant(*from, "from");
        if (const auto to = query(req, "to")) filter.received.to = parse_instant(*to, "to");
        if (const auto limit = query(req, "limit")) {
            filter.limit = int_param(*limit, "limit", 1, InquiryFilter::kMaxLimit);
        }
        if (const auto before = query(req, "before")) {
            filter.before = InquiryId{int_param(*before, "before", 1, INT32_MAX)};
        }
        const InquiryPage page = store_->inquiries(filter);
        json items = json::array();
        for (const auto& i : page.items) {
            items.push_back(inquiry_summary_json(i, audience_of(user)));
        }
        send_json(res, json{{"items", std::move(items)},
                            {"nextCursor",
                             page.next_cursor ? json(page.next_cursor->value) : json(nullptr)}});
    }

    void send_quote(const Call& call, httplib::Response& res) const {
        const InquiryId id{path_id(call.path_params.at(0))};
        const auto detail = store_->inquiry(id);
        if (!detail) throw Error(ErrorCode::NotFound, "", "no such inquiry");
        require_own(*call.user, detail->inquiry, "no such inquiry");
        const json body = object_body(call.request);
        std::vector<int> ranks;
        const auto it = body.find("options");
        if (it == body.end()) {
            if (detail->options.empty()) {
                throw InputError(ErrorCode::MissingField, "/options", "no option to send");
            }
            ranks.push_back(1);  // the best ranked, by default
        } else {
            if (!it->is_array() || it->empty()) {
                throw InputError(ErrorCode::InvalidInput, "/options",
                                 "expected a non-empty array of option ranks");
            }
            for (std::size_t i = 0; i < it->size(); ++i) {
                const json& rank = (*it)[i];
                if (!rank.is_number_integer() || rank.get<long long>() < 1 ||
                    rank.get<long long>() > 10000) {
                    throw InputError(ErrorCode::InvalidInput, fmt::format("/options/{}", i),
                                     "expected an option rank (1 = best)");
                }
                ranks.push_back(rank.get<int>());
            }
        }
        const Quote quote = store_->send(id, ranks, call.user->id, now());
        const auto sent = store_->quote_by_ref(quote.reference);
        res.set_header("Location", "/v1/quotes/" + quote.reference);
        send_json(res, quote_document(*sent), 201);
    }

    void get_quote(const Call& call, httplib::Response& res) const {
        const auto detail = store_->quote_by_ref(call.path_params.at(0));
        if (!detail) throw Error(ErrorCode::NotFound, "", "no such quote");
        require_own(*call.user, detail->inquiry, "no such quote");
        json body = quote_document(*detail);
        if (detail->booking) body["booking"] = booking_json(*detail->booking);
        send_json(res, body);
    }

    void book(const Call& call, httplib::Response& res) const {
        const auto detail = store_->quote_by_ref(call.path_params.at(0));
        if (!detail) throw Error(ErrorCode::NotFound, "", "no such quote");
        require_own(*call.user, detail->inquiry, "no such quote");
        const json body = call.request.body.empty() ? json::object() : object_body(call.request);
        int rank = detail->quote.option_ranks.front();
        if (const auto it = body.find("option"); it != body.end()) {
            if (!it->is_number_integer() || it->get<long long>() < 1 ||
                it->get<long long>() > 10000) {
                throw InputError(ErrorCode::InvalidInput, "/option",
                                 "expected the rank of an option of the quote");
            }
            rank = it->get<int>();
        } else if (detail->quote.option_ranks.size() > 1) {
            throw InputError(ErrorCode::MissingField, "/option",
                             "the quote offers several options: name one");
        }
        const Booking booking = store_->book(detail->quote.reference, rank, call.user->id, now());
        send_json(res, booking_json(booking), 201);
    }

    void kpis(const Call& call, httplib::Response& res) const {
        const auto by_text = query(call.request, "by").value_or("agent");
        const auto by = parse_kpi_group_by(by_text);
        if (!by) {
            throw InputError(ErrorCode::InvalidInput, "by",
                             fmt::format("'{}' is not agent, lane, customer or channel", by_text));
        }
        TimeRange range;
        if (const auto from = query(call.request, "from"))
            range.from = parse_instant(*from, "from");
        if (const auto to = query(call.request, "to")) range.to = parse_instant(*to, "to");
        send_json(res, kpi_json(store_->kpis(*by, range)));
    }

    void add_user(const Call& call, httplib::Response& res) const {
        const json body = object_body(call.request);
        NewUser user;
        const auto text = [&](const char* key) -> std::optional<std::string> {
            const auto it = body.find(key);
            if (it == body.end() || it->is_null()) return std::nullopt;
            if (!it->is_string()) {
                throw InputError(ErrorCode::InvalidInput, fmt::format("/{}", key),
                                 "expected a string");
            }
            return it->get<std::string>();
        };
        const auto role = text("role");
        if (!role || !parse_role(*role)) {
            throw InputError(ErrorCode::InvalidInput, "/role", "expected staff, customer or admin");
        }
        user.role = *parse_role(*role);
        user.name = text("name").value_or("");
        user.customer_id = text("customer");
        const IssuedUser issued = store_->add_user(user, call.user->id, now());
        json out = user_json(issued.user);
        out["token"] = issued.token;
        send_json(res, out, 201);
    }

    void list_users(const Call&, httplib::Response& res) const {
        json items = json::array();
        for (const User& u : store_->users()) items.push_back(user_json(u));
        send_json(res, json{{"items", std::move(items)}});
    }

    // The user's token is refused from then on; the user's records stay (nothing is deleted).
    void deactivate_user(const Call& call, httplib::Response& res) const {
        const UserId id{path_id(call.path_params.at(0))};
        store_->deactivate_user(id, call.user->id, now());
        const auto user = store_->user(id);
        if (!user) throw Error(ErrorCode::NotFound, "", "no such user");
        send_json(res, user_json(*user));
    }

    void reload_rates(const Call&, httplib::Response& res) const {
        const auto snapshot = rates_->reload();
        send_json(res, json{{"rateSnapshot", snapshot->id}});
    }

    void health(const Call& call, httplib::Response& res) const {
        send_json(res, json{{"status", "ok"}, {"rateSnapshot", call.rates->id}});
    }

    void version(const Call&, httplib::Response& res) const {
        send_json(res, json{{"name", "cargoquote"},
                            {"version", kVersion},
                            {"rateSchema", rates::latest_schema_version()},
                            {"deskSchema", store_->schema_version()},
                            {"schemas",
                             {"cargoquote.quote_request/1", "cargoquote.quote_result/1",
                              "cargoquote.desk_inquiry/1", "cargoquote.customer_quote/1"}}});
    }

  private:
    std::shared_ptr<DeskStore> store_;
    std::shared_ptr<RateSnapshots> rates_;
    std::function<Instant()> clock_;

    [[nodiscard]] Instant now() const { return clock_(); }
};
}  // namespace

void add_api_routes(Router& router, std::shared_ptr<DeskStore> store,
                    std::shared_ptr<RateSnapshots> rates, std::function<Instant()> clock) {
    if (!clock) clock = http::now;
    auto api = std::make_shared<const Api>(std::move(store), std::move(rates), std::move(clock));
    const auto bind = [&api](auto member) { return member_handler(api, member); };
    router.add({"POST", "/v1/inquiries", kAnyone, bind(&Api::create_inquiry)});
    router.add({"GET", "/v1/inquiries", kAnyone, bind(&Api::list_inquiries)});
    router.add({"GET", "/v1/inquiries/(\\d{1,19})", kAnyone, bind(&Api::get_inquiry)});
    router.add({"POST", "/v1/inquiries/(\\d{1,19})/send", kAnyone, bind(&Api::send_quote)});
    router.add({"GET", "/v1/quotes/([A-Za-z0-9-]{1,40})", kAnyone, bind(&Api::get_quote)});
    router.add({"POST", "/v1/quotes/([A-Za-z0-9-]{1,40})/book", kAnyone, bind(&Api::book)});
    router.add({"GET", "/v1/kpis", kDesk, bind(&Api::kpis)});
    router.add({"POST", "/v1/users", kAdmin, bind(&Api::add_user)});
    router.add({"GET", "/v1/users", kAdmin, bind(&Api::list_users)});
    router.add({"POST", "/v1/users/(\\d{1,19})/deactivate", kAdmin, bind(&Api::deactivate_user)});
    router.add({"POST", "/v1/rates/reload", kAdmin, bind(&Api::reload_rates)});
    router.add({"GET", "/v1/health", {}, bind(&Api::health)});
    router.add({"GET", "/v1/version", {}, bind(&Api::version)});
}

}  // namespace cargoquote::desk::http
