#include <cargoquote/network/search_cache.hpp>
#include <functional>

namespace cargoquote {

std::size_t SearchCache::KeyHash::operator()(const Key& k) const noexcept {
    std::size_t h = std::hash<AirportCode>{}(k.origin);
    const auto mix = [&h](std::size_t v) { h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2); };
    mix(std::hash<AirportCode>{}(k.destination));
    mix(std::hash<std::string>{}(k.refusal_class));
    mix(static_cast<std::size_t>(k.fits) | static_cast<std::size_t>(k.max_legs) << 8 |
        static_cast<std::size_t>(k.horizon_days) << 16 |
        static_cast<std::size_t>(k.max_connection_hours) << 32 |
        static_cast<std::size_t>(k.keep_dominated) << 48);
    return h;
}

const SearchOutcome* SearchCache::find(const Key& key, std::int64_t ready_utc) {
    const auto it = entries_.find(key);
    if (it != entries_.end()) {
        for (const Entry& e : it->second) {
            if (e.first_ready <= ready_utc && ready_utc <= e.last_ready) {
                ++hits_;
                return &e.outcome;
            }
        }
    }
    ++misses_;
    return nullptr;
}

void SearchCache::store(const Key& key, std::int64_t first_ready_utc, std::int64_t last_ready_utc,
                        const SearchOutcome& outcome) {
    if (size_ >= capacity_) {
        entries_.clear();
        size_ = 0;
    }
    entries_[key].push_back(Entry{first_ready_utc, last_ready_utc, outcome});
    ++size_;
}

}  // namespace cargoquote
