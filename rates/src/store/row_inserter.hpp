#pragma once
// The one way the rate store writes rows: a prepared INSERT reused for every row of a table.
// insert() binds the row's values to the statement's parameters in order, runs it and resets it.
// std::nullopt (or an empty std::optional) binds NULL.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cargoquote::rates {

class RowInserter {
  public:
    RowInserter(SQLite::Database& db, const char* sql) : statement_(db, sql) {}

    template <typename... Values>
    void insert(const Values&... values) {
        int index = 0;
        (bind(++index, values), ...);
        statement_.exec();
        statement_.reset();
    }

  private:
    void bind(int index, int value) { statement_.bind(index, value); }
    void bind(int index, std::int64_t value) { statement_.bind(index, value); }
    void bind(int index, double value) { statement_.bind(index, value); }
    void bind(int index, const std::string& value) { statement_.bind(index, value); }
    void bind(int index, std::string_view value) { statement_.bind(index, std::string(value)); }
    void bind(int index, std::nullopt_t) { statement_.bind(index); }
    template <typename T>
    void bind(int index, const std::optional<T>& value) {
        if (value) {
            bind(index, *value);
        } else {
            bind(index, std::nullopt);
        }
    }

    SQLite::Statement statement_;
};

}  // namespace cargoquote::rates
