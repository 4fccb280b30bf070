// libFuzzer target: the AHP pairwise-comparison document (parse_ahp_input, as `cargoquote ahp`
// reads it). A refusal is a cargoquote::Error; anything else thrown escapes to libFuzzer as a
// crash. An accepted document has one label per criterion, and its weights compute.

#include <cargoquote/core/error.hpp>
#include <cargoquote/io/ahp_json.hpp>
#include <cargoquote/selection/ahp.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cargoquote;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    AhpInput input;
    try {
        input = parse_ahp_input(text);
    } catch (const Error&) {
        return 0;  // refused input is an answer, not a crash
    }
    if (input.labels.size() != input.pairwise.rows()) {
        fuzz::property_failed("labels and criteria differ in number");
    }
    try {
        const selection::AhpResult r = selection::ahp_weights(input.pairwise, input.table);
        if (r.weights.size() != input.labels.size()) fuzz::property_failed("a weight per label");
        (void)selection::random_index(input.labels.size(), input.table);
    } catch (const Error& e) {
        fuzz::property_failed(std::string("an accepted matrix is refused later: ") + e.what());
    }
    return 0;
}
