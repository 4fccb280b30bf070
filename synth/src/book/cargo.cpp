#include "cargo.hpp"

#include <algorithm>
#include <charconv>

namespace cargoquote::synth::detail {

namespace {

enum class Packing { Carton, Pallet, Crate };

struct PackingModel {
    double median_density;  // kg/m3
    double median_count;
    double count_sigma;
    int max_count;
};

constexpr PackingModel model_of(Packing p) {
    switch (p) {
        case Packing::Carton:
            return {150, 3.0, 0.9, 80};
        case Packing::Pallet:
            return {180, 2.0, 0.7, 12};
        case Packing::Crate:
            return {350, 1.2, 0.5, 3};
    }
    return {167, 1, 0, 1};
}

// Standard pallet footprints in cm.
constexpr std::array<std::array<int, 2>, 5> kPalletBases = {
    {{120, 80}, {120, 100}, {110, 110}, {100, 100}, {120, 120}}};

constexpr double kDensitySigma = 0.7;
constexpr std::int64_t kMaxPieceGrams = 4'000'000;  // a main-deck freighter's piece limit

// Whole cm as mm; one dimension in eight gets a decimal (a tape-measured 120.5 cm), so the
// half-up rounding of dimensions is exercised.
int dimension_mm(Rng& rng, int whole_cm) {
    int mm = whole_cm * 10;
    if (rng.below(8) == 0) mm += static_cast<int>(rng.between(1, 9));
    return mm;
}

std::int64_t rounded_weight_g(double grams) {
    // Per-piece weights below 100 kg to 0.1 kg, heavier ones to whole kg, as shippers declare.
    const std::int64_t step = grams < 100'000 ? 100 : 1000;
    const auto steps = static_cast<std::int64_t>(grams / static_cast<double>(step) + 0.5);
    return std::clamp<std::int64_t>(steps * step, 500, kMaxPieceGrams);
}

CargoLine draw_line(Rng& rng) {
    const std::uint64_t roll = rng.below(100);
    const Packing packing = roll < 55   ? Packing::Carton
                            : roll < 90 ? Packing::Pallet
                                        : Packing::Crate;
    CargoLine line;
    switch (packing) {
        case Packing::Carton: {
            const int length = static_cast<int>(rng.between(25, 80));
            line.length_mm = dimension_mm(rng, length);
            line.width_mm =
                dimension_mm(rng, static_cast<int>(rng.between(20, std::min(length, 60))));
            line.height_mm = dimension_mm(rng, static_cast<int>(rng.between(15, 60)));
            break;
        }
        case Packing::Pallet: {
            const auto& base = kPalletBases[rng.below(kPalletBases.size())];
            line.length_mm = base[0] * 10;
            line.width_mm = base[1] * 10;
            line.height_mm = dimension_mm(rng, static_cast<int>(rng.between(60, 160)));
            break;
        }
        case Packing::Crate: {
            const int length = static_cast<int>(rng.between(80, 300));
            line.length_mm = dimension_mm(rng, length);
            line.width_mm =
                dimension_mm(rng, static_cast<int>(rng.between(60, std::min(length, 200))));
            line.height_mm = dimension_mm(rng, static_cast<int>(rng.between(50, 160)));
            break;
        }
    }
    const PackingModel m = model_of(packing);
    const double density = std::clamp(rng.lognormal(m.median_density, kDensitySigma), 20.0, 1500.0);
    // cm3 x kg/m3 / 1000 = grams.
    const double cm3 =
        static_cast<double>(line.length_mm) * line.width_mm * line.height_mm / 1000.0;
    line.weight_g = rounded_weight_g(cm3 * density / 1000.0);
    const double count = rng.lognormal(m.median_count, m.count_sigma) + 0.5;
    line.count = std::clamp(static_cast<int>(count), 1, m.max_count);
    return line;
}

void append_int(std::string& out, std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

}  // namespace

std::int64_t Cargo::gross_grams() const {
    std::int64_t grams = 0;
    for (int i = 0; i < line_count; ++i) grams += lines[i].weight_g * lines[i].count;
    return grams;
}

Cargo draw_cargo(Rng& rng) {
    Cargo cargo;
    const std::uint64_t roll = rng.below(100);
    cargo.line_count = roll < 80 ? 1 : roll < 95 ? 2 : 3;
    for (int i = 0; i < cargo.line_count; ++i) cargo.lines[i] = draw_line(rng);
    return cargo;
}

void append_scaled(std::string& out, std::int64_t value, int decimals) {
    std::int64_t unit = 1;
    for (int i = 0; i < decimals; ++i) unit *= 10;
    append_int(out, value / unit);
    std::int64_t fraction = value % unit;
    if (fraction == 0) return;
    int shown = decimals;
    while (fraction % 10 == 0) {
        fraction /= 10;
        --shown;
    }
    out += '.';
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, fraction).ptr;
    out.append(static_cast<std::size_t>(shown - (end - digits)), '0');
    out.append(digits, end);
}

void append_piece_specs(std::string& out, const Cargo& cargo) {
    for (int i = 0; i < cargo.line_count; ++i) {
        const CargoLine& l = cargo.lines[i];
        if (i > 0) out += '+';
        append_int(out, l.count);
        out += 'x';
        append_scaled(out, l.length_mm, 1);
        out += 'x';
        append_scaled(out, l.width_mm, 1);
        out += 'x';
        append_scaled(out, l.height_mm, 1);
        out += '@';
        append_scaled(out, l.weight_g, 3);
    }
}

std::vector<Piece> to_pieces(const Cargo& cargo) {
    std::vector<Piece> pieces;
    pieces.reserve(static_cast<std::size_t>(cargo.line_count));
    constexpr std::int64_t kMicrometresPerMm = 1000;
    for (int i = 0; i < cargo.line_count; ++i) {
        const CargoLine& l = cargo.lines[i];
        pieces.push_back(Piece{l.count, Length::micrometres(l.length_mm * kMicrometresPerMm),
                               Length::micrometres(l.width_mm * kMicrometresPerMm),
                               Length::micrometres(l.height_mm * kMicrometresPerMm),
                               Mass::grams(l.weight_g)});
    }
    return pieces;
}

}  // namespace cargoquote::synth::detail
