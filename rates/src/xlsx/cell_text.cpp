#include "xlsx/cell_text.hpp"

#include <fmt/format.h>

#include <cargoquote/rates/workbook.hpp>
#include <chrono>
#include <cstdlib>

namespace cargoquote::rates::xlsx {

namespace {

constexpr std::size_t kSignificantDigits = 15;
constexpr int kMaxExponent = 400;  // far past a double's range; bounds the text we build
constexpr std::int64_t kMaxSerial = 2'958'465;  // 9999-12-31 in the 1900 system

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Adds one unit in the last place of `digits` (all decimal digits); true when it overflowed
// ("999" -> "000", carry out).
bool increment(std::string& digits) {
    for (auto i = digits.size(); i-- > 0;) {
        if (digits[i] != '9') {
            ++digits[i];
            return false;
        }
        digits[i] = '0';
    }
    return true;
}

}  // namespace

std::optional<std::string> plain_decimal(std::string_view s) {
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    std::string digits;  // significant digits, leading zeros dropped
    int point = 0;       // value = 0.digits * 10^point
    bool seen_digit = false;
    bool seen_point = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) {
            seen_digit = true;
            if (digits.empty() && c == '0') {
                if (seen_point) --point;
                continue;
            }
            digits += c;
            if (!seen_point) ++point;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
        if (digits.size() > 64) return std::nullopt;
    }
    if (!seen_digit) return std::nullopt;
    if (i < s.size()) {
        if (s[i] != 'e' && s[i] != 'E') return std::nullopt;
        ++i;
        bool exp_negative = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) exp_negative = s[i++] == '-';
        if (i == s.size()) return std::nullopt;
        int exponent = 0;
        for (; i < s.size(); ++i) {
            if (!is_digit(s[i]) || exponent > kMaxExponent) return std::nullopt;
            exponent = exponent * 10 + (s[i] - '0');
        }
        point += exp_negative ? -exponent : exponent;
    }
    if (digits.empty()) return "0";
    if (point > kMaxExponent || point < -kMaxExponent) return std::nullopt;
    if (digits.size() > kSignificantDigits) {
        const bool round_up = digits[kSignificantDigits] >= '5';
        digits.resize(kSignificantDigits);
        if (round_up && increment(digits)) {
            digits.insert(digits.begin(), '1');
            digits.pop_back();
            ++point;
        }
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) return "0";
    std::string out = negative ? "-" : "";
    if (point <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-point), '0');
        out += digits;
    } else if (static_cast<std::size_t>(point) >= digits.size()) {
        out += digits;
        out.append(static_cast<std::size_t>(point) - digits.size(), '0');
    } else {
        out += digits.substr(0, static_cast<std::size_t>(point));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(point));
    }
    return out;
}

std::optional<std::string> serial_to_iso(std::string_view plain, bool date1904, bool* has_time) {
    if (plain.empty() || plain.front() == '-') return std::nullopt;
    const auto dot = plain.find('.');
    const std::string whole(plain.substr(0, dot));
    if (whole.size() > 7) return std::nullopt;
    std::int64_t days = std::strtoll(whole.c_str(), nullptr, 10);
    // The day's fraction in seconds, rounded to the nearest second (from up to 12 digits).
    std::int64_t seconds = 0;
    if (dot != std::string_view::npos) {
        std::string fraction(plain.substr(dot + 1, 12));
        fraction.append(12 - fraction.size(), '0');
        const std::int64_t pico_days = std::strtoll(fraction.c_str(), nullptr, 10);
        constexpr std::int64_t kOneDay = 1'000'000'000'000;
        seconds = (pico_days * 86400 + kOneDay / 2) / kOneDay;
        if (seconds == 86400) {
            seconds = 0;
            ++days;
        }
    }
    if (days > kMaxSerial) return std::nullopt;
    using namespace std::chrono;
    sys_days date;
    if (date1904) {
        date = sys_days(year{1904} / January / 1) + std::chrono::days(days);
    } else {
        // Serial 60 is Lotus's 1900-02-29, which never was: serials from 61 count from
        // 1899-12-30, earlier ones from 1899-12-31.
        if (days == 0 || days == 60) return std::nullopt;
        date = (days > 60 ? sys_days(year{1899} / December / 30)
                          : sys_days(year{1899} / December / 31)) +
               std::chrono::days(days);
    }
    const year_month_day ymd(date);
    std::string out =
        fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    *has_time = seconds != 0;
    if (seconds != 0) {
        out += fmt::format("T{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    return out;
}

bool is_builtin_date_format(std::uint32_t id) {
    return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

bool is_date_format_code(std::string_view code) {
    // Only the first section (positive numbers) decides; quoted text, [colour]/[$-locale]
    // brackets and backslash-escaped characters are not format letters.
    bool in_quotes = false;
    bool in_brackets = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (in_quotes) {
            in_quotes = c != '"';
            continue;
        }
        if (in_brackets) {
            // Elapsed-time sections like [h] or [mm] are times.
            if (c == ']') in_brackets = false;
            if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
                if (i > 0 && code[i - 1] == '[') return true;
            }
            continue;
        }
        switch (c) {
            case '"':
                in_quotes = true;
                break;
            case '[':
                in_brackets = true;
                break;
            case '\\':
            case '_':
            case '*':
                ++i;  // the next character is literal (or padding)
                break;
            case ';':
                return false;
            case 'd':
            case 'D':
            case 'm':
            case 'M':
            case 'y':
            case 'Y':
            case 'h':
            case 'H':
            case 's':
            case 'S':
                return true;
            default:
                break;
        }
    }
    return false;
}

std::optional<CellPosition> parse_cell_reference(std::string_view ref) {
    std::size_t i = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z')))
        ++i;
    if (i == 0 || i > 3 || i == ref.size() || ref.size() - i > 7) return std::nullopt;
    const std::uint32_t column = column_number(ref.substr(0, i));
    if (column == 0) return std::nullopt;
    std::uint32_t row = 0;
    for (std::size_t j = i; j < ref.size(); ++j) {
        if (!is_digit(ref[j])) return std::nullopt;
        row = row * 10 + static_cast<std::uint32_t>(ref[j] - '0');
    }
    if (row == 0) return std::nullopt;
    return CellPosition{row, column};
}

}  // namespace cargoquote::rates::xlsx
