#pragma once
// The rate-line fields a sheet mapping fills: the columns of rates.csv, and which of them every
// line needs.

#include <span>
#include <string_view>

namespace cargoquote::rates {

[[nodiscard]] std::span<const std::string_view> rate_line_fields();
[[nodiscard]] bool is_rate_line_field(std::string_view field);
// Fields without which no line can be valid (the rest depend on the rate class).
[[nodiscard]] bool is_required_rate_line_field(std::string_view field);

}  // namespace cargoquote::rates
