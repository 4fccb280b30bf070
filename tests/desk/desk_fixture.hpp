#pragma once
// A fresh desk database per test, with an admin, two agents and a customer's user, and small
// builders for inquiries whose every number is readable in the test that uses it.

#include <gtest/gtest.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/desk/desk_store.hpp>
#include <cargoquote/desk/records.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/temp_dir.hpp"

namespace cargoquote::desk::test {

// "2026-11-25T08:00:00" read as UTC.
[[nodiscard]] Instant utc(std::string_view iso);
[[nodiscard]] Date date(std::string_view iso);
[[nodiscard]] Money money(std::string_view amount, std::string_view currency);

// An option priced on one rate line "<carrier>-<rank>" of sheet "desk test" version "v1";
// margin = sell - buy.
[[nodiscard]] OptionRecord option(int rank, std::string_view carrier, std::string_view sell,
                                  std::string_view buy, std::string_view currency = "EUR",
                                  std::string_view valid_from = "2026-11-25",
                                  std::string_view valid_to = "2026-11-27");

// A staff-channel PVG-FRA inquiry taken by `agent`, received at `received`, with two EUR options
// (rank 1 A1 sell 1000 buy 900, rank 2 B2 sell 1100 buy 950) unless others are given.
[[nodiscard]] NewInquiry inquiry(UserId agent, std::string_view received,
                                 std::optional<std::string> customer = "ACME",
                                 std::vector<OptionRecord> options = {});

class DeskTest : public testing::Test {
  protected:
    cargoquote::test::TempDir dir{"desk_"};
    std::filesystem::path path = dir / "desk.db";
    DeskStore store = DeskStore::open(path);
    IssuedUser admin =
        store.add_user({Role::Admin, "Ada Admin", {}}, {}, utc("2026-11-01T00:00:00"));
    IssuedUser anna =
        store.add_user({Role::Staff, "Anna Agent", {}}, admin.user.id, utc("2026-11-01T00:00:00"));
    IssuedUser ben =
        store.add_user({Role::Staff, "Ben Agent", {}}, admin.user.id, utc("2026-11-01T00:00:00"));
    IssuedUser acme = store.add_user({Role::Customer, "ACME buyer", "ACME"}, admin.user.id,
                                     utc("2026-11-01T00:00:00"));

    // Records a staff inquiry for ACME by Anna and sends both options.
    Quote quoted_inquiry(std::string_view received = "2026-11-25T08:00:00",
                         std::string_view sent = "2026-11-25T08:10:00");
};

// The code of the cargoquote::Error `run` throws (fails the test when it throws none).
template <typename Run>
ErrorCode error_code_of(Run&& run) {
    try {
        run();
    } catch (const Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "no cargoquote::Error thrown";
    return ErrorCode::Internal;
}

// The field of the cargoquote::Error `run` throws.
template <typename Run>
std::string error_field_of(Run&& run) {
    try {
        run();
    } catch (const Error& e) {
        return e.field();
    }
    ADD_FAILURE() << "no cargoquote::Error thrown";
    return {};
}

}  // namespace cargoquote::desk::test
