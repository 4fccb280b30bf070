#pragma once
// The desk store refused an operation, with one of the engine's stable codes: NotFound, Conflict
// (already sent, booked or deactivated), QuoteExpired, Unauthorized (unknown or deactivated
// acting user), Forbidden (the role may not), DatabaseFailure (SQLite refused; no SQLite
// exception leaves the library) or SchemaMismatch. Bad values in a request are InputErrors.

#include <cargoquote/core/error.hpp>

namespace cargoquote::desk {

class DeskError : public Error {
  public:
    using Error::Error;
};

}  // namespace cargoquote::desk
