#pragma once
// Dated FX table. 1 base = rate quote, in force from valid_from until the next row of the pair.
// Conversion rounds half-up to the target currency's minor unit, and reports the rate it used.

#include <cargoquote/core/codes.hpp>
#include <cargoquote/core/money.hpp>
#include <cargoquote/core/time.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cargoquote {

struct FxRate {
    Date valid_from;
    CurrencyCode base;
    CurrencyCode quote;
    std::int64_t rate_nanos = 0;  // quote units per base unit x 1e9
    std::string source;
    [[nodiscard]] std::string rate_text() const;  // "7.21"
    friend bool operator==(const FxRate&, const FxRate&) = default;
};

// How one amount was converted: the stored row, inverted when only the reverse pair exists.
struct FxUse {
    CurrencyCode from;
    CurrencyCode to;
    std::int64_t rate_nanos = 0;  // `to` units per `from` unit x 1e9, as applied
    Date valid_from;
    std::string source;
    bool inverted = false;
    friend bool operator==(const FxUse&, const FxUse&) = default;
};

// Parses "7.215" into nanos; nullopt when malformed or not positive.
[[nodiscard]] std::optional<std::int64_t> parse_fx_rate(std::string_view text);

class FxTable {
  public:
    FxTable() = default;
    explicit FxTable(std::vector<FxRate> rates);

    // The rate from -> to in force on `on`: the stored pair, else the inverse of the reverse pair.
    // nullopt when neither is stored for that date. Same currency: rate 1.
    [[nodiscard]] std::optional<FxUse> find(CurrencyCode from, CurrencyCode to, Date on) const;

    [[nodiscard]] static Money convert(const Money& amount, const FxUse& use);

    [[nodiscard]] const std::vector<FxRate>& rates() const { return rates_; }

  private:
    [[nodiscard]] const FxRate* latest(CurrencyCode base, CurrencyCode quote, Date on) const;
    std::vector<FxRate> rates_;  // sorted by (base, quote, valid_from)
};

}  // namespace cargoquote
