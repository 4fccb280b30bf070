#include "sql_values.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>

namespace cargoquote::desk {

std::int64_t unix_seconds(Instant at) { return at.utc().time_since_epoch().count(); }

Instant instant_from(const SQLite::Column& column) {
    return Instant(std::chrono::sys_seconds(std::chrono::seconds(column.getInt64())));
}

Date date_from(const SQLite::Column& column) {
    return Date::parse(column.getString(), column.getName());
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

Money money_from(const SQLite::Column& currency, const SQLite::Column& micros) {
    return Money(CurrencyCode::parse(currency.getString(), currency.getName()), micros.getInt64());
}

Date utc_date(Instant at) { return Date(std::chrono::floor<std::chrono::days>(at.utc())); }

void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& v) {
    if (v) {
        statement.bind(index, *v);
    } else {
        statement.bind(index);  // NULL
    }
}

bool is_unique_violation(const SQLite::Exception& e) noexcept {
    return e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE ||
           e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY;
}

void throw_database_failure(const SQLite::Exception& e, std::string_view doing) {
    throw DeskError(ErrorCode::DatabaseFailure, {}, fmt::format("{}: {}", doing, e.what()));
}

}  // namespace cargoquote::desk
