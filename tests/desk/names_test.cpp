// The stable names: roles, channels, statuses, KPI groupings, audit vocabulary and the error
// codes the desk added (numbers and names are part of the public contract).
#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/audit.hpp>
#include <cargoquote/desk/kpis.hpp>
#include <cargoquote/desk/roles.hpp>

namespace cargoquote::desk {
namespace {

TEST(DeskNamesTest, RolesChannelsAndStatusesRoundTrip) {
    EXPECT_EQ(role_name(Role::Staff), "staff");
    EXPECT_EQ(role_name(Role::Customer), "customer");
    EXPECT_EQ(role_name(Role::Admin), "admin");
    for (Role r : {Role::Staff, Role::Customer, Role::Admin})
        EXPECT_EQ(parse_role(role_name(r)), r);
    EXPECT_FALSE(parse_role("Staff").has_value());
    EXPECT_FALSE(parse_role("").has_value());

    EXPECT_EQ(channel_name(Channel::Staff), "staff");
    EXPECT_EQ(channel_name(Channel::SelfService), "self_service");
    EXPECT_EQ(parse_channel("self_service"), Channel::SelfService);
    EXPECT_FALSE(parse_channel("self-service").has_value());

    EXPECT_EQ(status_name(InquiryStatus::Open), "open");
    EXPECT_EQ(status_name(InquiryStatus::Quoted), "quoted");
    EXPECT_EQ(status_name(InquiryStatus::Booked), "booked");
    EXPECT_EQ(parse_status("booked"), InquiryStatus::Booked);
    EXPECT_FALSE(parse_status("sent").has_value());
}

TEST(DeskNamesTest, KpiGroupingsAndAuditVocabulary) {
    for (auto by :
         {KpiGroupBy::Agent, KpiGroupBy::Lane, KpiGroupBy::Customer, KpiGroupBy::Channel}) {
        EXPECT_EQ(parse_kpi_group_by(kpi_group_by_name(by)), by);
    }
    EXPECT_EQ(kpi_group_by_name(KpiGroupBy::Customer), "customer");
    EXPECT_FALSE(parse_kpi_group_by("carrier").has_value());
    EXPECT_EQ(audit_entity_name(AuditEntity::Booking), "booking");
    EXPECT_EQ(audit_action_name(AuditAction::UserDeactivated), "user_deactivated");
    EXPECT_EQ(audit_action_name(AuditAction::InquiryReceived), "inquiry_received");
}

TEST(DeskNamesTest, DeskErrorCodesKeepTheirNumbersAndNames) {
    EXPECT_EQ(static_cast<int>(ErrorCode::NotFound), 40);
    EXPECT_EQ(static_cast<int>(ErrorCode::Conflict), 41);
    EXPECT_EQ(static_cast<int>(ErrorCode::QuoteExpired), 42);
    EXPECT_EQ(static_cast<int>(ErrorCode::Unauthorized), 43);
    EXPECT_EQ(static_cast<int>(ErrorCode::Forbidden), 44);
    EXPECT_EQ(static_cast<int>(ErrorCode::NotAcceptable), 45);
    EXPECT_EQ(static_cast<int>(ErrorCode::UnsupportedMediaType), 46);
    EXPECT_EQ(error_code_name(ErrorCode::NotAcceptable), "not_acceptable");
    EXPECT_EQ(error_code_name(ErrorCode::UnsupportedMediaType), "unsupported_media_type");
    EXPECT_EQ(error_code_name(ErrorCode::NotFound), "not_found");
    EXPECT_EQ(error_code_name(ErrorCode::Conflict), "conflict");
    EXPECT_EQ(error_code_name(ErrorCode::QuoteExpired), "quote_expired");
    EXPECT_EQ(error_code_name(ErrorCode::Unauthorized), "unauthorized");
    EXPECT_EQ(error_code_name(ErrorCode::Forbidden), "forbidden");
    EXPECT_STREQ(Error(ErrorCode::Conflict, "quote", "already booked").what(),
                 "[cargoquote.conflict] quote: already booked");
}

}  // namespace
}  // namespace cargoquote::desk
