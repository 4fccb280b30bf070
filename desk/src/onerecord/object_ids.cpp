#include "onerecord/object_ids.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstdint>

namespace cargoquote::desk::onerecord {

namespace {
struct KindName {
    ObjectKind kind;
    std::string_view prefix;
    std::string_view type;
};
constexpr std::array<KindName, 5> kKinds = {{
    {ObjectKind::BookingOptionRequest, "bor-", "cargo:BookingOptionRequest"},
    {ObjectKind::BookingShipment, "bs-", "cargo:BookingShipment"},
    {ObjectKind::BookingOption, "bo-", "cargo:BookingOption"},
    {ObjectKind::BookingRequest, "breq-", "cargo:BookingRequest"},
    {ObjectKind::Booking, "booking-", "cargo:Booking"},
}};

const KindName& name_of(ObjectKind kind) {
    for (const auto& k : kKinds) {
        if (k.kind == kind) return k;
    }
    return kKinds.front();
}

// A positive decimal without leading zeros that fits `max`, consuming all of `text`.
std::optional<std::int64_t> positive(std::string_view text, std::int64_t max) {
    if (text.empty() || text.size() > 18 || text.front() == '0') return std::nullopt;
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 1 || v > max) {
        return std::nullopt;
    }
    return v;
}
}  // namespace

std::string object_path_id(const ObjectId& id) {
    const auto& k = name_of(id.kind);
    if (id.kind == ObjectKind::BookingOption) {
        return fmt::format("{}{}-{}", k.prefix, id.inquiry.value, id.rank);
    }
    return fmt::format("{}{}", k.prefix, id.inquiry.value);
}

std::optional<ObjectId> parse_object_id(std::string_view text) {
    for (const auto& k : kKinds) {
        if (!text.starts_with(k.prefix)) continue;
        std::string_view rest = text.substr(k.prefix.size());
        ObjectId id{k.kind, {}, 0};
        if (k.kind == ObjectKind::BookingOption) {
            const auto dash = rest.find('-');
            if (dash == std::string_view::npos) return std::nullopt;
            const auto rank = positive(rest.substr(dash + 1), 10000);
            if (!rank) return std::nullopt;
            id.rank = static_cast<int>(*rank);
            rest = rest.substr(0, dash);
        }
        const auto inquiry = positive(rest, INT64_MAX);
        if (!inquiry) return std::nullopt;
        id.inquiry = InquiryId{*inquiry};
        return id;
    }
    return std::nullopt;
}

std::string_view object_type(ObjectKind kind) { return name_of(kind).type; }

}  // namespace cargoquote::desk::onerecord
