#pragma once
// An admin's .xlsx rate sheet import over HTTP (README, "Quote desk"): POST
// /v1/admin/rate-sheets?dry_run=true|false with a multipart/form-data body of two parts,
// `workbook` (the .xlsx bytes) and `mapping` (the mapping JSON of rates/README.md). The checks,
// the diff and the one-transaction write are the rate store's own (RateStore::import_sheet, as
// `cargoquote rates import` uses); an applied import then swaps in a new rate snapshot.

#include <cstddef>
#include <memory>

#include "http/rate_snapshots.hpp"
#include "http/router.hpp"

namespace cargoquote::desk::http {

inline constexpr const char* kRateSheetPath = "/v1/admin/rate-sheets";

// `max_upload_bytes` bounds the whole body (413 beyond); the workbook reader keeps its own
// limits on what the archive unpacks to.
void add_rate_sheet_routes(Router& router, std::shared_ptr<RateSnapshots> rates,
                           std::size_t max_upload_bytes);

}  // namespace cargoquote::desk::http
