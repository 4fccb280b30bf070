#include "sheet/target_tables.hpp"

#include <algorithm>
#include <array>

#include "table_specs.hpp"

namespace cargoquote::rates {

namespace {

constexpr std::array<std::string_view, 5> kOptionalRateLineFields = {
    "commodity", "breaks", "min_weight_kg", "class_percent", "class_min_percent"};
constexpr std::array<std::string_view, 4> kOptionalSurchargeFields = {"commodity", "min", "max",
                                                                      "apply_margin"};

}  // namespace

bool is_sheet_target(std::string_view table) { return table == "rates" || table == "surcharges"; }

std::string_view target_file(std::string_view table) {
    return table == "surcharges" ? "surcharges.csv" : "rates.csv";
}

std::span<const std::string_view> target_fields(std::string_view table) {
    const std::string_view file = target_file(table);
    for (const auto& spec : table_specs()) {
        if (spec.file == file) return spec.columns;
    }
    return {};
}

bool is_target_field(std::string_view table, std::string_view field) {
    const auto fields = target_fields(table);
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

bool is_required_target_field(std::string_view table, std::string_view field) {
    const auto optional = table == "surcharges"
                              ? std::span<const std::string_view>(kOptionalSurchargeFields)
                              : std::span<const std::string_view>(kOptionalRateLineFields);
    return is_target_field(table, field) &&
           std::find(optional.begin(), optional.end(), field) == optional.end();
}

std::string_view id_field(std::string_view table) {
    return table == "surcharges" ? "surcharge_id" : "line_id";
}

}  // namespace cargoquote::rates
