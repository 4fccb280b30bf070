// Booking: one option of a sent quote, once; expired offers and options the quote does not offer
// are refused with their stable codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cargoquote/desk/desk_error.hpp>
#include <nlohmann/json.hpp>

#include "desk/desk_fixture.hpp"

namespace cargoquote::desk {
namespace {
using test::error_code_of;
using test::option;
using test::utc;

class BookingsTest : public test::DeskTest {
  protected:
    // Ranks 1 (valid to 26 Nov) and 2 (valid to 28 Nov) sent; rank 3 shown but not sent.
    Quote sent_quote(std::optional<std::string> customer = "ACME") {
        const InquiryId id = store.record_inquiry(
            test::inquiry(anna.user.id, "2026-11-25T08:00:00", std::move(customer),
                          {option(1, "A1", "1000", "900", "EUR", "2026-11-25", "2026-11-26"),
                           option(2, "B2", "1100", "950", "EUR", "2026-11-25", "2026-11-28"),
                           option(3, "C3", "1200", "1000", "EUR", "2026-11-25", "2026-11-28")}));
        const std::vector<int> ranks{1, 2};
        return store.send(id, ranks, anna.user.id, utc("2026-11-25T08:10:00"));
    }
};

TEST_F(BookingsTest, BookingAnOfferedOptionBooksTheInquiry) {
    const Quote quote = sent_quote();
    const Booking booking =
        store.book(quote.reference, 2, acme.user.id, utc("2026-11-26T15:00:00"));
    EXPECT_EQ(booking.quote, quote.id);
    EXPECT_EQ(booking.quote_reference, quote.reference);
    EXPECT_EQ(booking.option_rank, 2);
    EXPECT_EQ(booking.booked_by, acme.user.id);
    EXPECT_EQ(booking.booked_at, utc("2026-11-26T15:00:00"));

    const auto detail = store.inquiry(quote.inquiry);
    EXPECT_EQ(detail->inquiry.status, InquiryStatus::Booked);
    ASSERT_TRUE(detail->booking.has_value());
    EXPECT_EQ(*detail->booking, booking);
    EXPECT_EQ(store.quote_by_ref(quote.reference)->booking, booking);

    const auto trail = store.audit_trail({.entity = AuditEntity::Booking});
    ASSERT_EQ(trail.size(), 1u);
    EXPECT_EQ(trail[0].entity_id, booking.id.value);
    EXPECT_EQ(trail[0].user, acme.user.id);
    EXPECT_EQ(nlohmann::json::parse(trail[0].detail_json),
              (nlohmann::json{{"quoteReference", quote.reference}, {"optionRank", 2}}));
}

TEST_F(BookingsTest, ABookedQuoteIsNotBookedAgain) {
    const Quote quote = sent_quote();
    const Booking first = store.book(quote.reference, 1, anna.user.id, utc("2026-11-25T09:00:00"));
    EXPECT_EQ(error_code_of([&] {
                  (void)store.book(quote.reference, 1, ben.user.id, utc("2026-11-25T10:00:00"));
              }),
              ErrorCode::Conflict);
    EXPECT_EQ(error_code_of([&] {
                  (void)store.book(quote.reference, 2, ben.user.id, utc("2026-11-25T10:00:00"));
              }),
              ErrorCode::Conflict);
    EXPECT_EQ(store.quote_by_ref(quote.reference)->booking, first);
}

// Validity is the booked option's own and compared with the UTC date of the booking.
TEST_F(BookingsTest, AnExpiredOptionIsNotBooked) {
    const Quote quote = sent_quote();
    EXPECT_EQ(error_code_of([&] {
                  (void)store.book(quote.reference, 1, anna.user.id, utc("2026-11-27T00:00:00"));
              }),
              ErrorCode::QuoteExpired);
    EXPECT_EQ(store.inquiry(quote.inquiry)->inquiry.status, InquiryStatus::Quoted);
    // Rank 2 runs to 28 Nov: still bookable, on its last day too.
    EXPECT_EQ(store.book(quote.reference, 2, anna.user.id, utc("2026-11-28T23:59:59")).option_rank,
              2);

    const Quote other = sent_quote();
    EXPECT_EQ(store.book(other.reference, 1, anna.user.id, utc("2026-11-26T23:59:59")).option_rank,
              1);
}

TEST_F(BookingsTest, OnlyOfferedOptionsOfKnownQuotesAreBooked) {
    const Quote quote = sent_quote();
    const Instant at = utc("2026-11-25T09:00:00");
    EXPECT_EQ(error_code_of([&] { (void)store.book(quote.reference, 3, anna.user.id, at); }),
              ErrorCode::InvalidInput);  // shown, but not sent
    EXPECT_EQ(error_code_of([&] { (void)store.book(quote.reference, 9, anna.user.id, at); }),
              ErrorCode::InvalidInput);
    EXPECT_EQ(error_code_of([&] { (void)store.book("Q-000999", 1, anna.user.id, at); }),
              ErrorCode::NotFound);
    EXPECT_EQ(error_code_of([&] {
                  (void)store.book(quote.reference, 1, anna.user.id, utc("2026-11-25T08:09:59"));
              }),
              ErrorCode::InvalidDateTime);  // before it was sent
    EXPECT_EQ(error_code_of([&] { (void)store.book(quote.reference, 1, UserId{99}, at); }),
              ErrorCode::Unauthorized);
    EXPECT_FALSE(store.quote_by_ref(quote.reference)->booking.has_value());
    EXPECT_TRUE(store.audit_trail({.entity = AuditEntity::Booking}).empty());
}

TEST_F(BookingsTest, ACustomerBooksOnlyItsOwnQuotes) {
    const Quote beta = sent_quote("BETA");
    const Instant at = utc("2026-11-25T09:00:00");
    EXPECT_EQ(error_code_of([&] { (void)store.book(beta.reference, 1, acme.user.id, at); }),
              ErrorCode::Forbidden);
    store.deactivate_user(acme.user.id, admin.user.id, at);
    const Quote own = sent_quote();
    EXPECT_EQ(error_code_of([&] { (void)store.book(own.reference, 1, acme.user.id, at); }),
              ErrorCode::Unauthorized);
}

}  // namespace
}  // namespace cargoquote::desk
