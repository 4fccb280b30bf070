#include <algorithm>
#include <cargoquote/core/suggest.hpp>
#include <numeric>

namespace cargoquote {

namespace {
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: Levenshtein plus the swap of two neighbours ("qoute", "peice"),
    // the commonest typo, as one edit. Three rows of the table are kept.
    const std::size_t n = b.size();
    std::vector<std::size_t> before(n + 1), previous(n + 1), current(n + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= n; ++j) {
            const bool same = lower(a[i - 1]) == lower(b[j - 1]);
            current[j] =
                std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1])) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[n];
}

std::vector<std::string> closest_matches(std::string_view given,
                                         std::span<const std::string_view> candidates,
                                         std::size_t limit) {
    const std::size_t most = std::max<std::size_t>(given.size() >= 6 ? 2 : 1, given.size() / 3);
    std::vector<std::pair<std::size_t, std::size_t>> found;  // distance, candidate index
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::size_t d = edit_distance(given, candidates[i]);
        if (d <= most) found.emplace_back(d, i);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [distance, i] : found) {
        if (out.size() == limit) break;
        const std::string name(candidates[i]);
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
}

std::string did_you_mean(std::string_view given, std::span<const std::string_view> candidates,
                         std::string_view quote) {
    const auto matches = closest_matches(given, candidates);
    if (matches.empty()) return "";
    std::string out = "; did you mean ";
    for (std::size_t i = 0; i < matches.size(); ++i) {
        if (i > 0) out += i + 1 == matches.size() ? " or " : ", ";
        out.append(quote).append(matches[i]).append(quote);
    }
    return out + "?";
}

}  // namespace cargoquote
