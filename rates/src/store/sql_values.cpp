#include "store/sql_values.hpp"

#include <cmath>

namespace cargoquote::rates {

std::optional<std::string> text_or_null(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
}

std::optional<std::string> date_or_null(const std::optional<Date>& date) {
    if (!date) return std::nullopt;
    return date->iso();
}

std::optional<std::int64_t> micros_or_null(const std::optional<Money>& amount) {
    if (!amount) return std::nullopt;
    return amount->micros();
}

std::optional<std::int64_t> ppm_or_null(const std::optional<double>& value) {
    if (!value) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(*value * 1e6));
}

std::string joined_words(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    return text;
}

std::string column_text(SQLite::Statement& q, int i) { return q.getColumn(i).getString(); }

std::string column_text_or_empty(SQLite::Statement& q, int i) {
    return q.getColumn(i).isNull() ? std::string{} : column_text(q, i);
}

Date column_date(SQLite::Statement& q, int i) { return Date::parse(column_text(q, i), "database"); }

std::optional<AirportCode> column_scope_airport(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull()) return std::nullopt;
    return AirportCode::parse(column_text(q, i));
}

std::optional<double> column_probability(SQLite::Statement& q, int i) {
    if (q.getColumn(i).isNull()) return std::nullopt;
    return static_cast<double>(q.getColumn(i).getInt64()) / 1e6;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t space = std::min(text.find(' ', start), text.size());
        if (space > start) words.push_back(text.substr(start, space - start));
        start = space + 1;
    }
    return words;
}

}  // namespace cargoquote::rates
