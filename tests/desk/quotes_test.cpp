// Sending: one quote per inquiry with a Q-NNNNNN reference, the chosen options only, validity
// spanning the chosen options' offers; refusals leave nothing behind.
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

class QuotesTest : public test::DeskTest {
  protected:
    // Rank 1 valid 25-26 Nov, rank 2 valid 25-28 Nov, rank 3 valid 26-27 Nov.
    InquiryId three_options(std::string_view received = "2026-11-25T08:00:00") {
        return store.record_inquiry(
            test::inquiry(anna.user.id, received, "ACME",
                          {option(1, "A1", "1000", "900", "EUR", "2026-11-25", "2026-11-26"),
                           option(2, "B2", "1100", "950", "EUR", "2026-11-25", "2026-11-28"),
                           option(3, "C3", "1200", "1000", "EUR", "2026-11-26", "2026-11-27")}));
    }
};

TEST_F(QuotesTest, SendingMakesAReferencedQuoteOfTheChosenOptions) {
    const InquiryId id = three_options();
    const std::vector<int> chosen{3, 1};
    const Quote quote = store.send(id, chosen, anna.user.id, utc("2026-11-25T08:12:30"));
    EXPECT_EQ(quote.reference, "Q-000001");
    EXPECT_EQ(quote.inquiry, id);
    EXPECT_EQ(quote.sent_by, anna.user.id);
    EXPECT_EQ(quote.sent_at, utc("2026-11-25T08:12:30"));
    EXPECT_EQ(quote.option_ranks, (std::vector{1, 3}));
    EXPECT_EQ(quote.offer_valid_from, test::date("2026-11-25"));  // earliest of 25 and 26 Nov
    EXPECT_EQ(quote.offer_valid_to, test::date("2026-11-27"));    // latest of 26 and 27 Nov

    const auto detail = store.inquiry(id);
    EXPECT_EQ(detail->inquiry.status, InquiryStatus::Quoted);
    ASSERT_TRUE(detail->quote.has_value());
    EXPECT_EQ(*detail->quote, quote);
    EXPECT_EQ(detail->options.size(), 3u);  // every option shown stays on the inquiry

    const auto by_ref = store.quote_by_ref("Q-000001");
    ASSERT_TRUE(by_ref.has_value());
    EXPECT_EQ(by_ref->quote, quote);
    EXPECT_EQ(by_ref->inquiry.id, id);
    ASSERT_EQ(by_ref->options.size(), 2u);  // only the chosen ones
    EXPECT_EQ(by_ref->options[0].carrier.view(), "A1");
    EXPECT_EQ(by_ref->options[1].carrier.view(), "C3");
    EXPECT_FALSE(by_ref->booking.has_value());
    EXPECT_FALSE(store.quote_by_ref("Q-000002").has_value());
    EXPECT_FALSE(store.quote_by_ref("q-000001").has_value());

    const Quote second =
        store.send(three_options(), chosen, ben.user.id, utc("2026-11-25T09:00:00"));
    EXPECT_EQ(second.reference, "Q-000002");
}

TEST_F(QuotesTest, AnInquiryIsSentOnce) {
    const InquiryId id = three_options();
    const std::vector<int> first{1};
    const std::vector<int> second{2};
    (void)store.send(id, first, anna.user.id, utc("2026-11-25T08:10:00"));
    EXPECT_EQ(error_code_of(
                  [&] { (void)store.send(id, second, ben.user.id, utc("2026-11-25T09:00:00")); }),
              ErrorCode::Conflict);
    EXPECT_EQ(store.inquiry(id)->quote->option_ranks, first);
    EXPECT_EQ(store.audit_trail({.entity = AuditEntity::Quote}).size(), 1u);
}

TEST_F(QuotesTest, BadSendsAreRefusedAndNothingIsWritten) {
    const InquiryId id = three_options();
    const Instant at = utc("2026-11-25T08:10:00");
    const std::vector<int> none;
    const std::vector<int> unknown_rank{1, 4};
    const std::vector<int> twice{2, 2};
    const std::vector<int> first{1};
    EXPECT_EQ(error_code_of([&] { (void)store.send(id, none, anna.user.id, at); }),
              ErrorCode::MissingField);
    EXPECT_EQ(error_field_of([&] { (void)store.send(id, unknown_rank, anna.user.id, at); }),
              "option_ranks/1");
    EXPECT_EQ(error_field_of([&] { (void)store.send(id, twice, anna.user.id, at); }),
              "option_ranks/1");
    EXPECT_EQ(error_code_of([&] { (void)store.send(InquiryId{99}, first, anna.user.id, at); }),
              ErrorCode::NotFound);
    EXPECT_EQ(error_code_of([&] { (void)store.send(id, first, UserId{99}, at); }),
              ErrorCode::Unauthorized);
    // Before the inquiry arrived: the handling time would be negative.
    EXPECT_EQ(error_code_of(
                  [&] { (void)store.send(id, first, anna.user.id, utc("2026-11-25T07:59:59")); }),
              ErrorCode::InvalidDateTime);
    EXPECT_EQ(store.inquiry(id)->inquiry.status, InquiryStatus::Open);
    EXPECT_TRUE(store.audit_trail({.entity = AuditEntity::Quote}).empty());
    // The refusals used no quote number.
    EXPECT_EQ(store.send(id, first, anna.user.id, at).reference, "Q-000001");
}

TEST_F(QuotesTest, ACustomerSendsOnlyItsOwnInquiries) {
    const InquiryId acme_inquiry = three_options();
    const InquiryId beta_inquiry =
        store.record_inquiry(test::inquiry(anna.user.id, "2026-11-25T08:00:00", "BETA"));
    const std::vector<int> first{1};
    const Instant at = utc("2026-11-25T08:10:00");
    EXPECT_EQ(error_code_of([&] { (void)store.send(beta_inquiry, first, acme.user.id, at); }),
              ErrorCode::Forbidden);
    EXPECT_EQ(store.send(acme_inquiry, first, acme.user.id, at).sent_by, acme.user.id);
}

TEST_F(QuotesTest, SendingIsAudited) {
    const Quote quote = quoted_inquiry();
    const auto trail =
        store.audit_trail({.entity = AuditEntity::Quote, .entity_id = quote.id.value});
    ASSERT_EQ(trail.size(), 1u);
    EXPECT_EQ(trail[0].action, AuditAction::QuoteSent);
    EXPECT_EQ(trail[0].user, anna.user.id);
    EXPECT_EQ(trail[0].at, utc("2026-11-25T08:10:00"));
    EXPECT_EQ(nlohmann::json::parse(trail[0].detail_json),
              (nlohmann::json{{"reference", "Q-000001"},
                              {"inquiryId", quote.inquiry.value},
                              {"optionRanks", {1, 2}}}));
}

}  // namespace
}  // namespace cargoquote::desk
