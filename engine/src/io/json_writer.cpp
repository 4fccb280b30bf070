#include <algorithm>
#include <array>
#include <cargoquote/io/json_writer.hpp>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

namespace cargoquote {

namespace {
// Bytes that a JSON string cannot hold as they are (controls, quote, backslash) or that need a
// UTF-8 check (>= 0x80). Everything else is copied.
constexpr std::array<bool, 256> kSpecialByte = [] {
    std::array<bool, 256> special{};
    for (int b = 0; b < 256; ++b) special[b] = b < 0x20 || b >= 0x80 || b == '"' || b == '\\';
    return special;
}();

bool needs_no_escaping(std::string_view s) {
    return std::none_of(s.begin(), s.end(),
                        [](char c) { return kSpecialByte[static_cast<unsigned char>(c)]; });
}

void append_escaped_ascii(std::string& out, std::string_view s) {
    constexpr std::string_view hex = "0123456789abcdef";
    for (const char c : s) {
        switch (c) {
            case '\b':
                out += "\\b";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\r':
                out += "\\r";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out += hex[static_cast<unsigned char>(c) >> 4];
                    out += hex[static_cast<unsigned char>(c) & 0xF];
                } else {
                    out += c;
                }
        }
    }
}

// The JSON text of a string that needs escaping, exactly as nlohmann's dump() writes it.
std::string escaped(std::string_view s) {
    for (const char c : s) {
        // Multi-byte text is rare here: nlohmann validates the UTF-8 and throws as dump() does.
        if (static_cast<unsigned char>(c) >= 0x80) return nlohmann::json(std::string(s)).dump();
    }
    std::string out = "\"";
    append_escaped_ascii(out, s);
    out += '"';
    return out;
}
}  // namespace

JsonWriter::JsonWriter(int indent, std::size_t expected_bytes) : indent_(indent) {
    buffer_.resize(expected_bytes);
    levels_.reserve(16);
}

std::string JsonWriter::take() {
    buffer_.resize(used_);
    used_ = 0;
    return std::move(buffer_);
}

void JsonWriter::grow(std::size_t n) { buffer_.resize(std::max(buffer_.size() * 2, used_ + n)); }

// memcpy is never given an empty view's null pointer (undefined even for no bytes).
void JsonWriter::put(std::string_view s) {
    if (!s.empty()) std::memcpy(extend(s.size()), s.data(), s.size());
}

// `"s"` and then `suffix`, in one copy when nothing needs escaping (almost every string).
void JsonWriter::put_string(std::string_view s, std::string_view suffix) {
    if (!needs_no_escaping(s)) {
        put(escaped(s));
        put(suffix);
        return;
    }
    char* p = extend(s.size() + 2 + suffix.size());
    *p++ = '"';
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p += s.size();
    *p++ = '"';
    if (!suffix.empty()) std::memcpy(p, suffix.data(), suffix.size());
}

// What goes before a member or element: "," unless it is the first, then (indented output) a
// newline and the indentation of `depth`, all in one copy from a prepared run of spaces.
void JsonWriter::separator(bool first, std::size_t depth) {
    std::size_t length = first ? 0 : 1;
    if (indent_ >= 0) length += 1 + depth * static_cast<std::size_t>(indent_);
    if (length == 0) return;
    if (pad_.size() < length + 1) {
        pad_.assign(length + 64, ' ');
        pad_[0] = ',';
        pad_[1] = '\n';
    }
    put(std::string_view(pad_).substr(first ? 1 : 0, length));
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (levels_.empty()) return;
    Level& level = levels_.back();
    assert(!level.object && "a value inside an object needs key() first");
    separator(level.empty, levels_.size());
    level.empty = false;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    assert(!levels_.empty() && levels_.back().object && !after_key_);
    Level& level = levels_.back();
#ifndef NDEBUG
    assert((level.empty || name > level.last_key) && "keys in byte order, as nlohmann::json has");
    level.last_key = std::string(name);
#endif
    separator(level.empty, levels_.size());
    level.empty = false;
    put_string(name, indent_ >= 0 ? ": " : ":");
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    put('{');
    levels_.push_back(Level{.object = true});
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    put('[');
    levels_.push_back(Level{.object = false});
    return *this;
}

void JsonWriter::close(char bracket) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty && indent_ >= 0) separator(true, levels_.size());
    put(bracket);
}

JsonWriter& JsonWriter::end_object() {
    assert(!levels_.empty() && levels_.back().object && !after_key_);
    close('}');
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    assert(!levels_.empty() && !levels_.back().object);
    close(']');
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    put("null");
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    put_string(text);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    put(b ? std::string_view("true") : std::string_view("false"));
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    before_value();
    if (!std::isfinite(number)) {
        put("null");
        return *this;
    }
    // nlohmann's own shortest round-trip formatting (Grisu2 with its exponent rules), so the text
    // matches dump() digit for digit.
    std::array<char, 64> buffer{};
    const char* end =
        nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
    put(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())));
    return *this;
}

JsonWriter& JsonWriter::signed_value(std::int64_t number) {
    before_value();
    std::array<char, 24> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
    put(std::string_view(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data())));
    return *this;
}

JsonWriter& JsonWriter::unsigned_value(std::uint64_t number) {
    before_value();
    std::array<char, 24> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
    put(std::string_view(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data())));
    return *this;
}

}  // namespace cargoquote
