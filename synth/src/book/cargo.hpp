#pragma once
// Synthetic cargo for the book synthesizer: one to three lines of identical pieces (cartons,
// pallets or crates) with plausible counts, dimensions and densities, held in integers so the
// piece spec text and the engine's Piece values agree exactly.

#include <array>
#include <cargoquote/shipment/shipment.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "random.hpp"

namespace cargoquote::synth::detail {

struct CargoLine {
    int count = 1;
    int length_mm = 0;  // whole millimetres = centimetres with one decimal
    int width_mm = 0;
    int height_mm = 0;
    std::int64_t weight_g = 0;  // per piece; a multiple of 100 g
};

struct Cargo {
    std::array<CargoLine, 3> lines{};
    int line_count = 0;

    [[nodiscard]] std::int64_t gross_grams() const;
};

// Cartons 55 %, pallets 35 %, crates 10 % per line; densities lognormal around 150-350 kg/m3,
// so about half the lines are volumetric (below the IATA 166.67 kg/m3) and half dense.
[[nodiscard]] Cargo draw_cargo(Rng& rng);

// Appends "3x120x80x100@250+1x40.5x30x20@8.2" (cm, kg per piece) to `out`.
void append_piece_specs(std::string& out, const Cargo& cargo);

// The same pieces as engine values.
[[nodiscard]] std::vector<Piece> to_pieces(const Cargo& cargo);

// Appends `value / 10^decimals` with its decimals, the trailing zero decimals dropped: (1205, 1)
// -> "120.5", (250000, 3) -> "250".
void append_scaled(std::string& out, std::int64_t value, int decimals);

}  // namespace cargoquote::synth::detail
