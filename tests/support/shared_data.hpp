#pragma once
// Data that lives beside the clone (../shared/data: OpenFlights and the other public data sets)
// is optional for a user's clone and required in CI. Without it a test skips with the path it
// looked for, unless CARGOQUOTE_REQUIRE_SHARED_DATA=1 (the `ci` test preset, .ci/run): then it
// fails, so CI cannot pass by skipping.

#include <gtest/gtest.h>

#include <cstdlib>
#include <string_view>

namespace cargoquote::test {

[[nodiscard]] inline bool shared_data_required() {
    const char* value = std::getenv("CARGOQUOTE_REQUIRE_SHARED_DATA");
    return value != nullptr && std::string_view(value) == "1";
}

}  // namespace cargoquote::test

// Skips the current test, or fails it where shared data is required; `message` is streamed.
#define CARGOQUOTE_SKIP_WITHOUT_SHARED_DATA(message)                              \
    do {                                                                          \
        if (::cargoquote::test::shared_data_required()) {                         \
            FAIL() << message << " (required: CARGOQUOTE_REQUIRE_SHARED_DATA=1)"; \
        }                                                                         \
        GTEST_SKIP() << message;                                                  \
    } while (false)
