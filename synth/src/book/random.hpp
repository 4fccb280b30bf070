#pragma once
// The book synthesizer's randomness: std::mt19937_64 (its output sequence is fixed by the C++
// standard) with every distribution written out here. The std:: distributions are
// implementation-defined, so a book made with them could change with the standard library;
// these give the same book for a seed on any conforming compiler with IEEE-754 doubles (the
// lognormal uses only +, -, x, / and exact scaling, no libm; engine/CMakeLists.txt turns off
// fused multiply-add contraction for the synthesizer's sources).

#include <cassert>
#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace cargoquote::synth::detail {

class Rng {
  public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // Uniform in [0, n), n > 0: Lemire's multiply-shift with rejection (unbiased).
    std::uint64_t below(std::uint64_t n) {
        assert(n > 0);
        __extension__ typedef unsigned __int128 Wide;
        Wide product = static_cast<Wide>(engine_()) * n;
        auto low = static_cast<std::uint64_t>(product);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                product = static_cast<Wide>(engine_()) * n;
                low = static_cast<std::uint64_t>(product);
            }
        }
        return static_cast<std::uint64_t>(product >> 64U);
    }

    // Uniform integer in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        assert(lo <= hi);
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1U));
    }

    // True with probability ppm / 1,000,000.
    bool chance_ppm(std::uint32_t ppm) { return below(1'000'000) < ppm; }

    // Uniform in [0, 1) on the 53-bit grid.
    double unit() { return static_cast<double>(engine_() >> 11U) * 0x1.0p-53; }

    // Standard normal, approximated by the Irwin-Hall sum of four uniforms scaled to unit
    // variance (bounded to +-3.46 sigma, which keeps cargo sizes away from absurd tails). The
    // four uniforms are the 32-bit halves of two engine outputs.
    double normal() {
        constexpr double kScale = 1.7320508075688772;  // sqrt(3): the sum of four has variance 1/3
        double sum = 0;
        for (int i = 0; i < 2; ++i) {
            const std::uint64_t bits = engine_();
            sum += static_cast<double>(bits >> 32U) * 0x1.0p-32 +
                   static_cast<double>(bits & 0xFFFF'FFFFU) * 0x1.0p-32;
        }
        return (sum - 2.0) * kScale;
    }

    // exp(N(log(median), sigma^2)).
    double lognormal(double median, double sigma) { return median * exp_exact(sigma * normal()); }

    // Index into `cumulative` (ascending running totals of integer weights, last > 0) drawn with
    // probability proportional to each weight.
    std::size_t weighted(std::span<const std::uint64_t> cumulative) {
        const std::uint64_t x = below(cumulative.back());
        std::size_t lo = 0;
        std::size_t hi = cumulative.size() - 1;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

  private:
    // e^x from basic arithmetic: x = k ln2 + r with |r| <= ln2/2, e^r by its Taylor series to
    // degree 14 (error far below one ulp), then exact scaling by 2^k.
    static double exp_exact(double x) {
        constexpr double kLn2 = 0.6931471805599453;
        const double k = std::floor(x / kLn2 + 0.5);
        const double r = x - k * kLn2;
        double term = 1;
        double sum = 1;
        for (int n = 1; n <= 14; ++n) {
            term = term * r / n;
            sum += term;
        }
        return std::ldexp(sum, static_cast<int>(k));
    }

    std::mt19937_64 engine_;
};

// Running totals of Zipf weights 1/(rank+1) for `n` ranks, in integers (2^40 / (rank+1)).
inline std::vector<std::uint64_t> zipf_cumulative(std::size_t n) {
    std::vector<std::uint64_t> out(n);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        total += (std::uint64_t{1} << 40U) / (i + 1);
        out[i] = total;
    }
    return out;
}

}  // namespace cargoquote::synth::detail
