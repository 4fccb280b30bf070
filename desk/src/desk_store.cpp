// The facade: each call borrows a pooled connection and hands it to the file that does the job.
#include <algorithm>
#include <cargoquote/desk/desk_store.hpp>

#include "audit_log.hpp"
#include "bookings.hpp"
#include "connection_pool.hpp"
#include "inquiries.hpp"
#include "inquiry_rows.hpp"
#include "kpi_report.hpp"
#include "quotes.hpp"
#include "schema.hpp"
#include "sql_values.hpp"
#include "users.hpp"

namespace cargoquote::desk {

struct DeskStore::Impl {
    Impl(const std::filesystem::path& path, DeskStoreOptions options) : pool(path, options) {}
    ConnectionPool pool;

    // Runs `work` on a borrowed connection; SQLite errors leave as DatabaseFailure.
    template <typename Work>
    decltype(auto) with_connection(std::string_view doing, Work&& work) {
        return guarded(doing, [&]() -> decltype(auto) {
            auto lease = pool.borrow();
            return work(lease.db());
        });
    }
    // The same inside one read transaction: everything read comes from one snapshot.
    template <typename Work>
    decltype(auto) in_snapshot(std::string_view doing, Work&& work) {
        return with_connection(doing, [&](SQLite::Database& db) {
            SQLite::Transaction snapshot(db);
            auto result = work(db);
            snapshot.commit();
            return result;
        });
    }
};

DeskStore::DeskStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DeskStore::DeskStore(DeskStore&&) noexcept = default;
DeskStore& DeskStore::operator=(DeskStore&&) noexcept = default;
DeskStore::~DeskStore() = default;

DeskStore DeskStore::open(const std::filesystem::path& path, DeskStoreOptions options) {
    try {
        return DeskStore(std::make_unique<Impl>(path, options));
    } catch (const SQLite::Exception& e) {
        throw DeskError(ErrorCode::DatabaseFailure, "--desk",
                        "cannot open '" + path.string() + "': " + e.what());
    }
}

int DeskStore::schema_version() const {
    return impl_->with_connection("reading the schema version",
                                  [](SQLite::Database& db) { return user_version(db); });
}

IssuedUser DeskStore::add_user(const NewUser& user, std::optional<UserId> added_by, Instant at) {
    return impl_->with_connection(
        "adding a user", [&](SQLite::Database& db) { return insert_user(db, user, added_by, at); });
}

std::optional<User> DeskStore::authenticate(std::string_view token) const {
    return impl_->with_connection("checking a token",
                                  [&](SQLite::Database& db) { return user_by_token(db, token); });
}

std::optional<User> DeskStore::user(UserId id) const {
    return impl_->with_connection("reading a user",
                                  [&](SQLite::Database& db) { return find_user(db, id); });
}

std::vector<User> DeskStore::users() const {
    return impl_->with_connection("listing users",
                                  [](SQLite::Database& db) { return all_users(db); });
}

void DeskStore::deactivate_user(UserId user, std::optional<UserId> by, Instant at) {
    impl_->with_connection("deactivating a user",
                           [&](SQLite::Database& db) { deactivate(db, user, by, at); });
}

InquiryId DeskStore::record_inquiry(const NewInquiry& inquiry) {
    return impl_->with_connection(
        "recording an inquiry", [&](SQLite::Database& db) { return insert_inquiry(db, inquiry); });
}

Quote DeskStore::send(InquiryId inquiry, std::span<const int> option_ranks, UserId by, Instant at) {
    return impl_->with_connection("sending a quote", [&](SQLite::Database& db) {
        return insert_quote(db, inquiry, option_ranks, by, at);
    });
}

Booking DeskStore::book(std::string_view quote_reference, int option_rank, UserId by, Instant at) {
    return impl_->with_connection("booking a quote", [&](SQLite::Database& db) {
        return insert_booking(db, quote_reference, option_rank, by, at);
    });
}

std::optional<InquiryDetail> DeskStore::inquiry(InquiryId id) const {
    return impl_->in_snapshot("reading an inquiry", [&](SQLite::Database& db) {
        std::optional<InquiryDetail> detail;
        auto found = find_inquiry(db, id);
        if (!found) return detail;
        detail.emplace();
        detail->inquiry = *std::move(found);
        detail->options = read_options(db, id);
        detail->quote = quote_of_inquiry(db, id);
        if (detail->quote) detail->booking = booking_of_quote(db, detail->quote->id);
        return detail;
    });
}

InquiryPage DeskStore::inquiries(const InquiryFilter& filter) const {
    return impl_->in_snapshot("listing inquiries",
                              [&](SQLite::Database& db) { return read_inquiry_page(db, filter); });
}

std::optional<QuoteDetail> DeskStore::quote_by_ref(std::string_view reference) const {
    return impl_->in_snapshot("reading a quote", [&](SQLite::Database& db) {
        std::optional<QuoteDetail> detail;
        auto quote = quote_with_reference(db, reference);
        if (!quote) return detail;
        auto inquiry = find_inquiry(db, quote->inquiry);
        if (!inquiry) {
            throw DeskError(ErrorCode::DatabaseFailure, "quote", "a quote without its inquiry");
        }
        detail.emplace();
        for (OptionRecord& o : read_options(db, quote->inquiry)) {
            if (std::find(quote->option_ranks.begin(), quote->option_ranks.end(), o.rank) !=
                quote->option_ranks.end()) {
                detail->options.push_back(std::move(o));
            }
        }
        detail->booking = booking_of_quote(db, quote->id);
        detail->inquiry = *std::move(inquiry);
        detail->quote = *std::move(quote);
        return detail;
    });
}

std::vector<AuditEntry> DeskStore::audit_trail(const AuditFilter& filter) const {
    return impl_->with_connection("reading the audit trail",
                                  [&](SQLite::Database& db) { return read_audit(db, filter); });
}

KpiReport DeskStore::kpis(KpiGroupBy group_by, const TimeRange& received) const {
    return impl_->in_snapshot(
        "computing KPIs", [&](SQLite::Database& db) { return read_kpis(db, group_by, received); });
}

}  // namespace cargoquote::desk
