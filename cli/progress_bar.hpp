#pragma once
// A one-line progress display on stderr for long batch jobs: rows done, rows/s and, when the
// input size is known, percent and ETA. Silent unless stderr is a terminal.

#include <chrono>
#include <cstdint>
#include <optional>

namespace cargoquote::cli {

class ProgressBar {
  public:
    explicit ProgressBar(std::optional<std::uint64_t> total_bytes);
    // Redraws at most a few times a second.
    void update(std::uint64_t rows, std::uint64_t bytes);
    // Clears the line (before the summary is printed).
    void finish();

  private:
    std::optional<std::uint64_t> total_bytes_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace cargoquote::cli
