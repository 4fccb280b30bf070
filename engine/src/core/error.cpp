#include <fmt/format.h>

#include <cargoquote/core/error.hpp>

namespace cargoquote {

std::string_view error_code_name(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::Internal:
            return "internal";
        case ErrorCode::Usage:
            return "usage";
        case ErrorCode::InvalidInput:
            return "invalid_input";
        case ErrorCode::InvalidPieceSpec:
            return "invalid_piece_spec";
        case ErrorCode::UnknownAirport:
            return "unknown_airport";
        case ErrorCode::NegativeQuantity:
            return "negative_quantity";
        case ErrorCode::InvalidCurrency:
            return "invalid_currency";
        case ErrorCode::InvalidDateTime:
            return "invalid_date_time";
        case ErrorCode::UnknownCustomer:
            return "unknown_customer";
        case ErrorCode::InvalidJson:
            return "invalid_json";
        case ErrorCode::InvalidCode:
            return "invalid_code";
        case ErrorCode::MissingField:
            return "missing_field";
        case ErrorCode::InvalidNumber:
            return "invalid_number";
        case ErrorCode::DatabaseMissing:
            return "database_missing";
        case ErrorCode::SchemaMismatch:
            return "schema_mismatch";
        case ErrorCode::ImportRejected:
            return "import_rejected";
        case ErrorCode::DatabaseFailure:
            return "database_failure";
        case ErrorCode::FileUnreadable:
            return "file_unreadable";
        case ErrorCode::WorkbookUnreadable:
            return "workbook_unreadable";
        case ErrorCode::InvalidUtf8:
            return "invalid_utf8";
        case ErrorCode::MalformedRow:
            return "malformed_row";
        case ErrorCode::EmptyRow:
            return "empty_row";
        case ErrorCode::QuantityOutOfRange:
            return "quantity_out_of_range";
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::Conflict:
            return "conflict";
        case ErrorCode::QuoteExpired:
            return "quote_expired";
        case ErrorCode::Unauthorized:
            return "unauthorized";
        case ErrorCode::Forbidden:
            return "forbidden";
        case ErrorCode::NotAcceptable:
            return "not_acceptable";
        case ErrorCode::UnsupportedMediaType:
            return "unsupported_media_type";
    }
    return "unknown";
}

namespace {
std::string compose(ErrorCode code, const std::string& field, const std::string& message) {
    if (field.empty()) {
        return fmt::format("[cargoquote.{}] {}", error_code_name(code), message);
    }
    return fmt::format("[cargoquote.{}] {}: {}", error_code_name(code), field, message);
}
}  // namespace

Error::Error(ErrorCode code, std::string field, std::string message)
    : std::runtime_error(compose(code, field, message)),
      code_(code),
      field_(std::move(field)),
      detail_(std::move(message)) {}

}  // namespace cargoquote
