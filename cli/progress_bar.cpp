#include "progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace cargoquote::cli {

namespace {
constexpr auto kRedrawEvery = std::chrono::milliseconds(200);
}

ProgressBar::ProgressBar(std::optional<std::uint64_t> total_bytes)
    : total_bytes_(total_bytes),
      enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressBar::update(std::uint64_t rows, std::uint64_t bytes) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < kRedrawEvery) return;
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0.0;
    std::string line = fmt::format("\r{:>12L} rows  {:>10.0f} rows/s", rows, rate);
    if (total_bytes_ && *total_bytes_ > 0 && bytes > 0) {
        const double fraction = static_cast<double>(bytes) / static_cast<double>(*total_bytes_);
        const double eta = fraction > 0 ? seconds * (1.0 - fraction) / fraction : 0.0;
        const auto eta_seconds = static_cast<long>(eta + 0.5);
        line += fmt::format("  {:5.1f} %  ETA {}:{:02d}:{:02d}", 100.0 * fraction,
                            eta_seconds / 3600, (eta_seconds / 60) % 60, eta_seconds % 60);
    }
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressBar::finish() {
    if (!drawn_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
}

}  // namespace cargoquote::cli
