#pragma once
// A few SQLite connections to one desk database, each used by one thread at a time: a call
// borrows one (opening it on first need, up to the limit, else waiting for one to come back).

#include <SQLiteCpp/SQLiteCpp.h>

#include <cargoquote/desk/desk_store.hpp>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

namespace cargoquote::desk {

class ConnectionPool {
  public:
    // Opens the first connection and migrates the schema with it.
    ConnectionPool(std::filesystem::path path, DeskStoreOptions options);

    class Lease {
      public:
        Lease(ConnectionPool& pool, std::unique_ptr<SQLite::Database> db)
            : pool_(&pool), db_(std::move(db)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { pool_->give_back(std::move(db_)); }
        [[nodiscard]] SQLite::Database& db() { return *db_; }

      private:
        ConnectionPool* pool_;
        std::unique_ptr<SQLite::Database> db_;
    };

    [[nodiscard]] Lease borrow();

  private:
    [[nodiscard]] std::unique_ptr<SQLite::Database> open_connection() const;
    void give_back(std::unique_ptr<SQLite::Database> db);

    std::filesystem::path path_;
    DeskStoreOptions options_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<SQLite::Database>> idle_;
    int opened_ = 0;
};

}  // namespace cargoquote::desk
