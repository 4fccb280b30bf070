#include "http/bounded_queue.hpp"

namespace cargoquote::desk::http {

namespace {
thread_local bool serving_shed_connection = false;
}

BoundedQueue::BoundedQueue(std::size_t threads, std::size_t max_waiting)
    : max_waiting_(max_waiting) {
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

BoundedQueue::~BoundedQueue() { shutdown(); }

void BoundedQueue::enqueue(std::function<void()> fn) {
    {
        const std::lock_guard lock(mutex_);
        tasks_.push_back(Task{std::move(fn), tasks_.size() >= max_waiting_});
        waiting_.store(tasks_.size());
    }
    ready_.notify_one();
}

void BoundedQueue::shutdown() {
    {
        const std::lock_guard lock(mutex_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) t.join();  // the workers finish every queued connection first
    threads_.clear();
}

bool BoundedQueue::shedding() { return serving_shed_connection; }

void BoundedQueue::work() {
    for (;;) {
        Task task;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty()) return;  // stopping, and nothing left to serve
            task = std::move(tasks_.front());
            tasks_.pop_front();
            waiting_.store(tasks_.size());
        }
        serving_shed_connection = task.shed;
        task.fn();
        serving_shed_connection = false;
    }
}

}  // namespace cargoquote::desk::http
