#pragma once
// The network synthesizer's randomness: SplitMix64 with explicit integer mappings (no std::
// distributions, which differ between standard libraries), one stream per entity seeded from the
// seed and a hash of the entity's key, so each value depends only on the seed and that entity.

#include <cstdint>
#include <limits>
#include <string_view>

namespace cargoquote::synth::detail {

// FNV-1a, 64 bits.
inline std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

class Rng {
  public:
    Rng(std::uint64_t seed, std::string_view stream)
        : state_(seed ^ (fnv1a(stream) * 0x9E3779B97F4A7C15ULL)) {
        (void)next();
    }

    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }

    // Uniform integer in [lo, hi] (inclusive), unbiased by rejection.
    std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
        const std::uint64_t range = static_cast<std::uint64_t>(hi - lo) + 1U;
        const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                    std::numeric_limits<std::uint64_t>::max() % range;
        std::uint64_t x = next();
        while (x >= limit) x = next();
        return lo + static_cast<std::int64_t>(x % range);
    }

    bool percent_chance(int percent) { return uniform(0, 99) < percent; }

  private:
    std::uint64_t state_;
};

}  // namespace cargoquote::synth::detail
