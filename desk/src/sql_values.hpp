#pragma once
// Conversions between the desk's values and SQLite columns, and the one place SQLite exceptions
// become cargoquote errors.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cargoquote/desk/desk_error.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cargoquote::desk {

// Instants are stored as Unix seconds (UTC).
[[nodiscard]] std::int64_t unix_seconds(Instant at);
[[nodiscard]] Instant instant_from(const SQLite::Column& column);
[[nodiscard]] Date date_from(const SQLite::Column& column);
[[nodiscard]] std::optional<std::string> optional_text(const SQLite::Column& column);
[[nodiscard]] Money money_from(const SQLite::Column& currency, const SQLite::Column& micros);
// The UTC calendar date of an instant (what booking compares with offer validity).
[[nodiscard]] Date utc_date(Instant at);

void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& v);

// The extended result code of a UNIQUE constraint failure (SQLITE_CONSTRAINT_UNIQUE).
[[nodiscard]] bool is_unique_violation(const SQLite::Exception& e) noexcept;

[[noreturn]] void throw_database_failure(const SQLite::Exception& e, std::string_view doing);

// Runs `work`, turning a SQLite exception into DeskError(DatabaseFailure) that says what the
// store was `doing`; cargoquote errors pass through unchanged.
template <typename Work>
decltype(auto) guarded(std::string_view doing, Work&& work) {
    try {
        return std::forward<Work>(work)();
    } catch (const SQLite::Exception& e) {
        throw_database_failure(e, doing);
    }
}

}  // namespace cargoquote::desk
