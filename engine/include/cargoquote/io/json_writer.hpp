#pragma once
// Writes JSON text straight into a string, without building a tree: a result document holds
// hundreds of objects, and a tree costs an allocation per member and per value.
//
// The bytes are those of nlohmann::json's dump(indent) of the same values: the same number
// formatting (shortest round-trip doubles, "null" for non-finite), the same escaping, the same
// layout. Object keys must be written in byte order, as nlohmann's std::map keeps them; debug
// builds check it. Invalid UTF-8 in a string throws nlohmann's type_error 316, as dump() does.

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote {

class JsonWriter {
  public:
    // indent < 0: compact; otherwise that many spaces per level, one member per line.
    // `expected_bytes` sizes the buffer once (a guess; it grows as needed).
    explicit JsonWriter(int indent = -1, std::size_t expected_bytes = 256);

    // The text written; the writer is empty afterwards.
    [[nodiscard]] std::string take();

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);  // inside an object: the next member's name

    JsonWriter& null();
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(bool b);
    JsonWriter& value(double number);
    template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, char>) JsonWriter& value(T number) {
        if constexpr (std::is_signed_v<T>) {
            return signed_value(static_cast<std::int64_t>(number));
        } else {
            return unsigned_value(static_cast<std::uint64_t>(number));
        }
    }
    // `null` when empty.
    template <typename T>
    JsonWriter& value(const std::optional<T>& maybe) {
        return maybe ? value(*maybe) : null();
    }

    // key(name) then value(v).
    template <typename T>
    JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }
    JsonWriter& field(std::string_view name, const char* v) {
        key(name);
        return value(std::string_view(v));
    }
    JsonWriter& null_field(std::string_view name) { return key(name).null(); }

  private:
    struct Level {
        bool object = false;
        bool empty = true;
#ifndef NDEBUG
        std::string last_key;
#endif
    };

    // `n` bytes at the end of the text, to be filled by the caller.
    char* extend(std::size_t n) {
        if (used_ + n > buffer_.size()) grow(n);
        char* at = buffer_.data() + used_;
        used_ += n;
        return at;
    }
    void put(std::string_view s);
    void put(char c) { *extend(1) = c; }
    void grow(std::size_t n);
    void put_string(std::string_view s, std::string_view suffix = {});
    void before_value();
    void separator(bool first, std::size_t depth);
    void close(char bracket);
    JsonWriter& signed_value(std::int64_t number);
    JsonWriter& unsigned_value(std::uint64_t number);

    // The text so far is buffer_[0, used_): the buffer grows in large steps, so writing a value is
    // a bounds check and a copy.
    std::string buffer_;
    std::size_t used_ = 0;
    int indent_;
    std::vector<Level> levels_;
    bool after_key_ = false;
    std::string pad_;  // ",\n" and spaces: separators are slices of it
};

}  // namespace cargoquote
