#include <cargoquote/desk/roles.hpp>

namespace cargoquote::desk {

std::string_view role_name(Role role) noexcept {
    switch (role) {
        case Role::Staff:
            return "staff";
        case Role::Customer:
            return "customer";
        case Role::Admin:
            return "admin";
    }
    return "unknown";
}

std::optional<Role> parse_role(std::string_view name) noexcept {
    for (Role r : {Role::Staff, Role::Customer, Role::Admin}) {
        if (role_name(r) == name) return r;
    }
    return std::nullopt;
}

std::string_view channel_name(Channel channel) noexcept {
    switch (channel) {
        case Channel::Staff:
            return "staff";
        case Channel::SelfService:
            return "self_service";
    }
    return "unknown";
}

std::optional<Channel> parse_channel(std::string_view name) noexcept {
    for (Channel c : {Channel::Staff, Channel::SelfService}) {
        if (channel_name(c) == name) return c;
    }
    return std::nullopt;
}

std::string_view status_name(InquiryStatus status) noexcept {
    switch (status) {
        case InquiryStatus::Open:
            return "open";
        case InquiryStatus::Quoted:
            return "quoted";
        case InquiryStatus::Booked:
            return "booked";
    }
    return "unknown";
}

std::optional<InquiryStatus> parse_status(std::string_view name) noexcept {
    for (InquiryStatus s : {InquiryStatus::Open, InquiryStatus::Quoted, InquiryStatus::Booked}) {
        if (status_name(s) == name) return s;
    }
    return std::nullopt;
}

}  // namespace cargoquote::desk
