#include "csv_table.hpp"

#include <fmt/format.h>

namespace cargoquote::rates {

namespace {
// Length of the UTF-8 sequence starting at s[i], or 0 when it is not valid UTF-8.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0 && c >= 0xC2)
        n = 2;
    else if ((c & 0xF0) == 0xE0)
        n = 3;
    else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
        n = 4;
    else
        return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    }
    return n;
}
}  // namespace

std::optional<std::size_t> CsvTable::column_index(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
    }
    return std::nullopt;
}

CsvTable parse_csv(std::string file_name, std::string_view content, std::string* error) {
    CsvTable table;
    table.file_name = std::move(file_name);
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // UTF-8 BOM

    std::vector<CsvRow> records;
    CsvRow row;
    CsvField field;
    std::size_t line = 1, column = 1;
    bool in_quotes = false, field_started = false, row_has_content = false;
    row.line = 1;
    field.column = 1;

    const auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field = CsvField{};
        field.column = column;
        field_started = false;
    };
    const auto end_row = [&] {
        end_field();
        if (row_has_content) records.push_back(std::move(row));
        row = CsvRow{};
        row.line = line;
        row_has_content = false;
    };

    for (std::size_t i = 0; i < content.size();) {
        const std::size_t len = utf8_length(content, i);
        if (len == 0) {
            *error = fmt::format("{}:{}: invalid UTF-8 byte", line, column);
            return table;
        }
        const char c = content[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < content.size() && content[i + 1] == '"') {
                    field.text += '"';
                    i += 2;
                    column += 2;
                    continue;
                }
                in_quotes = false;
            } else {
                field.text.append(content.substr(i, len));
                if (c == '\n') {
                    ++line;
                    column = 0;
                }
            }
        } else if (c == '"' && !field_started) {
            in_quotes = true;
            field_started = true;
            row_has_content = true;
        } else if (c == ',') {
            ++column;
            ++i;
            row_has_content = true;
            end_field();
            continue;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < content.size() && content[i + 1] == '\n') ++i;
            ++i;
            ++line;
            column = 1;
            end_row();
            continue;
        } else {
            field.text.append(content.substr(i, len));
            field_started = true;
            row_has_content = true;
        }
        i += len;
        ++column;
    }
    if (in_quotes) {
        *error = fmt::format("{}:{}: unterminated quoted field", line, column);
        return table;
    }
    end_row();

    if (records.empty()) return table;
    table.header_line = records.front().line;
    for (auto& f : records.front().fields) table.header.push_back(std::move(f.text));
    table.rows.assign(std::make_move_iterator(records.begin() + 1),
                      std::make_move_iterator(records.end()));
    return table;
}

}  // namespace cargoquote::rates
