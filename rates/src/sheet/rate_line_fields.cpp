#include "sheet/rate_line_fields.hpp"

#include <algorithm>
#include <array>

#include "table_specs.hpp"

namespace cargoquote::rates {

std::span<const std::string_view> rate_line_fields() {
    static const std::vector<std::string_view> fields = [] {
        for (const auto& spec : table_specs()) {
            if (spec.file == "rates.csv") return spec.columns;
        }
        return std::vector<std::string_view>{};
    }();
    return fields;
}

bool is_rate_line_field(std::string_view field) {
    const auto fields = rate_line_fields();
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

bool is_required_rate_line_field(std::string_view field) {
    static constexpr std::array<std::string_view, 5> kOptional = {
        "commodity", "breaks", "min_weight_kg", "class_percent", "class_min_percent"};
    return is_rate_line_field(field) &&
           std::find(kOptional.begin(), kOptional.end(), field) == kOptional.end();
}

}  // namespace cargoquote::rates
