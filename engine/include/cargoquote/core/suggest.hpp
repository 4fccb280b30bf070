#pragma once
// "Did you mean ...?" for names a user mistyped: airports, customers, SLA tiers, command-line
// options. Candidates are ranked by edit distance (Levenshtein, case-insensitive); only those
// close enough to be a plausible typo are offered.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cargoquote {

// Edits (insertions, deletions, substitutions, swaps of two neighbouring characters) turning `a`
// into `b`, ignoring ASCII case.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates within max(1, |given| / 3) edits of `given` (2 for names of six or
// more characters), closest first; ties keep the candidates' order.
[[nodiscard]] std::vector<std::string> closest_matches(std::string_view given,
                                                       std::span<const std::string_view> candidates,
                                                       std::size_t limit = 3);

// "; did you mean 'FRA'?" or "; did you mean 'FRA', 'FRB' or 'FRC'?"; "" without a close match.
[[nodiscard]] std::string did_you_mean(std::string_view given,
                                       std::span<const std::string_view> candidates,
                                       std::string_view quote = "'");

}  // namespace cargoquote
