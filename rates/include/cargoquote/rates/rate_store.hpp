#pragma once
// The SQLite rate store (SQLiteCpp behind a pimpl: no SQLite type appears here).
// Schema: numbered migrations in rates/schema, tracked with PRAGMA user_version; WAL journal so
// readers never block on an import in progress.
//
// Thread-safety: a RateStore is one connection; use one per thread. The RateBook it loads is
// immutable and shared freely.

#include <cargoquote/catalog/rate_book.hpp>
#include <cargoquote/rates/import_report.hpp>
#include <cargoquote/rates/sheet_import.hpp>
#include <cargoquote/rates/sheet_mapping.hpp>
#include <filesystem>
#include <memory>

namespace cargoquote::rates {

// The schema version this build reads and writes (the number of the last migration).
[[nodiscard]] int latest_schema_version();

class RateStore {
  public:
    // Opens an existing database read-only. RateStoreError: DatabaseMissing when the file does
    // not exist, SchemaMismatch when its user_version is not latest_schema_version().
    [[nodiscard]] static RateStore open_read_only(const std::filesystem::path& path);
    // Opens or creates a database for writing, applying any pending migrations in one transaction.
    [[nodiscard]] static RateStore open_for_import(const std::filesystem::path& path);

    RateStore(RateStore&&) noexcept;
    RateStore& operator=(RateStore&&) noexcept;
    ~RateStore();

    [[nodiscard]] int schema_version() const;
    // Everything a quote needs, read in one snapshot transaction.
    [[nodiscard]] RateBookData load() const;
    // Validates every CSV file in `directory` (rates/README.md) against itself and the database,
    // then writes all of it in one transaction, or nothing when any row is wrong.
    [[nodiscard]] ImportReport import_directory(const std::filesystem::path& directory);
    // Validates the rate lines of one .xlsx sheet read through `mapping` with the rates.csv
    // rules (surcharges with the surcharges.csv rules, without a diff), against the database,
    // and diffs them against the lines in force on the sheet's first valid day. Unless
    // `dry_run`, writes them in one transaction, ending each previous version of a line the day
    // before its successor starts; nothing when any row is wrong.
    // InputError(WorkbookUnreadable) when the workbook cannot be read at all.
    [[nodiscard]] SheetImportResult import_sheet(const std::filesystem::path& workbook,
                                                 const SheetMapping& mapping, bool dry_run);

  private:
    struct Impl;
    explicit RateStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Loads the database at `path` into an immutable RateBook (read-only open).
[[nodiscard]] std::shared_ptr<const RateBook> load_rate_book(const std::filesystem::path& path);

}  // namespace cargoquote::rates
