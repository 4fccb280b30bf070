#pragma once
// A tiny OpenFlights-format fixture for the network synthesizer's skip rules, assembled at test
// time in a scratch directory: the real rows (FRA, AMS, LUN, HKG, RGN, PVG, EWR, JFK, DOH; the
// airlines LH, CA, DL; their countries; the routes LH/CA FRA-PVG and PVG-FRA, DL JFK-FRA) are read
// from shared/data/openflights, so no OpenFlights data is kept in the repository; the rows that
// exercise one rule each are invented here (names starting with "Fixture", invented codes).
// routes.dat is written with CRLF line endings, the other files with LF, as the synthesizer must
// read both.

#include <filesystem>
#include <optional>

namespace cargoquote::test {

// Writes airports.dat, airlines.dat, countries.dat and routes.dat into `dir`; nullopt (nothing
// written) when `openflights` (the real data set's directory) lacks a row the fixture needs.
[[nodiscard]] std::optional<std::filesystem::path> write_openflights_fixture(
    const std::filesystem::path& openflights, const std::filesystem::path& dir);

}  // namespace cargoquote::test
