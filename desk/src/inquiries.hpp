#pragma once
// Recording an inquiry with every option shown, in one transaction with its audit entry.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/desk/records.hpp>

namespace cargoquote::desk {

[[nodiscard]] InquiryId insert_inquiry(SQLite::Database& db, const NewInquiry& inquiry);

}  // namespace cargoquote::desk
