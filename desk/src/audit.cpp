#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/audit.hpp>

#include "audit_log.hpp"
#include "sql_values.hpp"

namespace cargoquote::desk {

namespace {
constexpr AuditEntity kEntities[] = {AuditEntity::User, AuditEntity::Inquiry, AuditEntity::Quote,
                                     AuditEntity::Booking};
constexpr AuditAction kActions[] = {AuditAction::UserAdded, AuditAction::UserDeactivated,
                                    AuditAction::InquiryReceived, AuditAction::QuoteSent,
                                    AuditAction::BookingMade};

// Names read back from the database come from the schema's CHECK lists, so an unknown one is a
// broken invariant of the file, not bad input.
template <typename Enum, std::size_t N, typename NameOf>
Enum from_name(const Enum (&all)[N], NameOf name_of, const std::string& name) {
    for (Enum e : all) {
        if (name_of(e) == name) return e;
    }
    throw DeskError(ErrorCode::DatabaseFailure, "audit_events",
                    "unknown name '" + name + "' in the audit trail");
}
}  // namespace

std::string_view audit_entity_name(AuditEntity entity) noexcept {
    switch (entity) {
        case AuditEntity::User:
            return "user";
        case AuditEntity::Inquiry:
            return "inquiry";
        case AuditEntity::Quote:
            return "quote";
        case AuditEntity::Booking:
            return "booking";
    }
    return "unknown";
}

std::string_view audit_action_name(AuditAction action) noexcept {
    switch (action) {
        case AuditAction::UserAdded:
            return "user_added";
        case AuditAction::UserDeactivated:
            return "user_deactivated";
        case AuditAction::InquiryReceived:
            return "inquiry_received";
        case AuditAction::QuoteSent:
            return "quote_sent";
        case AuditAction::BookingMade:
            return "booking_made";
    }
    return "unknown";
}

void append_audit(SQLite::Database& db, Instant at, std::optional<UserId> user, AuditEntity entity,
                  std::int64_t entity_id, AuditAction action, const nlohmann::json& detail) {
    SQLite::Statement insert(db,
                             "INSERT INTO audit_events (at, user_id, entity, entity_id, event, "
                             "detail_json) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, unix_seconds(at));
    if (user) {
        insert.bind(2, user->value);
    } else {
        insert.bind(2);
    }
    insert.bind(3, std::string(audit_entity_name(entity)));
    insert.bind(4, entity_id);
    insert.bind(5, std::string(audit_action_name(action)));
    insert.bind(6, detail.dump());
    insert.exec();
}

std::vector<AuditEntry> read_audit(SQLite::Database& db, const AuditFilter& filter) {
    if (filter.limit < 1) {
        throw InputError(ErrorCode::QuantityOutOfRange, "limit", "must be at least 1");
    }
    SQLite::Statement query(db,
                            "SELECT event_id, at, user_id, entity, entity_id, event, detail_json "
                            "FROM audit_events WHERE (?1 IS NULL OR entity = ?1) "
                            "AND (?2 IS NULL OR entity_id = ?2) AND (?3 IS NULL OR event_id > ?3) "
                            "ORDER BY event_id LIMIT ?4");
    if (filter.entity) query.bind(1, std::string(audit_entity_name(*filter.entity)));
    if (filter.entity_id) query.bind(2, *filter.entity_id);
    if (filter.after) query.bind(3, *filter.after);
    query.bind(4, filter.limit);
    std::vector<AuditEntry> entries;
    while (query.executeStep()) {
        AuditEntry e;
        e.id = query.getColumn(0).getInt64();
        e.at = instant_from(query.getColumn(1));
        if (!query.getColumn(2).isNull()) e.user = UserId{query.getColumn(2).getInt64()};
        e.entity = from_name(kEntities, audit_entity_name, query.getColumn(3).getString());
        e.entity_id = query.getColumn(4).getInt64();
        e.action = from_name(kActions, audit_action_name, query.getColumn(5).getString());
        e.detail_json = query.getColumn(6).getString();
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace cargoquote::desk
