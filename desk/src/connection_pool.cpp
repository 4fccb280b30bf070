#include "connection_pool.hpp"

#include "schema.hpp"

namespace cargoquote::desk {

ConnectionPool::ConnectionPool(std::filesystem::path path, DeskStoreOptions options)
    : path_(std::move(path)), options_(options) {
    if (options_.max_connections < 1) options_.max_connections = 1;
    auto first = open_connection();
    // WAL: readers keep their snapshot while a write commits, and a write never blocks them.
    // The mode is stored in the file, so once is enough.
    first->exec("PRAGMA journal_mode = WAL");
    migrate(*first, path_.string());
    idle_.push_back(std::move(first));
    opened_ = 1;
}

std::unique_ptr<SQLite::Database> ConnectionPool::open_connection() const {
    auto db = std::make_unique<SQLite::Database>(path_.string(),
                                                 SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                 static_cast<int>(options_.busy_timeout.count()));
    db->exec("PRAGMA foreign_keys = ON");
    // FULL, not NORMAL: in WAL mode NORMAL already survives kill -9, but a power cut or OS crash
    // can lose the last commits. A booking or sent quote confirmed to a customer must not vanish,
    // and the desk writes a few small transactions a second at most, so an fsync per commit is
    // cheap.
    db->exec("PRAGMA synchronous = FULL");
    return db;
}

ConnectionPool::Lease ConnectionPool::borrow() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || opened_ < options_.max_connections; });
    if (!idle_.empty()) {
        auto db = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(db));
    }
    ++opened_;  // reserve the slot, then open outside the lock
    lock.unlock();
    try {
        return Lease(*this, open_connection());
    } catch (...) {
        lock.lock();
        --opened_;
        returned_.notify_one();
        throw;
    }
}

void ConnectionPool::give_back(std::unique_ptr<SQLite::Database> db) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(db));
    }
    returned_.notify_one();
}

}  // namespace cargoquote::desk
