#pragma once
// The server's worker pool: a fixed number of threads and a queue of accepted connections. A
// connection accepted while more than `max_waiting` are already waiting is still served, but
// marked: its requests are answered 503 at once (Retry-After) instead of queueing behind the
// backlog, so under overload latency stays bounded and nothing crashes or hangs.

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cargoquote::desk::http {

class BoundedQueue final : public httplib::TaskQueue {
  public:
    BoundedQueue(std::size_t threads, std::size_t max_waiting);
    ~BoundedQueue() override;

    void enqueue(std::function<void()> fn) override;
    void shutdown() override;

    // True on a worker thread while it serves a connection accepted over the limit.
    [[nodiscard]] static bool shedding();
    [[nodiscard]] std::size_t waiting() const { return waiting_.load(); }

  private:
    struct Task {
        std::function<void()> fn;
        bool shed = false;
    };
    void work();

    std::size_t max_waiting_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Task> tasks_;
    std::atomic<std::size_t> waiting_{0};
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace cargoquote::desk::http
