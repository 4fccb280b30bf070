// The desk server in-process on a scripted clock: a day of inquiries, sends and bookings by two
// agents and the self-service channel over HTTP, then /v1/kpis against numbers worked out by
// hand below; a rate reload's snapshot id; and who may upload a rate sheet (the uploads with
// real workbooks are tests/desk/python/test_rate_sheets.py, which generates them).
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <cargoquote/desk/desk_server.hpp>
#include <cargoquote/desk/desk_store.hpp>
#include <cargoquote/rates/rate_store.hpp>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "desk/desk_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/test_data.hpp"

namespace cargoquote::desk {
namespace {
using nlohmann::json;
using test::utc;

// The README's request, ready in the future so offers quoted on the scripted day are valid.
json quote_request(std::string_view customer) {
    return json{{"schema", "cargoquote.quote_request/1"},
                {"shipment",
                 {{"origin", "PVG"},
                  {"destination", "FRA"},
                  {"pieces",
                   {{{"count", 3},
                     {"dimensions",
                      {{"length", "120"}, {"width", "80"}, {"height", "100"}, {"unit", "CMT"}}},
                     {"grossWeight", {{"value", "250"}, {"unit", "KGM"}}}}}},
                  {"commodity", "GEN"},
                  {"readyTime", "2027-01-14T10:00"},
                  {"customer", customer}}},
                {"currency", "EUR"},
                {"offerValidityDays", 3}};
}

class ServerTest : public testing::Test {
  protected:
    cargoquote::test::TempDir dir{"server_"};
    std::filesystem::path rates_db = dir / "rates.db";
    std::shared_ptr<DeskStore> store;
    std::atomic<std::int64_t> clock_seconds{
        utc("2027-01-11T07:00:00").utc().time_since_epoch().count()};
    std::unique_ptr<DeskServer> server;
    std::thread serving;
    std::unique_ptr<httplib::Client> client;
    std::string admin, anna, ben, acme;  // tokens
    std::int64_t anna_id = 0, ben_id = 0, acme_id = 0;

