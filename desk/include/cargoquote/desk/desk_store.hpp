#pragma once
// The quote desk's store: its own SQLite database (separate from the rate database) holding
// users and their hashed tokens, inquiries with every option shown, quotes sent, bookings and an
// append-only audit trail. Schema: numbered migrations in desk/schema, PRAGMA user_version, WAL.
// No SQLite type appears here.
//
// Thread-safety: one DeskStore may be shared by any number of threads. It keeps a small pool of
// connections (SQLite connections are never used by two threads at once): each call borrows one
// for its duration, waiting when all are in use. Several DeskStores (or processes) may open the
// same file; SQLite serialises their writes.
//
// Writes are short BEGIN IMMEDIATE transactions that take the write lock before reading what they
// check, so two bookings of one quote cannot both see it unbooked: one wins, the other gets
// Conflict. Each write and its audit entry commit together. A commit is durable once the call
// returns, also across kill -9 and power loss (synchronous = FULL).
//
// Errors: DeskError (desk_error.hpp) for state and permission (NotFound, Conflict, QuoteExpired,
// Unauthorized, Forbidden) and for SQLite failures (DatabaseFailure); InputError for bad values,
// naming the field. Queries return std::nullopt for an unknown id or reference.

#include <cargoquote/desk/audit.hpp>
#include <cargoquote/desk/kpis.hpp>
#include <cargoquote/desk/queries.hpp>
#include <cargoquote/desk/records.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cargoquote::desk {

// The schema version this build reads and writes (the number of the last migration).
[[nodiscard]] int latest_desk_schema_version();

struct DeskStoreOptions {
    int max_connections = 4;  // at least 1
    // How long a connection waits for another's write lock before DatabaseFailure.
    std::chrono::milliseconds busy_timeout{5000};
};

class DeskStore {
  public:
    // Opens or creates the database and applies pending migrations in one transaction.
    // DeskError: SchemaMismatch when the file is from a newer build, DatabaseFailure when SQLite
    // cannot open it.
    [[nodiscard]] static DeskStore open(const std::filesystem::path& path,
                                        DeskStoreOptions options = {});

    DeskStore(DeskStore&&) noexcept;
    DeskStore& operator=(DeskStore&&) noexcept;
    ~DeskStore();

    [[nodiscard]] int schema_version() const;

    // --- users and tokens (users.cpp) ---
    // Adds a user and returns it with its bearer token, shown this once. `added_by`: an active
    // admin (else Unauthorized / Forbidden), or none for the command line at the machine.
    // InputError: empty name, customer id missing for a customer or given for another role.
    [[nodiscard]] IssuedUser add_user(const NewUser& user, std::optional<UserId> added_by,
                                      Instant at);
    // The active user holding `token`, or none (unknown, malformed or deactivated). The token is
    // hashed and looked up by its hash; it is never stored or logged.
    [[nodiscard]] std::optional<User> authenticate(std::string_view token) const;
    [[nodiscard]] std::optional<User> user(UserId id) const;
    [[nodiscard]] std::vector<User> users() const;  // by id
    // Turns the user's active flag off for good: their token is refused from then on.
    // NotFound, Conflict when already inactive; `by` as for add_user.
    void deactivate_user(UserId user, std::optional<UserId> by, Instant at);

    // --- inquiries (inquiries.cpp) ---
    // Records an inquiry and every option shown. Unauthorized when taken_by is unknown or
    // inactive; Forbidden when the channel does not fit the user's role (NewInquiry::taken_by).
    // InputError for inconsistent options (duplicate ranks, mixed currencies, margin != sell -
    // buy, valid-to before valid-from, JSON that does not parse).
    [[nodiscard]] InquiryId record_inquiry(const NewInquiry& inquiry);

    // --- quotes (quotes.cpp) ---
    // Sends the options of the given ranks (at least one, each shown for the inquiry) as one
    // quote. An inquiry is sent once: a second send is Conflict (a new offer is a new inquiry), so
    // the one send ends the handling time. NotFound for an unknown inquiry; the acting user must
    // be active (Unauthorized) and, as a customer, the inquiry's customer (Forbidden).
    // InputError when `at` is before the inquiry was received.
    [[nodiscard]] Quote send(InquiryId inquiry, std::span<const int> option_ranks, UserId by,
                             Instant at);

    // --- bookings (bookings.cpp) ---
    // Books one option of a quote. NotFound for an unknown reference; Conflict when the quote is
    // already booked; InputError when the rank is not one the quote offers or `at` is before it
    // was sent; QuoteExpired when the UTC date of `at` is past the option's offer valid-to (a
    // booking before valid-from is accepted: the offer is firm once sent). Acting user as for
    // send.
    [[nodiscard]] Booking book(std::string_view quote_reference, int option_rank, UserId by,
                               Instant at);

    // --- queries ---
    [[nodiscard]] std::optional<InquiryDetail> inquiry(InquiryId id) const;
    // InputError when limit is outside 1..InquiryFilter::kMaxLimit.
    [[nodiscard]] InquiryPage inquiries(const InquiryFilter& filter) const;
    [[nodiscard]] std::optional<QuoteDetail> quote_by_ref(std::string_view reference) const;
    [[nodiscard]] std::vector<AuditEntry> audit_trail(const AuditFilter& filter) const;

    // --- KPIs (kpis.hpp for the definitions) ---
    [[nodiscard]] KpiReport kpis(KpiGroupBy group_by, const TimeRange& received) const;

  private:
    struct Impl;
    explicit DeskStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace cargoquote::desk
