#pragma once
// The output and errors files of a batch (docs/shipment-book-format.md), as CSV text.

#include <cargoquote/batch/book_pricer.hpp>
#include <string>
#include <string_view>

namespace cargoquote::batch {

[[nodiscard]] std::string_view output_header() noexcept;  // with the line terminator
[[nodiscard]] std::string_view errors_header() noexcept;

void append_outcome_csv(std::string& out, const RowOutcome& outcome);
void append_error_csv(std::string& out, const RowError& error);

// change_percent text for a change against a previous total: two decimals, half away from
// zero; "" when the previous total is zero.
[[nodiscard]] std::string change_percent_text(const Money& change, const Money& previous);

}  // namespace cargoquote::batch
