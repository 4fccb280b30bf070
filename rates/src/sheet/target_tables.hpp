#pragma once
// The tables a sheet mapping can fill: rate lines ("rates", the columns of rates.csv) and
// surcharges ("surcharges", the columns of surcharges.csv), with the fields every row needs and
// the field that identifies a row.

#include <span>
#include <string_view>

namespace cargoquote::rates {

[[nodiscard]] bool is_sheet_target(std::string_view table);
// The table's CSV file, e.g. "rates.csv" for "rates".
[[nodiscard]] std::string_view target_file(std::string_view table);
[[nodiscard]] std::span<const std::string_view> target_fields(std::string_view table);
[[nodiscard]] bool is_target_field(std::string_view table, std::string_view field);
// Fields without which no row can be valid (the rest are optional or depend on the row).
[[nodiscard]] bool is_required_target_field(std::string_view table, std::string_view field);
// "line_id" or "surcharge_id".
[[nodiscard]] std::string_view id_field(std::string_view table);

}  // namespace cargoquote::rates
