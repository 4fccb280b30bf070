#include "http/rate_snapshots.hpp"

#include <fmt/format.h>

#include <cargoquote/rates/rate_store.hpp>
#include <cstdint>
#include <string_view>

namespace cargoquote::desk {

namespace {

// FNV-1a, 64 bits: a fingerprint to tell snapshots apart, not a security measure.
class Fingerprint {
  public:
    void add(std::string_view text) {
        for (const char c : text) {
            hash_ ^= static_cast<unsigned char>(c);
            hash_ *= 1099511628211ULL;
        }
        hash_ ^= 0xff;  // separator, so "ab"+"c" differs from "a"+"bc"
        hash_ *= 1099511628211ULL;
    }
    [[nodiscard]] std::uint64_t value() const { return hash_; }

  private:
    std::uint64_t hash_ = 14695981039346656037ULL;
};

std::string fingerprint_of(const RateBook& book) {
    Fingerprint f;
    for (const auto& line : book.data().rate_lines) {
        f.add(line.line_id);
        f.add(line.sheet);
        f.add(line.version);
        f.add(line.valid_from.iso());
        f.add(line.valid_to.iso());
    }
    for (const auto& s : book.data().surcharges) {
        f.add(s.surcharge_id);
        f.add(s.valid_from.iso());
    }
    return fmt::format("{:016x}", f.value());
}

}  // namespace

RateSnapshots::RateSnapshots(std::filesystem::path rates_db) : path_(std::move(rates_db)) {
    reload();
}

std::shared_ptr<const RateSnapshot> RateSnapshots::reload() {
    const std::lock_guard lock(reload_mutex_);
    auto book = rates::load_rate_book(path_);
    const std::string fingerprint = fingerprint_of(*book);
    auto snapshot = std::make_shared<const RateSnapshot>(
        RateSnapshot{std::make_shared<const QuoteEngine>(std::move(book)),
                     fmt::format("r{}-{}", ++sequence_, fingerprint)});
    current_.store(snapshot);
    return snapshot;
}

}  // namespace cargoquote::desk
