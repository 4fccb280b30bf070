#pragma once
// The desk's closed vocabularies and their stable names, as stored in the database (the schema's
// CHECK lists) and as the JSON API will spell them.

#include <optional>
#include <string_view>

namespace cargoquote::desk {

// staff: a named agent of the desk; customer: a customer's user, bound to one customer id;
// admin: manages users (and, later, rate imports).
enum class Role { Staff, Customer, Admin };

// Who entered an inquiry: an agent on the customer's behalf, or the customer on their own.
enum class Channel { Staff, SelfService };

// Derived from what happened to an inquiry, never stored: open (no quote sent), quoted (sent, not
// booked), booked.
enum class InquiryStatus { Open, Quoted, Booked };

[[nodiscard]] std::string_view role_name(Role role) noexcept;  // "staff", "customer", "admin"
[[nodiscard]] std::optional<Role> parse_role(std::string_view name) noexcept;

[[nodiscard]] std::string_view channel_name(Channel channel) noexcept;  // "staff", "self_service"
[[nodiscard]] std::optional<Channel> parse_channel(std::string_view name) noexcept;

[[nodiscard]] std::string_view status_name(InquiryStatus status) noexcept;  // "open", ...
[[nodiscard]] std::optional<InquiryStatus> parse_status(std::string_view name) noexcept;

}  // namespace cargoquote::desk
