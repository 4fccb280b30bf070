#pragma once
// Errors for bad input or environment. Each carries a stable, append-only code (also the CLI exit
// code and Python's `.code`) and the field it is about: a JSON Pointer, a CSV file:line:column or
// a command-line option. Expected outcomes ("no rate on that date") are data, never errors.

#include <stdexcept>
#include <string>
#include <string_view>

namespace cargoquote {

// Append only: the numbers are exit codes and part of the public contract.
enum class ErrorCode : int {
    Internal = 1,
    Usage = 2,
    InvalidInput = 10,
    InvalidPieceSpec = 11,
    UnknownAirport = 12,
    NegativeQuantity = 13,
    InvalidCurrency = 14,
    InvalidDateTime = 15,
    UnknownCustomer = 16,
    InvalidJson = 17,
    InvalidCode = 18,
    MissingField = 19,
    InvalidNumber = 20,
    InvalidUtf8 = 21,
    MalformedRow = 22,  // a batch row that cannot be split into its fields
    EmptyRow = 23,
    QuantityOutOfRange = 24,  // a count, dimension, weight or total past its documented range
    DatabaseMissing = 30,
    SchemaMismatch = 31,
    ImportRejected = 32,
    DatabaseFailure = 33,
    FileUnreadable = 34,
    WorkbookUnreadable = 35,  // an .xlsx that is not a workbook, is damaged, or past a size limit
    // The quote desk (desk/): states a request cannot change, and who may ask.
    NotFound = 40,              // no inquiry, quote or user with that id or reference
    Conflict = 41,              // already sent, already booked, already deactivated
    QuoteExpired = 42,          // booking after the option's offer valid-to date
    Unauthorized = 43,          // unknown or deactivated user
    Forbidden = 44,             // the user's role may not do this
    NotAcceptable = 45,         // no answer in a media type or API version the client accepts
    UnsupportedMediaType = 46,  // a request body in a media type the endpoint does not read
};

// Stable short name, e.g. "unknown_airport"; used in JSON error documents.
[[nodiscard]] std::string_view error_code_name(ErrorCode code) noexcept;

class Error : public std::runtime_error {
  public:
    Error(ErrorCode code, std::string field, std::string message);

    [[nodiscard]] ErrorCode code() const noexcept { return code_; }
    // Where the problem is: JSON Pointer, file:line:column, or option name. May be empty.
    [[nodiscard]] const std::string& field() const noexcept { return field_; }
    // The message without the code and field prefix.
    [[nodiscard]] const std::string& detail() const noexcept { return detail_; }

  private:
    ErrorCode code_;
    std::string field_;
    std::string detail_;
};

// The caller's request or file is wrong: fix the input and retry.
class InputError : public Error {
  public:
    using Error::Error;
};

// The rate store is missing, of the wrong schema, or refused an import.
class RateStoreError : public Error {
  public:
    using Error::Error;
};

}  // namespace cargoquote
