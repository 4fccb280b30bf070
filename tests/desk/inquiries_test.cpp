// Inquiries: stored as received with every option shown, validated before anything is written,
// taken on the channel that fits the user's role, listed newest first with filters and paging.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cargoquote/desk/desk_error.hpp>
#include <nlohmann/json.hpp>

#include "desk/desk_fixture.hpp"

namespace cargoquote::desk {
namespace {
using test::error_code_of;
using test::error_field_of;
using test::option;
using test::utc;

class InquiriesTest : public test::DeskTest {
  protected:
    std::vector<InquiryId> ids(const InquiryPage& page) {
        std::vector<InquiryId> out;
        for (const auto& i : page.items) out.push_back(i.id);
        return out;
    }
};

TEST_F(InquiriesTest, RecordedInquiryReadsBackAsGiven) {
    NewInquiry in = test::inquiry(anna.user.id, "2026-11-25T08:00:00");
    in.options[1].transit_minutes = 1740;
    in.options[1].routing = "B2 5 PVG-FRA";
    in.options[1].rate_lines = {{"B2-PVG-ICN", "sector sheet", "S7"},
                                {"B2-ICN-FRA", "sheet 2", "9"}};
    const InquiryId id = store.record_inquiry(in);

    const auto detail = store.inquiry(id);
    ASSERT_TRUE(detail.has_value());
    const Inquiry& got = detail->inquiry;
    EXPECT_EQ(got.id, id);
    EXPECT_EQ(got.request_json, in.request_json);
    EXPECT_EQ(got.customer_id, "ACME");
    EXPECT_EQ(got.channel, Channel::Staff);
    EXPECT_EQ(got.taken_by, anna.user.id);
    EXPECT_EQ(got.received_at, utc("2026-11-25T08:00:00"));
    EXPECT_EQ(got.lane.text(), "PVG-FRA");
    EXPECT_EQ(got.rate_snapshot, "rates-2026-11-24");
    EXPECT_EQ(got.status, InquiryStatus::Open);
    ASSERT_EQ(detail->options.size(), 2u);
    EXPECT_EQ(detail->options[0], in.options[0]);
    EXPECT_EQ(detail->options[1], in.options[1]);
    EXPECT_EQ(detail->options[1].margin, test::money("150", "EUR"));  // 1100 - 950
    EXPECT_FALSE(detail->quote.has_value());
    EXPECT_FALSE(detail->booking.has_value());
    EXPECT_FALSE(store.inquiry(InquiryId{id.value + 1}).has_value());
}

TEST_F(InquiriesTest, AnInquiryWithoutOptionsIsStillAnInquiry) {
    NewInquiry in = test::inquiry(anna.user.id, "2026-11-25T08:00:00");
    in.options.clear();
    const InquiryId id = store.record_inquiry(in);
    EXPECT_TRUE(store.inquiry(id)->options.empty());
    const std::vector<int> first{1};
    EXPECT_EQ(error_code_of(
                  [&] { (void)store.send(id, first, anna.user.id, utc("2026-11-25T09:00:00")); }),
              ErrorCode::InvalidInput);
}

TEST_F(InquiriesTest, InconsistentOptionsAreRefusedAndNothingIsWritten) {
    const auto refused = [&](auto change) {
        NewInquiry in = test::inquiry(anna.user.id, "2026-11-25T08:00:00");
        change(in);
        return error_field_of([&] { (void)store.record_inquiry(in); });
    };
    EXPECT_EQ(refused([](NewInquiry& in) { in.options[1].rank = 1; }), "options/1/rank");
    EXPECT_EQ(refused([](NewInquiry& in) { in.options[0].rank = 0; }), "options/0/rank");
    EXPECT_EQ(refused([](NewInquiry& in) { in.options[0].margin = test::money("99", "EUR"); }),
              "options/0/margin");
    EXPECT_EQ(refused([](NewInquiry& in) { in.options[1].buy_total = test::money("950", "USD"); }),
              "options/1");
    EXPECT_EQ(
        refused([](NewInquiry& in) { in.options[0].offer_valid_to = test::date("2026-11-24"); }),
        "options/0/offer_valid_to");
    EXPECT_EQ(refused([](NewInquiry& in) { in.options[0].rate_lines.clear(); }),
              "options/0/rate_lines");
    EXPECT_EQ(refused([](NewInquiry& in) { in.options[1].option_json = "{\"rank\":"; }),
              "options/1/option_json");
    EXPECT_EQ(refused([](NewInquiry& in) { in.request_json = "not json"; }), "request_json");
    EXPECT_EQ(refused([](NewInquiry& in) { in.rate_snapshot.clear(); }), "rate_snapshot");
    EXPECT_EQ(refused([](NewInquiry& in) { in.customer_id = ""; }), "customer_id");

    EXPECT_TRUE(store.inquiries({}).items.empty());
    EXPECT_TRUE(store.audit_trail({.entity = AuditEntity::Inquiry}).empty());
}

TEST_F(InquiriesTest, TheChannelMustFitTheRole) {
    NewInquiry self = test::inquiry(acme.user.id, "2026-11-25T08:00:00");
    self.channel = Channel::SelfService;
    const InquiryId id = store.record_inquiry(self);
    EXPECT_EQ(store.inquiry(id)->inquiry.channel, Channel::SelfService);

    NewInquiry other_customer = self;
    other_customer.customer_id = "BETA";
    EXPECT_EQ(error_code_of([&] { (void)store.record_inquiry(other_customer); }),
              ErrorCode::Forbidden);
    NewInquiry no_customer = self;
    no_customer.customer_id.reset();
    EXPECT_EQ(error_code_of([&] { (void)store.record_inquiry(no_customer); }),
              ErrorCode::Forbidden);
    NewInquiry customer_as_staff = self;
    customer_as_staff.channel = Channel::Staff;
    EXPECT_EQ(error_code_of([&] { (void)store.record_inquiry(customer_as_staff); }),
              ErrorCode::Forbidden);
    NewInquiry agent_as_self_service = test::inquiry(anna.user.id, "2026-11-25T08:00:00");
    agent_as_self_service.channel = Channel::SelfService;
    EXPECT_EQ(error_code_of([&] { (void)store.record_inquiry(agent_as_self_service); }),
              ErrorCode::Forbidden);
    EXPECT_EQ(error_code_of([&] {
                  (void)store.record_inquiry(test::inquiry(UserId{999}, "2026-11-25T08:00:00"));
              }),
              ErrorCode::Unauthorized);
    EXPECT_EQ(store.inquiries({}).items.size(), 1u);
}

TEST_F(InquiriesTest, ReceivingIsAudited) {
    const InquiryId id = store.record_inquiry(test::inquiry(anna.user.id, "2026-11-25T08:00:00"));
    const auto trail = store.audit_trail({.entity = AuditEntity::Inquiry, .entity_id = id.value});
    ASSERT_EQ(trail.size(), 1u);
    EXPECT_EQ(trail[0].action, AuditAction::InquiryReceived);
    EXPECT_EQ(trail[0].user, anna.user.id);
    EXPECT_EQ(trail[0].at, utc("2026-11-25T08:00:00"));
    EXPECT_EQ(nlohmann::json::parse(trail[0].detail_json),
              (nlohmann::json{{"channel", "staff"},
                              {"customerId", "ACME"},
                              {"lane", "PVG-FRA"},
                              {"options", 2},
                              {"rateSnapshot", "rates-2026-11-24"}}));
}

// Five inquiries: 1 Anna ACME 08:00 (booked), 2 Ben BETA 09:00 (quoted), 3 Anna none 10:00,
// 4 Ben ACME 11:00, 5 Anna ACME 12:00.
TEST_F(InquiriesTest, ListingFiltersAndPagesNewestFirst) {
    const InquiryId i1 = store.record_inquiry(test::inquiry(anna.user.id, "2026-11-25T08:00:00"));
    const InquiryId i2 =
        store.record_inquiry(test::inquiry(ben.user.id, "2026-11-25T09:00:00", "BETA"));
    const InquiryId i3 =
        store.record_inquiry(test::inquiry(anna.user.id, "2026-11-25T10:00:00", std::nullopt));
    const InquiryId i4 = store.record_inquiry(test::inquiry(ben.user.id, "2026-11-25T11:00:00"));
    const InquiryId i5 = store.record_inquiry(test::inquiry(anna.user.id, "2026-11-25T12:00:00"));
    const std::vector<int> first{1};
    const Quote q1 = store.send(i1, first, anna.user.id, utc("2026-11-25T08:30:00"));
    (void)store.send(i2, first, ben.user.id, utc("2026-11-25T09:30:00"));
    (void)store.book(q1.reference, 1, anna.user.id, utc("2026-11-25T13:00:00"));

    EXPECT_EQ(ids(store.inquiries({})), (std::vector{i5, i4, i3, i2, i1}));
    EXPECT_EQ(ids(store.inquiries({.customer_id = "ACME"})), (std::vector{i5, i4, i1}));
    EXPECT_EQ(ids(store.inquiries({.agent = ben.user.id})), (std::vector{i4, i2}));
    EXPECT_EQ(ids(store.inquiries({.status = InquiryStatus::Open})), (std::vector{i5, i4, i3}));
    EXPECT_EQ(ids(store.inquiries({.status = InquiryStatus::Quoted})), (std::vector{i2}));
    EXPECT_EQ(ids(store.inquiries({.status = InquiryStatus::Booked})), (std::vector{i1}));
    // Half-open: 09:00 is in, 11:00 is out.
    EXPECT_EQ(ids(store.inquiries(
                  {.received = {utc("2026-11-25T09:00:00"), utc("2026-11-25T11:00:00")}})),
              (std::vector{i3, i2}));
    EXPECT_EQ(ids(store.inquiries(
                  {.customer_id = "ACME", .agent = anna.user.id, .status = InquiryStatus::Open})),
              (std::vector{i5}));
    EXPECT_EQ(store.inquiries({.status = InquiryStatus::Booked}).items[0].status,
              InquiryStatus::Booked);

    const InquiryPage page1 = store.inquiries({.limit = 2});
    EXPECT_EQ(ids(page1), (std::vector{i5, i4}));
    ASSERT_EQ(page1.next_cursor, i4);
    const InquiryPage page2 = store.inquiries({.limit = 2, .before = page1.next_cursor});
    EXPECT_EQ(ids(page2), (std::vector{i3, i2}));
    const InquiryPage page3 = store.inquiries({.limit = 2, .before = page2.next_cursor});
    EXPECT_EQ(ids(page3), (std::vector{i1}));
    EXPECT_FALSE(page3.next_cursor.has_value());
    // Exactly `limit` left: no cursor to an empty page.
    EXPECT_FALSE(store.inquiries({.limit = 3, .before = i4}).next_cursor.has_value());

    EXPECT_EQ(error_code_of([&] { (void)store.inquiries({.limit = 0}); }),
              ErrorCode::QuantityOutOfRange);
    EXPECT_EQ(
        error_code_of([&] { (void)store.inquiries({.limit = InquiryFilter::kMaxLimit + 1}); }),
        ErrorCode::QuantityOutOfRange);
}

}  // namespace
}  // namespace cargoquote::desk
