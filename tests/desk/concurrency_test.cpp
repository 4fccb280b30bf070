// Many threads on one store, two stores on one file, and a writer killed with SIGKILL: exactly
// one of two racing bookings wins, and no committed write is ever lost.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cargoquote/desk/desk_error.hpp>
#include <latch>
#include <set>
#include <thread>

#include "desk/desk_fixture.hpp"

namespace cargoquote::desk {
namespace {
using test::utc;

class ConcurrencyTest : public test::DeskTest {};

// The outcome of one booking attempt: ok, or the code it failed with.
std::optional<ErrorCode> try_booking(DeskStore& store, const std::string& reference, int rank,
                                     UserId by) {
    try {
        (void)store.book(reference, rank, by, utc("2026-11-25T12:00:00"));
        return std::nullopt;
    } catch (const Error& e) {
        return e.code();
    }
}

TEST_F(ConcurrencyTest, TwoStoresRacingToBookOneQuoteExactlyOneWins) {
    DeskStore other = DeskStore::open(path);  // a second handle: its own connections
    for (int round = 0; round < 20; ++round) {
        SCOPED_TRACE(round);
        const Quote quote = quoted_inquiry();
        std::latch start(2);
        std::optional<ErrorCode> first;
        std::optional<ErrorCode> second;
        std::thread a([&] {
            start.arrive_and_wait();
            first = try_booking(store, quote.reference, 1, anna.user.id);
        });
        std::thread b([&] {
            start.arrive_and_wait();
            second = try_booking(other, quote.reference, 2, ben.user.id);
        });
        a.join();
        b.join();
        // One succeeded, the other was told the quote is booked.
        EXPECT_NE(first.has_value(), second.has_value());
        EXPECT_EQ(first.value_or(ErrorCode::Conflict), ErrorCode::Conflict);
        EXPECT_EQ(second.value_or(ErrorCode::Conflict), ErrorCode::Conflict);
        const auto booking = store.quote_by_ref(quote.reference)->booking;
        ASSERT_TRUE(booking.has_value());
        EXPECT_EQ(booking->option_rank, first ? 2 : 1);
        EXPECT_EQ(booking->booked_by, first ? ben.user.id : anna.user.id);
    }
    EXPECT_EQ(store.audit_trail({.entity = AuditEntity::Booking}).size(), 20u);
}

TEST_F(ConcurrencyTest, ManyThreadsShareOneStore) {
    constexpr int kThreads = 8;
    constexpr int kEach = 15;
    DeskStore shared = DeskStore::open(path, {.max_connections = 3});
    std::vector<std::vector<InquiryId>> ids(kThreads);
    std::atomic<int> failures{0};
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            try {
                for (int i = 0; i < kEach; ++i) {
                    const InquiryId id = shared.record_inquiry(
                        test::inquiry(t % 2 ? anna.user.id : ben.user.id, "2026-11-25T08:00:00"));
                    ids[static_cast<std::size_t>(t)].push_back(id);
                    // Readers run among the writers.
                    if (!shared.inquiry(id).has_value()) ++failures;
                    if (shared.inquiries({.limit = 5}).items.empty()) ++failures;
                }
            } catch (const std::exception&) {
                ++failures;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    std::set<InquiryId> distinct;
    for (const auto& list : ids) distinct.insert(list.begin(), list.end());
    EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kThreads * kEach));
    EXPECT_EQ(store.inquiries({.limit = InquiryFilter::kMaxLimit}).items.size(),
              static_cast<std::size_t>(kThreads * kEach));
    EXPECT_EQ(store.audit_trail({.entity = AuditEntity::Inquiry, .limit = 1000}).size(),
              static_cast<std::size_t>(kThreads * kEach));
}

// A child process records inquiries as fast as it can and reports each id once record_inquiry
// has returned (committed); the parent kills it mid-burst with SIGKILL. Every reported inquiry
// must be there afterwards, with its options and audit entry, and the file must be intact.
TEST_F(ConcurrencyTest, KillNineLosesNoCommittedInquiry) {
    const std::filesystem::path burst_path = dir / "burst.db";
    const UserId agent{1};
    {
        DeskStore setup = DeskStore::open(burst_path);
        (void)setup.add_user({Role::Staff, "burst agent", {}}, {}, utc("2026-11-01T00:00:00"));
    }
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(pipe_fds[0]);
        try {
            DeskStore writer = DeskStore::open(burst_path);
            for (;;) {
                const std::int64_t id =
                    writer.record_inquiry(test::inquiry(agent, "2026-11-25T08:00:00")).value;
                if (::write(pipe_fds[1], &id, sizeof id) != sizeof id) ::_exit(3);
            }
        } catch (...) {
            ::_exit(2);
        }
    }
    ::close(pipe_fds[1]);
    std::vector<std::int64_t> acknowledged;
    while (acknowledged.size() < 40) {
        std::int64_t id = 0;
        if (::read(pipe_fds[0], &id, sizeof id) != sizeof id) break;
        acknowledged.push_back(id);
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(pipe_fds[0]);
    ASSERT_EQ(acknowledged.size(), 40u) << "the writer stopped early";
    ASSERT_TRUE(WIFSIGNALED(status));

    {
        SQLite::Database raw(burst_path.string(), SQLite::OPEN_READWRITE);  // may recover the WAL
        EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
        SQLite::Statement dangling(raw, "PRAGMA foreign_key_check");
        EXPECT_FALSE(dangling.executeStep());
        // Whatever committed after the last acknowledgement is whole too: every inquiry has
        // its two options, their rate lines and its audit entry; nothing is half-written.
        const int inquiries = raw.execAndGet("SELECT count(*) FROM inquiries").getInt();
        EXPECT_GE(inquiries, 40);
        EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM quoted_options").getInt(), 2 * inquiries);
        EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM option_rate_lines").getInt(), 2 * inquiries);
        EXPECT_EQ(raw.execAndGet("SELECT count(*) FROM audit_events "
                                 "WHERE event = 'inquiry_received'")
                      .getInt(),
                  inquiries);
    }
    DeskStore after = DeskStore::open(burst_path);
    for (const std::int64_t id : acknowledged) {
        const auto detail = after.inquiry(InquiryId{id});
        ASSERT_TRUE(detail.has_value()) << "inquiry " << id << " was lost";
        EXPECT_EQ(detail->options.size(), 2u);
    }
}

}  // namespace
}  // namespace cargoquote::desk
