#pragma once
// The audit trail: one append-only entry per state change, written in the same transaction as
// the change itself, so the trail and the data never disagree.

#include <cargoquote/core/time.hpp>
#include <cargoquote/desk/records.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cargoquote::desk {

enum class AuditEntity { User, Inquiry, Quote, Booking };
enum class AuditAction { UserAdded, UserDeactivated, InquiryReceived, QuoteSent, BookingMade };

[[nodiscard]] std::string_view audit_entity_name(AuditEntity entity) noexcept;  // "user", ...
[[nodiscard]] std::string_view audit_action_name(AuditAction action) noexcept;  // "user_added"

struct AuditEntry {
    std::int64_t id = 0;  // ascending in the order of the changes
    Instant at;
    std::optional<UserId> user;  // who made the change; none: the command line at the machine
    AuditEntity entity = AuditEntity::User;
    std::int64_t entity_id = 0;
    AuditAction action = AuditAction::UserAdded;
    std::string detail_json;  // an object; never a token
};

struct AuditFilter {
    static constexpr int kDefaultLimit = 100;
    std::optional<AuditEntity> entity;
    std::optional<std::int64_t> entity_id;  // with `entity`
    std::optional<std::int64_t> after;      // entries with a greater id (paging forwards)
    int limit = kDefaultLimit;
};

}  // namespace cargoquote::desk
