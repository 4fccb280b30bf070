#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cargoquote/core/error.hpp>
#include <cargoquote/rates/rate_store.hpp>

#include "csv_import.hpp"
#include "migrations.hpp"
#include "sheet/sheet_import.hpp"
#include "table_specs.hpp"

namespace cargoquote::rates {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;

[[noreturn]] void database_failure(const std::exception& e, std::string_view doing) {
    throw RateStoreError(ErrorCode::DatabaseFailure, {}, fmt::format("{}: {}", doing, e.what()));
}

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

// Every table in the order of the specs (foreign keys: referenced rows first).
void write_batch(SQLite::Database& db, const RateBookData& rows) {
    for (const auto& table : table_specs()) table.insert(db, rows);
}

}  // namespace

struct RateStore::Impl {
    explicit Impl(SQLite::Database database) : db(std::move(database)) {}
    SQLite::Database db;
};

int latest_schema_version() { return static_cast<int>(schema_migrations().size()); }

RateStore::RateStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RateStore::RateStore(RateStore&&) noexcept = default;
RateStore& RateStore::operator=(RateStore&&) noexcept = default;
RateStore::~RateStore() = default;

RateStore RateStore::open_read_only(const fs::path& path) {
    if (!fs::exists(path)) {
        throw RateStoreError(ErrorCode::DatabaseMissing, "--db",
                             fmt::format("rate database '{}' does not exist (create it with "
                                         "'cargoquote rates import DIR --db {}')",
                                         path.string(), path.string()));
    }
    try {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY, kBusyTimeoutMs);
        const int version = user_version(db);
        if (version != latest_schema_version()) {
            throw RateStoreError(ErrorCode::SchemaMismatch, "--db",
                                 fmt::format("'{}' has schema version {}, this build needs {}{}",
                                             path.string(), version, latest_schema_version(),
                                             version < latest_schema_version()
                                                 ? " (re-run 'cargoquote rates import' to migrate)"
                                                 : " (built by a newer cargoquote)"));
        }
        return RateStore(std::make_unique<Impl>(std::move(db)));
    } catch (const SQLite::Exception& e) {
        throw RateStoreError(ErrorCode::DatabaseFailure, "--db",
                             fmt::format("cannot open '{}': {}", path.string(), e.what()));
    }
}

RateStore RateStore::open_for_import(const fs::path& path) {
    try {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                            kBusyTimeoutMs);
        const int version = user_version(db);
        if (version > latest_schema_version()) {
            throw RateStoreError(
                ErrorCode::SchemaMismatch, "--db",
                fmt::format("'{}' has schema version {}, newer than this build's {}", path.string(),
                            version, latest_schema_version()));
        }
        // WAL: readers keep their snapshot while an import writes.
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA foreign_keys = ON");
        if (version < latest_schema_version()) {
            SQLite::Transaction migrate(db);
            const auto migrations = schema_migrations();
            for (int v = version; v < latest_schema_version(); ++v) {
                db.exec(std::string(migrations[static_cast<std::size_t>(v)]));
            }
            db.exec(fmt::format("PRAGMA user_version = {}", latest_schema_version()));
            migrate.commit();
        }
        return RateStore(std::make_unique<Impl>(std::move(db)));
    } catch (const SQLite::Exception& e) {
        throw RateStoreError(
            ErrorCode::DatabaseFailure, "--db",
            fmt::format("cannot open '{}' for import: {}", path.string(), e.what()));
    }
}

int RateStore::schema_version() const { return user_version(impl_->db); }

RateBookData RateStore::load() const {
    try {
        RateBookData data;
        // One read transaction: a consistent snapshot even while an import commits.
        impl_->db.exec("BEGIN");
        for (const auto& table : table_specs()) table.load(impl_->db, data);
        impl_->db.exec("COMMIT");
        return data;
    } catch (const SQLite::Exception& e) {
        try {
            impl_->db.exec("ROLLBACK");
        } catch (const SQLite::Exception&) {
        }
        database_failure(e, "reading the rate store");
    }
}

ImportReport RateStore::import_directory(const fs::path& directory) {
    ImportBatch batch = read_import_directory(directory, load());
    if (!batch.report.ok()) return batch.report;
    try {
        SQLite::Transaction transaction(impl_->db);
        write_batch(impl_->db, batch.rows);
        SQLite::Statement log(impl_->db,
                              "INSERT INTO imports (imported_at, source, row_count) VALUES "
                              "(strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?)");
        log.bind(1, fs::absolute(directory).string());
        log.bind(2, static_cast<std::int64_t>(batch.report.total_rows()));
        log.exec();
        transaction.commit();
        batch.report.written = true;
    } catch (const SQLite::Exception& e) {
        // The transaction rolled back: nothing was written.
        batch.report.errors.push_back(
            {directory.string(), 0, 0, fmt::format("database refused the import: {}", e.what())});
    }
    return batch.report;
}

SheetImportResult RateStore::import_sheet(const fs::path& workbook, const SheetMapping& mapping,
                                          bool dry_run) {
    SheetBatch batch = read_sheet_import(workbook, mapping, load());
    auto& result = batch.result;
    if (!result.report.ok() || dry_run) return result;
    try {
        SQLite::Transaction transaction(impl_->db);
        SQLite::Statement end(impl_->db, "UPDATE rate_lines SET valid_to = ? WHERE line_id = ?");
        for (const auto& e : result.ended) {
            end.bind(1, e.valid_to.iso());
            end.bind(2, e.line_id);
            end.exec();
            end.reset();
        }
        write_batch(impl_->db, batch.rows);
        SQLite::Statement log(impl_->db,
                              "INSERT INTO imports (imported_at, source, row_count) VALUES "
                              "(strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?)");
        log.bind(1, fmt::format("{} [{}]", fs::absolute(workbook).string(), result.sheet));
        log.bind(2, static_cast<std::int64_t>(result.report.total_rows()));
        log.exec();
        transaction.commit();
        result.report.written = true;
    } catch (const SQLite::Exception& e) {
        // The transaction rolled back: nothing was written.
        result.report.errors.push_back(
            {workbook.string(), 0, 0, fmt::format("database refused the import: {}", e.what())});
    }
    return result;
}

std::shared_ptr<const RateBook> load_rate_book(const fs::path& path) {
    return std::make_shared<const RateBook>(RateStore::open_read_only(path).load());
}

}  // namespace cargoquote::rates