    void SetUp() override {
        {
            auto rates = rates::RateStore::open_for_import(rates_db);
            (void)rates.import_directory(cargoquote::test::source_dir() / "rates" / "sample");
        }
        store = std::make_shared<DeskStore>(DeskStore::open(dir / "desk.db"));
        const Instant start = utc("2027-01-01T00:00:00");
        const IssuedUser a = store->add_user({Role::Admin, "Ada Admin", {}}, {}, start);
        const IssuedUser s1 = store->add_user({Role::Staff, "Anna Agent", {}}, a.user.id, start);
        const IssuedUser s2 = store->add_user({Role::Staff, "Ben Agent", {}}, a.user.id, start);
        const IssuedUser c =
            store->add_user({Role::Customer, "Acme buyer", "ACME-DE"}, a.user.id, start);
        admin = a.token;
        anna = s1.token;
        ben = s2.token;
        acme = c.token;
        anna_id = s1.user.id.value;
        ben_id = s2.user.id.value;
        acme_id = c.user.id.value;

        ServerOptions options;
        options.port = 0;
        options.threads = 2;
        options.clock = [this] {
            return Instant(std::chrono::sys_seconds(std::chrono::seconds(clock_seconds.load())));
        };
        server = std::make_unique<DeskServer>(rates_db, store, options);
        serving = std::thread([this] { server->run(); });
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        client->set_read_timeout(30, 0);
        for (int i = 0; i < 200; ++i) {  // run() may not be listening yet
            if (auto r = client->Get("/v1/health"); r && r->status == 200) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        FAIL() << "the server never answered /v1/health";
    }

    void TearDown() override {
        server->stop();
        serving.join();
    }

    void at(std::string_view hh_mm) {
        clock_seconds =
            utc("2027-01-11T" + std::string(hh_mm) + ":00").utc().time_since_epoch().count();
    }

    json call(const std::string& method, const std::string& path, const std::string& token,
              const json& body, int expected_status) {
        const httplib::Headers headers{{"Authorization", "Bearer " + token}};
        const auto r = method == "GET"
                           ? client->Get(path, headers)
                           : client->Post(path, headers, body.dump(), "application/json");
        if (!r) {
            ADD_FAILURE() << method << " " << path << ": no response";
            return json();
        }
        EXPECT_EQ(r->status, expected_status) << method << " " << path << ": " << r->body;
        return json::parse(r->body);
    }

    std::int64_t inquire(const std::string& token) {
        return call("POST", "/v1/inquiries", token, quote_request("ACME-DE"), 201)
            .at("id")
            .get<std::int64_t>();
    }
    std::string send(std::int64_t inquiry, const std::string& token) {
        return call("POST", "/v1/inquiries/" + std::to_string(inquiry) + "/send", token,
                    json{{"options", {1}}}, 201)
            .at("reference")
            .get<std::string>();
    }
    json book(const std::string& reference, const std::string& token) {
        return call("POST", "/v1/quotes/" + reference + "/book", token, json{{"option", 1}}, 201);
    }
    std::map<std::string, json> kpis(const std::string& query) {
        std::map<std::string, json> out;
        const json report = call("GET", "/v1/kpis?" + query, admin, json(), 200);
        for (const json& g : report.at("groups")) {
            out[g.at("key").get<std::string>()] = g;
        }
        return out;
    }
};

TEST_F(ServerTest, ScriptedDayGivesHandCountedKpis) {
    // Handling time = sent - received, in seconds:
    //   Anna (staff): I1 600, I2 1800, I3 300, I4 never sent;  I1 and I3 booked
    //   Ben (staff):  I5 7200, I6 1200;                        both booked
    //   Acme (self-service): I7 60, I8 never sent;             I7 booked
    at("08:00");
    const auto i1 = inquire(anna);
    at("08:10");
    const auto q1 = send(i1, anna);
    at("08:15");
    const auto i5 = inquire(ben);
    at("08:30");
    const auto i2 = inquire(anna);
    at("08:40");
    const json b1 = book(q1, acme);  // the customer books a quote the desk sent
    EXPECT_EQ(b1.at("bookedAt"), "2027-01-11T08:40:00Z");
    at("09:00");
    (void)send(i2, anna);
    const auto i3 = inquire(anna);
    at("09:05");
    const auto q3 = send(i3, anna);
    at("09:30");
    (void)book(q3, anna);
    at("10:00");
    (void)inquire(anna);  // I4
    at("10:15");
    const auto q5 = send(i5, ben);
    at("10:30");
    (void)book(q5, ben);
    at("11:00");
    const auto i6 = inquire(ben);
    at("11:20");
    const auto q6 = send(i6, ben);
    at("11:45");
    (void)book(q6, acme);
    at("12:00");
    const auto i7 = inquire(acme);
    at("12:01");
    const auto q7 = send(i7, acme);
    at("12:05");
    (void)book(q7, acme);
    at("12:30");
    (void)inquire(acme);  // I8

    const json i1_detail = call("GET", "/v1/inquiries/" + std::to_string(i1), anna, json(), 200);
    EXPECT_EQ(i1_detail.at("receivedAt"), "2027-01-11T08:00:00Z");
    EXPECT_EQ(i1_detail.at("quote").at("sentAt"), "2027-01-11T08:10:00Z");

    auto by_agent = kpis("by=agent");
    ASSERT_EQ(by_agent.size(), 3U);
    const json& a = by_agent.at(std::to_string(anna_id));
    EXPECT_EQ(a.at("label"), "Anna Agent");
    EXPECT_EQ(a.at("inquiries"), 4);
    EXPECT_EQ(a.at("quotesSent"), 3);
    EXPECT_EQ(a.at("bookings"), 2);
    EXPECT_DOUBLE_EQ(a.at("conversion").get<double>(), 0.5);
    // [300, 600, 1800]: median rank ceil(1.5) = 2, p90 rank ceil(2.7) = 3.
    EXPECT_EQ(a.at("medianHandlingSeconds"), 600);
    EXPECT_EQ(a.at("p90HandlingSeconds"), 1800);
    const json& b = by_agent.at(std::to_string(ben_id));
    EXPECT_EQ(b.at("inquiries"), 2);
    EXPECT_EQ(b.at("bookings"), 2);
    EXPECT_DOUBLE_EQ(b.at("conversion").get<double>(), 1.0);
    // [1200, 7200]: median rank ceil(1.0) = 1 (the lower value, not 4200), p90 rank ceil(1.8) = 2.
    EXPECT_EQ(b.at("medianHandlingSeconds"), 1200);
    EXPECT_EQ(b.at("p90HandlingSeconds"), 7200);
    const json& c = by_agent.at(std::to_string(acme_id));
    EXPECT_EQ(c.at("inquiries"), 2);
    EXPECT_EQ(c.at("quotesSent"), 1);
    EXPECT_DOUBLE_EQ(c.at("conversion").get<double>(), 0.5);
    EXPECT_EQ(c.at("medianHandlingSeconds"), 60);
    EXPECT_EQ(c.at("p90HandlingSeconds"), 60);

    auto by_channel = kpis("by=channel");
    ASSERT_EQ(by_channel.size(), 2U);
    const json& staff = by_channel.at("staff");
    EXPECT_EQ(staff.at("inquiries"), 6);
    EXPECT_EQ(staff.at("quotesSent"), 5);
    EXPECT_EQ(staff.at("bookings"), 4);
    EXPECT_DOUBLE_EQ(staff.at("conversion").get<double>(), 4.0 / 6.0);
    // [300, 600, 1200, 1800, 7200]: median rank ceil(2.5) = 3, p90 rank ceil(4.5) = 5.
    EXPECT_EQ(staff.at("medianHandlingSeconds"), 1200);
    EXPECT_EQ(staff.at("p90HandlingSeconds"), 7200);
    const json& self = by_channel.at("self_service");
    EXPECT_EQ(self.at("inquiries"), 2);
    EXPECT_EQ(self.at("bookings"), 1);

    // Cohort [09:00, 12:00): I3, I4 and I6; I7 at 12:00 sharp is outside, I1 and I2 before.
    auto cohort = kpis("by=channel&from=2027-01-11T09:00:00Z&to=2027-01-11T12:00:00Z");
    ASSERT_EQ(cohort.size(), 1U);
    const json& morning = cohort.at("staff");
    EXPECT_EQ(morning.at("inquiries"), 3);
    EXPECT_EQ(morning.at("quotesSent"), 2);
    EXPECT_EQ(morning.at("bookings"), 2);
    EXPECT_DOUBLE_EQ(morning.at("conversion").get<double>(), 2.0 / 3.0);
    EXPECT_EQ(morning.at("medianHandlingSeconds"), 300);  // [300, 1200]
    EXPECT_EQ(morning.at("p90HandlingSeconds"), 1200);

    auto by_lane = kpis("by=lane");
    ASSERT_EQ(by_lane.size(), 1U);
    EXPECT_EQ(by_lane.at("PVG-FRA").at("inquiries"), 8);
}

TEST_F(ServerTest, ReloadBumpsTheSequenceAndKeepsTheFingerprintOfTheSameData) {
    const std::string before = server->rate_snapshot_id();
    ASSERT_EQ(before.rfind("r1-", 0), 0U) << before;
    const std::string fingerprint = before.substr(3);
    ASSERT_EQ(fingerprint.size(), 16U) << before;

    const std::string after = server->reload_rates();
    EXPECT_EQ(after, "r2-" + fingerprint);
    EXPECT_EQ(server->rate_snapshot_id(), after);
    EXPECT_EQ(call("GET", "/v1/health", admin, json(), 200).at("rateSnapshot"), after);
    // The HTTP reload is the same operation.
    EXPECT_EQ(call("POST", "/v1/rates/reload", admin, json::object(), 200).at("rateSnapshot"),
              "r3-" + fingerprint);
    // An inquiry records the snapshot it was quoted on.
    at("09:00");
    const auto id = inquire(anna);
    EXPECT_EQ(
        call("GET", "/v1/inquiries/" + std::to_string(id), anna, json(), 200).at("rateSnapshot"),
        "r3-" + fingerprint);
}

TEST_F(ServerTest, RateSheetUploadIsForAdminsAndRefusesWhatIsNotAWorkbook) {
    const auto upload = [this](const std::string& token, const std::string& workbook,
                               const std::string& mapping) {
        const httplib::Headers headers{{"Authorization", "Bearer " + token}};
        const httplib::MultipartFormDataItems form{
            {"workbook", workbook, "sheet.xlsx", "application/octet-stream"},
            {"mapping", mapping, "mapping.json", "application/json"}};
        return client->Post("/v1/admin/rate-sheets?dry_run=false", headers, form);
    };
    std::ifstream mapping_file(cargoquote::test::source_dir() / "tests" / "rates" / "xlsx" /
                               "carrier_mapping.json");
    const std::string mapping{std::istreambuf_iterator<char>(mapping_file), {}};
    ASSERT_FALSE(mapping.empty());
    const std::string snapshot = server->rate_snapshot_id();
    const auto name_of = [](const httplib::Result& r) {
        return json::parse(r->body).at("error").at("name").get<std::string>();
    };
    for (const std::string& token : {anna, acme}) {
        const auto r = upload(token, "PK", mapping);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 403) << r->body;
    }
    auto r = upload("", "PK", mapping);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);

    r = upload(admin, "not a zip archive", mapping);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << r->body;
    EXPECT_EQ(name_of(r), "workbook_unreadable");
    EXPECT_EQ(json::parse(r->body).at("error").at("message").get<std::string>().find("/tmp"),
              std::string::npos)
        << r->body;

    r = upload(admin, "PK", "{not json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(name_of(r), "invalid_json");

    r = client->Post("/v1/admin/rate-sheets", {{"Authorization", "Bearer " + admin}}, "{}",
                     "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 415) << r->body;
    EXPECT_EQ(server->rate_snapshot_id(), snapshot);
}

}  // namespace
}  // namespace cargoquote::desk
