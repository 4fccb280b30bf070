#pragma once
// Counts the rows of one OpenFlights file: read, used, and skipped by reason. Every reason is
// declared up front (so the report lists zeros too), and finish() checks that every row read is
// either used or skipped.

#include <fmt/format.h>

#include <cargoquote/synth/openflights_network.hpp>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cargoquote::synth::detail {

class Tally {
  public:
    Tally(std::string file, std::initializer_list<std::string_view> reasons) {
        tally_.file = std::move(file);
        for (auto r : reasons) tally_.skipped.emplace_back(std::string(r), 0);
    }
    void read() { ++tally_.read; }
    void skip(std::string_view r) {
        for (auto& [name, count] : tally_.skipped) {
            if (name == r) {
                ++count;
                return;
            }
        }
        throw std::logic_error(fmt::format("unlisted skip reason '{}'", r));
    }
    SourceTally finish(std::size_t used) {
        tally_.used = used;
        if (tally_.used + tally_.skipped_total() != tally_.read) {
            throw std::logic_error(fmt::format("{}: {} read but {} used + {} skipped", tally_.file,
                                               tally_.read, tally_.used, tally_.skipped_total()));
        }
        return tally_;
    }

  private:
    SourceTally tally_;
};

}  // namespace cargoquote::synth::detail
