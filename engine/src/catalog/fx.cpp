#include <algorithm>
#include <cargoquote/catalog/fx.hpp>
#include <cargoquote/core/decimal.hpp>
#include <tuple>

namespace cargoquote {

namespace {
constexpr std::int64_t kNanos = 1'000'000'000;
}

std::string FxRate::rate_text() const { return format_scaled_decimal(rate_nanos, 9, 0); }

std::optional<std::int64_t> parse_fx_rate(std::string_view text) {
    const auto nanos = parse_scaled_decimal(text, 9);
    if (!nanos || *nanos <= 0) return std::nullopt;
    return nanos;
}

FxTable::FxTable(std::vector<FxRate> rates) : rates_(std::move(rates)) {
    std::sort(rates_.begin(), rates_.end(), [](const FxRate& a, const FxRate& b) {
        return std::tie(a.base, a.quote, a.valid_from) < std::tie(b.base, b.quote, b.valid_from);
    });
}

const FxRate* FxTable::latest(CurrencyCode base, CurrencyCode quote, Date on) const {
    const FxRate* found = nullptr;
    auto it = std::lower_bound(
        rates_.begin(), rates_.end(), std::tie(base, quote),
        [](const FxRate& r, const auto& key) { return std::tie(r.base, r.quote) < key; });
    for (; it != rates_.end() && it->base == base && it->quote == quote; ++it) {
        if (it->valid_from <= on) found = &*it;
    }
    return found;
}

std::optional<FxUse> FxTable::find(CurrencyCode from, CurrencyCode to, Date on) const {
    if (from == to) return FxUse{from, to, kNanos, on, "identity", false};
    if (const FxRate* direct = latest(from, to, on)) {
        return FxUse{from, to, direct->rate_nanos, direct->valid_from, direct->source, false};
    }
    if (const FxRate* reverse = latest(to, from, on)) {
        const auto inverse =
            divide_round_half_up(static_cast<Int128>(kNanos) * kNanos, reverse->rate_nanos);
        return FxUse{
            from, to, static_cast<std::int64_t>(inverse), reverse->valid_from, reverse->source,
            true};
    }
    return std::nullopt;
}

Money FxTable::convert(const Money& amount, const FxUse& use) {
    if (use.from == use.to) return amount;
    // micros(to) = micros(from) x rate; rounded half-up to the target's minor unit in one step.
    return round_to_minor_unit(use.to, static_cast<Int128>(amount.micros()) * use.rate_nanos,
                               kNanos);
}

}  // namespace cargoquote
